"""The gig market's rules: when a worker may claim, when a check-in counts, what a worker may do
next with a claim.

Services check these under the gig's lock before changing anything; pages, the API and boards
ask the same functions for what to offer (`worker_claim_actions`, `priority_rule_text`), so a
button is shown exactly when the service would accept the tap. Who may act on which gig is the
role matrix GIG_MATRIX (`can`, `require`), on the marketplace's roles.
"""

from __future__ import annotations

import datetime
from typing import Any

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
from marketplace.enums import KeyGroup, Role
from marketplace.models import User, WorkerProfile
from marketplace.permissions import Matrix, Scope
from marketplace.places import distance_km


def format_moment(moment: datetime.datetime) -> str:
    """A moment as refusals and notices say it: 3月8日 14:00."""
    local = timezone.localtime(moment)
    return _("%(month)s月%(day)s日 %(time)s") % {"month": local.month, "day": local.day, "time": f"{local:%H:%M}"}


# --- who may act on which gig ------------------------------------------------------------------


def _all(user, obj) -> bool:
    return True


def _own_gig(user, gig) -> bool:
    """Gigs posted for the user's employer (a gig claim stands for its gig)."""
    gig = getattr(gig, "gig", gig)
    return gig is None or (gig.employer_id is not None and gig.employer_id == user.employer_id)


def _station_gig(user, gig) -> bool:
    gig = getattr(gig, "gig", gig)
    return gig is None or (gig.station_id is not None and gig.station_id == user.station_id)


def _own_individual_gig(user, gig) -> bool:
    """Gigs a verified individual posted for themselves (a household that needs two movers)."""
    gig = getattr(gig, "gig", gig)
    return gig is None or (gig.employer_id is None and gig.station_id is None and gig.posted_by_id == user.pk)


def _own_gig_claim(user, claim) -> bool:
    """The worker's own claim (a settlement or complaint stands for its claim)."""
    claim = getattr(claim, "claim", claim)
    return claim is None or claim.profile.user_id == user.pk


def _station_complaint(user, complaint) -> bool:
    """Wage complaints against employers linked to the station, or by workers it organises.

    Not those about the station's own gigs: a station does not judge a dispute it is party to;
    the bureau handles those.
    """
    if complaint is None:
        return True
    gig = complaint.claim.gig
    if gig.station_id is not None:
        return False
    employer_station = gig.employer.station_id if gig.employer_id else None
    return user.station_id in (employer_station, complaint.claim.profile.station_id)


GIG_MATRIX: dict[str, dict[str, Scope]] = {
    # Gigs: employers post for themselves, stations for their own board, verified individuals for
    # their household (the service checks the verification); seekers claim.
    "gig.post": {Role.EMPLOYER: _all, Role.STATION: _all, Role.SEEKER: _all},
    "gig.manage": {
        Role.EMPLOYER: _own_gig,
        Role.STATION: _station_gig,
        Role.SEEKER: _own_individual_gig,
        Role.BUREAU: _all,
    },
    "gig.claim": {Role.SEEKER: _all},
    "gig.claim_cancel": {Role.SEEKER: _own_gig_claim},
    # At the site: the worker checks in and out; the poster prints the QR code, settles and rates.
    "gig.check_in": {Role.SEEKER: _own_gig_claim},
    "gig.check_in_code": {Role.EMPLOYER: _own_gig, Role.STATION: _station_gig, Role.BUREAU: _all},
    "gig.settle": {Role.EMPLOYER: _own_gig, Role.STATION: _station_gig},
    "gig.settlement_receive": {Role.SEEKER: _own_gig_claim},
    "gig.rate_poster": {Role.SEEKER: _own_gig_claim},
    "gig.rate_worker": {Role.EMPLOYER: _own_gig, Role.STATION: _station_gig},
    "gig.complaint_open": {Role.SEEKER: _own_gig_claim},
    "gig.complaint_view": {Role.SEEKER: _own_gig_claim, Role.STATION: _station_complaint, Role.BUREAU: _all},
    "gig.complaint_handle": {Role.STATION: _station_complaint, Role.BUREAU: _all},
}
_gigs = Matrix(GIG_MATRIX)
can = _gigs.can
require = _gigs.require


# --- who may post -------------------------------------------------------------------------------


def individual_verified(user: User) -> bool:
    """A seeker posting for their own household (two movers) must have had staff check their ID (实名核验)."""
    return user.is_seeker and WorkerProfile.objects.filter(user_id=user.pk, identity_verified_at__isnull=False).exists()


def may_offer_posting(user: User) -> bool:
    """Whether to offer 发布零工: station staff, employer members (an unverified employer is told why on
    the form) and verified individuals."""
    return can(user, "gig.post") and (not user.is_seeker or individual_verified(user))


def poster_organisation(by: User) -> dict[str, Any]:
    """The organisation a gig is posted for; refuses an employer that may not publish.

    A verified individual posts for nobody but themselves: both organisations stay empty.
    """
    if by.is_station_staff:
        return {"station": by.station}
    if by.is_seeker:
        if not individual_verified(by):
            raise ValidationError(
                _("个人发布零工需先实名核验：请带身份证到就业服务站或劳务协作站办理。"), code="identity_unverified"
            )
        return {}
    employer = by.employer
    if not employer.is_verified:
        raise ValidationError(_("单位通过认证后才能发布零工。"), code="employer_unverified")
    entry = employer.active_blacklist_entry()
    if entry is not None:
        raise ValidationError(
            _("该单位已被列入拖欠农民工工资黑名单（%(reason)s），暂不能发布零工。") % {"reason": entry.reason},
            code="employer_blacklisted",
        )
    return {"employer": employer}


# --- when a worker may claim -------------------------------------------------------------------


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
        if flag.position and gig.position:
            if distance_km(*flag.position, *gig.position) <= gig.priority_radius_km:
                return True
        elif gig.town and flag.town == gig.town:
            return True
    return bool(gig.town) and profile.current_town == gig.town and profile.current_county == gig.county


def priority_rule_text(gig: Gig) -> str:
    """Who may claim during the window, as the card and the refusal say it."""
    who = []
    if gig.priority_groups:
        who.append("、".join(str(KeyGroup(g).label) for g in gig.priority_groups if g in KeyGroup.values))
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
