"""The occurrences of a recurring series (周周招聘, 天天招聘): which days, and what each inherits.

Run when a series is made or edited and every morning by beat (livestream.tasks), so the coming
weeks always have their events to sign up for. Idempotent: a day's occurrence exists at most once.
"""

from __future__ import annotations

import datetime
import logging
from typing import Any
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from livestream.models import EventSeries, RecruitmentEvent

logger = logging.getLogger(__name__)

# Fields an occurrence takes from its series, and that an edit of the series hands on.
INHERITED = (
    "kind", "title", "description", "station_id", "venue_name", "address", "county", "lat", "lon", "online",
    "target_groups", "capacity",
)  # fmt: skip


def _zone() -> ZoneInfo:
    return ZoneInfo(settings.TIME_ZONE)


def local_moment(day: datetime.date, at: datetime.time) -> datetime.datetime:
    """The aware moment of a wall-clock time on a day in the configured zone."""
    return datetime.datetime.combine(day, at, tzinfo=_zone())


def scheduled_days(series: EventSeries, today: datetime.date) -> list[datetime.date]:
    """The series' days from today (or its first day) to `weeks_ahead` weeks on, within `until`."""
    first = max(series.starts_on, today)
    horizon = today + datetime.timedelta(weeks=series.weeks_ahead)
    if series.until:
        horizon = min(horizon, series.until + datetime.timedelta(days=1))
    days, day = [], first
    while day < horizon:
        if day.weekday() in series.weekdays:
            days.append(day)
        day += datetime.timedelta(days=1)
    return days


def occurrence_values(series: EventSeries, day: datetime.date) -> dict[str, Any]:
    values = {name: getattr(series, name) for name in INHERITED}
    values["target_groups"] = list(series.target_groups)
    values["starts_at"] = local_moment(day, series.start_time)
    values["ends_at"] = local_moment(day, series.end_time)
    return values


def occurrences_generate(*, series: EventSeries | None = None, today: datetime.date | None = None) -> int:
    """Create the missing occurrences of one active series (or all of them); return how many."""
    today = today or timezone.localdate()
    created = 0
    all_series = [series] if series is not None else list(EventSeries.objects.filter(active=True))
    for one in all_series:
        if not one.active:
            continue
        existing = set(one.events.values_list("series_date", flat=True))
        for day in scheduled_days(one, today):
            if day in existing:
                continue
            try:
                with transaction.atomic():
                    RecruitmentEvent.objects.create(
                        series=one, series_date=day, created_by=one.created_by, **occurrence_values(one, day)
                    )
                created += 1
            except IntegrityError:  # a concurrent run made it first: the constraint has the last word
                logger.info("occurrence of series %s on %s already exists", one.pk, day)
    return created
