"""Claiming a place on a gig, giving it back, and the poster releasing it.

    claim:  claimed ──cancel (worker, before start)──▶ cancelled
               └────release (poster, not yet checked in)──▶ released
            (confirm, check-in, check-out, no-show: services.attendance)

Claims are atomic in the database: places are counted and taken under the gig's row lock, so N
people racing for K places give exactly K winners, whatever the number of processes; a batch of
taps (`gig_claim_many`) takes the lock once. Every change writes its board events in the same
transaction (board.record); they are broadcast after commit. Locks: see services.shared.
"""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from livestream.gigs import board
from livestream.gigs.enums import GIG_CLAIM_ACTIVE, GIG_CLAIM_AWAITED, BoardEventKind, GigClaimStatus, GigStatus
from livestream.gigs.models import Gig, GigClaim, GigClaimTransition
from livestream.gigs.rules import check_claim_requirements, require
from livestream.gigs.services.shared import give_place_back, lock_claim, lock_gig, log_transition
from marketplace.models import User, WorkerProfile

C = GigClaimStatus
G = GigStatus


def _refuse_closed(gig: Gig) -> None:
    if gig.status == G.FULL or (gig.status == G.OPEN and gig.places_left == 0):
        raise ValidationError(_("名额已满，下次早点来抢。有人取消时会重新开放。"), code="gig_full")
    raise ValidationError(_("该零工已停止报名。"), code="gig_not_open")


@dataclass(frozen=True)
class ClaimOutcome:
    """One claimer's answer from a batch: the claim taken (or already held), or why not."""

    claim: GigClaim | None = None
    refusal: ValidationError | PermissionDenied | None = None


def gig_claim(*, by: User, gig: Gig | int) -> GigClaim:
    """Take one place. Idempotent: a worker holding a place gets that claim back."""
    (outcome,) = gig_claim_many(gig=gig, claimers=[by])
    if outcome.refusal is not None:
        raise outcome.refusal
    return outcome.claim


@transaction.atomic
def gig_claim_many(*, gig: Gig | int, claimers: Sequence[User]) -> list[ClaimOutcome]:
    """Take one place for each claimer in turn, in one transaction; one outcome per claimer, in order.

    Why a batch: every claim of a gig serialises on the gig's row, so a popular gig filled one
    transaction at a time is capped by the round trips each spends holding that lock. A server
    process hands over all the taps that queued while its previous batch committed (group commit):
    the lock is taken once, and the claims, their log and their board events are written in bulk.
    Exactly-K still comes from the lock: places are counted under it, whatever the process count.

    Locks: the gig row first (FOR NO KEY UPDATE), then the board's sequence row, both until commit.
    A claimer named twice (a double tap) gets the same claim twice.
    """
    outcomes: list[ClaimOutcome | None] = [None] * len(claimers)
    profiles = {p.user_id: p for p in WorkerProfile.objects.filter(user_id__in={u.pk for u in claimers})}
    candidates: list[tuple[int, User, WorkerProfile]] = []
    for n, user in enumerate(claimers):
        try:
            require(user, "gig.claim")
            profile = profiles.get(user.pk)
            if profile is None:
                raise ValidationError(_("请先完善求职者档案再报名。"), code="no_profile")
        except (ValidationError, PermissionDenied) as exc:
            outcomes[n] = ClaimOutcome(refusal=exc)
            continue
        candidates.append((n, user, profile))
    if not candidates:
        return outcomes
    gig = lock_gig(gig)
    held = {
        claim.profile_id: claim
        for claim in GigClaim.objects.filter(
            gig=gig, profile_id__in={p.pk for _n, _u, p in candidates}, status__in=GIG_CLAIM_ACTIVE
        )
    }
    now = timezone.now()
    card = board.gig_board_payload(gig)  # each event below differs from it only in the count and the state
    taken: list[tuple[GigClaim, User, dict[str, Any], str]] = []
    for n, user, profile in candidates:
        if profile.pk in held:
            outcomes[n] = ClaimOutcome(claim=held[profile.pk])
            continue
        try:
            _check_claimable(gig, profile, now)
        except ValidationError as exc:
            outcomes[n] = ClaimOutcome(refusal=exc)
            continue
        gig.places_left -= 1
        if gig.places_left == 0:
            gig.status = G.FULL
        claim = held[profile.pk] = GigClaim(gig=gig, profile=profile, status=C.CLAIMED)
        kind = BoardEventKind.PLACES_CHANGED if gig.status == G.OPEN else BoardEventKind.GIG_STATE
        taken.append((claim, user, {**card, "places_left": gig.places_left, "status": gig.status}, kind))
        outcomes[n] = ClaimOutcome(claim=claim)
    if taken:
        gig.save(update_fields=["places_left", "status", "updated_at"])
        # A claim and its board event commit together, in the same transaction as the place.
        GigClaim.objects.bulk_create([claim for claim, _u, _p, _k in taken])
        GigClaimTransition.objects.bulk_create(
            [GigClaimTransition(claim=c, from_status="", to_status=C.CLAIMED, by=u) for c, u, _p, _k in taken]
        )
        board.record_many(gig, [(kind, payload) for _c, _u, payload, kind in taken])
    return outcomes


def _check_claimable(gig: Gig, profile: WorkerProfile, now: datetime.datetime) -> None:
    """Refuse a claim on a locked gig: not open, already started, the worker may not, or no place left."""
    if gig.status not in (G.OPEN, G.FULL):
        _refuse_closed(gig)
    if gig.withdrawn_at is not None:
        raise ValidationError(_("发布单位已被列入拖欠工资黑名单，这个零工已下架。"), code="gig_withdrawn")
    if gig.starts_at <= now:
        raise ValidationError(_("该零工已经开工，不能再报名。"), code="gig_started")
    if gig.status != G.OPEN or gig.places_left <= 0:
        _refuse_closed(gig)
    check_claim_requirements(gig, profile)


@transaction.atomic
def gig_claim_cancel(*, by: User, claim: GigClaim) -> GigClaim:
    """The worker gives their place back, before the start time. Locks gig, claim, board sequence."""
    lock_gig(claim.gig_id)
    claim = lock_claim(claim)
    require(by, "gig.claim_cancel", claim)
    if claim.status != C.CLAIMED:
        raise ValidationError(
            _("报名当前状态为“%(now)s”，不能取消。") % {"now": C(claim.status).label},
            code="gig_claim_bad_transition",
        )
    gig = claim.gig
    if gig.starts_at <= timezone.now():
        raise ValidationError(_("零工已开工，不能再取消报名，请联系发布方。"), code="gig_claim_too_late")
    return _end_claim(claim, C.CANCELLED, by=by)


@transaction.atomic
def gig_claim_release(*, by: User, claim: GigClaim, note: str = "") -> GigClaim:
    """The poster frees a claimer's place (no answer, wrong person). Locks gig, claim, board sequence."""
    lock_gig(claim.gig_id)
    claim = lock_claim(claim)
    require(by, "gig.manage", claim.gig)
    # A worker who checked in has been at the site: they check out (and are paid), not released.
    if claim.status not in GIG_CLAIM_AWAITED:
        raise ValidationError(
            _("报名当前状态为“%(now)s”，不能释放名额。") % {"now": C(claim.status).label},
            code="gig_claim_bad_transition",
        )
    if claim.gig.status not in (G.OPEN, G.FULL):
        raise ValidationError(_("该零工已停止报名。"), code="gig_not_open")
    return _end_claim(claim, C.RELEASED, by=by, note=note[:200])


def _end_claim(claim: GigClaim, to: str, *, by: User, note: str = "") -> GigClaim:
    """End an active claim of a locked gig and give its place back."""
    gig = lock_gig(claim.gig_id)  # already held by the caller: this only re-reads the row
    log_transition(claim, claim.status, to, by=by, note=note)
    claim.status = to
    claim.save(update_fields=["status", "updated_at"])
    was_full = gig.status == G.FULL
    give_place_back(gig)
    board.record(gig, BoardEventKind.GIG_STATE if was_full else BoardEventKind.PLACES_CHANGED)
    claim.gig = gig
    return claim
