"""Background work of matching: applying the search outbox."""

from __future__ import annotations

from celery import shared_task

from marketplace.effects import task_after_commit
from matching.search.base import SearchUnavailable
from matching.sync import blacklist_sweep, outbox_drain_all


@shared_task(
    name="matching.index_outbox",
    autoretry_for=(SearchUnavailable,),
    retry_backoff=True,
    retry_backoff_max=600,
    max_retries=20,
    acks_late=True,
)
def index_outbox() -> int:
    """Idempotent: rows are rebuilt from the database, so running twice or late is harmless."""
    return outbox_drain_all().rows


@shared_task(name="matching.blacklist_sweep", acks_late=True, autoretry_for=(Exception,), max_retries=3,
             retry_backoff=True)  # fmt: skip
def blacklist_sweep_task() -> int:
    """Idempotent: an entry whose dates began or ended is recorded once; a doubled run finds nothing."""
    changed = blacklist_sweep()
    if changed:
        task_after_commit(index_outbox, what="index the employers the blacklist dates changed")
    return changed


BEAT_SCHEDULE = {
    # Catches up after an outage longer than the task's own retries.
    "drain-search-outbox": {"task": "matching.index_outbox", "schedule": 60.0},
    # Blacklist entries start and end by date, with no write to signal it: notice it within minutes.
    "sweep-blacklist-dates": {"task": "matching.blacklist_sweep", "schedule": 600.0},
}
