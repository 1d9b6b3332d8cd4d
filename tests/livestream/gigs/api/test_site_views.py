"""The gig market at the site over REST: check-in by token or position, check-out and settlement, ratings,
complaints, the claimers' list with masked phones, all in the one error shape."""

from __future__ import annotations

import io
from urllib.parse import parse_qs, urlsplit

import pytest
import zxingcpp
from PIL import Image

from livestream.gigs.models import Gig
from livestream.gigs.services.claims import gig_claim
from tests.factories import EmployerMemberFactory, GigFactory
from tests.livestream.gigs.moments import happening_now
from tests.rest import error_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def gig(employer_user) -> Gig:
    return GigFactory(posted_by=employer_user, title="工地小工", pay=25, pay_unit="hour", places=2, lat=26.5, lon=107.9)


def test_the_poster_gets_the_qr_address_the_worker_checks_in_with_its_token(make_client, gig, employer_user, seeker):
    claim = gig_claim(by=seeker, gig=gig)
    happening_now(gig)
    poster = make_client(employer_user)

    code = poster.get(f"/api/gigs/{gig.pk}/check-in-code").json()
    png = poster.get(urlsplit(code["png"]).path)
    decoded = zxingcpp.read_barcodes(Image.open(io.BytesIO(png.content)))[0].text
    assert decoded == code["url"]
    token = parse_qs(urlsplit(decoded).query)["t"][0]

    worker = make_client(seeker)
    wrong = worker.post(f"/api/gigs/{gig.pk}/check-in", {"token": "nope"}, format="json")
    assert wrong.status_code == 409
    assert error_of(wrong) == {"code": "gig_checkin_bad_token", "message": "签到码不正确，请重新扫描现场的二维码。",
                               "fields": {}}  # fmt: skip
    response = worker.post(f"/api/gigs/{gig.pk}/check-in", {"token": token}, format="json")

    assert response.status_code == 200
    body = response.json()
    assert (body["id"], body["status"], body["status_label"], body["check_in_method"]) == (
        claim.pk, "checked_in", "已签到", "qr",
    )  # fmt: skip
    claimers = poster.get(f"/api/gigs/{gig.pk}/claims/").json()
    assert claimers[0]["claim"]["status_label"] == "已签到"
    assert claimers[0]["phone"] == "139****5678" and claimers[0]["no_shows"] == 0


def test_the_qr_address_is_only_for_the_poster(make_client, gig, seeker):
    stranger = EmployerMemberFactory()

    for user in (stranger, seeker):
        response = make_client(user).get(f"/api/gigs/{gig.pk}/check-in-code")
        assert response.status_code == 403 and error_of(response)["code"] == "permission_denied"


def test_check_in_by_position_and_the_refusals(make_client, gig, seeker):
    gig_claim(by=seeker, gig=gig)
    worker = make_client(seeker)

    early = worker.post(f"/api/gigs/{gig.pk}/check-in", {"lat": 26.5, "lon": 107.9}, format="json")
    assert early.status_code == 409 and error_of(early)["code"] == "gig_checkin_too_early"
    happening_now(gig)
    empty = worker.post(f"/api/gigs/{gig.pk}/check-in", {}, format="json")
    assert empty.status_code == 400 and "请扫描二维码签到" in error_of(empty)["message"]
    far = worker.post(f"/api/gigs/{gig.pk}/check-in", {"lat": 26.6, "lon": 107.9}, format="json")
    assert far.status_code == 409 and error_of(far)["code"] == "gig_checkin_too_far"
    assert "11.1 公里" in error_of(far)["message"]

    near = worker.post(f"/api/gigs/{gig.pk}/check-in", {"lat": 26.5009, "lon": 107.9}, format="json")
    assert near.status_code == 200 and near.json()["check_in_method"] == "location"
    assert 90 <= near.json()["check_in_distance_m"] <= 110


def test_check_out_settles_the_poster_marks_paid_the_worker_confirms_then_both_rate(
    make_client, gig, employer_user, seeker
):
    claim = gig_claim(by=seeker, gig=gig)
    worker, poster = make_client(seeker), make_client(employer_user)
    assert poster.post(f"/api/gig-claims/{claim.pk}/confirm").json()["status_label"] == "已确认"
    happening_now(gig)
    worker.post(f"/api/gigs/{gig.pk}/check-in", {"token": gig.checkin_token}, format="json")

    out = worker.post(f"/api/gig-claims/{claim.pk}/check-out", {}, format="json").json()

    settlement = out["settlement"]
    assert (out["status"], settlement["pay_unit"], settlement["rate"], settlement["status_label"]) == (
        "checked_out", "hour", 25, "未付款",
    )  # fmt: skip
    assert settlement["amount"] == "0.00" and settlement["hours"] == "0.00"  # checked out at once
    early = worker.post(f"/api/gig-settlements/{settlement['id']}/received")
    assert early.status_code == 409 and error_of(early)["code"] == "settlement_not_paid"
    assert poster.post(f"/api/gig-settlements/{settlement['id']}/paid").json()["status"] == "paid"
    again = poster.post(f"/api/gig-settlements/{settlement['id']}/paid")
    assert again.status_code == 409 and error_of(again)["message"] == "这笔工钱已经标记为已付款。"
    assert worker.post(f"/api/gig-settlements/{settlement['id']}/received").json()["received_at"]

    bad = worker.post(f"/api/gig-claims/{claim.pk}/rating", {"stars": 9}, format="json")
    assert bad.status_code == 400 and error_of(bad)["fields"] == {"stars": ["请选择1到5颗星。"]}
    rated = worker.post(f"/api/gig-claims/{claim.pk}/rating", {"stars": 5, "comment": "好老板"}, format="json")
    assert rated.status_code == 201 and rated.json()["side"] == "of_poster"
    twice = worker.post(f"/api/gig-claims/{claim.pk}/rating", {"stars": 4}, format="json")
    assert twice.status_code == 409 and error_of(twice)["code"] == "gig_already_rated"
    assert poster.post(f"/api/gig-claims/{claim.pk}/rating", {"stars": 4}, format="json").json()["side"] == "of_worker"

    detail = make_client().get(f"/api/gigs/{gig.pk}/").json()
    assert detail["poster_rating"] == {"average": 5.0, "count": 1}
    mine = worker.get("/api/gig-claims/mine/", {"tab": "today"}).json()
    assert [c["id"] for c in mine] == [claim.pk]


def test_no_show_before_the_start_is_refused_and_another_employer_cannot_confirm(make_client, gig, seeker):
    claim = gig_claim(by=seeker, gig=gig)
    stranger = make_client(EmployerMemberFactory())
    poster = make_client(gig.posted_by)

    assert stranger.post(f"/api/gig-claims/{claim.pk}/confirm").status_code == 403
    assert stranger.get(f"/api/gigs/{gig.pk}/claims/").status_code == 403
    early = poster.post(f"/api/gig-claims/{claim.pk}/no-show", {}, format="json")
    assert early.status_code == 409 and error_of(early)["code"] == "gig_not_started"
    happening_now(gig)
    assert poster.post(f"/api/gig-claims/{claim.pk}/no-show", {}, format="json").json()["status_label"] == "未到岗"
    assert poster.get(f"/api/gigs/{gig.pk}/claims/").json()[0]["no_shows"] == 1


def test_a_complaint_is_opened_by_the_worker_and_resolved_by_the_bureau(make_client, gig, seeker, bureau_user):
    claim = gig_claim(by=seeker, gig=gig)
    happening_now(gig)
    worker = make_client(seeker)
    worker.post(f"/api/gigs/{gig.pk}/check-in", {"token": gig.checkin_token}, format="json")
    worker.post(f"/api/gig-claims/{claim.pk}/check-out", {}, format="json")

    bad = worker.post(f"/api/gig-claims/{claim.pk}/complaints", {"amount_claimed": "abc"}, format="json")
    assert bad.status_code == 400 and set(error_of(bad)["fields"]) == {"amount_claimed", "description"}
    opened = worker.post(
        f"/api/gig-claims/{claim.pk}/complaints",
        {"amount_claimed": "200", "description": "干了一整天，一分钱没给。"},
        format="json",
    )
    assert opened.status_code == 201 and opened.json()["status_label"] == "待受理"
    complaint = opened.json()["id"]
    staff = make_client(bureau_user)
    assert [c["id"] for c in staff.get("/api/gig-complaints/", {"status": "open"}).json()] == [complaint]
    assert worker.post(f"/api/gig-complaints/{complaint}/advance", {"to": "handling"}, format="json").status_code == 403

    staff.post(f"/api/gig-complaints/{complaint}/advance", {"to": "handling"}, format="json")
    done = staff.post(f"/api/gig-complaints/{complaint}/advance", {"to": "resolved", "note": "已补发"}, format="json")

    assert done.json()["status_label"] == "已办结" and done.json()["note"] == "已补发"
    assert worker.get("/api/gig-complaints/").json()[0]["status"] == "resolved"
    assert worker.get(f"/api/gig-complaints/{complaint}/").json()["note"] == "已补发"
    assert make_client(gig.posted_by).get(f"/api/gig-complaints/{complaint}/").status_code == 403


def test_the_poster_sets_the_site_over_the_api(make_client, gig, employer_user, seeker):
    response = make_client(employer_user).post(f"/api/gigs/{gig.pk}/site", {"lat": 26.51, "lon": 107.91}, format="json")
    assert response.status_code == 200 and (response.json()["lat"], response.json()["lon"]) == (26.51, 107.91)
    refused = make_client(seeker).post(f"/api/gigs/{gig.pk}/site", {"lat": 26.5, "lon": 107.9}, format="json")
    assert refused.status_code == 403
    bad = make_client(employer_user).post(f"/api/gigs/{gig.pk}/site", {"lat": 126.5}, format="json")
    assert bad.status_code == 400 and set(error_of(bad)["fields"]) == {"lat", "lon"}


def test_my_gigs_with_a_tab_that_does_not_exist_says_which_tabs_there_are(make_client, seeker):
    response = make_client(seeker).get("/api/gig-claims/mine/", {"tab": "yesterday"})

    assert response.status_code == 400
    error = error_of(response)
    assert error["code"] == "invalid_choice" and "tab" in error["fields"]
    assert "已抢到" in str(error["fields"]["tab"]) and "今天" in str(error["fields"]["tab"])
