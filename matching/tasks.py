"""Background work of matching: applying the search outbox."""

from __future__ import annotations

import logging

from celery import shared_task
from django.conf import settings
from django.core.cache import cache

from marketplace.effects import task_after_commit
from matching.search.base import SearchUnavailable
from matching.sync import blacklist_sweep, outbox_drain_all, outbox_next_due

logger = logging.getLogger(__name__)


# A waiting outbox is looked at again this often while the engine is down, so the index is back
# within seconds of the engine, whatever back-off the rows carry and whether or not beat runs.
RETRY_SECONDS = 10.0
FOLLOW_UP_KEY = "matching:index-outbox:follow-up"


@shared_task(name="matching.index_outbox", acks_late=True)
def index_outbox(follow_up: bool = False) -> int:
    """Drain the outbox; while rows wait (the engine down, or their back-off not yet over), make
    sure one run comes back for them. Idempotent: rows are rebuilt from the database."""
    if follow_up:  # this is the queued run: the next one may be queued again
        _forget_follow_up()
    try:  # the queued run is the retry the rows' back-off was waiting for
        result = outbox_drain_all(ignore_backoff=follow_up)
    except SearchUnavailable:
        _follow_up(RETRY_SECONDS)
        return 0
    wait = outbox_next_due()
    if wait is not None:
        _follow_up(max(1.0, min(RETRY_SECONDS, wait.total_seconds())))
    return result.rows


def _follow_up(seconds: float) -> None:
    """Queue one more run in `seconds`, unless a run is already queued for about then.

    Every write queues a drain; during an outage each would otherwise start its own chain of
    retries. The cache key lets one chain stand for all. With eager tasks (the embedded
    default) there is no worker to come back later: the next write or beat catches up.
    """
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return
    try:
        if not cache.add(FOLLOW_UP_KEY, True, timeout=int(seconds) + 1):
            return
        index_outbox.apply_async(kwargs={"follow_up": True}, countdown=seconds, retry=False)
    except Exception:  # Redis down as well: beat (every minute) is the backstop
        logger.warning("could not queue the search outbox follow-up; beat will drain it", exc_info=True)
        _forget_follow_up()


def _forget_follow_up() -> None:
    try:
        cache.delete(FOLLOW_UP_KEY)
    except Exception:
        logger.warning("could not clear the search outbox follow-up mark", exc_info=True)


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
