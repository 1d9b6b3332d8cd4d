"""At the site: the poster confirms and marks no-shows, workers check in by QR token or position, check out."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from config.celery import app
from livestream.gigs.enums import CheckInMethod, GigClaimStatus, GigStatus
from livestream.gigs.models import BoardEvent, Gig, GigClaim, GigClaimTransition, GigSettlement
from livestream.gigs.services import attendance as site
from livestream.gigs.services.claims import gig_claim, gig_claim_release
from livestream.gigs.services.posting import gig_cancel
from livestream.gigs.tasks import gigs_mark_no_shows
from marketplace.enums import PayUnit
from tests.factories import GigFactory, SeekerFactory
from tests.livestream.gigs.moments import ended_minutes_ago, happening_now, starts_in

C = GigClaimStatus
pytestmark = pytest.mark.django_db

# 凯里市 舟溪镇, and points about 300 m and 2 km away from it.
SITE = (26.5000, 107.9000)
NEAR = (26.5027, 107.9000)
FAR = (26.5180, 107.9000)


@pytest.fixture
def gig(world) -> Gig:
    return GigFactory(posted_by=world.employer_member, lat=SITE[0], lon=SITE[1])


@pytest.fixture
def claim(world, gig) -> GigClaim:
    return gig_claim(by=world.seeker, gig=gig)


def refusal(excinfo) -> tuple[str, str]:
    return excinfo.value.code, " ".join(excinfo.value.messages)


# --- confirm, release, no-show --------------------------------------------------------------------


def test_the_poster_confirms_a_claimer_and_only_the_poster_may(world, claim):
    with pytest.raises(PermissionDenied):
        site.gig_claim_confirm(by=world.other_employer_member, claim=claim)

    claim = site.gig_claim_confirm(by=world.employer_member, claim=claim)

    assert (claim.status, claim.get_status_display()) == (C.CONFIRMED, "已确认")
    assert claim.confirmed_at is not None
    with pytest.raises(ValidationError) as excinfo:
        site.gig_claim_confirm(by=world.employer_member, claim=claim)
    assert refusal(excinfo) == ("gig_claim_bad_transition", "报名当前状态为“已确认”，不能确认。")


def test_a_no_show_is_marked_only_after_the_start(world, gig, claim):
    with pytest.raises(ValidationError) as excinfo:
        site.gig_claim_no_show(by=world.employer_member, claim=claim)
    assert excinfo.value.code == "gig_not_started" and "开工" in excinfo.value.messages[0]

    happening_now(gig)
    claim = site.gig_claim_no_show(by=world.employer_member, claim=claim, note="电话不接")

    assert (claim.status, claim.get_status_display()) == (C.NO_SHOW, "未到岗")
    # The place is not given back: nobody can claim a gig that has started.
    gig.refresh_from_db()
    assert gig.places_left == 2
    assert GigClaimTransition.objects.filter(claim=claim, to_status=C.NO_SHOW, note="电话不接").exists()


def test_a_worker_who_checked_in_cannot_be_released_or_marked_no_show(world, gig, claim):
    happening_now(gig)
    site.gig_check_in(by=world.seeker, gig=gig, token=gig.checkin_token)

    for action in (gig_claim_release, site.gig_claim_no_show):
        with pytest.raises(ValidationError) as excinfo:
            action(by=world.employer_member, claim=claim)
        assert "已签到" in excinfo.value.messages[0]
    with pytest.raises(ValidationError) as excinfo:
        gig_cancel(by=world.employer_member, gig=gig)
    assert "已有人签到上工" in excinfo.value.messages[0]


# --- check-in -----------------------------------------------------------------------------------


def test_every_gig_has_its_own_secret_token_and_the_qr_path_is_for_the_poster_only(world, gig):
    other = GigFactory(posted_by=world.employer_member)

    assert len(gig.checkin_token) >= 20 and gig.checkin_token != other.checkin_token
    assert site.gig_checkin_path(by=world.employer_member, gig=gig) == f"/gigs/{gig.pk}/check-in/?t={gig.checkin_token}"
    assert site.gig_checkin_path(by=world.bureau, gig=gig).endswith(gig.checkin_token)
    for outsider in (world.other_employer_member, world.seeker, world.station_staff):
        with pytest.raises(PermissionDenied):
            site.gig_checkin_path(by=outsider, gig=gig)


def test_a_gig_saved_before_check_in_existed_gets_a_token_on_first_use(world, gig):
    Gig.objects.filter(pk=gig.pk).update(checkin_token="")
    gig.refresh_from_db()

    token = site.gig_checkin_token(gig=gig)

    assert token and Gig.objects.get(pk=gig.pk).checkin_token == token


def test_the_worker_checks_in_with_the_qr_token_and_scanning_again_changes_nothing(world, gig, claim):
    happening_now(gig)

    checked = site.gig_check_in(by=world.seeker, gig=gig, token=gig.checkin_token)
    again = site.gig_check_in(by=world.seeker, gig=gig, token=gig.checkin_token)

    assert (checked.pk, checked.status, checked.get_status_display()) == (claim.pk, C.CHECKED_IN, "已签到")
    assert checked.check_in_method == CheckInMethod.QR and checked.checked_in_at is not None
    assert again.checked_in_at == checked.checked_in_at
    assert GigClaimTransition.objects.filter(claim=claim, to_status=C.CHECKED_IN).count() == 1


def test_a_wrong_token_is_refused_in_chinese(world, gig, claim):
    happening_now(gig)

    with pytest.raises(ValidationError) as excinfo:
        site.gig_check_in(by=world.seeker, gig=gig, token="not-the-token")

    assert refusal(excinfo) == ("gig_checkin_bad_token", "签到码不正确，请重新扫描现场的二维码。")
    assert GigClaim.objects.get(pk=claim.pk).status == C.CLAIMED


def test_another_gigs_token_does_not_check_in(world, gig, claim):
    other = GigFactory(posted_by=world.employer_member)
    happening_now(gig)

    with pytest.raises(ValidationError) as excinfo:
        site.gig_check_in(by=world.seeker, gig=gig, token=other.checkin_token)
    assert excinfo.value.code == "gig_checkin_bad_token"


def test_a_worker_without_a_place_cannot_check_in(world, gig, claim):
    happening_now(gig)

    with pytest.raises(ValidationError) as excinfo:
        site.gig_check_in(by=world.other_seeker, gig=gig, token=gig.checkin_token)
    assert refusal(excinfo) == ("gig_checkin_no_place", "您没有抢到这个零工的名额，不能签到。")

    with pytest.raises(PermissionDenied):
        site.gig_check_in(by=world.employer_member, gig=gig, token=gig.checkin_token)


def test_a_released_worker_has_no_place_to_check_in_to(world, gig, claim):
    gig_claim_release(by=world.employer_member, claim=claim)
    happening_now(gig)

    with pytest.raises(ValidationError) as excinfo:
        site.gig_check_in(by=world.seeker, gig=gig, token=gig.checkin_token)
    assert excinfo.value.code == "gig_checkin_no_place"


def test_check_in_opens_an_hour_before_the_start_and_closes_at_the_end(world, gig, claim):
    # 5 March 2099, 08:00: far too early.
    Gig.objects.filter(pk=gig.pk).update(work_date=datetime.date(2099, 3, 5))
    gig.refresh_from_db()
    with pytest.raises(ValidationError) as excinfo:
        site.gig_check_in(by=world.seeker, gig=gig, token=gig.checkin_token)
    code, message = refusal(excinfo)
    assert code == "gig_checkin_too_early"
    assert message == "还没到签到时间：3月5日 07:00 起可以签到（开工前60分钟）。"

    ended_minutes_ago(gig, 5)
    with pytest.raises(ValidationError) as excinfo:
        site.gig_check_in(by=world.seeker, gig=gig, token=gig.checkin_token)
    assert excinfo.value.code == "gig_checkin_too_late" and "已过收工时间" in excinfo.value.messages[0]

    # Forty minutes before the start is inside the window.
    starts_in(gig, minutes=40)
    assert site.gig_check_in(by=world.seeker, gig=gig, token=gig.checkin_token).status == C.CHECKED_IN


def test_check_in_by_location_within_the_radius_and_refused_outside_it(world, gig, claim, settings):
    happening_now(gig)

    with pytest.raises(ValidationError) as excinfo:
        site.gig_check_in(by=world.seeker, gig=gig, lat=FAR[0], lon=FAR[1])
    assert refusal(excinfo) == ("gig_checkin_too_far", "您离工作地点还有约 2.0 公里，需在 500 米以内才能定位签到。")

    checked = site.gig_check_in(by=world.seeker, gig=gig, lat=NEAR[0], lon=NEAR[1])

    assert (checked.status, checked.check_in_method) == (C.CHECKED_IN, CheckInMethod.LOCATION)
    assert 280 <= checked.check_in_distance_m <= 320


def test_the_radius_comes_from_the_setting(world, gig, claim, settings):
    settings.GIG_CHECKIN_RADIUS_M = 200
    happening_now(gig)

    with pytest.raises(ValidationError) as excinfo:
        site.gig_check_in(by=world.seeker, gig=gig, lat=NEAR[0], lon=NEAR[1])
    assert "需在 200 米以内" in excinfo.value.messages[0] and "约 300 米" in excinfo.value.messages[0]


def test_location_check_in_needs_the_gigs_position_and_the_phones(world, claim):
    gig = claim.gig
    happening_now(gig)
    with pytest.raises(ValidationError) as excinfo:
        site.gig_check_in(by=world.seeker, gig=gig, lat=None, lon=None)
    assert excinfo.value.code == "checkin_no_position"

    Gig.objects.filter(pk=gig.pk).update(lat=None, lon=None)
    with pytest.raises(ValidationError) as excinfo:
        site.gig_check_in(by=world.seeker, gig=gig, lat=NEAR[0], lon=NEAR[1])
    assert refusal(excinfo) == ("gig_no_location", "该零工没有设置工作地点的位置，请扫描现场的二维码签到。")


def test_a_cancelled_gig_takes_no_check_in(world, gig, claim):
    gig_cancel(by=world.employer_member, gig=gig)
    happening_now(gig)

    with pytest.raises(ValidationError) as excinfo:
        site.gig_check_in(by=world.seeker, gig=gig, token=gig.checkin_token)
    assert excinfo.value.code == "gig_checkin_no_place"


def test_the_poster_checks_in_a_worker_without_a_phone(world, gig, claim):
    happening_now(gig)
    with pytest.raises(PermissionDenied):
        site.gig_check_in_for(by=world.other_employer_member, claim=claim)

    checked = site.gig_check_in_for(by=world.employer_member, claim=claim)

    assert (checked.status, checked.check_in_method) == (C.CHECKED_IN, CheckInMethod.POSTER)


# --- check-out ------------------------------------------------------------------------------------


def test_the_worker_checks_out_and_a_settlement_is_written(world, gig, claim):
    happening_now(gig)
    with pytest.raises(ValidationError) as excinfo:
        site.gig_check_out(by=world.seeker, claim=claim)
    assert "不能签退" in excinfo.value.messages[0]
    site.gig_check_in(by=world.seeker, gig=gig, token=gig.checkin_token)
    with pytest.raises(PermissionDenied):
        site.gig_check_out(by=world.other_seeker, claim=claim)

    done = site.gig_check_out(by=world.seeker, claim=claim)

    assert (done.status, done.get_status_display()) == (C.CHECKED_OUT, "已完工")
    settlement = GigSettlement.objects.get(claim=claim)
    assert (settlement.pay_unit, settlement.amount, settlement.status) == (PayUnit.DAY, 180, "unpaid")


def test_the_poster_checks_out_for_the_worker(world, gig, claim):
    happening_now(gig)
    site.gig_check_in(by=world.seeker, gig=gig, token=gig.checkin_token)

    assert site.gig_check_out(by=world.employer_member, claim=claim).status == C.CHECKED_OUT


# --- the no-show sweep --------------------------------------------------------------------------


def test_the_periodic_task_marks_claims_never_checked_in_as_no_shows_after_the_grace_period(world, gig, claim):
    late = gig_claim(by=SeekerFactory(profile__name="龙老三"), gig=gig)
    present = gig_claim(by=world.other_seeker, gig=gig)
    happening_now(gig)
    site.gig_check_in(by=world.other_seeker, gig=gig, token=gig.checkin_token)
    site.gig_claim_confirm(by=world.employer_member, claim=late)

    ended_minutes_ago(gig, 30)  # within the hour of grace
    assert gigs_mark_no_shows() == 0

    ended_minutes_ago(gig, 61)
    assert gigs_mark_no_shows() == 2
    assert gigs_mark_no_shows() == 0  # a second run finds nothing

    statuses = dict(GigClaim.objects.filter(gig=gig).values_list("pk", "status"))
    assert statuses == {claim.pk: C.NO_SHOW, late.pk: C.NO_SHOW, present.pk: C.CHECKED_IN}
    gig.refresh_from_db()
    assert gig.status == GigStatus.DONE
    assert BoardEvent.objects.filter(gig=gig).latest("seq").payload["status"] == GigStatus.DONE
    # The worker still on the site checks out after the gig is over.
    assert site.gig_check_out(by=world.other_seeker, claim=present).status == C.CHECKED_OUT


def test_the_sweep_is_in_the_beat_schedule():
    app.finalize()
    entry = app.conf.beat_schedule["gigs-mark-no-shows"]
    assert entry["task"] == "marketplace.gigs_mark_no_shows"


def test_a_gig_that_is_over_confirms_nobody(world, gig, claim):
    Gig.objects.filter(pk=gig.pk).update(status=GigStatus.DONE)

    with pytest.raises(ValidationError) as excinfo:
        site.gig_claim_confirm(by=world.employer_member, claim=claim)
    assert refusal(excinfo) == ("gig_not_running", "该零工已完工。")


def test_the_poster_at_the_site_sets_its_position_and_then_workers_can_check_in_nearby(world, claim):
    gig = claim.gig
    Gig.objects.filter(pk=gig.pk).update(lat=None, lon=None)
    happening_now(gig)
    with pytest.raises(PermissionDenied):
        site.gig_set_site(by=world.other_employer_member, gig=gig, lat=SITE[0], lon=SITE[1])
    with pytest.raises(ValidationError) as excinfo:
        site.gig_set_site(by=world.employer_member, gig=gig, lat=None, lon=None)
    assert excinfo.value.code == "checkin_no_position"

    site.gig_set_site(by=world.employer_member, gig=gig, lat=SITE[0], lon=SITE[1])

    assert site.gig_check_in(by=world.seeker, gig=gig, lat=NEAR[0], lon=NEAR[1]).status == C.CHECKED_IN
