"""Keeping the search index in step with the database, without ever losing a write.

    change (in a transaction) ──signal──▶ IndexOutbox row (same transaction)
    commit ──task_after_commit──▶ Celery task `matching.index_outbox` ──▶ outbox_drain()
    drain: rebuild each touched document from the database, write or delete it, delete the rows

Draining is idempotent (documents are rebuilt from the current database state), so a retried,
doubled or late task is harmless; drains run one at a time (an advisory lock), so an older
document can never overwrite a newer one. When the engine is down, rows stay with a short back-off
and the task comes back for them every few seconds (one chain of follow-ups, however many writes
queued it); beat's periodic run is the backstop when even the broker was down. A document the
engine refuses as malformed is set aside with its reason and holds back nothing.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import timedelta

from django.db import connection, transaction
from django.db.models import Exists, OuterRef
from django.utils import timezone

from marketplace.models import BlacklistEntry, Employer, JobPosting
from matching.cached import index_changed
from matching.models import BlacklistIndexState, IndexOutbox
from matching.search import get_search_backend
from matching.search.base import SearchUnavailable
from matching.search.documents import KINDS, POSTINGS, PROFILES, build_documents

logger = logging.getLogger(__name__)

BATCH = 1000
# Rows back off while the engine is down, but never for long: the index must be back within
# seconds of the engine (the task looks again every RETRY_SECONDS).
MAX_BACKOFF = timedelta(seconds=8)


@dataclass(frozen=True)
class DrainResult:
    rows: int
    indexed: int
    deleted: int
    refused: int = 0


def outbox_record(kind: str, object_id: int) -> None:
    """Note that a document may be stale (matching.signals also starts a drain after commit)."""
    IndexOutbox.objects.create(kind=kind, object_id=object_id)


def outbox_pending() -> int:
    """Rows waiting to be applied (refused ones are not waiting: see outbox_refused)."""
    return IndexOutbox.objects.filter(refused_at__isnull=True).count()


def outbox_refused() -> list[IndexOutbox]:
    """Objects whose current document the engine refused, newest first, with its reason."""
    return list(IndexOutbox.objects.filter(refused_at__isnull=False).order_by("-refused_at", "-id"))


def outbox_next_due() -> timedelta | None:
    """How long until the earliest waiting row is due (zero if one is due now); None if none wait."""
    due = IndexOutbox.objects.filter(refused_at__isnull=True).order_by("next_attempt_at").first()
    if due is None:
        return None
    return max(timedelta(0), due.next_attempt_at - timezone.now())


# An arbitrary constant naming the drain's PostgreSQL advisory lock ("jyt" + "ix" in ASCII).
DRAIN_LOCK_KEY = 0x6A79_7469_78
_drain_thread_lock = threading.RLock()


@contextmanager
def _drain_lock() -> Iterator[None]:
    """One drain at a time, across every worker process (or thread, without PostgreSQL).

    Two drains may otherwise pick up rows for the same object: the one that read the database
    first could write its older document last, after the newer drain deleted the rows, leaving the
    index behind with nothing left to fix it. Serialised, each drain reads the database only after
    the previous one's writes reached the index. Must be entered inside a transaction (the
    advisory lock is released at its end).
    """
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [DRAIN_LOCK_KEY])
        yield
    else:
        with _drain_thread_lock:
            yield


def outbox_drain(*, batch: int = BATCH) -> DrainResult:
    """Apply one batch of outbox rows to the index. Raises SearchUnavailable, keeping the rows."""
    with transaction.atomic(), _drain_lock():
        now = timezone.now()
        waiting = IndexOutbox.objects.filter(refused_at__isnull=True, next_attempt_at__lte=now)
        rows = list(waiting.order_by("id")[:batch])
        if not rows:
            return DrainResult(rows=0, indexed=0, deleted=0)
        try:
            indexed, deleted, refused = _apply(rows)
        except SearchUnavailable as exc:
            attempts = max(r.attempts for r in rows) + 1
            delay = min(MAX_BACKOFF, timedelta(seconds=2**attempts))
            IndexOutbox.objects.filter(pk__in=[r.pk for r in rows]).update(
                attempts=attempts, last_error=str(exc)[:2000], next_attempt_at=now + delay
            )
            logger.warning("search index unavailable, %d outbox rows kept for retry: %s", len(rows), exc)
            failure = exc
        else:
            IndexOutbox.objects.filter(pk__in=[r.pk for r in rows]).delete()
            _set_aside(refused, now)
            return DrainResult(rows=len(rows), indexed=indexed, deleted=deleted, refused=len(refused))
    # Raised only after the transaction committed the back-off (raising inside would roll it back).
    raise failure


def _set_aside(refused: dict[tuple[str, int], str], now) -> None:
    """Keep one row per refused object, marked, in place of whatever rows named it."""
    for (kind, object_id), reason in refused.items():
        IndexOutbox.objects.filter(kind=kind, object_id=object_id, refused_at__isnull=False).delete()
        IndexOutbox.objects.create(kind=kind, object_id=object_id, refused_at=now, last_error=reason, attempts=1)
        logger.error("search engine refused %s document %s, set aside: %s", kind, object_id, reason)


def _apply(rows: list[IndexOutbox]) -> tuple[int, int, dict[tuple[str, int], str]]:
    """Rebuild the documents the rows name from the database and write or delete them.

    A document the engine refuses is removed from the index as well: its older version would
    otherwise go on answering searches for a state the database no longer has."""
    ids: dict[str, set[int]] = {POSTINGS: set(), PROFILES: set()}
    employers = set()
    for row in rows:
        if row.kind == "employer":
            employers.add(row.object_id)
        else:
            ids[row.kind].add(row.object_id)
    if employers:
        ids[POSTINGS] |= set(JobPosting.objects.filter(employer_id__in=employers).values_list("pk", flat=True))

    backend = get_search_backend()
    indexed = deleted = 0
    refused: dict[tuple[str, int], str] = {}
    for kind in KINDS:
        if not ids[kind]:
            continue
        docs = list(build_documents(kind, ids[kind]))
        bad = backend.index_documents(kind, docs)
        gone = ids[kind] - {d["id"] for d in docs}
        backend.delete_documents(kind, gone | set(bad))
        refused |= {(kind, object_id): reason for object_id, reason in bad.items()}
        indexed += len(docs) - len(bad)
        deleted += len(gone)
        if len(docs) > len(bad):
            index_changed(kind)  # a recommendation made before may miss what was just written
    for kind in KINDS:  # a later state went in: an earlier refusal is history
        written = [i for i in ids[kind] if (kind, i) not in refused]
        if written:
            IndexOutbox.objects.filter(kind=kind, object_id__in=written, refused_at__isnull=False).delete()
    return indexed, deleted, refused


def outbox_drain_all(*, ignore_backoff: bool = False) -> DrainResult:
    """Drain until empty (the periodic task and tests after an outage)."""
    if ignore_backoff:
        IndexOutbox.objects.filter(refused_at__isnull=True).update(next_attempt_at=timezone.now())
    total = DrainResult(0, 0, 0)
    while True:
        result = outbox_drain()
        if not result.rows:
            return total
        total = DrainResult(
            total.rows + result.rows,
            total.indexed + result.indexed,
            total.deleted + result.deleted,
            total.refused + result.refused,
        )


@transaction.atomic
def blacklist_sweep() -> int:
    """Record outbox rows for employers whose blacklisting began or lapsed by the calendar alone.

    An entry written through the services reaches the index by its signal, but one that starts on a
    future date, or ends on its `ends_on` date, changes which postings are public without any write,
    so no signal fires. This compares, per employer, "on the blacklist today" with what the last run
    saw (BlacklistIndexState) and records a row where they differ. Idempotent: a second run finds
    nothing changed; a missed run is caught up by the next one however late. Returns the employers
    recorded.
    """
    in_force = BlacklistEntry.objects.filter(BlacklistEntry.active_q(), employer=OuterRef("pk"))
    today = dict(
        Employer.objects.filter(pk__in=BlacklistEntry.objects.values("employer_id"))
        .annotate(blacklisted=Exists(in_force))
        .values_list("pk", "blacklisted")
    )
    known = dict(BlacklistIndexState.objects.select_for_update().values_list("employer_id", "blacklisted"))
    for employer_id in known.keys() - today.keys():
        today[employer_id] = False  # its entries were deleted (their own signal reindexed it)
    changed = sorted(pk for pk, blacklisted in today.items() if known.get(pk) != blacklisted)
    for employer_id in changed:
        outbox_record("employer", employer_id)
    now = timezone.now()
    BlacklistIndexState.objects.bulk_create(
        [BlacklistIndexState(employer_id=pk, blacklisted=today[pk], checked_at=now) for pk in changed],
        update_conflicts=True,
        unique_fields=["employer"],
        update_fields=["blacklisted", "checked_at"],
    )
    if changed:
        logger.info("blacklist dates changed the public postings of employers %s; outbox rows recorded", changed)
    return len(changed)
