"""Search backends for the tests: each test gets fresh, empty indices of its own."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest

from matching.search import get_search_backend
from matching.search.base import BaseSearchBackend
from matching.search.elasticsearch import ElasticsearchSearchBackend
from matching.search.embedded import EmbeddedSearchBackend

BACKENDS = ["embedded", "elasticsearch"]


def make_backend(name: str, tmp_path, **params) -> BaseSearchBackend:
    if name == "embedded":
        return EmbeddedSearchBackend(alias="test", params={"PATH": str(tmp_path / "search"), **params})
    return ElasticsearchSearchBackend(
        alias="test",
        params={"URL": os.environ["ELASTICSEARCH_URL"], "INDEX_PREFIX": f"jyt-t-{uuid.uuid4().hex[:8]}", **params},
    )


@pytest.fixture(params=BACKENDS)
def backend(request, tmp_path) -> Iterator[BaseSearchBackend]:
    """Each backend in turn, empty: the contract tests run once per backend."""
    backend = make_backend(request.param, tmp_path)
    yield backend
    for kind in ("postings", "profiles"):
        backend.drop(kind)


@pytest.fixture(params=BACKENDS)
def live_backend(request, tmp_path, settings) -> Iterator[BaseSearchBackend]:
    """Each backend in turn, installed as the product's search backend (what sync writes to)."""
    backend = make_backend(request.param, tmp_path)
    params = {"BACKEND": f"matching.search.{request.param}", **backend.params}
    settings.SEARCH_BACKENDS = {"default": params}
    get_search_backend.cache_clear()
    live = get_search_backend()
    yield live
    for kind in ("postings", "profiles"):
        live.drop(kind)
    get_search_backend.cache_clear()


@pytest.fixture
def taxonomy() -> Iterator[None]:
    """The shipped taxonomy loaded, with the suggestion caches cleared before and after."""
    from marketplace.occupations.services import occupations_load
    from marketplace.occupations.taxonomy import taxonomy_changed

    occupations_load()
    taxonomy_changed()
    yield
    taxonomy_changed()
