"""为你推荐 and 推荐人选 remembered until what they depend on changes.

A recommendation is the most expensive thing a seeker asks for (four or five searches, the
seeker's text encoded, a few hundred candidates scored: about 80 ms of CPU), and people come back
to it again and again in a session. The answer depends only on what the matcher knows of the
seeker and on what the index holds, so it is kept under a key made of both: the seeker as the
matcher sees them (any edit to the profile, its certificates or its confirmed groups makes another
key) and the generation of the index it reads, which every write of documents to that index moves
on, and which index that is (tests and tools switch it). A short lifetime bounds
what time alone changes (a posting's freshness). 推荐人选 is kept the same way, under the posting's
version and its applicants (a new applicant is a new candidate at once).

The cache is an optimisation, never a dependency: when Redis is away, recommendations are
computed as if nothing were kept (and logged once per failure, in English).
"""

from __future__ import annotations

import dataclasses
import hashlib
import logging
from collections.abc import Callable
from typing import Any

from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)

GENERATION_KEY = "matching:index-generation:{kind}"


def canonical(value: Any) -> Any:
    """A form of the value whose repr is the same in every process (sets sorted, dataclasses as tuples)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return tuple((f.name, canonical(getattr(value, f.name))) for f in dataclasses.fields(value))
    if isinstance(value, (set, frozenset)):
        return tuple(sorted((canonical(v) for v in value), key=repr))
    if isinstance(value, dict):
        return tuple(sorted(((canonical(k), canonical(v)) for k, v in value.items()), key=repr))
    if isinstance(value, (list, tuple)):
        return tuple(canonical(v) for v in value)
    return value


def index_generation(kind: str) -> int:
    try:
        return int(cache.get(GENERATION_KEY.format(kind=kind)) or 0)
    except Exception:  # the cache is optional: an outage must not stop a request
        logger.warning("recommendation cache unavailable (reading the index generation)", exc_info=True)
        return -1


def index_changed(kind: str) -> None:
    """Every write of documents of a kind calls this: a recommendation made before may miss them.

    Removals need not: what is remembered is read back through the database, which drops anything
    no longer public. So a draft saved or a job closed does not make everyone's list be computed
    again, only a job (or a profile) that could now be recommended."""
    key = GENERATION_KEY.format(kind=kind)
    try:
        try:
            cache.incr(key)
        except ValueError:  # not set yet
            cache.add(key, 1, timeout=None)
    except Exception:
        logger.warning("recommendation cache unavailable (moving the index generation on)", exc_info=True)


def remembered(subject: Any, scope: str, compute: Callable[[], list[Any]], *, kind: str) -> list[Any]:
    """compute(), or what it returned for the same subject (a seeker as the matcher sees them, a
    posting's version and applicants), scope and index generation."""
    seconds = settings.MATCHING_RECOMMENDATION_CACHE_SECONDS
    generation = index_generation(kind)
    if seconds <= 0 or generation < 0:
        return compute()
    index = canonical(settings.SEARCH_BACKENDS.get("default", {}))
    digest = hashlib.sha256(repr((canonical(subject), scope, index)).encode()).hexdigest()[:32]
    key = f"matching:recommended:{kind}:{generation}:{digest}"
    try:
        hit = cache.get(key)
    except Exception:
        logger.warning("recommendation cache unavailable (reading)", exc_info=True)
        return compute()
    if hit is not None:
        return hit
    value = compute()
    try:
        cache.set(key, value, timeout=seconds)
    except Exception:
        logger.warning("recommendation cache unavailable (writing)", exc_info=True)
    return value
