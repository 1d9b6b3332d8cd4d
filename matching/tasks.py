"""Background work of matching: applying the search outbox."""

from __future__ import annotations

from celery import shared_task

from matching.search.base import SearchUnavailable
from matching.sync import outbox_drain_all


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


BEAT_SCHEDULE = {
    # Catches up after an outage longer than the task's own retries.
    "drain-search-outbox": {"task": "matching.index_outbox", "schedule": 60.0},
}
