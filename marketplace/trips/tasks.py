"""Background work of 返岗直通车: allocation at the deadline and the reminders, every few minutes."""

from __future__ import annotations

from celery import shared_task

from marketplace.trips.services import trips_tick


@shared_task(name="marketplace.trips_tick", acks_late=True, autoretry_for=(Exception,), max_retries=3,
             retry_backoff=True)  # fmt: skip
def trips_tick_task() -> dict[str, int]:
    """Idempotent: allocation happens once per trip; each reminder has its dedupe key."""
    return trips_tick()


BEAT_SCHEDULE = {
    # Reminders "two hours before" must not be an hour late: every ten minutes.
    "trips": {"task": "marketplace.trips_tick", "schedule": 600.0},
}
