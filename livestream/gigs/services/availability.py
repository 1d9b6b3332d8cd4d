"""今天可接活: workers say they are free, and hear first about gigs that suit them nearby.

When a gig is posted, `gig_notify_available` picks the workers who marked themselves available
for that day on the same county board, within `GIG_NOTIFY_RADIUS_KM` when both sides gave a
position, for that kind of work, and able to claim it (certificates, the key-group window). The
nearest are told first and a gig tells at most a few per place, so a two-person job does not wake
the whole county. During a key-group window only the workers it favours are told; the rest hear
when it opens to all (a second run at `priority_until`, which skips whoever was told already).
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from livestream.gigs.enums import GIG_CLAIM_ACTIVE, GigStatus
from livestream.gigs.models import Gig, WorkerAvailability
from livestream.gigs.rules import check_claim_requirements, require
from marketplace.models import OccupationFamily, User, WorkerProfile
from marketplace.notifications.services import notify
from marketplace.places import distance_km

logger = logging.getLogger(__name__)

# A gig tells at most this many workers per place (and at least the floor), nearest first.
NOTIFY_PER_PLACE = 10
NOTIFY_FLOOR = 30


def _profile(user: User) -> WorkerProfile:
    profile = WorkerProfile.objects.filter(user_id=user.pk).first()
    if profile is None:
        raise ValidationError(_("请先完善求职者档案。"), code="no_profile")
    return profile


def _check_position(lat: float | None, lon: float | None) -> dict[str, list[str]]:
    if (lat is None) != (lon is None):
        return {"lat": [_("请同时提供纬度和经度。")]}
    if lat is not None and not (-90 <= lat <= 90 and -180 <= lon <= 180):
        return {"lat": [_("位置坐标不正确。")]}
    return {}


@transaction.atomic
def availability_set(
    *,
    by: User,
    county: str,
    town: str = "",
    lat: float | None = None,
    lon: float | None = None,
    families: Iterable[OccupationFamily] = (),
    note: str = "",
    day: datetime.date | None = None,
) -> WorkerAvailability:
    """Mark the worker available for today (or tomorrow); marking again updates the same day's row."""
    require(by, "gig.claim")
    profile = _profile(by)
    today = timezone.localdate()
    day = day or today
    errors = _check_position(lat, lon)
    if not county.strip():
        errors["county"] = [_("请选择所在县市。")]
    if day not in (today, today + datetime.timedelta(days=1)):
        errors["day"] = [_("只能标记今天或明天可接活。")]
    if len(note) > 100:
        errors["note"] = [_("备注最多100字。")]
    if errors:
        raise ValidationError(errors)
    availability, _created = WorkerAvailability.objects.update_or_create(
        profile=profile,
        day=day,
        defaults={"county": county.strip(), "town": town.strip()[:30], "lat": lat, "lon": lon, "note": note.strip()},
    )
    availability.families.set(list(families))
    return availability


@transaction.atomic
def availability_clear(*, by: User, day: datetime.date | None = None) -> bool:
    """The worker is no longer free that day. Returns whether there was anything to clear."""
    require(by, "gig.claim")
    profile = _profile(by)
    deleted, _rows = WorkerAvailability.objects.filter(profile=profile, day=day or timezone.localdate()).delete()
    return deleted > 0


def availability_current(user: User) -> list[WorkerAvailability]:
    """The worker's flags that have not lapsed (today's, and tomorrow's if set)."""
    return list(
        WorkerAvailability.objects.filter(profile__user_id=user.pk, expires_at__gt=timezone.now())
        .prefetch_related("families")
        .order_by("day")
    )


def _candidates(gig: Gig) -> list[tuple[float, WorkerAvailability]]:
    """Available workers who could take this gig, nearest first (unknown distance last)."""
    rows = (
        WorkerAvailability.objects.filter(area=gig.area, day=gig.work_date, expires_at__gt=timezone.now())
        .exclude(profile__user_id=gig.posted_by_id)
        .exclude(profile__gig_claims__gig=gig, profile__gig_claims__status__in=GIG_CLAIM_ACTIVE)
        .filter(profile__user__is_active=True)
        .select_related("profile", "profile__user")
        .prefetch_related("families")
    )
    family_id = gig.occupation.family_id if gig.occupation_id else None
    found: list[tuple[float, WorkerAvailability]] = []
    for row in rows:
        families = {family.pk for family in row.families.all()}
        if families and family_id not in families:
            continue
        distance = float("inf")
        if row.position and gig.position:
            distance = distance_km(*row.position, *gig.position)
            if distance > settings.GIG_NOTIFY_RADIUS_KM:
                continue
        found.append((distance, row))
    found.sort(key=lambda item: (item[0], item[1].updated_at))
    return found


def _message(gig: Gig, distance: float) -> tuple[str, str]:
    where = gig.town or gig.county
    near = f"距你约{distance:.1f}公里，" if distance != float("inf") else ""
    day = "今天" if gig.work_date == timezone.localdate() else f"{gig.work_date.month}月{gig.work_date.day}日"
    title = _("附近有零工：%(title)s") % {"title": gig.title}
    body = _("%(near)s%(day)s %(start)s-%(end)s 在%(where)s，%(pay)s，还剩%(left)s个名额，先到先得。") % {
        "near": near, "day": day, "start": f"{gig.start_time:%H:%M}", "end": f"{gig.end_time:%H:%M}",
        "where": where, "pay": gig.pay_display, "left": gig.places_left,
    }  # fmt: skip
    return title, body


def gig_notify_available(gig: Gig) -> int:
    """Tell the available workers who suit a new gig; returns how many were told this time."""
    gig = Gig.objects.select_related("occupation", "employer", "station").get(pk=gig.pk)
    if gig.status != GigStatus.OPEN or gig.starts_at <= timezone.now():
        return 0
    budget = max(NOTIFY_FLOOR, gig.places * NOTIFY_PER_PLACE)
    told = 0
    for distance, availability in _candidates(gig):
        if told >= budget:
            break
        try:
            check_claim_requirements(gig, availability.profile)
        except ValidationError:
            continue  # cannot claim it now (certificate, key-group window): do not tease them
        title, body = _message(gig, distance)
        sent = notify(
            user=availability.profile.user,
            kind="gig_nearby",
            title=title,
            body=body,
            url=f"/gigs/{gig.area}/#gig-{gig.pk}",
            sms=True,
            dedupe_key=f"gig:{gig.pk}",
            daily_limit=settings.NOTIFY_GIG_NEARBY_PER_DAY,
        )
        told += sent is not None
    logger.info("gig %s: told %s available workers", gig.pk, told)
    return told


__all__ = ["availability_clear", "availability_current", "availability_set", "gig_notify_available"]
