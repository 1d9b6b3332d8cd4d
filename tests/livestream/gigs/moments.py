"""Putting a gig at a moment relative to now, the way the clock would, for the at-the-site tests."""

from __future__ import annotations

import datetime

from django.utils import timezone

from livestream.gigs.models import Gig, GigClaim


def _minute(moment: datetime.datetime) -> datetime.time:
    return moment.time().replace(second=0, microsecond=0)


def happening_now(gig: Gig, *, started_minutes_ago: int = 30, ends_in_minutes: int = 120) -> Gig:
    """The gig runs today around now (kept inside today, so it works at any hour but the last minute)."""
    now = timezone.localtime()
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    start = max(midnight, now - datetime.timedelta(minutes=started_minutes_ago))
    end = min(midnight.replace(hour=23, minute=59), now + datetime.timedelta(minutes=ends_in_minutes))
    Gig.objects.filter(pk=gig.pk).update(work_date=now.date(), start_time=_minute(start), end_time=_minute(end))
    gig.refresh_from_db()
    return gig


def starts_in(gig: Gig, *, minutes: int) -> Gig:
    """The gig starts in `minutes` and lasts an hour (cut at the end of its day)."""
    start = (timezone.localtime() + datetime.timedelta(minutes=minutes)).replace(second=0, microsecond=0)
    end = min(start + datetime.timedelta(hours=1), start.replace(hour=23, minute=59))
    Gig.objects.filter(pk=gig.pk).update(work_date=start.date(), start_time=start.time(), end_time=end.time())
    gig.refresh_from_db()
    return gig


def starts_at(gig: Gig, moment: datetime.datetime) -> Gig:
    """Move the gig's start to a moment (any day); only the start matters for what is tested with it."""
    local = timezone.localtime(moment)
    Gig.objects.filter(pk=gig.pk).update(work_date=local.date(), start_time=local.time().replace(microsecond=0))
    gig.refresh_from_db()
    return gig


def ended_minutes_ago(gig: Gig, minutes: int) -> Gig:
    """The gig ran yesterday or earlier today and ended `minutes` ago (at least a minute long)."""
    end = timezone.localtime() - datetime.timedelta(minutes=minutes)
    start = end - datetime.timedelta(hours=2)
    if start.date() != end.date():
        start = end.replace(hour=0, minute=0, second=0, microsecond=0)
    Gig.objects.filter(pk=gig.pk).update(
        work_date=end.date(), start_time=start.time().replace(microsecond=0), end_time=end.time().replace(microsecond=0)
    )
    gig.refresh_from_db()
    return gig


def checked_in_minutes_ago(claim: GigClaim, minutes: int) -> GigClaim:
    GigClaim.objects.filter(pk=claim.pk).update(checked_in_at=timezone.now() - datetime.timedelta(minutes=minutes))
    claim.refresh_from_db()
    return claim
