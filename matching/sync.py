"""Keeping the search index in step with the database, without ever losing a write.

    change (in a transaction) ──signal──▶ IndexOutbox row (same transaction)
    commit ──on_commit──▶ Celery task `matching.index_outbox` ──▶ outbox_drain()
    drain: rebuild each touched document from the database, write or delete it, delete the rows

Draining is idempotent (documents are rebuilt from the current database state), so a retried,
doubled or late task is harmless. When the engine is down, rows stay with a back-off and the
task retries; the periodic task picks up whatever is left.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from marketplace.models import JobPosting
from matching.models import IndexOutbox
from matching.search import get_search_backend
from matching.search.base import SearchUnavailable
from matching.search.documents import KINDS, POSTINGS, PROFILES, build_documents

logger = logging.getLogger(__name__)

BATCH = 1000
MAX_BACKOFF = timedelta(minutes=10)


@dataclass(frozen=True)
class DrainResult:
    rows: int
    indexed: int
    deleted: int


def outbox_record(kind: str, object_id: int) -> None:
    """Note that a document may be stale, and drain once the surrounding transaction commits."""
    IndexOutbox.objects.create(kind=kind, object_id=object_id)
    transaction.on_commit(_kick)


def _kick() -> None:
    from matching.tasks import index_outbox

    try:
        index_outbox.delay()
    except Exception:
        # The write the user made is committed and its outbox row kept: never fail their request.
        logger.exception("could not start index work; the outbox keeps it for the periodic task")


def outbox_pending() -> int:
    return IndexOutbox.objects.count()


def outbox_drain(*, batch: int = BATCH) -> DrainResult:
    """Apply one batch of outbox rows to the index. Raises SearchUnavailable, keeping the rows."""
    now = timezone.now()
    rows = list(IndexOutbox.objects.filter(next_attempt_at__lte=now).order_by("id")[:batch])
    if not rows:
        return DrainResult(rows=0, indexed=0, deleted=0)
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
    try:
        for kind in KINDS:
            if not ids[kind]:
                continue
            docs = list(build_documents(kind, ids[kind]))
            backend.index_documents(kind, docs)
            gone = ids[kind] - {d["id"] for d in docs}
            backend.delete_documents(kind, gone)
            indexed += len(docs)
            deleted += len(gone)
    except SearchUnavailable as exc:
        attempts = rows[0].attempts + 1
        delay = min(MAX_BACKOFF, timedelta(seconds=2**attempts))
        IndexOutbox.objects.filter(pk__in=[r.pk for r in rows]).update(
            attempts=attempts, last_error=str(exc)[:2000], next_attempt_at=now + delay
        )
        logger.warning("search index unavailable, %d outbox rows kept for retry: %s", len(rows), exc)
        raise
    IndexOutbox.objects.filter(pk__in=[r.pk for r in rows]).delete()
    return DrainResult(rows=len(rows), indexed=indexed, deleted=deleted)


def outbox_drain_all(*, ignore_backoff: bool = False) -> DrainResult:
    """Drain until empty (the periodic task and tests after an outage)."""
    if ignore_backoff:
        IndexOutbox.objects.update(next_attempt_at=timezone.now())
    total = DrainResult(0, 0, 0)
    while True:
        result = outbox_drain()
        if not result.rows:
            return total
        total = DrainResult(total.rows + result.rows, total.indexed + result.indexed, total.deleted + result.deleted)
