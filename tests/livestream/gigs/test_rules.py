"""What the gig market's rules tell pages to offer: the same answers the services act on."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from livestream.gigs import rules
from livestream.gigs.enums import GigClaimStatus, SettlementStatus
from livestream.gigs.models import GigClaim, GigSettlement
from tests.factories import EmployerMemberFactory, GigFactory, SeekerFactory, StationStaffFactory

pytestmark = pytest.mark.django_db


def claim_of(gig, **fields) -> GigClaim:
    return GigClaim.objects.create(gig=gig, profile=SeekerFactory().profile, **fields)


def test_a_fresh_claim_before_the_start_may_only_be_given_back():
    claim = claim_of(GigFactory())

    actions = rules.worker_claim_actions(claim)

    assert actions == {
        "can_cancel": True,
        "can_check_in": False,  # tomorrow's gig: check-in opens an hour before the start
        "can_check_out": False,
        "can_rate": False,
        "can_receive": False,
        "can_complain": False,
    }


def test_check_in_is_offered_inside_the_window_and_cancelling_no_more_once_started():
    now = timezone.now()
    gig = GigFactory(work_date=timezone.localdate(now))
    claim = claim_of(gig, status=GigClaimStatus.CONFIRMED)
    opens, closes = rules.checkin_window(gig)

    assert rules.worker_claim_actions(claim, opens - datetime.timedelta(minutes=1))["can_check_in"] is False
    assert rules.worker_claim_actions(claim, opens)["can_check_in"] is True
    assert rules.worker_claim_actions(claim, closes + datetime.timedelta(minutes=1))["can_check_in"] is False
    assert rules.claim_cancellable(claim, gig.starts_at) is False  # confirmed, and the work has begun


def test_after_checking_out_a_worker_may_rate_complain_and_confirm_a_paid_settlement_once():
    claim = claim_of(GigFactory(), status=GigClaimStatus.CHECKED_OUT)
    GigSettlement.objects.create(
        claim=claim, pay_unit="day", rate=180, hours=8, amount=180, status=SettlementStatus.PAID,
        paid_at=timezone.now(),
    )  # fmt: skip
    claim = GigClaim.objects.prefetch_related("ratings", "complaints").select_related("settlement").get(pk=claim.pk)

    actions = rules.worker_claim_actions(claim)

    assert (actions["can_rate"], actions["can_complain"], actions["can_receive"]) == (True, True, True)
    assert (actions["can_cancel"], actions["can_check_in"], actions["can_check_out"]) == (False, False, False)


def test_posting_is_offered_to_organisations_and_to_individuals_only_after_an_identity_check():
    individual = SeekerFactory()

    assert rules.may_offer_posting(EmployerMemberFactory())
    assert rules.may_offer_posting(StationStaffFactory())
    assert not rules.may_offer_posting(individual)

    individual.profile.identity_verified_at = timezone.now()
    individual.profile.save()
    assert rules.may_offer_posting(individual)
