"""The search benchmark: bulk indexing throughput and query latency on both backends.

Why these figures: the prefecture expects on the order of 100,000 open postings, and the
product must stay quick on one small server. Indexing goes through the pipeline the product
uses (`rebuild`, `index_documents`) and is compared with a raw `helpers.bulk` of the same
documents into an index with the same mapping, so overhead of our own is visible as a ratio.
Queries are built by `parse_posting_query` from request parameters, so they are the queries
users send. Text analysis (jieba) happens while the corpus is generated, before any timing of
indexing, and is reported on its own line.
"""

from __future__ import annotations

import math
import os
import random
import shutil
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from elasticsearch import helpers
from tqdm import tqdm

from bench import BenchError
from bench.postings import AnalysisClock, Taxonomy, county_names, generate_postings
from marketplace.enums import BENEFITS, JobType
from marketplace.places import COUNTIES
from marketplace.seed.places import town_point
from matching.search.base import BaseSearchBackend, SearchUnavailable
from matching.search.documents import attach_embeddings, embedding_version
from matching.search.elasticsearch import ElasticsearchSearchBackend, index_mappings
from matching.search.embedded import EmbeddedSearchBackend
from matching.search.query import PostingQuery, parse_posting_query
from matching.sync import BATCH as SYNC_BATCH

DEFAULT_ELASTICSEARCH_URL = "http://127.0.0.1:9200"
BACKENDS = ("elasticsearch", "embedded")
# p95 targets at 100,000 postings on the 2-core reference machine (see README, "Benchmarks").
P95_TARGET_MS = {"elasticsearch": 50.0, "embedded": 150.0}
RATIO_EXPECTED = 0.7
CATEGORIES = ("text", "filter", "geo", "facet")
# Documents re-indexed through index_documents in the outbox's batch size (replacing existing ones).
INCREMENTAL_MAX = 10_000
# build_documents' batch: the documents embedded in one call to the model.
EMBED_BATCH = 500
# Typed place names users search from (resolved by marketplace.places, like the search page does).
NEAR_NAMES = ("凯里", "黄平", "雷山", "台江", "榕江", "黎平", "从江", "东莞", "宁波")
TEXT_EXTRA = ("包吃住", "日结", "长白班", "附近", "学徒", "凯里", "兼职", "五险一金", "有证")


@dataclass
class BenchOptions:
    backend: str = "both"
    postings: int = 100_000
    queries: int = 500
    seed: int = 1
    progress: bool = True
    elasticsearch_url: str = field(
        default_factory=lambda: os.environ.get("ELASTICSEARCH_URL", DEFAULT_ELASTICSEARCH_URL)
    )

    @property
    def backends(self) -> tuple[str, ...]:
        return BACKENDS if self.backend == "both" else (self.backend,)


@dataclass
class BackendFigures:
    name: str
    index_seconds: float = 0.0
    docs_per_s: float = 0.0
    raw_docs_per_s: float | None = None
    incremental_docs_per_s: float = 0.0
    incremental_docs: int = 0
    latencies_ms: dict[str, list[float]] = field(default_factory=dict)

    @property
    def ratio(self) -> float | None:
        return self.docs_per_s / self.raw_docs_per_s if self.raw_docs_per_s else None

    def all_latencies(self) -> list[float]:
        return [ms for values in self.latencies_ms.values() for ms in values]

    @property
    def target_met(self) -> bool:
        return percentile(self.all_latencies(), 95) <= P95_TARGET_MS[self.name]


@dataclass
class Report:
    options: BenchOptions
    index_prefix: str
    embedded_path: Path | None
    generation_seconds: float = 0.0
    embeddings: str = "embeddings: not computed (no embedding model yet)"
    analysis: AnalysisClock = field(default_factory=AnalysisClock)
    figures: dict[str, BackendFigures] = field(default_factory=dict)


def percentile(values: list[float], p: float) -> float:
    """Nearest-rank percentile (no interpolation): a figure that was actually measured."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[max(0, math.ceil(p / 100 * len(ordered)) - 1)]


# ------------------------------------------------------------------------- queries
def query_mix(count: int, *, seed: int) -> list[tuple[str, dict[str, Any]]]:
    """(category, request parameters) as the search page and the API send them, deterministic."""
    rng = random.Random(seed * 7919 + 1)  # noqa: S311 - reproducible queries, not secrets
    taxonomy = Taxonomy.load()
    words = [o.name for o in taxonomy.occupations] + [s for o in taxonomy.occupations for s in o.synonyms]
    counties = county_names()

    def text() -> str:
        word = rng.choice(words)
        return f"{word} {rng.choice(TEXT_EXTRA)}" if rng.random() < 0.3 else word

    def filters() -> dict[str, Any]:
        params: dict[str, Any] = {}
        for key, make in (
            ("job_type", lambda: ",".join(rng.sample(JobType.values, rng.choice((1, 1, 2))))),
            ("county", lambda: rng.choice(counties)),
            ("benefits", lambda: rng.choice(BENEFITS)),
            ("pay_min", lambda: str(rng.choice((2000, 3000, 4000, 5000, 6000)))),
            ("within_days", lambda: str(rng.choice((3, 7, 30)))),
            ("family", lambda: rng.choice(sorted(taxonomy.by_family))),
            ("verified", lambda: "1"),
        ):
            if rng.random() < 0.35:
                params[key] = make()
        if not params:
            params["county"] = rng.choice(counties)
        params["sort"] = rng.choice(("newest", "newest", "pay"))
        return params

    def geo() -> dict[str, Any]:
        if rng.random() < 0.5:  # GPS position of the phone: somewhere in a town of the prefecture
            county = rng.choice(COUNTIES)
            lat, lon = town_point(county, rng.choice(county.towns))
            params: dict[str, Any] = {"lat": f"{lat + rng.uniform(-0.01, 0.01):.5f}", "lon": f"{lon:.5f}"}
        else:  # a typed place name
            params = {"near": rng.choice(NEAR_NAMES)}
        if rng.random() < 0.7:
            params["radius_km"] = str(rng.choice((5, 10, 20, 50)))
        if rng.random() < 0.3:
            params["q"] = text()
        else:
            params["sort"] = "distance"
        return params

    def facet() -> dict[str, Any]:
        kind = rng.random()
        if kind < 0.25:
            return {}  # the bare job list, facets over everything
        if kind < 0.5:
            return {"q": text()}
        if kind < 0.75:
            return {"county": rng.choice(counties), "sort": "newest"}
        return {"near": rng.choice(NEAR_NAMES), "radius_km": "30"}

    def text_query() -> dict[str, Any]:
        params: dict[str, Any] = {"q": text()}
        if rng.random() < 0.3:  # words and a place: "电焊 凯里市"
            params["county"] = rng.choice(counties)
        return params

    makers: dict[str, Callable[[], dict[str, Any]]] = {"text": text_query, "filter": filters, "geo": geo}
    mix = []
    for i in range(count):
        category = CATEGORIES[i % len(CATEGORIES)]
        # Only the facet category asks for facets, so the others measure text, filters and geo alone.
        params = {**facet(), "facets": "1"} if category == "facet" else {**makers[category](), "facets": "0"}
        if rng.random() < 0.15:
            params["page"] = str(rng.choice((2, 3)))
        mix.append((category, params))
    rng.shuffle(mix)
    return mix


# ------------------------------------------------------------------------- helpers
def progress_bar(options: BenchOptions, *, disable: bool = False, **kwargs: Any) -> tqdm:
    return tqdm(disable=disable or not options.progress, file=sys.stderr, leave=False, dynamic_ncols=True, **kwargs)


def _timed_queries(
    backend: BaseSearchBackend, queries: list[tuple[str, PostingQuery]], options: BenchOptions, desc: str
) -> dict[str, list[float]]:
    """Milliseconds per search, after a short warm-up (caches, JIT of the engine, SQLite pages)."""
    warmup = queries[: max(5, min(50, len(queries) // 10))]
    for _, query in progress_bar(options, iterable=warmup, desc=f"{desc} warm-up", unit="q"):
        backend.search_postings(query)
    latencies: dict[str, list[float]] = {c: [] for c in CATEGORIES}
    for category, query in progress_bar(options, iterable=queries, desc=desc, unit="q"):
        start = time.perf_counter()
        backend.search_postings(query)
        latencies[category].append((time.perf_counter() - start) * 1000)
    return latencies


def _incremental(backend: BaseSearchBackend, docs: list[dict[str, Any]], options: BenchOptions, desc: str) -> float:
    """docs/s of index_documents in the outbox's batches (what sync does after edits)."""
    start = time.perf_counter()
    with progress_bar(options, total=len(docs), desc=desc, unit="doc") as bar:
        for i in range(0, len(docs), SYNC_BATCH):
            batch = docs[i : i + SYNC_BATCH]
            backend.index_documents("postings", batch)
            bar.update(len(batch))
    return len(docs) / (time.perf_counter() - start)


def timed_rebuild(backend: BaseSearchBackend, docs: list[dict[str, Any]], options: BenchOptions, desc: str) -> float:
    # As on a running product, the alias exists before the rebuild (an empty index, swapped out).
    backend.ensure_index("postings")
    start = time.perf_counter()
    with progress_bar(options, total=len(docs), desc=desc, unit="doc") as bar:
        backend.rebuild("postings", iter(docs), progress=bar.update)
    return time.perf_counter() - start


# ------------------------------------------------------------------- elasticsearch
def _es_indices(backend: ElasticsearchSearchBackend, prefix: str) -> list[str]:
    found = backend.client.indices.get(index=f"{prefix}-*", expand_wildcards="all", allow_no_indices=True)
    return sorted(found.body)


def remove_es_indices(backend: ElasticsearchSearchBackend, prefix: str) -> None:
    """Delete every index of the benchmark's prefix, by name (wildcard deletes may be refused)."""
    names = _es_indices(backend, prefix)
    if names:
        backend.client.indices.delete(index=",".join(names), ignore_unavailable=True)


def es_backend(options: BenchOptions, prefix: str) -> ElasticsearchSearchBackend:
    """The product's backend class with the benchmark's own prefix; one-line error when unreachable."""
    backend = ElasticsearchSearchBackend(
        alias="bench", params={"URL": options.elasticsearch_url, "INDEX_PREFIX": prefix, "TIMEOUT": 60}
    )
    try:
        backend.health()
    except SearchUnavailable as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise BenchError(
            f"Elasticsearch is not reachable at {options.elasticsearch_url} (set ELASTICSEARCH_URL): {reason}"
        ) from exc
    return backend


def _raw_bulk(backend: ElasticsearchSearchBackend, name: str, docs: Iterable[dict[str, Any]], **bulk: Any) -> None:
    client = backend.client
    client.indices.create(
        index=name,
        settings={"number_of_shards": 1, "number_of_replicas": 0},
        mappings=index_mappings("postings", backend.analyzer, backend.dims),
    )
    helpers.bulk(client, ({"_index": name, "_id": d["id"], "_source": d} for d in docs), **bulk)
    client.indices.refresh(index=name)


def bench_elasticsearch(
    backend: ElasticsearchSearchBackend,
    prefix: str,
    docs: list[dict[str, Any]],
    queries: list[tuple[str, PostingQuery]],
    options: BenchOptions,
) -> BackendFigures:
    figures = BackendFigures("elasticsearch")
    client = backend.client
    # Warm-up: the first bulk requests of a fresh JVM are slower than the rest.
    _raw_bulk(backend, f"{prefix}-warmup", docs[:2000])
    client.indices.delete(index=f"{prefix}-warmup")

    raw = f"{prefix}-raw"
    start = time.perf_counter()
    _raw_bulk(backend, raw, progress_bar(options, iterable=docs, desc="elasticsearch raw bulk", unit="doc"))
    figures.raw_docs_per_s = len(docs) / (time.perf_counter() - start)
    client.indices.delete(index=raw)  # keep the heap for the index under test

    figures.index_seconds = timed_rebuild(backend, docs, options, "elasticsearch rebuild")
    figures.docs_per_s = len(docs) / figures.index_seconds
    sample = docs[:INCREMENTAL_MAX]
    figures.incremental_docs = len(sample)
    figures.incremental_docs_per_s = _incremental(backend, sample, options, "elasticsearch index_documents")
    figures.latencies_ms = _timed_queries(backend, queries, options, "elasticsearch queries")
    # Deleted now rather than at the end: merges of an idle index would take CPU from the next backend.
    remove_es_indices(backend, prefix)
    return figures


# ------------------------------------------------------------------------ embedded
def bench_embedded(
    backend: EmbeddedSearchBackend,
    docs: list[dict[str, Any]],
    queries: list[tuple[str, PostingQuery]],
    options: BenchOptions,
) -> BackendFigures:
    figures = BackendFigures("embedded")
    figures.index_seconds = timed_rebuild(backend, docs, options, "embedded rebuild")
    figures.docs_per_s = len(docs) / figures.index_seconds
    sample = docs[:INCREMENTAL_MAX]
    figures.incremental_docs = len(sample)
    figures.incremental_docs_per_s = _incremental(backend, sample, options, "embedded index_documents")
    figures.latencies_ms = _timed_queries(backend, queries, options, "embedded queries")
    return figures


# -------------------------------------------------------------------------- report
def _fmt_ms(value: float) -> str:
    return f"{value:.1f}"


def write_report(report: Report, out: TextIO) -> None:
    o = report.options
    n = o.postings
    print(f"search benchmark: {n:,} postings, {o.queries} queries per backend, seed {o.seed}", file=out)
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}", file=out)
    a = report.analysis
    print(
        f"corpus generation: {report.generation_seconds:.1f} s, of which text analysis (jieba) {a.seconds:.1f} s "
        f"({a.calls:,} fields, {a.seconds / max(1, n) * 1000:.2f} ms per posting); not part of the indexing figures",
        file=out,
    )
    print(report.embeddings, file=out)
    for name, f in report.figures.items():
        print(f"\n[{name}]", file=out)
        if f.raw_docs_per_s is not None:
            print(f"  raw helpers.bulk, same mapping:  {f.raw_docs_per_s:>9,.0f} docs/s", file=out)
        ratio = f" (ratio to raw {f.ratio:.2f}, expected ≥ {RATIO_EXPECTED})" if f.ratio is not None else ""
        print(
            f"  pipeline rebuild:                {f.docs_per_s:>9,.0f} docs/s in {f.index_seconds:.1f} s{ratio}",
            file=out,
        )
        print(
            f"  index_documents, batches of {SYNC_BATCH}: {f.incremental_docs_per_s:>9,.0f} docs/s "
            f"({f.incremental_docs:,} documents replaced, searchable after each batch)",
            file=out,
        )
        print("  latency ms    count    p50    p95    p99", file=out)
        for category in (*CATEGORIES, "all"):
            values = f.all_latencies() if category == "all" else f.latencies_ms.get(category, [])
            print(
                f"  {category:<10} {len(values):>8} {_fmt_ms(percentile(values, 50)):>6} "
                f"{_fmt_ms(percentile(values, 95)):>6} {_fmt_ms(percentile(values, 99)):>6}",
                file=out,
            )
    print("\nsummary (facets only in the facet queries; parsing is not timed, the search call is)", file=out)
    print(f"{'backend':<14} {'docs/s':>8} {'ratio':>6} {'p50':>6} {'p95':>6} {'p99':>6}  target p95", file=out)
    for name, f in report.figures.items():
        values = f.all_latencies()
        ratio = f"{f.ratio:.2f}" if f.ratio is not None else "—"
        mark = "✓" if f.target_met else "✗"
        print(
            f"{name:<14} {f.docs_per_s:>8,.0f} {ratio:>6} {_fmt_ms(percentile(values, 50)):>6} "
            f"{_fmt_ms(percentile(values, 95)):>6} {_fmt_ms(percentile(values, 99)):>6}  "
            f"≤ {P95_TARGET_MS[name]:.0f} ms {mark}",
            file=out,
        )
    ratios = [f.ratio for f in report.figures.values() if f.ratio is not None]
    if ratios and min(ratios) < RATIO_EXPECTED:
        print(f"note: pipeline/raw ratio below {RATIO_EXPECTED}", file=out)


# ----------------------------------------------------------------------------- run
def run(options: BenchOptions, out: TextIO = sys.stdout) -> Report:
    """Run the benchmark and print its report; every index and folder it made is gone afterwards."""
    prefix = f"jyt-bench-{uuid.uuid4().hex[:8]}"
    # Checked first: an unreachable server ends the run before anything was created.
    es = es_backend(options, prefix) if "elasticsearch" in options.backends else None
    workdir = Path(tempfile.mkdtemp(prefix="jyt-bench-search-")) if "embedded" in options.backends else None
    report = Report(options=options, index_prefix=prefix, embedded_path=workdir)
    try:
        start = time.perf_counter()
        corpus = generate_postings(options.postings, seed=options.seed, clock=report.analysis)
        docs = list(
            progress_bar(options, iterable=corpus, total=options.postings, desc="generate postings", unit="doc")
        )
        report.generation_seconds = time.perf_counter() - start
        report.embeddings = attach_embeddings_timed(docs, options)
        mix = query_mix(options.queries, seed=options.seed)
        queries = [(category, parse_posting_query(params)) for category, params in mix]
        if es is not None:
            report.figures["elasticsearch"] = with_es_errors(
                options, lambda: bench_elasticsearch(es, prefix, docs, queries, options)
            )
        if workdir is not None:
            embedded = EmbeddedSearchBackend(alias="bench", params={"PATH": str(workdir / "search")})
            report.figures["embedded"] = bench_embedded(embedded, docs, queries, options)
    finally:
        cleanup(es, prefix, workdir)
    write_report(report, out)
    return report


def attach_embeddings_timed(docs: list[dict[str, Any]], options: BenchOptions) -> str:
    """Embed the corpus as build_documents does (in its batches) and return the report line.

    The encoding is timed on its own, like text analysis, so the indexing figures stay comparable
    whether or not a model is on the machine; without one the documents carry no vector.
    """
    version = embedding_version()
    start = time.perf_counter()
    with progress_bar(options, total=len(docs), desc="embeddings", unit="doc", disable=version == "none") as bar:
        for i in range(0, len(docs), EMBED_BATCH):
            batch = docs[i : i + EMBED_BATCH]
            attach_embeddings("postings", batch, version)
            bar.update(len(batch))
    if version == "none":
        return "embeddings: not computed (no embedding model yet)"
    seconds = time.perf_counter() - start
    return (
        f"embeddings: {seconds:.1f} s for {len(docs):,} postings ({len(docs) / seconds:,.0f}/s, model {version}); "
        "not part of the indexing figures"
    )


def with_es_errors(options: BenchOptions, fn: Callable[[], BackendFigures]) -> BackendFigures:
    try:
        return fn()
    except SearchUnavailable as exc:
        raise BenchError(f"Elasticsearch at {options.elasticsearch_url} stopped answering: {exc}") from exc


def cleanup(es: ElasticsearchSearchBackend | None, prefix: str, workdir: Path | None) -> None:
    """Remove the benchmark's indices and folder; also runs on errors and Ctrl-C."""
    if workdir is not None:
        shutil.rmtree(workdir, ignore_errors=True)
    if es is not None:
        try:
            remove_es_indices(es, prefix)
        except Exception as exc:  # the server may be down: say what is left behind
            print(f"warning: could not delete Elasticsearch indices {prefix}-*: {exc}", file=sys.stderr)


def leftover_indices(options: BenchOptions, prefix: str) -> list[str]:
    """Indices of a prefix still on the server (the test checks the benchmark left none)."""
    backend = ElasticsearchSearchBackend(
        alias="bench", params={"URL": options.elasticsearch_url, "INDEX_PREFIX": prefix}
    )
    return _es_indices(backend, prefix)
