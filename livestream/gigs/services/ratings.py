"""Ratings after gig work: the worker rates the poster, the poster rates the worker, once each.

Only a finished claim (checked out, or a no-show) can be rated: a rating is about a day that
happened. The side is decided by who rates, never by what the client sends.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from livestream.gigs.enums import GIG_CLAIM_FINISHED, GigClaimStatus, RatingSide
from livestream.gigs.models import GigClaim, GigRating
from livestream.gigs.rules import can, require
from marketplace.models import User

MAX_COMMENT = 200


def rating_side_for(user: User, claim: GigClaim) -> str | None:
    """Which side this person would rate on this claim, or None when they are neither."""
    if can(user, "gig.rate_poster", claim):
        return RatingSide.WORKER_RATES_POSTER
    if can(user, "gig.rate_worker", claim.gig):
        return RatingSide.POSTER_RATES_WORKER
    return None


def _clean(stars: object, comment: str) -> tuple[int, str]:
    errors: dict[str, list[str]] = {}
    if isinstance(stars, bool) or not isinstance(stars, int) or not 1 <= stars <= 5:
        errors["stars"] = [_("请选择1到5颗星。")]
    comment = (comment or "").strip()
    if len(comment) > MAX_COMMENT:
        errors["comment"] = [_("评价最多%(max)s个字。") % {"max": MAX_COMMENT}]
    if errors:
        raise ValidationError(errors)
    return stars, comment


@transaction.atomic
def gig_rate(*, by: User, claim: GigClaim, stars: int, comment: str = "") -> GigRating:
    """Rate the other side of a finished claim. A second rating by the same side is refused."""
    claim = GigClaim.objects.select_related("gig", "gig__employer", "gig__station", "profile").get(pk=claim.pk)
    side = rating_side_for(by, claim)
    if side is None:
        require(by, "gig.rate_poster", claim)  # raises the usual refusal
    if claim.status not in GIG_CLAIM_FINISHED:
        raise ValidationError(
            _("报名当前状态为“%(now)s”，完工或记为未到岗后才能评价。") % {"now": GigClaimStatus(claim.status).label},
            code="gig_claim_bad_transition",
        )
    stars, comment = _clean(stars, comment)
    try:
        with transaction.atomic():
            return GigRating.objects.create(claim=claim, side=side, stars=stars, comment=comment, by=by)
    except IntegrityError:
        raise ValidationError(_("您已经评价过这次零工了，每次只能评价一次。"), code="gig_already_rated") from None
