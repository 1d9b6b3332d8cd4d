"""Background work of the gig market. Tasks take ids, re-read, and call a service.

The task names keep their `marketplace.` prefix: they are the names queued in the broker and
listed in beat schedules, and a rename would strand tasks queued before a deployment.
"""

from __future__ import annotations

from celery import shared_task
from celery.schedules import crontab

from livestream.gigs.models import Gig
from livestream.gigs.services.attendance import gig_no_show_sweep
from livestream.gigs.services.availability import gig_notify_available as notify_for

RETRY = {"acks_late": True, "autoretry_for": (Exception,), "max_retries": 3, "retry_backoff": True}


@shared_task(name="marketplace.gig_notify_available", **RETRY)
def gig_notify_available(gig_id: int) -> int:
    """Idempotent: each worker's notice for a gig has a dedupe key, so a retry tells nobody twice."""
    gig = Gig.objects.filter(pk=gig_id).first()
    return notify_for(gig) if gig is not None else 0


@shared_task(name="marketplace.gigs_mark_no_shows", **RETRY)
def gigs_mark_no_shows() -> int:
    """Idempotent: a gig already swept is done and is not looked at again."""
    return gig_no_show_sweep()


BEAT_SCHEDULE = {
    # Every ten minutes: a gig's no-shows are recorded within ten minutes of its grace period ending.
    "gigs-mark-no-shows": {"task": "marketplace.gigs_mark_no_shows", "schedule": crontab(minute="*/10")},
}
