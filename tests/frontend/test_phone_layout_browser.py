"""Each role's main pages on phones 320–414 px wide, in normal and 大字模式, as Chromium draws them.

What a person would notice: a page that scrolls sideways, a button or tab whose word breaks over
two lines (抢/单), a control too small for a thumb; and what a screen reader or a weak eye would:
axe-core's serious and critical violations (WCAG A/AA, contrast included), checked at 360 px.
Screenshots at 360 px are kept as test artifacts (tests/artifacts/phone-<role>-<page>-<mode>.png).
"""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

from marketplace.seed.core import DEMO_PASSWORD
from marketplace.seed.people import member_phone, seeker_phone
from tests.conftest import ARTIFACTS, ROOT
from tests.frontend.browser import LAUNCH_ARGS, chromium_path, log_in

pytestmark = pytest.mark.browser

AXE = Path(__file__).parent / "vendor" / "axe-core" / "axe.min.js"
WIDTHS = (320, 360, 414)
PAGES = {
    "visitor": ["/", "/jobs/", "/gigs/", "/signup/", "/login/?mode=sms", "/events/", "/live/"],
    "seeker": ["/me/", "/me/profile/step/1/", "/me/applications/", "/me/gigs/", "/gigs/522601/", "/notifications/",
               "/me/proxy/", "/arrears/new/"],
    "employer": ["/employer/", "/employer/postings/new/"],
    "station": ["/station/", "/station/roster/", "/station/proxy/", "/station/dispatches/"],
    "bureau": ["/bureau/", "/bureau/dashboard/", "/bureau/moderation/", "/bureau/households/", "/bureau/arrears/"],
}  # fmt: skip
# Short controls: their words must stay whole. (Titles and paragraphs may wrap.)
WHOLE_WORDS = (
    ".btn:not(.block), .tabbar a > span, .chips li, .chip, .status, .font-toggle button, .job-pay,"
    ".gig-left > span, .gig-left small"
)
THUMB = ".tabbar a, .btn, .font-toggle button, .chip"

# Lines a control's text is drawn on: text rects whose tops differ by more than half a line.
BROKEN_WORDS = """(selector) => {
  const broken = [];
  for (const el of document.querySelectorAll(selector)) {
    if (!el.getClientRects().length) continue;
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const tops = [];
    let height = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of range.getClientRects()) {
        if (rect.width > 0) { tops.push(rect.top); height = Math.max(height, rect.height); }
      }
    }
    const lines = tops.sort((a, b) => a - b).filter((top, i) => i === 0 || top - tops[i - 1] > height / 2);
    if (lines.length > 1) broken.push(el.textContent.trim().replace(/\\s+/g, " "));
  }
  return broken;
}"""
SMALL_TARGETS = """(selector) => [...document.querySelectorAll(selector)]
  .filter((el) => el.getClientRects().length)
  .map((el) => [el.textContent.trim().replace(/\\s+/g, " "), el.getBoundingClientRect()])
  .filter(([, box]) => box.height < 43.5 || box.width < 43.5)
  .map(([text, box]) => `${text} ${Math.round(box.width)}×${Math.round(box.height)}`)"""
AXE_RUN = """async () => {
  const result = await axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21aa"]},
                                          resultTypes: ["violations"]});
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
}"""


CRAWL_PER_ROLE = 30
SKIP = re.compile(r"^/(logout|login|api/|static/|media/|admin/)|\.(png|csv|xlsx|jpg|ics|pdf)$|/(export|download)")


def crawl(page, base: str, start: list[str], *, role: str, mode: str) -> tuple[list[str], int]:
    """Beyond the main pages: every page reached by following the site's links (by path), at 360 px,
    checked by axe-core and for sideways scrolling. What a person tapping around would meet."""
    queue, seen, problems = list(start), set(), []
    while queue and len(seen) < CRAWL_PER_ROLE:
        href = queue.pop(0).split("#")[0]
        path = urlsplit(href).path
        if not path.startswith("/") or path in seen or SKIP.search(path):
            continue
        seen.add(path)
        response = page.goto(f"{base}{href}")
        if response is None or response.status >= 400 or "text/html" not in response.headers.get("content-type", ""):
            continue
        where = f"{role} {href} 360px {mode}"
        if page.evaluate("document.documentElement.scrollWidth") > 360:
            problems.append(f"{where}: scrolls sideways")
        page.add_script_tag(path=str(AXE))
        if violations := page.evaluate(AXE_RUN):
            problems.append(f"{where}: accessibility: {violations}")
        links = page.eval_on_selector_all("a[href^='/']", "(links) => links.map((a) => a.getAttribute('href'))")
        queue.extend(link for link in links if urlsplit(link).path not in seen)
    return problems, len(seen)


@pytest.fixture(scope="module")
def staff_phones(embedded_server) -> dict[str, str]:
    """A bureau and a station account of their own: each binds its authenticator at its first sign-in here."""
    phones = {"station": f"136{secrets.randbelow(10**8):08d}", "bureau": f"137{secrets.randbelow(10**8):08d}"}
    script = (
        "from django.utils import timezone\n"
        "from livestream.live.services import room_create, room_start\n"
        "from marketplace.models import CooperationStation, User\n"
        "station = CooperationStation.objects.order_by('pk').first()\n"
        f"User.objects.create_user({phones['station']!r}, {DEMO_PASSWORD!r}, role='station', station=station)\n"
        f"User.objects.create_user({phones['bureau']!r}, {DEMO_PASSWORD!r}, role='bureau')\n"
        # A room on air, so the live list shows a room in every state whatever ran before.
        "host = User.objects.get_by_phone('19900091000')\n"
        "room = room_create(by=host, data={'title': '黔丰电子直播带岗', 'scheduled_at': timezone.now(),"
        " 'stream_url': 'http://127.0.0.1:9/live.m3u8'})\n"
        "room_start(by=host, room=room)\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL"}}
    env.update({"DJANGO_SETTINGS_MODULE": "config.settings.embedded", "JYT_VAR_DIR": str(embedded_server.var_dir)})
    subprocess.run([sys.executable, str(ROOT / "manage.py"), "shell", "-c", script], env=env, cwd=ROOT, check=True,
                   capture_output=True)  # fmt: skip
    return phones


def test_every_roles_main_pages_fit_phones_keep_words_whole_and_give_thumbs_room(embedded_server, staff_phones):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    base = embedded_server.url
    phones = {"visitor": None, "seeker": seeker_phone(0), "employer": member_phone(0), **staff_phones}
    problems: list[str] = []
    crawled: dict[str, int] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=LAUNCH_ARGS)
        try:
            for role, paths in PAGES.items():
                context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True, has_touch=True,
                                              locale="zh-CN")  # fmt: skip
                page = context.new_page()
                if phones[role]:
                    log_in(page, base, phones[role], DEMO_PASSWORD, "/")
                for mode in ("normal", "large"):
                    if mode == "large":
                        context.add_cookies([{"name": "jyt_font", "value": "large", "url": base}])
                    for width in WIDTHS:
                        page.set_viewport_size({"width": width, "height": 740})
                        for path in paths:
                            page.goto(f"{base}{path}")
                            where = f"{role} {path} {width}px {mode}"
                            if page.evaluate("document.documentElement.scrollWidth") > width:
                                problems.append(f"{where}: scrolls sideways")
                            if broken := page.evaluate(BROKEN_WORDS, WHOLE_WORDS):
                                problems.append(f"{where}: words broken over two lines: {broken}")
                            if small := page.evaluate(SMALL_TARGETS, THUMB):
                                problems.append(f"{where}: targets under 44 px: {small}")
                            if width == 360:
                                page.add_script_tag(path=str(AXE))
                                if violations := page.evaluate(AXE_RUN):
                                    problems.append(f"{where}: accessibility: {violations}")
                                name = path.strip("/").replace("/", "-") or "home"
                                page.screenshot(path=str(ARTIFACTS / f"phone-{role}-{name}-{mode}.png"))
                page.set_viewport_size({"width": 360, "height": 740})
                for mode in ("large", "normal"):
                    context.add_cookies(
                        [{"name": "jyt_font", "value": "large" if mode == "large" else "", "url": base}]
                    )
                    found, reached = crawl(page, base, paths, role=role, mode=mode)
                    problems += found
                    crawled[role] = reached
                context.close()
        finally:
            browser.close()

    assert all(reached >= 12 for reached in crawled.values()), crawled  # the walk went beyond the main pages
    assert not problems, "\n".join(problems)
