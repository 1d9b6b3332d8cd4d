"""The interface every search backend implements; the contract tests run against all of them."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable, Iterable
from typing import Any

from matching.search.query import PostingQuery, ProfileQuery, SearchHit, SearchResult


class SearchUnavailable(RuntimeError):
    """The engine cannot be reached or answered with an error. Writes are kept for later."""


class BaseSearchBackend(ABC):
    #: Short name shown in health reports and logs.
    name: str = "base"

    def __init__(self, *, alias: str, params: dict[str, Any]) -> None:
        self.alias = alias
        self.params = params

    @abstractmethod
    def health(self) -> dict[str, Any]:
        """Describe the engine (name, version, location); raise SearchUnavailable when it is down."""

    @abstractmethod
    def ensure_index(self, kind: str) -> None:
        """Create the kind's index (behind its alias) if there is none yet."""

    @abstractmethod
    def index_documents(self, kind: str, docs: list[dict[str, Any]]) -> dict[int, str]:
        """Insert or replace documents; visible to the next search.

        Returns the documents the engine refused as malformed (id → its reason): the others are
        written all the same, so one bad document never holds back the rest. Raises
        SearchUnavailable when the engine is down or overloaded (nothing can be said of any)."""

    @abstractmethod
    def delete_documents(self, kind: str, ids: Iterable[int]) -> None:
        """Remove documents; ids not in the index are ignored."""

    @abstractmethod
    def document_versions(self, kind: str) -> dict[int, str]:
        """id → version of every document in the index, for reconciliation."""

    @abstractmethod
    def rebuild(
        self, kind: str, docs: Iterable[dict[str, Any]], *, progress: Callable[[int], None] | None = None
    ) -> str:
        """Fill a new physical index and swap it in at once; returns the new index's name."""

    @abstractmethod
    def search_postings(self, query: PostingQuery) -> SearchResult:
        """Postings matching the query, ordered as `query.sort` says, with facets if asked."""

    @abstractmethod
    def search_profiles(self, query: ProfileQuery) -> SearchResult:
        """Open profiles matching the query (employers looking for candidates)."""

    @abstractmethod
    def knn_postings(self, vector: list[float], *, k: int) -> list[SearchHit]:
        """The k postings whose embedding is nearest the vector (cosine), nearest first.

        Postings without an embedding are never returned; the score is the cosine similarity.
        """

    def posting_vectors(self, ids: list[Any]) -> dict[Any, Any]:
        """The embeddings the index holds for these postings (numpy float32 rows), by id.

        Ranking reads them instead of encoding the postings' texts again for every seeker. Postings
        without a stored vector are absent; an engine that cannot fetch them returns {}.
        """
        return {}

    @abstractmethod
    def drop(self, kind: str) -> None:
        """Delete the kind's indices entirely (tests, decommissioning)."""

    def status(self) -> dict[str, Any]:
        return {kind: {"documents": len(self.document_versions(kind))} for kind in ("postings", "profiles")}
