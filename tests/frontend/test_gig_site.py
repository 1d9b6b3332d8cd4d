"""零工 at the site, as pages: gig detail, the QR code scanned and followed, my gigs, the poster's management,
wage complaints for staff, and the large-font mode."""

from __future__ import annotations

import io
import re
from urllib.parse import urlsplit

import pytest
import zxingcpp
from PIL import Image

from livestream.gigs.enums import ComplaintStatus, GigClaimStatus
from livestream.gigs.models import GigClaim, GigSettlement, WageComplaint
from livestream.gigs.services import attendance as site
from livestream.gigs.services.claims import gig_claim
from livestream.gigs.services.ratings import gig_rate
from marketplace.enums import PayUnit
from marketplace.models import WorkerProfile
from tests.factories import EmployerMemberFactory, GigFactory, SeekerFactory
from tests.livestream.gigs.moments import happening_now

pytestmark = pytest.mark.django_db
C = GigClaimStatus


@pytest.fixture
def gig(employer, employer_user):
    return GigFactory(posted_by=employer_user, pay=150, lat=26.5, lon=107.9)


def decode_qr(png: bytes) -> str:
    image = Image.open(io.BytesIO(png))
    results = zxingcpp.read_barcodes(image)
    assert len(results) == 1, "exactly one QR code in the picture"
    return results[0].text


def text_of(html: str) -> str:
    """The page's words without tags, to check what a person reads."""
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


# --- the QR code ------------------------------------------------------------------------------


def test_the_qr_code_decodes_to_the_check_in_address_and_following_it_checks_the_worker_in(
    client, gig, employer_user, seeker
):
    claim = gig_claim(by=seeker, gig=gig)
    happening_now(gig)
    client.force_login(employer_user)
    page = client.get(f"/gigs/manage/{gig.pk}/").content.decode()
    assert f'src="/gigs/{gig.pk}/qr.png"' in page

    response = client.get(f"/gigs/{gig.pk}/qr.png")

    assert response.status_code == 200 and response["Content-Type"] == "image/png"
    url = decode_qr(response.content)
    assert url == f"http://testserver/gigs/{gig.pk}/check-in/?t={gig.checkin_token}"
    assert url in page  # the same address is printed under the code

    # The worker's phone camera opens the address; signed in, they are checked in.
    client.force_login(seeker)
    parts = urlsplit(url)
    response = client.get(f"{parts.path}?{parts.query}", follow=True)

    assert response.redirect_chain == [(f"/gigs/{gig.pk}/check-in/", 302)]
    assert "签到成功！" in response.content.decode() and "已签到" in response.content.decode()
    assert GigClaim.objects.get(pk=claim.pk).status == C.CHECKED_IN

    # The poster's page now says so.
    client.force_login(employer_user)
    card = re.search(
        rf'id="claim-{claim.pk}".*?</article>', client.get(f"/gigs/manage/{gig.pk}/").content.decode(), re.S
    )
    assert "已签到" in card.group(0) and "扫码签到" in card.group(0)


def test_a_worker_signed_out_who_scans_logs_in_and_comes_back_checked_in(client, gig, seeker):
    gig_claim(by=seeker, gig=gig)
    happening_now(gig)
    address = f"/gigs/{gig.pk}/check-in/?t={gig.checkin_token}"

    response = client.get(address)

    assert response.status_code == 302
    assert response["Location"].startswith("/login/?next=") and gig.checkin_token in response["Location"]
    response = client.post(
        "/login/", {"phone": seeker.phone, "password": "Jyt-test-pass-42", "next": address, "mode": "password"}
    )
    assert response.status_code == 302 and response["Location"] == address
    client.get(address)
    assert GigClaim.objects.get(gig=gig, profile__user=seeker).status == C.CHECKED_IN


def test_another_employer_cannot_open_the_qr_code_or_the_management_page(client, gig, seeker):
    stranger = EmployerMemberFactory()
    claim = gig_claim(by=seeker, gig=gig)
    client.force_login(stranger)

    assert client.get(f"/gigs/{gig.pk}/qr.png").status_code == 403
    assert client.get(f"/gigs/manage/{gig.pk}/").status_code == 403
    assert client.post(f"/gigs/claims/{claim.pk}/confirm/").status_code == 403
    assert GigClaim.objects.get(pk=claim.pk).status == C.CLAIMED
    client.force_login(seeker)
    assert client.get(f"/gigs/{gig.pk}/qr.png").status_code == 403
    client.logout()
    assert client.get(f"/gigs/{gig.pk}/qr.png")["Location"].startswith("/login/")


def test_a_wrong_token_and_a_worker_without_a_place_are_told_why(client, gig, seeker):
    other = SeekerFactory()
    gig_claim(by=seeker, gig=gig)
    happening_now(gig)
    client.force_login(seeker)

    html = client.get(f"/gigs/{gig.pk}/check-in/?t=wrong", follow=True).content.decode()
    assert "签到码不正确，请重新扫描现场的二维码。" in html

    client.force_login(other)
    html = client.get(f"/gigs/{gig.pk}/check-in/?t={gig.checkin_token}", follow=True).content.decode()
    assert "您没有抢到这个零工的名额，不能签到。" in html
    assert not GigClaim.objects.filter(profile__user=other).exists()


def test_location_check_in_from_the_page(client, gig, seeker):
    gig_claim(by=seeker, gig=gig)
    happening_now(gig)
    client.force_login(seeker)
    page = client.get(f"/gigs/{gig.pk}/check-in/").content.decode()
    assert "用我的位置签到" in page and "data-locate" in page

    html = client.post(f"/gigs/{gig.pk}/check-in/", {"lat": "26.52", "lon": "107.9"}, follow=True).content.decode()
    assert "需在 500 米以内才能定位签到" in html

    html = client.post(f"/gigs/{gig.pk}/check-in/", {"lat": "26.501", "lon": "107.9"}, follow=True).content.decode()
    assert "签到成功！" in html and "定位签到" in html


# --- my gigs ------------------------------------------------------------------------------------


def test_my_gigs_tabs_check_in_check_out_and_confirm_payment(client, employer, employer_user, seeker):
    today = GigFactory(posted_by=employer_user, title="今天的搬运", pay=200)
    later = GigFactory(posted_by=employer_user, title="明天的采茶")
    gig_claim(by=seeker, gig=today)
    later_claim = gig_claim(by=seeker, gig=later)
    happening_now(today)
    client.force_login(seeker)

    claimed = text_of(client.get("/me/gigs/?tab=claimed").content.decode())
    assert "明天的采茶" in claimed and "今天的搬运" not in claimed and "取消报名" in claimed
    page = client.get("/me/gigs/?tab=today").content.decode()
    assert "今天的搬运" in page and f'href="/gigs/{today.pk}/check-in/"' in page

    client.get(f"/gigs/{today.pk}/check-in/?t={today.checkin_token}")
    page = client.get("/me/gigs/?tab=today").content.decode()
    assert "收工签退" in page and "已签到" in page
    claim = GigClaim.objects.get(gig=today, profile__user=seeker)
    response = client.post(f"/gigs/claims/{claim.pk}/check-out/", {"next": "/me/gigs/?tab=today"}, follow=True)
    html = text_of(response.content.decode())
    assert "已签退，工钱已记入结算。" in html and "结算：200 元" in html and "未付款" in html

    settlement = GigSettlement.objects.get(claim=claim)
    client.force_login(employer_user)
    client.post(f"/gigs/settlements/{settlement.pk}/paid/")
    client.force_login(seeker)
    page = client.get("/me/gigs/?tab=today").content.decode()
    assert "确认已收到工钱" in page and "已付款" in page
    client.post(f"/gigs/settlements/{settlement.pk}/received/")
    assert GigSettlement.objects.get(pk=settlement.pk).received_at is not None

    # The worker rates the poster once; the form is gone afterwards.
    assert "评价发布方" in client.get("/me/gigs/?tab=today").content.decode()
    html = client.post(f"/gigs/claims/{claim.pk}/rate/", {"stars": "4", "comment": "爽快"}, follow=True)
    assert "评价已提交，谢谢！" in html.content.decode()
    assert "评价发布方" not in client.get("/me/gigs/?tab=today").content.decode()
    html = client.post(f"/gigs/claims/{claim.pk}/rate/", {"stars": "5"}, follow=True).content.decode()
    assert "每次只能评价一次" in html
    # The poster's average shows on the board's cards and on the gig's page.
    assert "★ 4.0 分（1 条评价）" in client.get("/gigs/522601/").content.decode()
    assert "4.0 分（1 条评价）" in client.get(f"/gigs/g/{later.pk}/").content.decode()

    client.post(f"/gigs/claims/{later_claim.pk}/cancel/")
    assert GigClaim.objects.get(pk=later_claim.pk).status == C.CANCELLED


# --- the poster's management --------------------------------------------------------------------


def test_the_management_page_masks_phone_numbers_and_shows_no_shows_and_ratings(
    client, employer, employer_user, seeker
):
    old = GigFactory(posted_by=employer_user, title="上周的活")
    old_claim = gig_claim(by=seeker, gig=old)
    happening_now(old)
    site.gig_claim_no_show(by=employer_user, claim=old_claim)
    gig_rate(by=employer_user, claim=old_claim, stars=2, comment="没来")
    gig = GigFactory(posted_by=employer_user, title="今天的装车")
    claim = gig_claim(by=seeker, gig=gig)
    WorkerProfile.objects.filter(user=seeker).update(name="杨师傅")
    client.force_login(employer_user)

    html = client.get(f"/gigs/manage/{gig.pk}/").content.decode()

    card = text_of(re.search(rf'id="claim-{claim.pk}".*?</article>', html, re.S).group(0))
    masked = seeker.phone[:3] + "****" + seeker.phone[-4:]
    assert masked in card and seeker.phone not in html
    assert "爽约 1 次" in card and "评价 2.0 分（1 条评价）" in card
    assert "确认" in card and "释放名额" in card and "未到岗" not in card  # not started yet

    client.post(f"/gigs/claims/{claim.pk}/confirm/")
    assert GigClaim.objects.get(pk=claim.pk).get_status_display() == "已确认"
    listing = text_of(client.get("/gigs/manage/").content.decode())
    assert "今天的装车" in listing and "已报名 1 / 3 人" in listing


def test_the_station_organising_a_worker_sees_the_full_number(client, station_user):
    worker = SeekerFactory()
    WorkerProfile.objects.filter(user=worker).update(station=station_user.station)
    gig = GigFactory(posted_by=station_user)
    gig_claim(by=worker, gig=gig)
    client.force_login(station_user)

    assert worker.phone in client.get(f"/gigs/manage/{gig.pk}/").content.decode()


def test_the_poster_checks_out_a_piece_worker_enters_pieces_and_marks_paid(client, employer, employer_user, seeker):
    gig = GigFactory(posted_by=employer_user, pay=2, pay_unit=PayUnit.PIECE)
    claim = gig_claim(by=seeker, gig=gig)
    happening_now(gig)
    client.force_login(employer_user)
    client.post(f"/gigs/claims/{claim.pk}/check-in-for/")
    here = f"/gigs/manage/{gig.pk}/"

    html = client.post(f"/gigs/claims/{claim.pk}/check-out/", {"pieces": "", "next": here}, follow=True)
    assert "待填写件数" in html.content.decode()
    settlement = GigSettlement.objects.get(claim=claim)
    html = client.post(f"/gigs/settlements/{settlement.pk}/pieces/", {"pieces": "abc"}, follow=True)
    assert "请填写件数（整数）。" in html.content.decode()
    html = text_of(client.post(f"/gigs/settlements/{settlement.pk}/pieces/", {"pieces": "150"}, follow=True)
                   .content.decode())  # fmt: skip
    assert "结算：300 元（150 件）" in html
    html = text_of(client.post(f"/gigs/settlements/{settlement.pk}/paid/", follow=True).content.decode())
    assert "已标记为已付款。" in html and "已付款" in html and "标记已付款" not in html


# --- complaints ---------------------------------------------------------------------------------


def test_a_worker_complains_staff_handle_it_and_the_worker_sees_the_outcome(
    client, employer, employer_user, seeker, bureau_user
):
    gig = GigFactory(posted_by=employer_user, title="酒席帮厨", pay=150)
    claim = gig_claim(by=seeker, gig=gig)
    happening_now(gig)
    site.gig_check_in(by=seeker, gig=gig, token=gig.checkin_token)
    site.gig_check_out(by=seeker, claim=claim)
    client.force_login(seeker)

    form = client.get(f"/gigs/claims/{claim.pk}/complaint/").content.decode()
    assert 'value="150"' in form  # the settlement's amount, to start from
    response = client.post(f"/gigs/claims/{claim.pk}/complaint/", {"amount_claimed": "0", "description": "没给"})
    assert response.status_code == 400
    html = response.content.decode()
    assert "请填写被拖欠的金额" in html and "请用5到1000个字说明情况" in html and "没给" in html
    response = client.post(
        f"/gigs/claims/{claim.pk}/complaint/",
        {"amount_claimed": "150", "description": "干完活老板说月底给，到现在没给。"},
        follow=True,
    )
    assert "投诉已提交" in response.content.decode()
    assert "欠薪投诉：待受理" in text_of(response.content.decode())

    complaint = WageComplaint.objects.get(claim=claim)
    client.force_login(employer_user)
    assert client.get("/gigs/complaints/").status_code == 403
    client.force_login(bureau_user)
    page = text_of(client.get("/gigs/complaints/").content.decode())
    assert f"投诉#{complaint.pk}" in page and "主张金额 150 元" in page and "结算记录 150 元" in page
    client.post(f"/gigs/complaints/{complaint.pk}/advance/", {"to": "handling"})
    html = client.post(f"/gigs/complaints/{complaint.pk}/advance/", {"to": "resolved", "note": ""}, follow=True)
    assert "办结时请写明处理结果" in html.content.decode()
    client.post(f"/gigs/complaints/{complaint.pk}/advance/", {"to": "resolved", "note": "已调解，单位补发150元。"})
    assert WageComplaint.objects.get(pk=complaint.pk).status == ComplaintStatus.RESOLVED

    client.force_login(seeker)
    page = text_of(client.get("/me/gigs/?tab=today").content.decode())
    assert "欠薪投诉：已办结 — 已调解，单位补发150元。" in page


def test_the_bureau_dashboard_links_to_complaints_and_seekers_cannot_open_them(client, bureau_user, seeker):
    client.force_login(bureau_user)
    assert 'href="/gigs/complaints/"' in client.get("/bureau/").content.decode()
    client.force_login(seeker)
    assert client.get("/gigs/complaints/").status_code == 403


# --- gig detail ---------------------------------------------------------------------------------


def test_the_gig_page_shows_places_left_for_the_live_script_and_a_claim_button(client, gig, seeker):
    html = client.get(f"/gigs/g/{gig.pk}/").content.decode()

    assert "还剩 3 个名额" in html and f'data-only-gig="{gig.pk}"' in html and "gigs.js" in html
    assert "登录后抢单" in html and "暂无评价" in html and "150 元/天，干满一天付一天" in html
    client.force_login(seeker)
    html = client.get(f"/gigs/g/{gig.pk}/").content.decode()
    assert f'action="/gigs/{gig.pk}/claim/"' in html
    gig_claim(by=seeker, gig=gig)
    html = text_of(client.get(f"/gigs/g/{gig.pk}/").content.decode())
    assert "还剩 2 个名额" in html and "我的报名 已抢到" in html and "取消报名" in html


# --- 大字模式 -------------------------------------------------------------------------------------


def test_the_large_font_toggle_is_on_every_page_and_is_remembered(client):
    page = client.get("/gigs/").content.decode()
    assert "大字模式" in page and 'class="large-font"' not in page

    response = client.post("/font-size/", {"large": "1", "next": "/gigs/"})

    assert response.status_code == 302 and response["Location"] == "/gigs/"
    assert response.cookies["jyt_font"].value == "large"
    assert response.cookies["jyt_font"]["max-age"] == 365 * 24 * 3600
    for path in ("/", "/gigs/", "/jobs/", "/login/"):
        html = client.get(path).content.decode()
        assert '<html lang="zh-CN" class="large-font">' in html and "大字模式：开" in html, path

    client.post("/font-size/", {"large": "0", "next": "https://evil.example/"})
    assert 'class="large-font"' not in client.get("/").content.decode()


def test_the_dashboards_lead_to_gig_management_and_complaints(client, employer_user, station_user, seeker, bureau_user):
    client.force_login(employer_user)
    assert 'href="/gigs/manage/"' in client.get("/employer/").content.decode()
    client.force_login(station_user)
    html = client.get("/station/").content.decode()
    assert 'href="/gigs/manage/"' in html and 'href="/gigs/complaints/"' in html
    client.force_login(seeker)
    assert 'href="/me/gigs/"' in client.get("/me/").content.decode()
    assert "还没有发布零工" in client.get("/gigs/manage/").content.decode()
    client.force_login(bureau_user)
    assert client.get("/gigs/manage/").status_code == 403


def test_the_poster_sets_the_sites_position_from_the_management_page(client, employer, employer_user, seeker):
    gig = GigFactory(posted_by=employer_user)
    client.force_login(employer_user)
    page = client.get(f"/gigs/manage/{gig.pk}/").content.decode()
    assert "还没有设置工作地点的位置" in page and "locate.js" in page

    html = client.post(f"/gigs/manage/{gig.pk}/site/", {"lat": "26.5", "lon": "107.9"}, follow=True).content.decode()

    assert "已把您现在的位置设为工作地点" in html and "500 米以内可以用手机定位签到" in html
    gig.refresh_from_db()
    assert (gig.lat, gig.lon) == (26.5, 107.9)
    html = client.post(f"/gigs/manage/{gig.pk}/site/", {"lat": "", "lon": ""}, follow=True).content.decode()
    assert "没有取得位置" in html
