"""直播送岗 on two phones: the host starts the stream and pushes a job from the control panel; a
seeker watching in another browser context sees the card appear without reloading, taps 一键报名,
and the host's panel counts the application up. The stream address is a dead one: the page must
still load the vendored hls.js from our own static files, say the video cannot play, and go on."""

from __future__ import annotations

import os
import re
import secrets
import subprocess
import sys
from dataclasses import dataclass

import pytest
from playwright.sync_api import Page, expect, sync_playwright

from tests.conftest import ARTIFACTS, ROOT
from tests.frontend.browser import LAUNCH_ARGS, PHONE, chromium_path, fits_the_phone, log_in

pytestmark = pytest.mark.browser

PASSWORD = "Zhibo-" + secrets.token_hex(4)


@dataclass(frozen=True)
class LiveAccounts:
    host_phone: str
    seeker_phone: str
    room_id: int
    posting_title: str


@pytest.fixture(scope="module")
def live_accounts(embedded_server) -> LiveAccounts:
    """An employer host with a scheduled room and a published job, and a seeker with a profile."""
    host_phone = f"134{secrets.randbelow(10**8):08d}"
    seeker_phone = f"133{secrets.randbelow(10**8):08d}"
    title = f"直播专岗{secrets.randbelow(1000):03d}号"
    script = (
        "from django.utils import timezone\n"
        "from marketplace.models import Employer, JobPosting, User, WorkerProfile\n"
        "from livestream.live.services import room_create\n"
        "employer = Employer.objects.filter(verification='verified').order_by('pk').first()\n"
        f"host = User.objects.create_user({host_phone!r}, {PASSWORD!r}, role='employer', employer=employer,"
        " display_name='王主播')\n"
        f"JobPosting.objects.create(employer=employer, title={title!r}, county='凯里市', pay_min=4200, pay_max=5600,"
        " status='published', published_at=timezone.now(), benefits=['包吃住'])\n"
        f"seeker = User.objects.create_user({seeker_phone!r}, {PASSWORD!r}, role='seeker', display_name='吴大姐')\n"
        "WorkerProfile.objects.create(user=seeker, name='吴大姐', current_county='凯里市')\n"
        "room = room_create(by=host, data={'title': '凯里企业直播带岗', 'scheduled_at': timezone.now(),"
        " 'stream_url': 'http://127.0.0.1:9/live/kaili.m3u8'})\n"
        "print('ROOM_ID=%d' % room.pk)\n"
    )
    # The same environment the embedded_server fixture gives the server: its settings, its var/ folder.
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL"}}
    env.update({"DJANGO_SETTINGS_MODULE": "config.settings.embedded", "JYT_VAR_DIR": str(embedded_server.var_dir)})
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "shell", "-c", script],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    room_id = int(re.search(r"ROOM_ID=(\d+)", result.stdout).group(1))
    return LiveAccounts(host_phone, seeker_phone, room_id, title)


NO_NATIVE_HLS = """
var canPlayType = HTMLMediaElement.prototype.canPlayType;
HTMLMediaElement.prototype.canPlayType = function (type) {
  return /mpegurl/i.test(type) ? "" : canPlayType.call(this, type);
};
"""


def log_in_to_the_room(page: Page, base: str, phone: str, next_path: str) -> None:
    log_in(page, base, phone, PASSWORD, next_path)
    expect(page.locator("[data-live-conn]")).to_have_text("● 实时连接中", timeout=15000)
    page.evaluate("window.stillTheSamePage = true")


def test_a_pushed_card_reaches_a_viewer_who_applies_and_the_host_sees_the_count_rise(embedded_server, live_accounts):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    base = embedded_server.url
    room_path = f"/live/{live_accounts.room_id}/"
    phone_like = {
        "viewport": PHONE, "device_scale_factor": 2, "is_mobile": True, "has_touch": True, "locale": "zh-CN",
    }  # fmt: skip
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=LAUNCH_ARGS)
        try:
            host = browser.new_context(**phone_like).new_page()
            viewer = browser.new_context(**phone_like).new_page()
            # Chromium 14x+ plays HLS itself, as phones do; this viewer is a browser that cannot, so the
            # page must fall back to the vendored hls.js.
            viewer.add_init_script(NO_NATIVE_HLS)
            external = []
            viewer.on("request", lambda r: external.append(r.url) if not r.url.startswith((base, "blob:")) else None)

            log_in_to_the_room(host, base, live_accounts.host_phone, room_path + "host/")
            log_in_to_the_room(viewer, base, live_accounts.seeker_phone, room_path)
            expect(viewer.locator("[data-slot=card]")).to_contain_text("主播推送岗位后会出现在这里")

            host.click("[data-host=start]")
            expect(host.locator("[data-room-status]")).to_have_text("直播中", timeout=10000)
            expect(viewer.locator("[data-room-status]")).to_have_text("直播中", timeout=10000)
            # The vendored hls.js comes from our static files and gives up on the dead address politely.
            viewer.wait_for_function("window.Hls !== undefined", timeout=15000)
            expect(viewer.locator("[data-video-note]")).to_contain_text("视频暂时无法播放", timeout=20000)
            expect(host.locator("[data-viewers]")).to_have_text("1", timeout=10000)

            # The host types part of the job's name and picks it from the few matches.
            host.fill("#push-search", live_accounts.posting_title[:4])
            choice = host.locator(".push-choice", has_text=live_accounts.posting_title)
            expect(choice).to_have_count(1, timeout=10000)
            choice.click()
            host.click("[data-host=push]")
            expect(host.locator("[data-host-result]")).to_have_text("已推送给观众。", timeout=10000)

            card = viewer.locator("[data-slot=card] .live-card")
            expect(card).to_contain_text(live_accounts.posting_title, timeout=10000)
            expect(card).to_contain_text("4200–5600 元/月")
            card.locator("button", has_text="一键报名").click()
            expect(card.locator(".gig-result")).to_have_text("报名成功！企业会尽快与你联系。", timeout=10000)
            expect(card.locator("[data-applied]")).to_have_text("已报名")
            expect(card.locator("[data-count]")).to_have_text("1", timeout=10000)

            expect(host.locator("[data-slot=card] [data-count]")).to_have_text("1", timeout=10000)
            expect(host.locator("[data-total]")).to_have_text("1")
            expect(host.locator("#host-timeline li").first).to_contain_text("1 人报名")

            viewer.fill("#chat-form input[name=text]", "包住吗？")
            viewer.click("#chat-form button")
            expect(host.locator("#chat-list")).to_contain_text("吴大姐包住吗？", timeout=10000)

            assert viewer.evaluate("window.stillTheSamePage") is True
            assert host.evaluate("window.stillTheSamePage") is True
            # Only the dead stream address itself is outside our server: no CDN for scripts or styles.
            assert {u for u in external if "127.0.0.1:9/" not in u} == set()
            fits_the_phone(viewer)
            fits_the_phone(host)
            viewer.screenshot(path=str(ARTIFACTS / "live-room-phone.png"), full_page=False)
        finally:
            browser.close()
    assert (ARTIFACTS / "live-room-phone.png").stat().st_size > 10_000
