"""The gig market's rules: when a worker may claim, when a check-in counts, what a worker may do
next with a claim.

Services check these under the gig's lock before changing anything; pages, the API and boards
ask the same functions for what to offer (`worker_claim_actions`, `priority_rule_text`), so a
button is shown exactly when the service would accept the tap. Who may act on which gig (the
role matrix) is `marketplace.permissions`, rows `gig.*`.
"""

from __future__ import annotations

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from livestream.gigs.enums import (
    GIG_CLAIM_AWAITED,
    GIG_CLAIM_FINISHED,
    ComplaintStatus,
    GigClaimStatus,
    SettlementStatus,
)
from livestream.gigs.models import Gig, GigClaim, WorkerAvailability
from livestream.gigs.services.shared import format_moment
from marketplace.enums import KeyGroup
from marketplace.models import WorkerProfile
from marketplace.places import distance_km


def priority_window_open(gig: Gig, now: datetime.datetime | None = None) -> bool:
    """Whether the gig is still reserved for key groups and/or nearby workers."""
    now = now or timezone.now()
    reserved = gig.priority_groups or gig.priority_radius_km
    return bool(reserved) and gig.priority_until is not None and now < gig.priority_until


def _is_nearby(gig: Gig, profile: WorkerProfile) -> bool:
    """Within the gig's radius by the worker's 今天可接活 position; without one, the same township."""
    flags = WorkerAvailability.objects.filter(
        profile=profile, day__in={gig.work_date, timezone.localdate()}, expires_at__gt=timezone.now()
    )
    for flag in flags:
        if None not in (flag.lat, flag.lon, gig.lat, gig.lon):
            if distance_km(flag.lat, flag.lon, gig.lat, gig.lon) <= gig.priority_radius_km:
                return True
        elif gig.town and flag.town == gig.town:
            return True
    return bool(gig.town) and profile.current_town == gig.town and profile.current_county == gig.county


def priority_rule_text(gig: Gig) -> str:
    """Who may claim during the window, as the card and the refusal say it."""
    who = []
    if gig.priority_groups:
        who.append("、".join(KeyGroup(g).label for g in gig.priority_groups if g in KeyGroup.values))
    if gig.priority_radius_km:
        who.append(_("附近%(km)s公里内的人") % {"km": gig.priority_radius_km})
    return _("或").join(who)


def _check_priority(gig: Gig, profile: WorkerProfile) -> None:
    if not priority_window_open(gig):
        return
    if (
        gig.priority_groups
        and profile.group_tags.filter(confirmed_at__isnull=False, group__in=gig.priority_groups).exists()
    ):
        return
    if gig.priority_radius_km and _is_nearby(gig, profile):
        return
    how = []
    if gig.priority_groups:
        how.append(_("重点群体身份需经工作人员确认"))
    if gig.priority_radius_km:
        how.append(_("附近的人请先在“今天可接活”里用手机定位"))
    raise ValidationError(
        _("该零工在%(until)s前仅限%(who)s报名（%(how)s），届时向所有人开放。")
        % {"until": format_moment(gig.priority_until), "who": priority_rule_text(gig), "how": "；".join(how)},
        code="gig_priority_only",
    )


def _check_certificates(gig: Gig, profile: WorkerProfile) -> None:
    if not gig.certificates_required:
        return
    today = timezone.localdate()
    held = {
        name.strip()
        for name, valid_until in profile.certificates.values_list("name", "valid_until")
        if valid_until is None or valid_until >= today
    }
    missing = [name for name in gig.certificates_required if name.strip() not in held]
    if missing:
        raise ValidationError(
            _("该零工需要以下证书：%(names)s。请先在档案中添加。") % {"names": "、".join(missing)},
            code="gig_certificate_missing",
        )


def check_claim_requirements(gig: Gig, profile: WorkerProfile) -> None:
    """Refuse a worker who may not claim this gig now: the key-group window, missing certificates."""
    _check_priority(gig, profile)
    _check_certificates(gig, profile)


def checkin_window(gig: Gig) -> tuple[datetime.datetime, datetime.datetime]:
    """When a check-in counts: from GIG_CHECKIN_EARLY_MINUTES before the start until the end."""
    return gig.starts_at - datetime.timedelta(minutes=settings.GIG_CHECKIN_EARLY_MINUTES), gig.ends_at


def claim_cancellable(claim: GigClaim, now: datetime.datetime | None = None) -> bool:
    """The worker may still give the place back: claimed, not yet confirmed, before the start."""
    return claim.status == GigClaimStatus.CLAIMED and claim.gig.starts_at > (now or timezone.now())


def worker_claim_actions(claim: GigClaim, now: datetime.datetime | None = None) -> dict[str, bool]:
    """What the worker may do next with their claim, as 我的零工 offers it (can_* flags).

    Reads the claim's settlement, ratings and complaints: prefetch them for a list.
    """
    now = now or timezone.now()
    opens, closes = checkin_window(claim.gig)
    settlement = getattr(claim, "settlement", None)
    complaint = next(iter(claim.complaints.all()), None)
    finished = claim.status in GIG_CLAIM_FINISHED
    return {
        "can_cancel": claim_cancellable(claim, now),
        "can_check_in": claim.status in GIG_CLAIM_AWAITED and opens <= now <= closes,
        "can_check_out": claim.status == GigClaimStatus.CHECKED_IN,
        "can_rate": finished and not claim.ratings.all(),
        "can_receive": settlement is not None
        and settlement.status == SettlementStatus.PAID
        and not settlement.received_at,
        "can_complain": finished and (complaint is None or complaint.status == ComplaintStatus.RESOLVED),
    }
