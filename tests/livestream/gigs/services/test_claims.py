"""Claiming gigs (livestream.gigs.services.claims): fairly, in batches, in a race, within priority windows."""

from __future__ import annotations

import datetime
import multiprocessing
import queue

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connections
from django.utils import timezone

from livestream.gigs.enums import BoardEventKind, GigClaimStatus, GigStatus
from livestream.gigs.models import BoardEvent, Gig, GigClaim, GigClaimTransition
from livestream.gigs.services.claims import gig_claim, gig_claim_cancel, gig_claim_many, gig_claim_release
from livestream.gigs.services.posting import gig_post
from marketplace.enums import KeyGroup
from marketplace.models import GroupTag
from marketplace.profiles.services import group_tag_confirm
from tests.conftest import subprocess_database_url
from tests.factories import EmployerMemberFactory, GigFactory, SeekerFactory, UserFactory

from .gig_posts import events_of, gig_data
from .gig_race import claimer_process

C = GigClaimStatus
G = GigStatus


def tomorrow() -> datetime.date:
    """Read per test, not at import: a run that crosses midnight (Asia/Shanghai) must not use yesterday."""
    return timezone.localdate() + datetime.timedelta(days=1)


def start_in_past(gig: Gig) -> None:
    Gig.objects.filter(pk=gig.pk).update(
        work_date=timezone.localdate() - datetime.timedelta(days=1), start_time=datetime.time(8, 0)
    )


# --- claiming -----------------------------------------------------------------------------------


@pytest.mark.django_db
def test_claiming_takes_a_place_and_a_double_tap_returns_the_same_claim(world):
    gig = gig_post(by=world.employer_member, data=gig_data())

    first = gig_claim(by=world.seeker, gig=gig)
    second = gig_claim(by=world.seeker, gig=gig)

    gig.refresh_from_db()
    assert first.pk == second.pk and first.status == C.CLAIMED
    assert gig.places_left == 2
    assert GigClaim.objects.filter(gig=gig).count() == 1
    assert list(first.transitions.values_list("from_status", "to_status")) == [("", C.CLAIMED)]
    assert events_of(gig) == [(1, BoardEventKind.GIG_POSTED, 3), (2, BoardEventKind.PLACES_CHANGED, 2)]


@pytest.mark.django_db
def test_the_last_place_makes_the_gig_full_and_the_next_claimer_hears_it_in_chinese(world):
    gig = gig_post(by=world.employer_member, data=gig_data(places=1))
    gig_claim(by=world.seeker, gig=gig)

    with pytest.raises(ValidationError, match="名额已满") as excinfo:
        gig_claim(by=world.other_seeker, gig=gig)

    gig.refresh_from_db()
    assert excinfo.value.code == "gig_full"
    assert (gig.status, gig.places_left) == (G.FULL, 0)
    assert events_of(gig)[-1] == (2, BoardEventKind.GIG_STATE, 0)


@pytest.mark.django_db
def test_a_batch_of_taps_fills_the_places_in_arrival_order_and_tells_the_rest_it_is_full(world):
    gig = gig_post(by=world.employer_member, data=gig_data(places=3))
    tappers = [SeekerFactory() for _ in range(5)]

    outcomes = gig_claim_many(gig=gig, claimers=tappers)

    gig.refresh_from_db()
    winners = [o.claim.profile.user for o in outcomes if o.claim is not None]
    assert winners == tappers[:3]
    assert [o.refusal.code for o in outcomes[3:]] == ["gig_full", "gig_full"]
    assert (gig.status, gig.places_left) == (G.FULL, 0)
    assert GigClaim.objects.filter(gig=gig, status=C.CLAIMED).count() == 3
    # Every claim is logged, and the board counts down one event per place, the last one full.
    assert GigClaimTransition.objects.filter(claim__gig=gig, from_status="", to_status=C.CLAIMED).count() == 3
    assert events_of(gig) == [(1, BoardEventKind.GIG_POSTED, 3), (2, BoardEventKind.PLACES_CHANGED, 2),
                              (3, BoardEventKind.PLACES_CHANGED, 1), (4, BoardEventKind.GIG_STATE, 0)]  # fmt: skip
    assert BoardEvent.objects.get(gig=gig, seq=4).payload["status"] == G.FULL


@pytest.mark.django_db
def test_in_a_batch_a_double_tap_is_one_claim_and_one_refusal_does_not_spoil_the_others(world):
    gig = gig_post(by=world.employer_member, data=gig_data(places=3))
    no_profile = UserFactory(role="seeker")

    outcomes = gig_claim_many(gig=gig, claimers=[world.seeker, no_profile, world.bureau, world.seeker])

    assert outcomes[0].claim is not None and outcomes[3].claim.pk == outcomes[0].claim.pk
    assert outcomes[1].refusal.code == "no_profile"
    assert isinstance(outcomes[2].refusal, PermissionDenied)
    gig.refresh_from_db()
    assert gig.places_left == 2 and GigClaim.objects.filter(gig=gig).count() == 1


@pytest.mark.django_db
def test_a_worker_cancels_before_the_start_and_a_full_gig_opens_again(world):
    gig = gig_post(by=world.employer_member, data=gig_data(places=1))
    claim = gig_claim(by=world.seeker, gig=gig)

    claim = gig_claim_cancel(by=world.seeker, claim=claim)

    gig.refresh_from_db()
    assert claim.status == C.CANCELLED
    assert (gig.status, gig.places_left) == (G.OPEN, 1)
    # The place is really free again: someone else takes it; and the canceller may come back later.
    assert gig_claim(by=world.other_seeker, gig=gig).status == C.CLAIMED
    assert [kind for _seq, kind, _left in events_of(gig)] == [
        BoardEventKind.GIG_POSTED, BoardEventKind.GIG_STATE, BoardEventKind.GIG_STATE, BoardEventKind.GIG_STATE,
    ]  # fmt: skip


@pytest.mark.django_db
def test_cancelling_after_the_start_is_refused(world):
    gig = gig_post(by=world.employer_member, data=gig_data())
    claim = gig_claim(by=world.seeker, gig=gig)
    start_in_past(gig)

    with pytest.raises(ValidationError) as excinfo:
        gig_claim_cancel(by=world.seeker, claim=claim)
    assert excinfo.value.code == "gig_claim_too_late"
    claim.refresh_from_db()
    assert claim.status == C.CLAIMED


@pytest.mark.django_db
def test_nobody_claims_a_gig_that_has_started(world):
    gig = GigFactory(posted_by=world.employer_member)
    start_in_past(gig)

    with pytest.raises(ValidationError) as excinfo:
        gig_claim(by=world.seeker, gig=gig)
    assert excinfo.value.code == "gig_started"


@pytest.mark.django_db
def test_only_the_claimer_cancels_their_claim(world):
    gig = gig_post(by=world.employer_member, data=gig_data())
    claim = gig_claim(by=world.seeker, gig=gig)

    for intruder in (world.other_seeker, world.employer_member):
        with pytest.raises(PermissionDenied):
            gig_claim_cancel(by=intruder, claim=claim)


@pytest.mark.django_db
def test_the_poster_releases_a_claimer_and_the_place_comes_back(world):
    gig = gig_post(by=world.employer_member, data=gig_data(places=1))
    claim = gig_claim(by=world.seeker, gig=gig)

    with pytest.raises(PermissionDenied):
        gig_claim_release(by=world.other_employer_member, claim=claim)
    claim = gig_claim_release(by=world.employer_member, claim=claim, note="电话联系不上")

    gig.refresh_from_db()
    assert claim.status == C.RELEASED
    assert (gig.status, gig.places_left) == (G.OPEN, 1)
    assert claim.transitions.last().note == "电话联系不上"
    with pytest.raises(ValidationError) as excinfo:
        gig_claim_release(by=world.employer_member, claim=claim)
    assert excinfo.value.code == "gig_claim_bad_transition"


@pytest.mark.django_db
def test_a_gig_needing_a_certificate_takes_only_workers_who_hold_it(world):
    gig = gig_post(by=world.employer_member, data=gig_data(certificates_required=["叉车证"]))

    with pytest.raises(ValidationError) as excinfo:
        gig_claim(by=world.seeker, gig=gig)
    assert excinfo.value.code == "gig_certificate_missing"

    world.seeker.profile.certificates.create(name="叉车证")
    assert gig_claim(by=world.seeker, gig=gig).status == C.CLAIMED


@pytest.mark.django_db
def test_a_user_without_a_profile_is_asked_to_make_one(world):
    gig = gig_post(by=world.employer_member, data=gig_data())
    bare = UserFactory(role="seeker")

    with pytest.raises(ValidationError) as excinfo:
        gig_claim(by=bare, gig=gig)
    assert excinfo.value.code == "no_profile"


# --- the priority window ------------------------------------------------------------------------


@pytest.mark.django_db
def test_during_the_priority_window_only_confirmed_members_of_the_groups_may_claim(world):
    until = timezone.now() + datetime.timedelta(hours=2)
    gig = gig_post(
        by=world.employer_member,
        data=gig_data(priority_groups=[KeyGroup.RELOCATED, KeyGroup.POVERTY_RELIEVED], priority_until=until),
    )
    declared = GroupTag.objects.create(profile=world.other_seeker.profile, group=KeyGroup.RELOCATED)

    # No tag, and a declared but unconfirmed tag: both wait.
    for user in (world.seeker, world.other_seeker):
        with pytest.raises(ValidationError) as excinfo:
            gig_claim(by=user, gig=gig)
        assert excinfo.value.code == "gig_priority_only"
    message = excinfo.value.messages[0]
    local = timezone.localtime(until)
    assert "易地搬迁人口" in message and "脱贫人口" in message
    assert f"{local:%H:%M}" in message and "向所有人开放" in message

    group_tag_confirm(by=world.bureau, tag=declared)
    assert gig_claim(by=world.other_seeker, gig=gig).status == C.CLAIMED


@pytest.mark.django_db
def test_after_the_priority_window_everyone_may_claim(world):
    gig = GigFactory(
        posted_by=world.employer_member,
        priority_groups=[KeyGroup.GRADUATE],
        priority_until=timezone.now() - datetime.timedelta(minutes=1),
    )
    assert gig_claim(by=world.seeker, gig=gig).status == C.CLAIMED


@pytest.mark.django_db
def test_during_a_nearby_first_window_only_workers_close_by_may_claim(world):
    from livestream.gigs.services.availability import availability_set

    until = timezone.now() + datetime.timedelta(minutes=10)
    # 舟溪镇政府; a worker 2 km away flagged with the phone's position, another 30 km away.
    gig = gig_post(
        by=world.employer_member,
        data=gig_data(lat=26.4897, lon=108.0452, priority_radius_km=5, priority_until=until),
    )
    availability_set(by=world.seeker, county="凯里市", lat=26.5070, lon=108.0452, day=tomorrow())
    availability_set(by=world.other_seeker, county="凯里市", lat=26.7600, lon=108.0452, day=tomorrow())

    with pytest.raises(ValidationError) as excinfo:
        gig_claim(by=world.other_seeker, gig=gig)
    assert excinfo.value.code == "gig_priority_only"
    assert "仅限附近5公里内的人报名" in excinfo.value.messages[0] and "今天可接活" in excinfo.value.messages[0]
    assert gig_claim(by=world.seeker, gig=gig).status == C.CLAIMED


@pytest.mark.django_db
def test_without_a_position_the_same_township_counts_as_nearby(world):
    gig = gig_post(
        by=world.employer_member,
        data=gig_data(priority_radius_km=3, priority_until=timezone.now() + datetime.timedelta(minutes=10)),
    )
    type(world.seeker.profile).objects.filter(user=world.seeker).update(current_county="凯里市", current_town="舟溪镇")
    world.seeker.profile.refresh_from_db()
    assert gig_claim(by=world.seeker, gig=gig).status == C.CLAIMED
    with pytest.raises(ValidationError):
        gig_claim(by=world.other_seeker, gig=gig)


# --- the race -----------------------------------------------------------------------------------

CLAIMERS = 50
PLACES = 3
PROCESSES = 10  # each running CLAIMERS / PROCESSES threads, every thread with its own connection
RACES = 3


@pytest.mark.django_db(transaction=True)
def test_fifty_claimers_racing_from_separate_processes_for_three_places_give_exactly_three_winners():
    poster = EmployerMemberFactory()
    workers = [SeekerFactory(profile__name=f"工人{n}").pk for n in range(CLAIMERS)]
    per_process = CLAIMERS // PROCESSES

    context = multiprocessing.get_context("spawn")
    jobs, results = context.Queue(), context.Queue()
    go = context.Barrier(PROCESSES + 1, timeout=120)
    connections.close_all()  # nothing of ours for the children to share
    processes = [
        context.Process(target=claimer_process, args=(subprocess_database_url(), jobs, results, go), daemon=True)
        for _ in range(PROCESSES)
    ]
    for process in processes:
        process.start()
    try:
        for race in range(RACES):
            gig = gig_post(by=poster, data=gig_data(title=f"抢收稻谷{race}", places=PLACES))
            for n in range(PROCESSES):
                jobs.put((gig.pk, workers[n * per_process : (n + 1) * per_process]))
            go.wait()  # every process has its threads lined up with their data loaded: go
            outcomes = []
            for _ in range(CLAIMERS):
                try:
                    outcomes.append(results.get(timeout=120))
                except queue.Empty:
                    pytest.fail(f"race {race}: only {len(outcomes)} of {CLAIMERS} claimers answered")

            assert [o for o in outcomes if o[1] == "error"] == []
            winners = [o for o in outcomes if o[1] == "won"]
            losers = [o for o in outcomes if o[1] == "lost"]
            assert len(winners) == PLACES, outcomes
            assert {code for _user, _result, code in losers} == {"gig_full"}
            gig.refresh_from_db()
            assert (gig.places_left, gig.status) == (0, G.FULL)
            claims = GigClaim.objects.filter(gig=gig)
            assert claims.count() == PLACES
            assert set(claims.values_list("pk", flat=True)) == {claim_id for _user, _result, claim_id in winners}
            # Every board event of the area, in order and without a gap (one post, then one per place).
            seqs = list(BoardEvent.objects.filter(area=gig.area).order_by("seq").values_list("seq", flat=True))
            assert seqs == list(range(1, len(seqs) + 1))
            assert len(seqs) == (race + 1) * (PLACES + 1)
            assert [left for _seq, _kind, left in events_of(gig)] == [3, 2, 1, 0]
    finally:
        for _ in processes:
            jobs.put(None)
        for process in processes:
            process.join(timeout=30)
            if process.is_alive():
                process.terminate()
    assert all(p.exitcode == 0 for p in processes), [p.exitcode for p in processes]
