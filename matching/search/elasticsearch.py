"""Elasticsearch, the engine for production and scale (client 9.x, DSL in `elasticsearch.dsl`)."""

from __future__ import annotations

from functools import cached_property
from typing import Any

from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch

from matching.search.base import BaseSearchBackend, SearchUnavailable


class ElasticsearchSearchBackend(BaseSearchBackend):
    name = "elasticsearch"

    def __init__(self, *, alias: str, params: dict[str, Any]) -> None:
        super().__init__(alias=alias, params=params)
        self.url: str = params["URL"]
        self.index_prefix: str = params.get("INDEX_PREFIX", "jyt")
        self.timeout: int = int(params.get("TIMEOUT", 10))

    @cached_property
    def client(self) -> Elasticsearch:
        return Elasticsearch(self.url, request_timeout=self.timeout, retry_on_timeout=True, max_retries=2)

    def index_name(self, kind: str) -> str:
        """The alias readers use for one kind of document, e.g. `jyt-postings`."""
        return f"{self.index_prefix}-{kind}"

    def server_version(self) -> str:
        # The integ-test distribution has no root endpoint; the nodes API always carries it.
        info = self.client.nodes.info(node_id="_local", filter_path="nodes.*.version")
        versions = [node["version"] for node in info.body.get("nodes", {}).values()]
        if not versions:
            raise SearchUnavailable(f"{self.url} reported no nodes")
        return versions[0]

    def health(self) -> dict[str, Any]:
        try:
            cluster = self.client.cluster.health(timeout="2s")
            version = self.server_version()
        except (ApiError, TransportError) as exc:
            raise SearchUnavailable(f"Elasticsearch at {self.url}: {exc}") from exc
        return {
            "backend": self.name,
            "url": self.url,
            "version": version,
            "cluster_status": cluster["status"],
        }


SearchBackend = ElasticsearchSearchBackend
