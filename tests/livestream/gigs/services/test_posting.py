"""Posting gigs (livestream.gigs.services.posting): who may post, what makes sense, individuals, calling a gig off."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from livestream.gigs.board import gig_board_payload
from livestream.gigs.enums import BoardEventKind, GigClaimStatus, GigStatus
from livestream.gigs.models import BoardEvent, Gig, GigClaim, board_area
from livestream.gigs.services.claims import gig_claim
from livestream.gigs.services.posting import gig_cancel, gig_post
from marketplace.employers.services import employer_blacklist, employer_blacklist_lift
from marketplace.enums import KeyGroup, PayUnit, VerificationStatus
from tests.factories import EmployerMemberFactory, SeekerFactory, id_number

from .gig_posts import events_of, gig_data

C = GigClaimStatus
G = GigStatus


# --- posting ------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_verified_employers_member_posts_a_gig_that_is_open_on_its_countys_board(world):
    gig = gig_post(by=world.employer_member, data=gig_data())

    assert (gig.status, gig.places, gig.places_left, gig.employer, gig.station) == (G.OPEN, 3, 3, world.employer, None)
    assert gig.area == "522601" == board_area("凯里市")
    assert events_of(gig) == [(1, BoardEventKind.GIG_POSTED, 3)]


@pytest.mark.django_db
def test_station_staff_post_in_the_stations_name(world):
    gig = gig_post(by=world.station_staff, data=gig_data(county="东莞市"))

    assert (gig.station, gig.employer) == (world.station, None)
    assert gig.area.isascii() and gig.area == board_area("东莞市")


@pytest.mark.django_db
def test_bureau_staff_do_not_post_gigs(world):
    with pytest.raises(PermissionDenied):
        gig_post(by=world.bureau, data=gig_data())


@pytest.mark.django_db
def test_a_blacklisted_employer_cannot_post(world):
    employer_blacklist(by=world.bureau, employer=world.employer, reason="拖欠工资")

    with pytest.raises(ValidationError) as excinfo:
        gig_post(by=world.employer_member, data=gig_data())
    assert excinfo.value.code == "employer_blacklisted"
    assert "黑名单" in excinfo.value.messages[0]
    assert not Gig.objects.exists()


@pytest.mark.django_db
def test_an_unverified_employer_cannot_post(world):
    member = EmployerMemberFactory(employer__verification=VerificationStatus.PENDING)

    with pytest.raises(ValidationError) as excinfo:
        gig_post(by=member, data=gig_data())
    assert excinfo.value.code == "employer_unverified"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("extra", "field"),
    [
        ({"work_date": timezone.localdate() - datetime.timedelta(days=1)}, "work_date"),
        ({"end_time": datetime.time(7, 0)}, "end_time"),
        ({"pay_unit": PayUnit.MONTH}, "pay_unit"),
        ({"places": 0}, "places"),
        ({"priority_groups": ["astronauts"], "priority_until": timezone.now()}, "priority_groups"),
        ({"priority_groups": [KeyGroup.RELOCATED]}, "priority_until"),
        ({"priority_radius_km": 5}, "priority_until"),
        ({"priority_radius_km": 80, "priority_until": timezone.now()}, "priority_radius_km"),
        ({"priority_radius_km": 5, "town": "", "priority_until": timezone.now()}, "priority_radius_km"),
    ],
)
def test_a_gig_that_makes_no_sense_is_refused_field_by_field(world, extra, field):
    with pytest.raises(ValidationError) as excinfo:
        gig_post(by=world.employer_member, data=gig_data(**extra))
    assert field in excinfo.value.message_dict
    assert not BoardEvent.objects.exists()


# --- calling a gig off -----------------------------------------------------------------------------


@pytest.mark.django_db
def test_cancelling_a_gig_releases_every_claim_and_closes_it(world):
    gig = gig_post(by=world.station_staff, data=gig_data())
    claims = [gig_claim(by=world.seeker, gig=gig), gig_claim(by=world.other_seeker, gig=gig)]

    with pytest.raises(PermissionDenied):
        gig_cancel(by=world.other_station_staff, gig=gig)
    gig = gig_cancel(by=world.station_staff, gig=gig)

    assert gig.status == G.CANCELLED
    assert {GigClaim.objects.get(pk=c.pk).status for c in claims} == {C.RELEASED}
    assert events_of(gig)[-1][1] == BoardEventKind.GIG_STATE
    with pytest.raises(ValidationError) as excinfo:
        gig_claim(by=SeekerFactory(), gig=gig)
    assert excinfo.value.code == "gig_not_open"
    with pytest.raises(ValidationError):
        gig_cancel(by=world.bureau, gig=gig)


# --- individuals ----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_an_individual_posts_a_gig_only_after_staff_verified_their_identity(world):
    from marketplace.profiles.services import profile_verify_identity

    household = world.seeker
    with pytest.raises(ValidationError) as excinfo:
        gig_post(by=household, data=gig_data(title="搬家要两个人", places=2))
    assert excinfo.value.code == "identity_unverified" and "实名核验" in excinfo.value.messages[0]

    profile = household.profile
    with pytest.raises(ValidationError) as excinfo:
        profile_verify_identity(by=world.bureau, profile=profile)
    assert excinfo.value.code == "identity_incomplete"
    profile.id_number, profile.gender = id_number(), "female"
    profile.save()
    with pytest.raises(PermissionDenied):
        profile_verify_identity(by=world.employer_member, profile=profile)
    profile_verify_identity(by=world.bureau, profile=profile)

    gig = gig_post(by=household, data=gig_data(title="搬家要两个人", places=2))
    assert (gig.employer, gig.station, gig.posted_by) == (None, None, household)
    assert gig_board_payload(gig)["poster"] == "杨女士（个人）"

    with pytest.raises(PermissionDenied):
        gig_cancel(by=world.other_seeker, gig=gig)
    with pytest.raises(PermissionDenied):
        gig_cancel(by=world.employer_member, gig=gig)
    assert gig_cancel(by=household, gig=gig).status == G.CANCELLED


# --- the wage-arrears blacklist --------------------------------------------------------------------


@pytest.mark.django_db
def test_blacklisting_an_employer_takes_its_coming_gigs_off_the_board_and_lifting_puts_them_back(world):
    gig = gig_post(by=world.employer_member, data=gig_data())
    called_off = gig_post(by=world.employer_member, data=gig_data(title="取消了的活"))
    gig_cancel(by=world.employer_member, gig=called_off)
    station_gig = gig_post(by=world.station_staff, data=gig_data(title="协作站的活"))

    entry = employer_blacklist(by=world.bureau, employer=world.employer, reason="拖欠工资")

    gig.refresh_from_db()
    assert gig.withdrawn_at is not None
    last = BoardEvent.objects.filter(gig=gig).order_by("-seq").first()
    assert (last.kind, last.payload["withdrawn"]) == (BoardEventKind.GIG_STATE, True)
    assert not BoardEvent.objects.filter(gig__in=[called_off, station_gig], payload__withdrawn=True).exists()
    with pytest.raises(ValidationError) as refused:
        gig_claim(by=SeekerFactory(), gig=gig)
    assert refused.value.code == "gig_withdrawn" and "黑名单" in refused.value.messages[0]

    employer_blacklist_lift(by=world.bureau, entry=entry)

    gig.refresh_from_db()
    last = BoardEvent.objects.filter(gig=gig).order_by("-seq").first()
    assert gig.withdrawn_at is None and last.payload["withdrawn"] is False
    assert gig_claim(by=SeekerFactory(), gig=gig).status == C.CLAIMED


@pytest.mark.django_db
def test_a_gig_that_started_while_its_employer_was_listed_does_not_come_back(world):
    gig = gig_post(by=world.employer_member, data=gig_data())
    entry = employer_blacklist(by=world.bureau, employer=world.employer, reason="拖欠工资")
    Gig.objects.filter(pk=gig.pk).update(work_date=timezone.localdate(), start_time=datetime.time(0, 0))

    employer_blacklist_lift(by=world.bureau, entry=entry)

    gig.refresh_from_db()
    assert gig.withdrawn_at is not None
