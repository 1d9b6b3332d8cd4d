"""Background work of recruitment events. Tasks take ids, re-read, and call a service."""

from __future__ import annotations

from celery import shared_task
from celery.schedules import crontab

from livestream.events.services.occurrences import occurrences_generate
from livestream.events.services.reminders import cancellation_notices_send, reminders_send

RETRY = {"acks_late": True, "autoretry_for": (Exception,), "max_retries": 3, "retry_backoff": True}


@shared_task(name="livestream.events_generate_occurrences", **RETRY)
def events_generate_occurrences() -> int:
    """Idempotent: a day's occurrence of a series exists at most once, however often this runs."""
    return occurrences_generate()


@shared_task(name="livestream.event_reminders_send", **RETRY)
def event_reminders_send() -> int:
    """Idempotent: each reminder is recorded once per registration and kind."""
    return reminders_send()


@shared_task(name="livestream.event_cancellation_notices", **RETRY)
def event_cancellation_notices(event_id: int) -> int:
    return cancellation_notices_send(event_id=event_id)


BEAT_SCHEDULE = {
    # Early morning (Asia/Shanghai): the coming weeks' occurrences of every active series.
    "events-generate-occurrences": {
        "task": "livestream.events_generate_occurrences",
        "schedule": crontab(minute=30, hour=2),
    },
    # Every five minutes: a reminder goes out at most five minutes after its moment.
    "event-reminders": {"task": "livestream.event_reminders_send", "schedule": crontab(minute="*/5")},
}
