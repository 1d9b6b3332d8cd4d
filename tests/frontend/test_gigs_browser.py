"""零工市场 on two phones: a station posts a gig, a seeker watching the county's board sees it appear
without reloading and claims it over the WebSocket, and the poster's board counts the place down."""

from __future__ import annotations

import datetime
import os
import secrets
import subprocess
import sys
from dataclasses import dataclass

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from tests.conftest import ARTIFACTS, ROOT
from tests.frontend.browser import LAUNCH_ARGS, PHONE, chromium_path, fits_the_phone, log_in

pytestmark = pytest.mark.browser

KAILI = "522601"
PASSWORD = "Lingong-" + secrets.token_hex(4)


@dataclass(frozen=True)
class Accounts:
    station_phone: str
    seeker_phone: str


@pytest.fixture(scope="module")
def gig_accounts(embedded_server) -> Accounts:
    """A station worker and a seeker with a profile, inside the embedded server's database."""
    station_phone = f"136{secrets.randbelow(10**8):08d}"
    seeker_phone = f"135{secrets.randbelow(10**8):08d}"
    script = (
        "from marketplace.models import CooperationStation, User, WorkerProfile\n"
        "station = CooperationStation.objects.create(name='凯里市零工驿站', city='凯里市')\n"
        f"User.objects.create_user({station_phone!r}, {PASSWORD!r}, role='station', station=station,"
        " display_name='驿站小张')\n"
        f"seeker = User.objects.create_user({seeker_phone!r}, {PASSWORD!r}, role='seeker', display_name='吴大姐')\n"
        "WorkerProfile.objects.create(user=seeker, name='吴大姐', current_county='凯里市')\n"
    )
    # The same environment the embedded_server fixture gives the server: its settings, its var/ folder.
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL"}}
    env.update({"DJANGO_SETTINGS_MODULE": "config.settings.embedded", "JYT_VAR_DIR": str(embedded_server.var_dir)})
    subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "shell", "-c", script],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return Accounts(station_phone, seeker_phone)


def log_in_to_the_board(page: Page, base: str, phone: str) -> None:
    log_in(page, base, phone, PASSWORD, f"/gigs/{KAILI}/")
    expect(page.locator("[data-board-status]")).to_have_text("● 实时更新中", timeout=15000)
    # Set once: if the page reloads, this is gone.
    page.evaluate("window.stillTheSamePage = true")
    fits_the_phone(page)


# Makes the page look rendered before any event (number 0, no cards) before gigs.js runs.
FORGET_THE_BOARD = """
var observer = new MutationObserver(function () {
  var board = document.getElementById("gig-board");
  if (!board) return;
  board.dataset.lastSeq = "0";
  board.querySelectorAll("article.gig-card").forEach(function (card) { card.remove(); });
});
observer.observe(document, { childList: true, subtree: true });
// Parsing is over (and gigs.js has started) by then: what the script adds later stays.
document.addEventListener("DOMContentLoaded", function () { observer.disconnect(); });
"""


def test_a_posted_gig_appears_live_is_claimed_and_counts_down_on_the_posters_board(embedded_server, gig_accounts):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    base = embedded_server.url
    title = f"茶园采茶{secrets.randbelow(1000):03d}号"
    # Two days ahead: “tomorrow” in any timezone the test machine may be in.
    work_date = (datetime.date.today() + datetime.timedelta(days=2)).isoformat()
    phone_like = {
        "viewport": PHONE, "device_scale_factor": 2, "is_mobile": True, "has_touch": True, "locale": "zh-CN",
    }  # fmt: skip
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=LAUNCH_ARGS)
        try:
            seeker = browser.new_context(**phone_like).new_page()
            poster_context = browser.new_context(**phone_like)
            poster_board = poster_context.new_page()

            seeker.goto(base + "/gigs/")
            fits_the_phone(seeker)
            assert "零工市场" in seeker.inner_text("main h1")
            assert seeker.inner_text('nav.tabbar [aria-current="page"]') == "零工"
            log_in_to_the_board(seeker, base, gig_accounts.seeker_phone)
            log_in_to_the_board(poster_board, base, gig_accounts.station_phone)

            form = poster_context.new_page()
            form.goto(base + "/gigs/new/")
            fits_the_phone(form)
            form.fill("#id_title", title)
            form.select_option("#id_county", "凯里市")
            form.fill("#id_town", "舟溪镇")
            form.fill("#id_meeting_point", "舟溪镇政府门口")
            form.fill("#id_work_date", work_date)
            form.fill("#id_start_time", "08:00")
            form.fill("#id_end_time", "17:00")
            form.fill("#id_pay", "150")
            form.fill("#id_places", "2")
            form.click("main form button[type=submit]")
            form.wait_for_url(f"{base}/gigs/{KAILI}/")
            assert f"“{title}”已发布到凯里市零工市场。" in form.inner_text("main")

            # The seeker's board shows the new card without a reload.
            card = seeker.locator("article.gig-card", has_text=title)
            expect(card).to_contain_text("还剩 2 个名额", timeout=10000)
            expect(card).to_contain_text("集合：舟溪镇政府门口")
            # and says so to a screen reader, in the board's polite live region
            expect(seeker.locator("[data-announce]")).to_contain_text(f"新零工：{title}，150 元/天")
            poster_card = poster_board.locator("article.gig-card", has_text=title)
            expect(poster_card).to_contain_text("还剩 2 个名额", timeout=10000)
            assert poster_card.locator("text=抢单").count() == 0  # staff watch, they do not claim

            card.locator("button", has_text="抢单").click()
            expect(card.locator(".gig-result")).to_have_text("抢到了！请按时到集合地点。", timeout=10000)
            expect(card.locator(".btn.done")).to_have_text("已抢到")
            expect(poster_card).to_contain_text("还剩 1 个名额", timeout=10000)

            # A phone that missed everything (its page says number 0, no cards) catches up from the log.
            late = poster_context.new_page()
            late.add_init_script(FORGET_THE_BOARD)
            with late.expect_response(lambda r: f"/api/gig-boards/{KAILI}/events?since=0" in r.url):
                late.goto(f"{base}/gigs/{KAILI}/")
            expect(late.locator("article.gig-card", has_text=title)).to_contain_text("还剩 1 个名额", timeout=10000)

            assert seeker.evaluate("window.stillTheSamePage") is True
            assert poster_board.evaluate("window.stillTheSamePage") is True
            fits_the_phone(seeker)
            fits_the_phone(poster_board)
            card.scroll_into_view_if_needed()
            seeker.screenshot(path=str(ARTIFACTS / "gigs-board-phone.png"), full_page=False)
        finally:
            browser.close()
    assert (ARTIFACTS / "gigs-board-phone.png").stat().st_size > 10_000
