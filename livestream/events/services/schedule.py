"""Events and recurring series: create, edit, cancel, and generate the coming occurrences.

A series (周周招聘 every Wednesday 09:00–12:00, 天天招聘 Monday to Friday) generates one
`RecruitmentEvent` per scheduled day up to `weeks_ahead` weeks ahead. Generation is idempotent:
the (series, series_date) constraint makes a day's occurrence exist at most once, so the beat task,
the management command and a series edit may all run it at any time.

Editing a series rewrites its future occurrences that nobody edited on their own (`detached`) and
that are not cancelled; past, cancelled and individually edited occurrences are left as they are.
Times are wall-clock times in the configured zone (Asia/Shanghai): 09:00 stays 09:00 on every date.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from livestream.events.enums import EventKind, EventStatus, RegistrationStatus
from livestream.events.rules import require
from livestream.events.services.occurrences import occurrence_values, occurrences_generate, scheduled_days
from livestream.events.tasks import event_cancellation_notices
from livestream.models import EventRegistration, EventSeries, RecruitmentEvent
from marketplace.effects import task_after_commit
from marketplace.enums import KeyGroup
from marketplace.models import User

EVENT_FIELDS = {
    "kind", "title", "description", "venue_name", "address", "county", "lat", "lon", "online", "target_groups",
    "capacity", "starts_at", "ends_at",
}  # fmt: skip
SERIES_FIELDS = (EVENT_FIELDS - {"starts_at", "ends_at"}) | {
    "weekdays", "start_time", "end_time", "starts_on", "until", "weeks_ahead", "active",
}  # fmt: skip
MAX_CAPACITY = 20000
MAX_WEEKS_AHEAD = 12


def _organiser(by: User, data: dict[str, Any]) -> dict[str, Any]:
    """Station staff organise for their station; the bureau for itself or a station it names."""
    if by.is_station_staff:
        return {"station_id": by.station_id}
    station = data.pop("station", None)
    return {"station_id": getattr(station, "pk", station)}


def _validate_common(obj: RecruitmentEvent | EventSeries, errors: dict[str, list[str]]) -> None:
    if not (obj.title or "").strip():
        errors["title"] = [_("请填写招聘会名称。")]
    if obj.kind not in EventKind.values:
        errors["kind"] = [_("请选择招聘会类型。")]
    groups = obj.target_groups
    if not isinstance(groups, list) or any(g not in KeyGroup.values for g in groups):
        errors["target_groups"] = [_("面向群体不正确。")]
    elif obj.kind == EventKind.SPECIAL and not groups:
        errors["target_groups"] = [_("专场招聘会请选择面向的重点群体，如高校毕业生、脱贫人口。")]
    if obj.capacity is None or not 1 <= obj.capacity <= MAX_CAPACITY:
        errors["capacity"] = [_("可报名人数须在1到%(max)s之间。") % {"max": MAX_CAPACITY}]
    if not obj.online and not (obj.venue_name or obj.address):
        errors["venue_name"] = [_("请填写场地，或选择线上直播。")]
    if (obj.lat is None) != (obj.lon is None):
        errors["lat"] = [_("经纬度须同时填写。")]


def _validate_event(event: RecruitmentEvent) -> None:
    errors: dict[str, list[str]] = {}
    _validate_common(event, errors)
    if event.starts_at and event.ends_at and event.ends_at <= event.starts_at:
        errors["ends_at"] = [_("结束时间必须晚于开始时间。")]
    if errors:
        raise ValidationError(errors)


def _validate_series(series: EventSeries) -> None:
    errors: dict[str, list[str]] = {}
    _validate_common(series, errors)
    days = series.weekdays
    if not isinstance(days, list) or not days or any(not isinstance(d, int) or not 0 <= d <= 6 for d in days):
        errors["weekdays"] = [_("请选择每周举办的日子。")]
    if series.start_time and series.end_time and series.end_time <= series.start_time:
        errors["end_time"] = [_("结束时间必须晚于开始时间。")]
    if series.until and series.starts_on and series.until < series.starts_on:
        errors["until"] = [_("截止日期不能早于首场日期。")]
    if not 1 <= (series.weeks_ahead or 0) <= MAX_WEEKS_AHEAD:
        errors["weeks_ahead"] = [_("提前生成周数须在1到%(max)s之间。") % {"max": MAX_WEEKS_AHEAD}]
    if errors:
        raise ValidationError(errors)


# --- one-off events -----------------------------------------------------------------------------


@transaction.atomic
def event_create(*, by: User, data: dict[str, Any]) -> RecruitmentEvent:
    require(by, "event.manage")
    data = dict(data)
    fields = {k: v for k, v in data.items() if k in EVENT_FIELDS}
    event = RecruitmentEvent(created_by=by, **_organiser(by, data), **fields)
    if event.starts_at and event.starts_at <= timezone.now():
        raise ValidationError({"starts_at": [_("开始时间已过，请重新选择。")]})
    _validate_event(event)
    event.save()
    return event


def _lock_event(event: RecruitmentEvent) -> RecruitmentEvent:
    return RecruitmentEvent.objects.select_for_update(of=("self",)).select_related("station").get(pk=event.pk)


@transaction.atomic
def event_update(*, by: User, event: RecruitmentEvent, data: dict[str, Any]) -> RecruitmentEvent:
    """Edit one occurrence; it then keeps its own values when its series is edited."""
    event = _lock_event(event)
    require(by, "event.manage", event)
    if event.is_cancelled:
        raise ValidationError(_("该招聘会已取消，不能再修改。"), code="event_cancelled")
    for key, value in data.items():
        if key in EVENT_FIELDS:
            setattr(event, key, value)
    _validate_event(event)
    event.detached = event.series_id is not None
    event.save()
    return event


@transaction.atomic
def event_cancel(*, by: User, event: RecruitmentEvent, reason: str) -> RecruitmentEvent:
    """Cancel an event and notify everyone signed up, once each, after the cancellation commits."""
    event = _lock_event(event)
    require(by, "event.manage", event)
    if event.is_cancelled:
        raise ValidationError(_("该招聘会已经取消。"), code="event_cancelled")
    if event.has_ended():
        raise ValidationError(_("该招聘会已经结束，不能取消。"), code="event_closed")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError({"reason": [_("请填写取消原因，它会发送给已报名的求职者。")]})
    event.status = EventStatus.CANCELLED
    event.cancel_reason = reason[:200]
    event.cancelled_at = timezone.now()
    event.save(update_fields=["status", "cancel_reason", "cancelled_at", "updated_at"])
    task_after_commit(event_cancellation_notices, event.pk)
    return event


@transaction.atomic
def event_close_sign_ups(*, by: User, event: RecruitmentEvent) -> RecruitmentEvent:
    event = _lock_event(event)
    require(by, "event.manage", event)
    if event.status != EventStatus.OPEN:
        raise ValidationError(_("该招聘会当前不在报名中。"), code="event_closed")
    event.status = EventStatus.CLOSED
    event.save(update_fields=["status", "updated_at"])
    return event


# --- series -------------------------------------------------------------------------------------


@transaction.atomic
def series_create(*, by: User, data: dict[str, Any], today: datetime.date | None = None) -> EventSeries:
    require(by, "event.manage")
    data = dict(data)
    fields = {k: v for k, v in data.items() if k in SERIES_FIELDS}
    series = EventSeries(created_by=by, **_organiser(by, data), **fields)
    series.weekdays = sorted(set(series.weekdays or []))
    _validate_series(series)
    series.save()
    occurrences_generate(series=series, today=today)
    return series


@transaction.atomic
def series_update(
    *, by: User, series: EventSeries, data: dict[str, Any], now: datetime.datetime | None = None
) -> EventSeries:
    """Edit a series and hand the change to its future, untouched, not cancelled occurrences.

    An untouched future occurrence whose day is no longer in the schedule is removed when nobody
    has signed up or taken a booth yet; otherwise it stays for staff to cancel with a notice.
    """
    now = now or timezone.now()
    series = EventSeries.objects.select_for_update().get(pk=series.pk)
    require(by, "event.manage", series)
    for key, value in data.items():
        if key in SERIES_FIELDS:
            setattr(series, key, value)
    series.weekdays = sorted(set(series.weekdays or []))
    _validate_series(series)
    series.save()
    today = timezone.localtime(now).date()
    scheduled = set(scheduled_days(series, today))
    future = series.events.select_for_update().filter(
        starts_at__gt=now, detached=False, status__in=[EventStatus.OPEN, EventStatus.CLOSED]
    )
    for event in future:
        if event.series_date not in scheduled:
            if not event.registrations.exists() and not event.booths.exists():
                event.delete()
            continue
        for name, value in occurrence_values(series, event.series_date).items():
            setattr(event, name, value)
        event.save()
    occurrences_generate(series=series, today=today)
    return series


def active_registrations(event: RecruitmentEvent):
    return EventRegistration.objects.filter(event=event, status=RegistrationStatus.ACTIVE)
