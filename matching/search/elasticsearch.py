"""Elasticsearch, the engine for production and scale (client 9.x, DSL in `elasticsearch.dsl`).

Readers use an alias (`<prefix>-postings`); each rebuild fills a new timestamped index and moves
the alias in one atomic call, so searches never see a half-built index. Text arrives already
segmented by jieba (matching.text) and is indexed with the whitespace analyzer, which the
plugin-less integ-test distribution has; `ANALYZER` can name IK or smartcn where installed.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterable
from functools import cached_property
from typing import Any

import numpy as np
from django.conf import settings
from elastic_transport import ConnectionError as TransportConnectionError
from elastic_transport import TransportError
from elasticsearch import ApiError, Elasticsearch, NotFoundError, helpers
from elasticsearch.dsl import Q, Search

from marketplace.places import distance_km
from matching.search.base import BaseSearchBackend, SearchUnavailable
from matching.search.query import PostingQuery, ProfileQuery, SearchHit, SearchResult

BULK_CHUNK = 1000


def index_mappings(kind: str, analyzer: str, dims: int) -> dict[str, Any]:
    """The mappings of an index of `kind` (postings or profiles), as rebuild creates it (and bench/search.py)."""
    text = {"type": "text", "analyzer": analyzer}
    keyword = {"type": "keyword"}
    common = {
        "id": {"type": "long"},
        "version": keyword,
        "county": keyword,
        "town": keyword,
        "location": {"type": "geo_point"},
        # HNSW kNN for the semantic matcher; documents without a vector simply lack the field.
        "embedding": {"type": "dense_vector", "dims": dims, "index": True, "similarity": "cosine"},
        "embedding_model": keyword,
    }
    if kind == "postings":
        fields = {
            "title": {"type": "keyword", "index": False},
            "title_tokens": text,
            "occupation_tokens": text,
            "description_tokens": text,
            "occupation_id": {"type": "long"},
            "occupation_name": keyword,
            "family_code": keyword,
            "family_name": keyword,
            "job_type": keyword,
            "place_codes": keyword,
            "pay_min": {"type": "integer"},
            "pay_max": {"type": "integer"},
            "pay_unit": keyword,
            "pay_min_month": {"type": "integer"},
            "pay_max_month": {"type": "integer"},
            "benefits": keyword,
            "headcount": {"type": "integer"},
            "published_at": {"type": "date"},
            "employer_id": {"type": "long"},
            "employer_name": keyword,
            "employer_verified": {"type": "boolean"},
            "integrity_grade": keyword,
        }
    else:
        fields = {
            "skills_tokens": text,
            "intro_tokens": text,
            "occupation_tokens": text,
            "occupation_ids": {"type": "long"},
            "family_codes": keyword,
            "education": keyword,
            "availability": keyword,
            "job_types": keyword,
            "expected_pay_month": {"type": "integer"},
            "key_groups": keyword,
            "gender": keyword,
            "birth_year": {"type": "integer"},
        }
    return {"dynamic": "false", "properties": {**common, **fields}}


TEXT_FIELDS = {
    "postings": ["title_tokens^3", "occupation_tokens^2", "description_tokens"],
    "profiles": ["occupation_tokens^3", "skills_tokens^2", "intro_tokens"],
}


class ElasticsearchSearchBackend(BaseSearchBackend):
    name = "elasticsearch"

    def __init__(self, *, alias: str, params: dict[str, Any]) -> None:
        super().__init__(alias=alias, params=params)
        # One URL, or several separated by commas (the nodes of a cluster): the client spreads
        # requests over them and retries a request on another node when one is down.
        self.url: str = params["URL"]
        self.hosts: list[str] = [u.strip() for u in self.url.split(",") if u.strip()]
        self.replicas: int = int(params.get("REPLICAS", 0))
        self.index_prefix: str = params.get("INDEX_PREFIX", "jyt")
        self.timeout: int = int(params.get("TIMEOUT", 10))
        self.analyzer: str = params.get("ANALYZER", "whitespace")
        self._dims: int | None = int(params["EMBEDDING_DIMS"]) if params.get("EMBEDDING_DIMS") else None

    @cached_property
    def client(self) -> Elasticsearch:
        return Elasticsearch(self.hosts, request_timeout=self.timeout, retry_on_timeout=True, max_retries=2)

    def index_name(self, kind: str) -> str:
        """The alias readers use for one kind of document, e.g. `jyt-postings`."""
        return f"{self.index_prefix}-{kind}"

    def _call(self, fn: Callable[[], Any]) -> Any:
        try:
            return fn()
        except (TransportConnectionError, TransportError) as exc:
            raise SearchUnavailable(f"Elasticsearch at {self.url}: {exc}") from exc
        except ApiError as exc:
            if exc.status_code in (429, 502, 503, 504):
                raise SearchUnavailable(f"Elasticsearch at {self.url}: {exc}") from exc
            raise

    # ----------------------------------------------------------------- health
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
        return {"backend": self.name, "url": self.url, "version": version, "cluster_status": cluster["status"]}

    # ----------------------------------------------------------------- writes
    def _new_index(self, kind: str) -> str:
        name = f"{self.index_name(kind)}-{time.strftime('%Y%m%d%H%M%S')}-{time.monotonic_ns() % 10**6:06d}"
        self._call(
            lambda: self.client.indices.create(
                index=name,
                settings={"number_of_shards": 1, "number_of_replicas": self.replicas},
                mappings=index_mappings(kind, self.analyzer, self.dims),
            )
        )
        return name

    def ensure_index(self, kind: str) -> None:
        alias = self.index_name(kind)
        if self._call(lambda: self.client.indices.exists_alias(name=alias)):
            return
        name = self._new_index(kind)
        try:
            self._call(lambda: self.client.indices.put_alias(index=name, name=alias))
        except ApiError:
            # Another process created the alias meanwhile: keep theirs.
            self._call(lambda: self.client.indices.delete(index=name))

    def index_documents(self, kind: str, docs: list[dict[str, Any]]) -> dict[int, str]:
        if not docs:
            return {}
        self.ensure_index(kind)
        alias = self.index_name(kind)
        actions = ({"_index": alias, "_id": d["id"], "_source": d} for d in docs)
        # refresh=True: a seeker who just published expects to find it on the next search.
        _ok, errors = self._call(
            lambda: helpers.bulk(self.client, actions, chunk_size=BULK_CHUNK, refresh=True, raise_on_error=False)
        )
        refused: dict[int, str] = {}
        for item in errors:
            outcome = next(iter(item.values()))
            status = int(outcome.get("status") or 0)
            if status == 429 or status >= 500:  # the engine is busy or ill, not the document wrong
                raise SearchUnavailable(f"Elasticsearch at {self.url} refused a bulk write with {status}")
            error = outcome.get("error") or {}
            if isinstance(error, dict):  # the cause says what was wrong: "illegal latitude value"
                cause = error.get("caused_by") or {}
                error = f"{error.get('type', status)}: {error.get('reason', '')}" + (
                    f" ({cause.get('reason', '')})" if isinstance(cause, dict) and cause.get("reason") else ""
                )
            refused[int(outcome["_id"])] = str(error)[:500]
        return refused

    def delete_documents(self, kind: str, ids: Iterable[int]) -> None:
        ids = list(ids)
        if not ids:
            return
        alias = self.index_name(kind)
        if not self._call(lambda: self.client.indices.exists_alias(name=alias)):
            return
        actions = ({"_op_type": "delete", "_index": alias, "_id": i} for i in ids)
        self._call(
            lambda: helpers.bulk(self.client, actions, chunk_size=BULK_CHUNK, refresh=True, raise_on_error=False)
        )

    def document_versions(self, kind: str) -> dict[int, str]:
        alias = self.index_name(kind)
        if not self._call(lambda: self.client.indices.exists_alias(name=alias)):
            return {}
        hits = self._call(
            lambda: list(
                helpers.scan(self.client, index=alias, query={"query": {"match_all": {}}}, _source=["id", "version"])
            )
        )
        return {int(h["_id"]): h["_source"].get("version", "") for h in hits}

    def rebuild(
        self, kind: str, docs: Iterable[dict[str, Any]], *, progress: Callable[[int], None] | None = None
    ) -> str:
        alias = self.index_name(kind)
        name = self._new_index(kind)
        self._call(lambda: self.client.indices.put_settings(index=name, settings={"refresh_interval": "-1"}))

        def actions():
            for doc in docs:
                yield {"_index": name, "_id": doc["id"], "_source": doc}

        for ok, _item in self._call(
            lambda: helpers.streaming_bulk(self.client, actions(), chunk_size=BULK_CHUNK, raise_on_error=True)
        ):
            if progress and ok:
                progress(1)
        self._call(lambda: self.client.indices.put_settings(index=name, settings={"refresh_interval": "1s"}))
        self._call(lambda: self.client.indices.refresh(index=name))
        try:
            old = list(self._call(lambda: self.client.indices.get_alias(name=alias, ignore_unavailable=True)).body)
        except NotFoundError:
            old = []  # the first rebuild on a fresh cluster: there is no alias to move yet
        moves = [{"remove": {"index": o, "alias": alias}} for o in old] + [{"add": {"index": name, "alias": alias}}]
        self._call(lambda: self.client.indices.update_aliases(actions=moves))
        for o in old:
            self._call(lambda o=o: self.client.indices.delete(index=o, ignore_unavailable=True))
        return name

    def drop(self, kind: str) -> None:
        with contextlib.suppress(NotFoundError):
            self.client.indices.delete(index=f"{self.index_name(kind)}-*", ignore_unavailable=True)

    # ---------------------------------------------------------------- queries
    @property
    def dims(self) -> int:
        """Vector size of new indices: the configured model's, so a new model gets a matching index."""
        if self._dims is None:
            from matching.embeddings import ModelMissing, embedding_dimension

            try:
                self._dims = embedding_dimension()
            except ModelMissing:
                self._dims = int(getattr(settings, "MATCHING_EMBEDDING_DIMS", 256))
        return self._dims

    def knn_postings(self, vector: list[float], *, k: int) -> list[SearchHit]:
        knn = {"field": "embedding", "query_vector": vector, "k": k, "num_candidates": max(100, 4 * k)}
        try:
            response = self._call(
                lambda: self.client.search(
                    index=self.index_name("postings"), knn=knn, size=k, source_excludes=["embedding"]
                )
            )
        except NotFoundError:
            return []
        return [SearchHit(id=int(h["_id"]), score=float(h["_score"]) * 2 - 1, distance_km=None, doc=h["_source"])
                for h in response["hits"]["hits"]]  # fmt: skip

    def posting_vectors(self, ids: list[Any]) -> dict[Any, np.ndarray]:
        if not ids:
            return {}
        try:
            response = self._call(
                lambda: self.client.mget(
                    index=self.index_name("postings"), ids=[str(i) for i in ids], source_includes=["embedding"]
                )
            )
        except NotFoundError:
            return {}
        vectors = {}
        for doc in response["docs"]:
            embedding = (doc.get("_source") or {}).get("embedding") if doc.get("found") else None
            if embedding:
                vectors[int(doc["_id"])] = np.asarray(embedding, dtype=np.float32)
        return vectors

    def search_postings(self, query: PostingQuery) -> SearchResult:
        search = Search(using=self.client, index=self.index_name("postings"))
        filters = []
        for field, values in (
            ("job_type", query.job_types),
            ("county", query.counties),
            ("town", query.towns),
            ("occupation_id", query.occupation_ids),
            ("family_code", query.family_codes),
        ):
            if values:
                filters.append(Q("terms", **{field: list(values)}))
        filters += [Q("term", benefits=b) for b in query.benefits]
        if query.place_codes:
            filters.append(Q("terms", place_codes=list(query.place_codes)))
        if query.exclude_place_codes:  # 外省: somewhere known, and not there
            filters.append(Q("exists", field="place_codes"))
            filters.append(~Q("terms", place_codes=list(query.exclude_place_codes)))
        if query.pay_floor_month is not None:
            filters.append(Q("range", pay_max_month={"gte": query.pay_floor_month}))
        if query.posted_within_days is not None:
            filters.append(Q("range", published_at={"gte": f"now-{query.posted_within_days}d"}))
        if query.verified_only:
            filters.append(Q("term", employer_verified=True))
        search = self._text_and_geo(search, "postings", query, filters)

        sort = query.sort
        if sort == "relevance" and not query.tokens:
            sort = "newest"
        if sort == "relevance":
            order = ["_score", {"published_at": "desc"}, {"id": "desc"}]
        elif sort == "newest":
            order = [{"published_at": {"order": "desc", "missing": "_last"}}, {"id": "desc"}]
        elif sort == "pay":
            order = [{"pay_max_month": {"order": "desc", "missing": "_last"}}, {"id": "desc"}]
        else:
            order = [self._distance_sort(query), {"id": "desc"}]
        search = search.sort(*order)
        if query.with_facets:
            for field in ("job_type", "county", "family_code", "benefits"):
                search.aggs.bucket(field, "terms", field=field, size=50, order=[{"_count": "desc"}, {"_key": "asc"}])
        return self._execute(search, query, "postings")

    def search_profiles(self, query: ProfileQuery) -> SearchResult:
        search = Search(using=self.client, index=self.index_name("profiles"))
        filters = []
        for field, values in (
            ("county", query.counties),
            ("occupation_ids", query.occupation_ids),
            ("family_codes", query.family_codes),
            ("job_types", query.job_types),
            ("key_groups", query.key_groups),
        ):
            if values:
                filters.append(Q("terms", **{field: list(values)}))
        search = self._text_and_geo(search, "profiles", query, filters)
        search = search.sort("_score", {"id": "desc"}) if query.tokens else search.sort({"id": "desc"})
        return self._execute(search, query, "profiles")

    def _text_and_geo(self, search: Search, kind: str, query, filters: list) -> Search:
        geo = query.geo
        if geo is not None and geo.radius_km is not None:
            filters.append(Q("geo_distance", distance=f"{geo.radius_km}km", location={"lat": geo.lat, "lon": geo.lon}))
        if query.tokens:
            # Tokens joined by spaces are analysed by the whitespace analyzer: no query syntax involved.
            must = [Q("multi_match", query=" ".join(query.tokens), fields=TEXT_FIELDS[kind], type="most_fields")]
        else:
            must = [Q("match_all")]
        return search.query(Q("bool", must=must, filter=filters))

    def _distance_sort(self, query) -> dict[str, Any]:
        geo = query.geo
        return {
            "_geo_distance": {
                "location": {"lat": geo.lat, "lon": geo.lon},
                "order": "asc",
                "unit": "km",
                "distance_type": "arc",
                "ignore_unmapped": True,
            }
        }

    def _execute(self, search: Search, query, kind: str) -> SearchResult:
        start = (query.page - 1) * query.page_size
        # Vectors are for kNN inside the engine; shipping 256 floats per hit back would be waste.
        search = search.extra(track_total_hits=True).source(excludes=["embedding"])[start : start + query.page_size]
        geo = query.geo
        try:
            response = self._call(search.execute)
        except NotFoundError:
            return SearchResult(total=0, hits=[])
        hits = []
        for hit in response.hits:
            doc = hit.to_dict()
            location = doc.get("location")
            # Computed here rather than by a script: the integ-test distribution has no painless.
            distance = distance_km(geo.lat, geo.lon, location["lat"], location["lon"]) if geo and location else None
            hits.append(SearchHit(id=int(hit.meta.id), score=hit.meta.score or 0.0, distance_km=distance, doc=doc))
        facets = {}
        if kind == "postings" and getattr(query, "with_facets", False):
            aggs = response.aggregations.to_dict()
            facets = {name: [(b["key"], b["doc_count"]) for b in aggs[name]["buckets"]] for name in aggs}
        return SearchResult(total=response.hits.total.value, hits=hits, facets=facets)


SearchBackend = ElasticsearchSearchBackend
