"""Posting a gig on its county's board, and calling it off.

    gig: open ⇄ full (places_left reaches 0 / a place comes back; services.claims) ──cancel──▶ cancelled
                                           └──ended + grace (services.attendance sweep)──▶ done

Locks: see services.shared (gig row, claim rows, then the board's sequence row).
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from livestream.gigs import board
from livestream.gigs.enums import GIG_CLAIM_ACTIVE, GIG_PAY_UNITS, BoardEventKind, GigClaimStatus, GigStatus
from livestream.gigs.models import Gig, GigClaim
from livestream.gigs.rules import poster_organisation, priority_window_open, require
from livestream.gigs.services.shared import lock_gig, log_transition
from livestream.gigs.tasks import gig_notify_available
from marketplace.effects import task_after_commit
from marketplace.enums import KeyGroup
from marketplace.models import BlacklistEntry, User

C = GigClaimStatus
G = GigStatus

POSTABLE_FIELDS = {
    "title", "description", "occupation", "county", "town", "lat", "lon", "work_date", "start_time", "end_time",
    "pay", "pay_unit", "places", "skills", "certificates_required", "meeting_point", "priority_groups",
    "priority_until", "priority_radius_km",
}  # fmt: skip
MAX_PLACES = 500
MAX_PRIORITY_RADIUS_KM = 50


def _validate_gig(gig: Gig) -> None:
    errors: dict[str, list[str]] = {}
    if gig.work_date and gig.work_date < timezone.localdate():
        errors["work_date"] = [_("日期不能早于今天。")]
    if gig.start_time and gig.end_time and gig.end_time <= gig.start_time:
        errors["end_time"] = [_("收工时间必须晚于开工时间。")]
    if gig.work_date and gig.start_time and not errors and gig.starts_at <= timezone.now():
        errors["start_time"] = [_("开工时间已过，请重新选择。")]
    if gig.pay_unit not in GIG_PAY_UNITS:
        errors["pay_unit"] = [_("零工按天、按小时或按件计酬。")]
    if gig.places is None or not 1 <= gig.places <= MAX_PLACES:
        errors["places"] = [_("人数须在1到%(max)s之间。") % {"max": MAX_PLACES}]
    for name in ("skills", "certificates_required", "priority_groups"):
        value = getattr(gig, name)
        if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
            errors[name] = [_("请填写文字列表。")]
    if "priority_groups" not in errors:
        unknown = [g for g in gig.priority_groups if g not in KeyGroup.values]
        if unknown:
            errors["priority_groups"] = [_("未知的重点群体：%(g)s") % {"g": ", ".join(unknown)}]
    radius = gig.priority_radius_km
    if radius is not None and not 1 <= radius <= MAX_PRIORITY_RADIUS_KM:
        errors["priority_radius_km"] = [_("附近优先的范围须在1到%(max)s公里之间。") % {"max": MAX_PRIORITY_RADIUS_KM}]
    elif radius and gig.position is None and not gig.town:
        errors["priority_radius_km"] = [_("附近优先需要零工的位置：请填写乡镇或定位。")]
    if gig.priority_until and not (gig.priority_groups or radius):
        errors["priority_until"] = [_("设置了优先报名截止时间，请同时选择优先群体或附近优先范围。")]
    if (gig.priority_groups or radius) and not gig.priority_until:
        errors["priority_until"] = [_("请设置优先报名的截止时间。")]
    if errors:
        raise ValidationError(errors)
    gig.full_clean(exclude=["posted_by", "employer", "station", "area"])


@transaction.atomic
def gig_post(*, by: User, data: dict[str, Any]) -> Gig:
    """Publish a gig on its county's board at once. Holds the board's sequence lock until commit."""
    require(by, "gig.post")
    unknown = set(data) - POSTABLE_FIELDS
    if unknown:
        raise ValidationError(_("未知字段：%(f)s") % {"f": ", ".join(sorted(unknown))}, code="unknown_fields")
    organisation = poster_organisation(by)
    gig = Gig(posted_by=by, **organisation, **data)
    gig.places_left = gig.places
    gig.status = G.OPEN
    _validate_gig(gig)
    gig.save()
    board.record(gig, BoardEventKind.GIG_POSTED)
    _tell_available_workers(gig)
    return gig


def _tell_available_workers(gig: Gig) -> None:
    """Queue the notices to available workers after commit: now, and again when a key-group window opens to all.

    The gig is on the board either way; notices are a courtesy, not part of posting.
    """
    task_after_commit(gig_notify_available, gig.pk)
    if priority_window_open(gig):
        task_after_commit(gig_notify_available, gig.pk, eta=gig.priority_until)


@transaction.atomic
def gig_cancel(*, by: User, gig: Gig, note: str = "") -> Gig:
    """The poster (or staff) calls a gig off; every active claim is released. Locks gig, board sequence."""
    gig = lock_gig(gig)
    require(by, "gig.manage", gig)
    if gig.status not in (G.OPEN, G.FULL):
        raise ValidationError(
            _("零工当前状态为“%(now)s”，不能取消。") % {"now": G(gig.status).label}, code="gig_bad_transition"
        )
    if GigClaim.objects.filter(gig=gig, status=C.CHECKED_IN).exists():
        raise ValidationError(_("已有人签到上工，不能取消零工。请为他们签退结算。"), code="gig_bad_transition")
    for claim in GigClaim.objects.select_for_update().filter(gig=gig, status__in=GIG_CLAIM_ACTIVE):
        log_transition(claim, claim.status, C.RELEASED, by=by, note=_("零工已取消"))
        claim.status = C.RELEASED
        claim.save(update_fields=["status", "updated_at"])
    gig.status = G.CANCELLED
    gig.save(update_fields=["status", "updated_at"])
    board.record(gig, BoardEventKind.GIG_STATE)
    return gig


@transaction.atomic
def gigs_follow_blacklist(*, employer_id: int) -> int:
    """Take an employer's coming gigs off every board while it is blacklisted; put back what is still valid.

    Called whenever one of its blacklist entries is written (listed, lifted). Each gig that changes
    gets a board event in this transaction, so phones on the board take the card down or put it
    back live, and a phone that was away replays it. Returns how many gigs changed.
    """
    listed = BlacklistEntry.objects.filter(BlacklistEntry.active_q(), employer_id=employer_id).exists()
    coming = Gig.objects.filter(employer_id=employer_id, status__in=[G.OPEN, G.FULL],
                                work_date__gte=timezone.localdate(), withdrawn_at__isnull=listed)  # fmt: skip
    changed = 0
    for gig in coming.select_for_update(of=("self",)).order_by("pk"):
        if not listed and gig.starts_at <= timezone.now():
            continue  # started meanwhile: nothing left to claim, so it stays off
        gig.withdrawn_at = timezone.now() if listed else None
        gig.save(update_fields=["withdrawn_at", "updated_at"])
        board.record(gig, BoardEventKind.GIG_STATE)
        changed += 1
    return changed
