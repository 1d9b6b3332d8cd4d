"""What the gig services share: the row locks in their fixed order, the claim log, small helpers.

Locks, always taken in this order so no two writers can deadlock:
1. the gig row (FOR NO KEY UPDATE, `lock_gig`);
2. the claim row, when one is changed (`lock_claim`);
3. the board's `BoardSequence` row (board._next_seqs, through board.record), held until commit.
Every function here that locks must run inside the caller's transaction.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from livestream.gigs.enums import GigStatus
from livestream.gigs.models import Gig, GigClaim, GigClaimTransition
from marketplace.models import User, WorkerProfile

G = GigStatus


def lock_gig(gig: Gig | int) -> Gig:
    """Lock a gig's row until the transaction ends and read it afresh, with its poster organisation."""
    pk = gig.pk if isinstance(gig, Gig) else gig
    # NO KEY UPDATE: it does not conflict with the key-share locks inserting a claim takes on the gig.
    return Gig.objects.select_for_update(no_key=True, of=("self",)).select_related("employer", "station").get(pk=pk)


def lock_claim(claim: GigClaim) -> GigClaim:
    """Lock a claim's row (after its gig's) and read it afresh, with its worker and gig."""
    return (
        GigClaim.objects.select_for_update(of=("self",))
        .select_related("profile", "gig", "gig__employer", "gig__station")
        .get(pk=claim.pk)
    )


def log_transition(claim: GigClaim, from_status: str, to_status: str, *, by: User | None, note: str = "") -> None:
    """Record who moved a claim, from what, to what (the claim's history, read by staff and disputes)."""
    GigClaimTransition.objects.create(claim=claim, from_status=from_status, to_status=to_status, by=by, note=note)


def give_place_back(gig: Gig) -> None:
    """Return one place to a locked gig; a full gig opens again."""
    gig.places_left = min(gig.places, gig.places_left + 1)
    if gig.status == G.FULL:
        gig.status = G.OPEN
    gig.save(update_fields=["places_left", "status", "updated_at"])


def profile_of(user: User) -> WorkerProfile:
    """The worker profile of a user who acts as a worker; refuses one who has none yet."""
    profile = WorkerProfile.objects.filter(user_id=user.pk).first()
    if profile is None:
        raise ValidationError(_("请先完善求职者档案再报名。"), code="no_profile")
    return profile
