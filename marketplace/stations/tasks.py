"""Background work of stations: the daily follow-up round. Tasks re-read and call a service."""

from __future__ import annotations

from celery import shared_task
from celery.schedules import crontab

from marketplace.stations.services import follow_ups_send_due


@shared_task(name="marketplace.follow_ups_send", acks_late=True, autoretry_for=(Exception,), max_retries=3,
             retry_backoff=True)  # fmt: skip
def follow_ups_send() -> int:
    """Idempotent: a follow-up is texted once (its `sent_at` is set with its token)."""
    return follow_ups_send_due()


BEAT_SCHEDULE = {
    # Mid-morning (Asia/Shanghai), outside SMS quiet hours: workers are on a break, staff at their desks.
    "follow-ups": {"task": "marketplace.follow_ups_send", "schedule": crontab(hour=10, minute=30)},
}
