"""Background work of job postings. Tasks take ids, re-read, and call a service."""

from __future__ import annotations

from celery import shared_task
from celery.schedules import crontab

from marketplace.postings.services import posting_expire_due


@shared_task(name="marketplace.postings_expire", acks_late=True, autoretry_for=(Exception,), max_retries=3,
             retry_backoff=True)  # fmt: skip
def postings_expire() -> int:
    """Idempotent: a retried or doubled run finds nothing left to expire."""
    return posting_expire_due()


BEAT_SCHEDULE = {
    # Just after midnight (Asia/Shanghai): yesterday's last valid day has passed.
    "expire-postings": {"task": "marketplace.postings_expire", "schedule": crontab(hour=0, minute=5)},
}
