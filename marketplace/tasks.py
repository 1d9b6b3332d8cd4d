"""Background work of the marketplace, one module per feature (postings.tasks).

Celery discovers `marketplace.tasks` only; importing the features' task modules here registers
them, and their schedules make up the app's part of beat's.
"""

from __future__ import annotations

from celery import shared_task
from celery.schedules import crontab

from marketplace.postings.tasks import BEAT_SCHEDULE as POSTING_SCHEDULE
from marketplace.postings.tasks import postings_expire
from marketplace.retention import retention_sweep
from marketplace.stations.tasks import BEAT_SCHEDULE as STATION_SCHEDULE
from marketplace.stations.tasks import follow_ups_send
from marketplace.trips.tasks import BEAT_SCHEDULE as TRIP_SCHEDULE
from marketplace.trips.tasks import trips_tick_task

__all__ = ["BEAT_SCHEDULE", "follow_ups_send", "postings_expire", "retention_sweep_task", "trips_tick_task"]


@shared_task(name="marketplace.retention_sweep", acks_late=True, autoretry_for=(Exception,), max_retries=3,
             retry_backoff=True)  # fmt: skip
def retention_sweep_task() -> dict[str, int]:
    """Idempotent: what is past its period goes once; a doubled run finds nothing more."""
    return retention_sweep()


BEAT_SCHEDULE = {
    **POSTING_SCHEDULE,
    **STATION_SCHEDULE,
    **TRIP_SCHEDULE,
    # Quiet hours (Asia/Shanghai): deletes and anonymises personal data past its period.
    "retention-sweep": {"task": "marketplace.retention_sweep", "schedule": crontab(hour=3, minute=20)},
}
