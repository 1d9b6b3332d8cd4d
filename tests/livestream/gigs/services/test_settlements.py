"""What a day of gig work leaves: settlements by pay unit, payment marks, ratings once a side, complaints."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from livestream.gigs.enums import ComplaintStatus, RatingSide, SettlementStatus
from livestream.gigs.models import Gig, GigClaim, GigSettlement, WageComplaintStep
from livestream.gigs.selectors import poster_rating, worker_rating
from livestream.gigs.services import attendance as site
from livestream.gigs.services.claims import gig_claim
from livestream.gigs.services.complaints import gig_complaint_advance, gig_complaint_open
from livestream.gigs.services.ratings import gig_rate
from livestream.gigs.services.settlements import (
    hours_worked,
    settlement_confirm_received,
    settlement_mark_paid,
    settlement_set_pieces,
)
from marketplace.enums import PayUnit
from tests.factories import GigFactory, SeekerFactory
from tests.livestream.gigs.moments import checked_in_minutes_ago, happening_now, starts_at

pytestmark = pytest.mark.django_db
S = SettlementStatus


def work_a_day(world, *, worker=None, checked_in_minutes: int = 0, **gig_fields) -> GigClaim:
    """Claim, check in by QR code, (optionally) pretend the check-in was long ago, and leave it checked in."""
    worker = worker or world.seeker
    gig = gig_fields.pop("gig", None) or GigFactory(posted_by=world.employer_member, **gig_fields)
    claim = gig_claim(by=worker, gig=gig)
    happening_now(gig)
    site.gig_check_in(by=worker, gig=gig, token=gig.checkin_token)
    if checked_in_minutes:
        claim = checked_in_minutes_ago(claim, checked_in_minutes)
        # The start well before the check-in: the hours run from the check-in.
        starts_at(gig, timezone.now() - datetime.timedelta(minutes=checked_in_minutes + 60))
    return GigClaim.objects.get(pk=claim.pk)


# --- amounts by pay unit ------------------------------------------------------------------------


def test_a_day_rate_gig_owes_the_days_pay_whatever_the_hours(world):
    claim = work_a_day(world, pay=180, pay_unit=PayUnit.DAY, checked_in_minutes=200)

    site.gig_check_out(by=world.seeker, claim=claim)

    settlement = GigSettlement.objects.get(claim=claim)
    assert (settlement.amount, settlement.amount_display, settlement.status) == (Decimal(180), "180 元", S.UNPAID)
    assert settlement.hours == Decimal("3.25")


def test_an_hourly_gig_owes_pay_times_hours_rounded_to_the_quarter_hour(world):
    # 2 h 35 min → 2.5 h (10.33 quarter hours round to 10); 25 元/小时 → 62.50 元
    claim = work_a_day(world, pay=25, pay_unit=PayUnit.HOUR, checked_in_minutes=155)

    site.gig_check_out(by=world.seeker, claim=claim)

    settlement = GigSettlement.objects.get(claim=claim)
    assert (settlement.hours, settlement.amount, settlement.amount_display) == (
        Decimal("2.50"),
        Decimal("62.50"),
        "62.50 元",
    )
    assert settlement.rate == 25 and settlement.pay_unit == PayUnit.HOUR


def test_arriving_before_the_start_is_not_paid_work(world):
    gig = GigFactory(posted_by=world.employer_member, pay=30, pay_unit=PayUnit.HOUR)
    claim = gig_claim(by=world.seeker, gig=gig)
    happening_now(gig)
    site.gig_check_in(by=world.seeker, gig=gig, token=gig.checkin_token)
    checked_in_minutes_ago(claim, 130)
    starts_at(gig, timezone.now() - datetime.timedelta(minutes=100))  # came 30 minutes early

    site.gig_check_out(by=world.seeker, claim=claim)

    # 100 minutes → 6.67 quarter hours → 7 → 1.75 h × 30 元
    settlement = GigSettlement.objects.get(claim=claim)
    assert (settlement.hours, settlement.amount) == (Decimal("1.75"), Decimal("52.50"))


def test_hours_worked_rounds_to_the_nearest_quarter_and_never_goes_negative():
    gig = Gig(work_date=datetime.date(2026, 5, 1), start_time=datetime.time(8, 0), end_time=datetime.time(17, 0))
    start = gig.starts_at

    def hours(minutes_in: int, minutes_out: int) -> Decimal:
        claim = GigClaim(
            gig=gig,
            checked_in_at=start + datetime.timedelta(minutes=minutes_in),
            checked_out_at=start + datetime.timedelta(minutes=minutes_out),
        )
        return hours_worked(claim)

    assert hours(0, 540) == Decimal("9.00")
    assert hours(-45, 480) == Decimal("8.00")  # early arrival not counted
    assert hours(7, 480) == Decimal("8.00")  # 473 min = 31.53 quarter hours → 32
    assert hours(8, 480) == Decimal("7.75")  # 472 min = 31.47 quarter hours → 31
    assert hours(0, 7) == Decimal("0.00")  # 0.47 quarter → 0
    assert hours(0, 8) == Decimal("0.25")
    assert hours(-90, -60) == Decimal("0.00")


def test_a_piece_rate_gig_waits_for_the_poster_to_enter_the_pieces(world):
    claim = work_a_day(world, pay=2, pay_unit=PayUnit.PIECE)

    site.gig_check_out(by=world.seeker, claim=claim)
    settlement = GigSettlement.objects.get(claim=claim)
    assert (settlement.amount, settlement.amount_display) == (None, "待填写件数")
    with pytest.raises(ValidationError) as excinfo:
        settlement_mark_paid(by=world.employer_member, settlement=settlement)
    assert excinfo.value.code == "settlement_amount_unknown"
    with pytest.raises(PermissionDenied):
        settlement_set_pieces(by=world.seeker, settlement=settlement, pieces=1000)
    with pytest.raises(ValidationError) as excinfo:
        settlement_set_pieces(by=world.employer_member, settlement=settlement, pieces=-3)
    assert excinfo.value.message_dict == {"pieces": ["件数须是0到100000之间的整数。"]}

    settlement = settlement_set_pieces(by=world.employer_member, settlement=settlement, pieces=137)

    assert (settlement.pieces, settlement.amount) == (137, Decimal(274))


def test_the_poster_checking_out_a_piece_worker_enters_the_pieces_at_once(world):
    claim = work_a_day(world, pay=3, pay_unit=PayUnit.PIECE)

    site.gig_check_out(by=world.employer_member, claim=claim, pieces=40)

    assert GigSettlement.objects.get(claim=claim).amount == Decimal(120)


# --- paid and received --------------------------------------------------------------------------


def test_the_poster_marks_paid_and_the_worker_confirms_received(world):
    claim = work_a_day(world)
    site.gig_check_out(by=world.seeker, claim=claim)
    settlement = GigSettlement.objects.get(claim=claim)

    with pytest.raises(ValidationError) as excinfo:
        settlement_confirm_received(by=world.seeker, settlement=settlement)
    assert excinfo.value.code == "settlement_not_paid"
    for outsider in (world.other_employer_member, world.seeker, world.bureau):
        with pytest.raises(PermissionDenied):
            settlement_mark_paid(by=outsider, settlement=settlement)

    settlement = settlement_mark_paid(by=world.employer_member, settlement=settlement)
    assert (settlement.status, settlement.get_status_display(), settlement.paid_by) == (
        S.PAID,
        "已付款",
        world.employer_member,
    )
    assert settlement.paid_at is not None and settlement.received_at is None
    with pytest.raises(ValidationError) as excinfo:
        settlement_mark_paid(by=world.employer_member, settlement=settlement)
    assert excinfo.value.messages == ["这笔工钱已经标记为已付款。"]
    with pytest.raises(PermissionDenied):
        settlement_confirm_received(by=world.other_seeker, settlement=settlement)

    settlement = settlement_confirm_received(by=world.seeker, settlement=settlement)

    assert settlement.received_at is not None
    with pytest.raises(ValidationError):
        settlement_set_pieces(by=world.employer_member, settlement=settlement, pieces=3)


# --- ratings ------------------------------------------------------------------------------------


def test_each_side_rates_the_other_once_after_the_work_and_averages_follow(world):
    claim = work_a_day(world)
    with pytest.raises(ValidationError) as excinfo:
        gig_rate(by=world.seeker, claim=claim, stars=5)
    assert "完工或记为未到岗后才能评价" in excinfo.value.messages[0]
    site.gig_check_out(by=world.seeker, claim=claim)

    of_poster = gig_rate(by=world.seeker, claim=claim, stars=4, comment="  老板爽快，按时结账 ")
    of_worker = gig_rate(by=world.employer_member, claim=claim, stars=5, comment="干活踏实")

    assert (of_poster.side, of_poster.comment) == (RatingSide.WORKER_RATES_POSTER, "老板爽快，按时结账")
    assert of_worker.side == RatingSide.POSTER_RATES_WORKER
    for rater in (world.seeker, world.employer_member):
        with pytest.raises(ValidationError) as excinfo:
            gig_rate(by=rater, claim=claim, stars=1)
        assert excinfo.value.code == "gig_already_rated"
    for outsider in (world.other_seeker, world.other_employer_member, world.bureau):
        with pytest.raises(PermissionDenied):
            gig_rate(by=outsider, claim=claim, stars=1)

    second = work_a_day(world, worker=world.other_seeker)
    site.gig_check_out(by=world.other_seeker, claim=second)
    gig_rate(by=world.other_seeker, claim=second, stars=1, comment="拖了两天才给钱")
    gig = claim.gig
    assert poster_rating(gig) == (Decimal("2.5"), 2)
    assert worker_rating(world.seeker.profile) == (Decimal("5.0"), 1)
    assert worker_rating(world.other_seeker.profile) == (None, 0)


def test_a_no_show_can_be_rated_and_stars_must_be_one_to_five(world):
    gig = GigFactory(posted_by=world.employer_member)
    claim = gig_claim(by=world.seeker, gig=gig)
    happening_now(gig)
    site.gig_claim_no_show(by=world.employer_member, claim=claim)

    for stars in (0, 6, "5", True):
        with pytest.raises(ValidationError) as excinfo:
            gig_rate(by=world.employer_member, claim=claim, stars=stars)
        assert excinfo.value.message_dict == {"stars": ["请选择1到5颗星。"]}
    with pytest.raises(ValidationError) as excinfo:
        gig_rate(by=world.employer_member, claim=claim, stars=2, comment="长" * 201)
    assert "comment" in excinfo.value.message_dict

    assert gig_rate(by=world.employer_member, claim=claim, stars=1, comment="没来也不说").stars == 1


# --- wage complaints ----------------------------------------------------------------------------


def test_the_worker_complains_about_the_wage_and_staff_resolve_it(world):
    claim = work_a_day(world)
    with pytest.raises(ValidationError) as excinfo:
        gig_complaint_open(by=world.seeker, claim=claim, amount_claimed="180", description="还在干活")
    assert excinfo.value.code == "gig_claim_bad_transition"
    site.gig_check_out(by=world.seeker, claim=claim)
    with pytest.raises(ValidationError) as excinfo:
        gig_complaint_open(by=world.seeker, claim=claim, amount_claimed="-5", description="短")
    assert set(excinfo.value.message_dict) == {"amount_claimed", "description"}
    with pytest.raises(PermissionDenied):
        gig_complaint_open(by=world.other_seeker, claim=claim, amount_claimed="180", description="工钱没有给我")

    complaint = gig_complaint_open(
        by=world.seeker, claim=claim, amount_claimed="180", description="干完一天，老板说下周给，到现在没给。"
    )

    assert (complaint.status, complaint.get_status_display(), complaint.amount_claimed) == (
        ComplaintStatus.OPEN,
        "待受理",
        Decimal(180),
    )
    assert complaint.settlement == GigSettlement.objects.get(claim=claim)
    with pytest.raises(ValidationError) as excinfo:
        gig_complaint_open(by=world.seeker, claim=claim, amount_claimed="180", description="再投诉一次看看")
    assert excinfo.value.code == "complaint_under_way"

    # The employer's own station may handle it, another station and the employer may not.
    for outsider in (world.other_station_staff, world.employer_member, world.seeker):
        with pytest.raises(PermissionDenied):
            gig_complaint_advance(by=outsider, complaint=complaint, to=ComplaintStatus.HANDLING)
    complaint = gig_complaint_advance(by=world.station_staff, complaint=complaint, to=ComplaintStatus.HANDLING)
    assert complaint.get_status_display() == "处理中"
    with pytest.raises(ValidationError) as excinfo:
        gig_complaint_advance(by=world.bureau, complaint=complaint, to=ComplaintStatus.RESOLVED)
    assert excinfo.value.message_dict == {"note": ["办结时请写明处理结果，投诉人会看到。"]}
    with pytest.raises(ValidationError) as excinfo:
        gig_complaint_advance(by=world.bureau, complaint=complaint, to=ComplaintStatus.OPEN)
    assert excinfo.value.code == "complaint_bad_transition"

    complaint = gig_complaint_advance(
        by=world.bureau, complaint=complaint, to=ComplaintStatus.RESOLVED, note="经调解，单位已当场补发180元。"
    )

    assert (complaint.status, complaint.note, complaint.handled_by) == (
        ComplaintStatus.RESOLVED,
        "经调解，单位已当场补发180元。",
        world.bureau,
    )
    assert complaint.resolved_at is not None
    steps = list(WageComplaintStep.objects.filter(complaint=complaint).values_list("from_status", "to_status"))
    assert steps == [("", "open"), ("open", "handling"), ("handling", "resolved")]
    # Once resolved, a new complaint may be opened on the same claim.
    assert gig_complaint_open(by=world.seeker, claim=claim, amount_claimed="20", description="还差20元加班费").pk


def test_a_station_does_not_handle_complaints_about_its_own_gigs(world):
    station_worker = SeekerFactory(profile__name="龙阿哥", profile__station=world.station)
    gig = GigFactory(posted_by=world.station_staff)
    claim = work_a_day(world, worker=station_worker, gig=gig)
    site.gig_check_out(by=station_worker, claim=claim)
    complaint = gig_complaint_open(
        by=station_worker, claim=claim, amount_claimed="180.50", description="驿站说的工钱少了"
    )

    with pytest.raises(PermissionDenied):
        gig_complaint_advance(by=world.station_staff, complaint=complaint, to=ComplaintStatus.HANDLING)
    assert gig_complaint_advance(by=world.bureau, complaint=complaint, to=ComplaintStatus.HANDLING).status == "handling"
