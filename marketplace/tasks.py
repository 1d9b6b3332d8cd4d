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

__all__ = ["BEAT_SCHEDULE", "postings_expire", "retention_sweep_task"]


@shared_task(name="marketplace.retention_sweep", acks_late=True, autoretry_for=(Exception,), max_retries=3,
             retry_backoff=True)  # fmt: skip
def retention_sweep_task() -> dict[str, int]:
    """Idempotent: what is past its period goes once; a doubled run finds nothing more."""
    return retention_sweep()


BEAT_SCHEDULE = {
    **POSTING_SCHEDULE,
    # Quiet hours (Asia/Shanghai): deletes and anonymises personal data past its period.
    "retention-sweep": {"task": "marketplace.retention_sweep", "schedule": crontab(hour=3, minute=20)},
}
