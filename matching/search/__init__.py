"""Search backends, chosen from settings the way Django chooses a cache backend.

`SEARCH_BACKENDS = {"default": {"BACKEND": "matching.search.elasticsearch", ...}}`; each backend
module exposes `SearchBackend`. The database stays the source of truth; an index is derived.
"""

from __future__ import annotations

import logging
from functools import cache
from importlib import import_module

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from matching.search.base import BaseSearchBackend, SearchUnavailable

logger = logging.getLogger(__name__)

__all__ = ["BaseSearchBackend", "SearchUnavailable", "get_search_backend", "require_search_backend"]


@cache
def get_search_backend(alias: str = "default") -> BaseSearchBackend:
    try:
        params = dict(settings.SEARCH_BACKENDS[alias])
    except KeyError as exc:
        raise ImproperlyConfigured(f"SEARCH_BACKENDS has no {alias!r} entry") from exc
    module = import_module(params.pop("BACKEND"))
    return module.SearchBackend(alias=alias, params=params)


def require_search_backend(alias: str = "default") -> dict:
    """Fail start-up with one clear line when the configured engine does not answer."""
    backend = get_search_backend(alias)
    try:
        health = backend.health()
    except SearchUnavailable as exc:
        raise ImproperlyConfigured(f"Search backend {alias!r} is unavailable: {exc}") from exc
    logger.info("search backend %s ready: %s", alias, health)
    return health
