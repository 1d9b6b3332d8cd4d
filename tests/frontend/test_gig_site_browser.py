"""零工 at the site on two phones: the poster shows the check-in QR code, the worker's phone opens what the
code says, and the poster's page shows the worker as 已签到. Then the large-font mode, as an older worker
would switch it on."""

from __future__ import annotations

import io
import os
import re
import secrets
import subprocess
import sys
from dataclasses import dataclass

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import expect, sync_playwright

from tests.conftest import ARTIFACTS, ROOT
from tests.frontend.browser import LAUNCH_ARGS, PHONE, chromium_path, fits_the_phone, log_in

pytestmark = pytest.mark.browser

PASSWORD = "Qiandao-" + secrets.token_hex(4)

# Inside the embedded server's database: a station, its staff, a worker who claimed a gig that runs now.
SETUP = """
import datetime
from django.utils import timezone
from marketplace.models import CooperationStation, User, WorkerProfile
from livestream.gigs.models import Gig
from livestream.gigs.services.claims import gig_claim
station = CooperationStation.objects.create(name={station!r}, city='凯里市')
staff = User.objects.create_user({staff!r}, {password!r}, role='station', station=station, display_name='驿站小张')
seeker = User.objects.create_user({seeker!r}, {password!r}, role='seeker', display_name='吴大姐')
WorkerProfile.objects.create(user=seeker, name='吴大姐', current_county='凯里市')
gig = Gig.objects.create(posted_by=staff, station=station, title={title!r}, county='凯里市', town='舟溪镇',
    work_date=timezone.localdate() + datetime.timedelta(days=1), start_time=datetime.time(8, 0),
    end_time=datetime.time(17, 0), pay=160, pay_unit='day', places=3, places_left=3, meeting_point='舟溪镇政府门口')
claim = gig_claim(by=seeker, gig=gig)
other = User.objects.create_user({other!r}, {password!r}, role='seeker', display_name='龙老三')
WorkerProfile.objects.create(user=other, name='龙老三', current_county='凯里市')
other_claim = gig_claim(by=other, gig=gig)
# The day of the gig has come: it started half an hour ago (kept inside today).
now = timezone.localtime()
midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
start = max(midnight, now - datetime.timedelta(minutes=30))
end = min(midnight.replace(hour=23, minute=59), now + datetime.timedelta(hours=2))
Gig.objects.filter(pk=gig.pk).update(work_date=now.date(), start_time=start.time().replace(second=0, microsecond=0),
    end_time=end.time().replace(second=0, microsecond=0))
print('GIG_ID=%d CLAIM_ID=%d OTHER_ID=%d' % (gig.pk, claim.pk, other_claim.pk))
"""


@dataclass(frozen=True)
class Scene:
    staff_phone: str
    seeker_phone: str
    gig_id: int
    claim_id: int
    other_claim_id: int
    title: str


@pytest.fixture(scope="module")
def scene(embedded_server) -> Scene:
    staff_phone = f"136{secrets.randbelow(10**8):08d}"
    seeker_phone = f"135{secrets.randbelow(10**8):08d}"
    title = f"茶园采茶{secrets.randbelow(1000):03d}号"
    # Station names are unique and the embedded server's database is shared by the session's browser tests.
    station = f"舟溪零工驿站{secrets.token_hex(3)}"
    other_phone = f"134{secrets.randbelow(10**8):08d}"
    script = SETUP.format(
        station=station, staff=staff_phone, seeker=seeker_phone, other=other_phone, password=PASSWORD, title=title
    )
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
    found = re.search(r"GIG_ID=(\d+) CLAIM_ID=(\d+) OTHER_ID=(\d+)", result.stdout)
    gig_id, claim_id, other_id = (int(n) for n in found.groups())
    return Scene(staff_phone, seeker_phone, gig_id, claim_id, other_id, title)


def test_the_worker_scans_the_posters_qr_code_and_the_poster_sees_them_checked_in(embedded_server, scene):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    base = embedded_server.url
    manage = f"/gigs/manage/{scene.gig_id}/"
    phone_like = {
        "viewport": PHONE, "device_scale_factor": 2, "is_mobile": True, "has_touch": True, "locale": "zh-CN",
    }  # fmt: skip
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=chromium_path(), args=LAUNCH_ARGS)
        try:
            poster = browser.new_context(**phone_like).new_page()
            log_in(poster, base, scene.staff_phone, PASSWORD, manage)
            card = poster.locator(f"#claim-{scene.claim_id}")
            expect(card.locator("[data-claim-status]")).to_have_text("已抢到")
            qr = poster.locator("img.qr")
            expect(qr).to_be_visible()
            fits_the_phone(poster)
            poster.screenshot(path=str(ARTIFACTS / "gig-manage-phone.png"), full_page=True)

            # What a phone camera sees: the code as the poster's screen shows it.
            shot = Image.open(io.BytesIO(qr.screenshot()))
            codes = zxingcpp.read_barcodes(shot)
            assert len(codes) == 1
            address = codes[0].text
            assert address.startswith(f"{base}/gigs/{scene.gig_id}/check-in/?t=")

            worker = browser.new_context(**phone_like).new_page()
            log_in(worker, base, scene.seeker_phone, PASSWORD, "/me/gigs/")

            # The gig's page counts places live: the poster releases the other claimer, the worker sees it.
            worker.goto(f"{base}/gigs/g/{scene.gig_id}/")
            expect(worker.locator("[data-board-status]")).to_have_text("● 实时更新中", timeout=15000)
            expect(worker.locator(".gig-left")).to_contain_text("还剩 1 个名额")
            worker.evaluate("window.stillTheSamePage = true")
            poster.locator(f"#claim-{scene.other_claim_id} button", has_text="释放名额").click()
            expect(poster.locator(".messages")).to_contain_text("已释放龙老三的名额。")
            expect(worker.locator(".gig-left")).to_contain_text("还剩 2 个名额", timeout=10000)
            assert worker.evaluate("window.stillTheSamePage") is True
            fits_the_phone(worker)
            worker.screenshot(path=str(ARTIFACTS / "gig-detail-phone.png"), full_page=True)

            worker.goto(address)
            worker.wait_for_url(f"{base}/gigs/{scene.gig_id}/check-in/")
            expect(worker.locator(".messages")).to_contain_text("签到成功！")
            expect(worker.locator("[data-claim-status]")).to_have_text("已签到")
            assert "?t=" not in worker.url  # the token does not stay in the address bar
            fits_the_phone(worker)
            worker.screenshot(path=str(ARTIFACTS / "gig-check-in-phone.png"), full_page=True)

            poster.reload()
            expect(card.locator("[data-claim-status]")).to_have_text("已签到")
            expect(card).to_contain_text("扫码签到")

            # 大字模式: one tap, the whole page grows, and it stays on for the next page.
            worker.goto(f"{base}/me/gigs/?tab=today")
            before = worker.evaluate("parseFloat(getComputedStyle(document.querySelector('h1')).fontSize)")
            worker.click("form.font-toggle button")
            worker.wait_for_url(f"{base}/me/gigs/?tab=today")
            expect(worker.locator("form.font-toggle button")).to_have_text("大字：开")
            after = worker.evaluate("parseFloat(getComputedStyle(document.querySelector('h1')).fontSize)")
            assert after >= before * 1.25
            worker.goto(f"{base}/gigs/g/{scene.gig_id}/")
            assert worker.evaluate("document.documentElement.classList.contains('large-font')")
            fits_the_phone(worker)
            worker.goto(f"{base}/me/gigs/?tab=today")
            fits_the_phone(worker)
            worker.screenshot(path=str(ARTIFACTS / "gig-mine-large-font-phone.png"), full_page=True)
        finally:
            browser.close()
