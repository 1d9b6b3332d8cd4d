"""The match benchmark: the embedding model and `recommend` over a large index with vectors.

Why these figures: recommendations are the product's second way in (after search) and the only
one that loads a model and runs kNN, so their cost is the model's (load time, memory, encoding
speed) plus four to six searches per seeker on the backend. The seekers are evaluation-format
records read by `seeker_from_record`, as the evaluation harness and the product's matcher see
them; the postings are the search benchmark's synthetic corpus, embedded with the same
`attach_embeddings` the index pipeline uses and loaded through the backend's `rebuild`.
Corpus generation (jieba) and embedding are timed apart from indexing, as in the search benchmark.
"""

from __future__ import annotations

import contextlib
import os
import random
import subprocess
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

import numpy as np
from django.conf import settings
from django.db import connections
from django.test import override_settings

from bench import BenchError
from bench.postings import AnalysisClock, generate_postings
from bench.search import (
    EMBED_BATCH,
    BenchOptions,
    cleanup,
    es_backend,
    percentile,
    progress_bar,
    remove_es_indices,
    timed_rebuild,
    with_es_errors,
)
from matching.embeddings import (
    ModelMissing,
    clear_encoder,
    clear_vector_cache,
    encode,
    encode_cached,
    get_encoder,
    model_version,
)
from matching.features import Seeker, seeker_from_record
from matching.model_building import ROOT, read_metadata
from matching.recommend import recommend
from matching.search.base import BaseSearchBackend
from matching.search.documents import POSTINGS, attach_embeddings, posting_text
from matching.search.embedded import EmbeddedSearchBackend

# p95 of one `recommend` call at 100,000 postings on the 2-core reference machine (README, "Benchmarks").
P95_TARGET_MS = {"elasticsearch": 100.0, "embedded": 250.0}
ENCODE_SAMPLE = 20_000
RESULTS = 10  # what the recommendations page shows

# Seekers as the evaluation format writes them (matching/evaluation/dev/profiles.jsonl): how people
# describe themselves at the employment station, with the trades, places and pay they ask for.
# Written for the benchmark (not the dev set) so evaluating and benchmarking stay independent.
SEEKER_RECORDS: tuple[dict[str, Any], ...] = (
    {"id": "B01", "self_description": "在工地干了好几年电焊，有焊工证，想找离家近的", "skills": ["二保焊"],
     "desired_occupations": "烧电焊", "desired_cities": ["凯里"], "lat": 26.5661, "lng": 107.9812,
     "expected_salary_min": 260, "expected_salary_unit": "day", "education": "junior", "age": 38},
    {"id": "B02", "self_description": "想去东莞进厂，电子厂流水线都可以，要包吃住", "skills": [],
     "desired_occupations": "普工", "desired_cities": ["东莞", "深圳"], "lat": 26.667, "lng": 108.321,
     "expected_salary_min": 5000, "expected_salary_unit": "month", "education": "junior", "age": 24},
    {"id": "B03", "self_description": "刚毕业，学的会计，会用财务软件", "skills": ["Excel"],
     "desired_occupations": "会计、出纳，文员也行", "desired_cities": ["凯里", "贵阳"], "lat": 26.5802,
     "lng": 107.9666, "expected_salary_min": 3000, "expected_salary_unit": "month", "education": "college",
     "age": 22},
    {"id": "B04", "self_description": "五十多了，身体还好，在家附近打点零工，公益岗也行", "skills": [],
     "desired_occupations": "打杂、搬运", "desired_cities": ["台江"], "lat": 26.7045, "lng": 108.3989,
     "expected_salary_min": 120, "expected_salary_unit": "day", "education": "primary", "age": 55},
    {"id": "B05", "self_description": "会开挖机，开了六年，持证", "skills": ["挖掘机"],
     "desired_occupations": "开挖机", "desired_cities": ["黄平", "施秉"], "lat": 26.905, "lng": 107.917,
     "expected_salary_min": 8000, "expected_salary_unit": "month", "education": "junior", "age": 41},
    {"id": "B06", "self_description": "带过两个孩子，有育婴经验，想做保姆或者月嫂", "skills": ["做饭"],
     "desired_occupations": "带孩子", "desired_cities": ["凯里", "杭州"], "lat": 26.57, "lng": 107.99,
     "expected_salary_min": 4500, "expected_salary_unit": "month", "education": "junior", "age": 45},
    {"id": "B07", "self_description": "在饭店炒过菜，会做本地菜和酸汤鱼", "skills": ["炒菜"],
     "desired_occupations": "厨师", "desired_cities": ["雷山", "凯里"], "lat": 26.378, "lng": 108.077,
     "expected_salary_min": 4000, "expected_salary_unit": "month", "education": "junior", "age": 33},
    {"id": "B08", "self_description": "有A2驾照，跑过长途货运，也能开叉车", "skills": ["叉车"],
     "desired_occupations": "货车司机", "desired_cities": ["贵阳", "遵义"], "lat": 26.65, "lng": 106.63,
     "expected_salary_min": 7000, "expected_salary_unit": "month", "education": "senior", "age": 39},
    {"id": "B09", "self_description": "大学生，暑假想找兼职，周末也可以", "skills": ["电脑"],
     "desired_occupations": "兼职、促销员", "desired_cities": ["凯里"], "lat": 26.59, "lng": 107.95,
     "expected_salary_min": 15, "expected_salary_unit": "hour", "education": "bachelor", "age": 20,
     "availability": "part_time"},
    {"id": "B10", "self_description": "做过水电安装，会看图纸，有电工证", "skills": ["布线"],
     "desired_occupations": "电工", "desired_cities": ["镇远", "三穗"], "lat": 27.049, "lng": 108.429,
     "expected_salary_min": 220, "expected_salary_unit": "day", "education": "vocational", "age": 35},
    {"id": "B11", "self_description": "会绣花和蜡染，想找手工活，在家做也行", "skills": ["苗绣"],
     "desired_occupations": "刺绣、蜡染", "desired_cities": ["丹寨", "雷山"], "lat": 26.198, "lng": 107.788,
     "expected_salary_min": 2500, "expected_salary_unit": "month", "education": "primary", "age": 47},
    {"id": "B12", "self_description": "在超市当过收银，人勤快，想找稳定的工作", "skills": [],
     "desired_occupations": "收银员、营业员", "desired_cities": ["从江", "榕江"], "lat": 25.753,
     "lng": 108.906, "expected_salary_min": 2800, "expected_salary_unit": "month", "education": "senior",
     "age": 28},
    {"id": "B13", "self_description": "护理专业毕业，有护士资格证，想去医院或养老院", "skills": ["护理"],
     "desired_occupations": "护士、护工", "desired_cities": ["凯里", "贵阳"], "lat": 26.56, "lng": 107.97,
     "expected_salary_min": 3500, "expected_salary_unit": "month", "education": "college", "age": 23},
    {"id": "B14", "self_description": "种过茶叶，会采茶和炒茶，季节工也行", "skills": ["采茶"],
     "desired_occupations": "采茶工", "desired_cities": ["黎平"], "lat": 26.23, "lng": 109.136,
     "expected_salary_min": 100, "expected_salary_unit": "day", "education": "primary", "age": 50,
     "availability": "gig"},
    {"id": "B15", "self_description": "当过保安，退伍军人，能上夜班", "skills": [],
     "desired_occupations": "保安", "desired_cities": ["宁波", "苏州"], "lat": 26.909, "lng": 109.207,
     "expected_salary_min": 4500, "expected_salary_unit": "month", "education": "senior", "age": 31},
    {"id": "B16", "self_description": "做了三年快递分拣，想送外卖或者快递", "skills": ["骑电动车"],
     "desired_occupations": "快递员、外卖骑手", "desired_cities": ["凯里", "都匀"], "lat": 26.58,
     "lng": 107.98, "expected_salary_min": 5000, "expected_salary_unit": "month", "education": "junior",
     "age": 27},
    {"id": "B17", "self_description": "会砌墙贴砖，泥水工十几年了", "skills": ["贴瓷砖"],
     "desired_occupations": "泥瓦工", "desired_cities": ["广州", "佛山"], "lat": 26.728, "lng": 108.441,
     "expected_salary_min": 300, "expected_salary_unit": "day", "education": "primary", "age": 44},
    {"id": "B18", "self_description": "学过美发，会剪头发烫染，想找理发店", "skills": ["烫染"],
     "desired_occupations": "理发师", "desired_cities": ["凯里"], "lat": 26.57, "lng": 107.98,
     "expected_salary_min": 3500, "expected_salary_unit": "month", "education": "junior", "age": 25},
    {"id": "B19", "self_description": "在家种地，想找点事做，什么都可以干", "skills": [],
     "desired_occupations": "", "desired_cities": [], "lat": 26.492, "lng": 107.589,
     "expected_salary_min": 2000, "expected_salary_unit": "month", "education": "primary", "age": 52},
    {"id": "B20", "self_description": "会电脑打字，做过仓库管理员，能做统计", "skills": ["Word", "Excel"],
     "desired_occupations": "仓管、文员", "desired_cities": ["东莞", "中山"], "lat": 26.952, "lng": 108.675,
     "expected_salary_min": 4000, "expected_salary_unit": "month", "education": "senior", "age": 30},
)  # fmt: skip


@dataclass
class MatchOptions(BenchOptions):
    backend: str = "elasticsearch"
    queries: int = 1000
    encode_sample: int = ENCODE_SAMPLE
    #: distinct seekers the timed calls go through (generated varied from the records' parts)
    seekers: int = 1000
    #: empty the encoder's vector cache before every call: no seeker or posting text was seen before
    cold: bool = False


@dataclass
class ModelFigures:
    path: str
    version: str
    built: bool  # built into the benchmark's folder because the configured model is absent
    configured: str
    build_seconds: float | None = None
    size_mb: float | None = None
    first_load_seconds: float = 0.0
    torch_was_imported: bool = False
    reload_seconds: float = 0.0
    dim: int = 0


@dataclass
class MatchFigures:
    name: str
    index_seconds: float = 0.0
    docs_per_s: float = 0.0
    rss_after_index_kb: int | None = None
    vector_matrix_bytes: int | None = None
    latencies_ms: list[float] = field(default_factory=list)
    #: milliseconds inside the encoder per call (the seeker's text and the candidates' texts)
    encode_ms: list[float] = field(default_factory=list)
    #: texts encoded per call (1 for the seeker + the candidates re-encoded for the semantic signal)
    encoded_texts: list[int] = field(default_factory=list)
    empty_results: int = 0
    db_queries: int = 0  # database queries during the timed calls

    @property
    def target_ms(self) -> float | None:
        return P95_TARGET_MS.get(self.name)

    @property
    def target_met(self) -> bool | None:
        target = self.target_ms
        return None if target is None else percentile(self.latencies_ms, 95) <= target


@dataclass
class MatchReport:
    options: MatchOptions
    index_prefix: str
    workdir: Path
    model: ModelFigures | None = None
    rss_kb: dict[str, int | None] = field(default_factory=dict)
    generation_seconds: float = 0.0
    analysis: AnalysisClock = field(default_factory=AnalysisClock)
    encode_sentences: int = 0
    encode_seconds: float = 0.0
    corpus_embed_seconds: float = 0.0
    corpus_vectors: int = 0
    figures: dict[str, MatchFigures] = field(default_factory=dict)


# ---------------------------------------------------------------------- measuring
def rss_kb() -> int | None:
    """Resident set size of this process (VmRSS), or None off Linux; no dependency for one number."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def folder_mb(path: Path) -> float | None:
    if not path.is_dir():
        return None
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 1_000_000


class TimedEncoder:
    """The product's encoder (`encode_cached`, as `get_encoder_or_none` hands it to the recommender) with a
    stopwatch, so a recommendation's latency can be split into model and the rest.

    Records milliseconds and texts per `recommend` call; `start()` opens a new call's tally.
    """

    def __init__(self) -> None:
        self.ms: list[float] = []
        self.texts: list[int] = []

    def start(self) -> None:
        self.ms.append(0.0)
        self.texts.append(0)

    def __call__(self, texts: list[str]) -> np.ndarray:
        start = time.perf_counter()
        vectors = encode_cached(texts)
        if self.ms:
            self.ms[-1] += (time.perf_counter() - start) * 1000
            self.texts[-1] += len(texts)
        return vectors


class QueryCounter:
    """A database execute wrapper that counts: recommend() should not need the database at all."""

    def __init__(self) -> None:
        self.count = 0

    def __call__(self, execute: Any, sql: str, params: Any, many: bool, context: dict[str, Any]) -> Any:
        self.count += 1
        return execute(sql, params, many, context)


# --------------------------------------------------------------------------- model
def _usable_configured_model() -> bool:
    """Whether MATCHING_EMBEDDING_MODEL names a model this machine has (never downloads)."""
    configured = str(settings.MATCHING_EMBEDDING_MODEL or "").strip()
    if not configured:
        return False
    if _is_folder(configured):
        # Checked on disk only: loading it here would import torch before the "before" RSS.
        return (Path(configured) / "modules.json").is_file()
    try:
        get_encoder()  # a bare name must be in the local Hugging Face cache
    except ModelMissing:
        return False
    finally:
        clear_encoder()  # the timed load must start from nothing
    return True


def _is_folder(configured: str) -> bool:
    """How matching.embeddings tells a local folder from a model name."""
    return Path(configured).is_absolute() or configured.startswith(".")


def prepare_model(workdir: Path, stack: contextlib.ExitStack) -> ModelFigures:
    """The configured model when present, else the project's offline model built into `workdir`.

    The built model is switched in with override_settings on `stack`, so the setting is restored
    (and the temporary folder never outlives the benchmark) when the stack closes.
    """
    configured = str(settings.MATCHING_EMBEDDING_MODEL or "")
    if _usable_configured_model():
        figures = ModelFigures(path=configured, version=model_version(), built=False, configured=configured)
    else:
        path, build_seconds = build_in_subprocess(workdir / "model")
        stack.enter_context(override_settings(MATCHING_EMBEDDING_MODEL=str(path)))
        figures = ModelFigures(
            path=str(path),
            version=model_version(),
            built=True,
            configured=configured,
            build_seconds=build_seconds,
        )
    figures.size_mb = folder_mb(Path(figures.path)) if _is_folder(figures.path) else None
    return figures


def build_in_subprocess(output: Path) -> tuple[Path, float]:
    """`build_model` in a child process, so this one's memory and first load are not the training's.

    Training imports torch and allocates its optimiser state here otherwise, and the "before loading
    the model" RSS and the first load time would no longer say what a web or worker process pays.
    """
    code = "import sys; from matching.model_building import build_model; build_model(sys.argv[1])"
    start = time.perf_counter()
    done = subprocess.run(  # noqa: S603 - our own interpreter and a fixed script
        [sys.executable, "-c", code, str(output)], cwd=ROOT, capture_output=True, text=True, check=False
    )
    seconds = time.perf_counter() - start
    if done.returncode != 0 or read_metadata(output) is None:
        tail = (done.stderr or done.stdout).strip().splitlines()[-1:] or ["no output"]
        raise BenchError(f"building the offline embedding model failed: {tail[0]}")
    return output, seconds


def load_model(figures: ModelFigures, rss: dict[str, int | None]) -> None:
    """Time get_encoder from a cleared cache: once with whatever imports it triggers, once more alone."""
    clear_encoder()
    figures.torch_was_imported = "torch" in sys.modules
    rss["before model"] = rss_kb()
    start = time.perf_counter()
    model = get_encoder()
    figures.first_load_seconds = time.perf_counter() - start
    rss["after model"] = rss_kb()
    figures.dim = int(model.get_embedding_dimension())
    del model
    clear_encoder()
    start = time.perf_counter()
    get_encoder()
    figures.reload_seconds = time.perf_counter() - start


# ------------------------------------------------------------------------- corpus
def encoding_throughput(docs: list[dict[str, Any]], sample: int) -> tuple[int, float]:
    """(sentences, seconds) for `encode` over posting texts, after a small warm-up batch."""
    texts = [posting_text(doc) for doc in docs[:sample]]
    encode(texts[:256])
    start = time.perf_counter()
    encode(texts)
    return len(texts), time.perf_counter() - start


def embed_corpus(docs: list[dict[str, Any]], version: str, options: MatchOptions) -> float:
    """Seconds to embed the corpus in build_documents' batches; documents gain their vectors in place."""
    start = time.perf_counter()
    with progress_bar(options, total=len(docs), desc="embeddings", unit="doc") as bar:
        for i in range(0, len(docs), EMBED_BATCH):
            batch = docs[i : i + EMBED_BATCH]
            attach_embeddings(POSTINGS, batch, version)
            bar.update(len(batch))
    return time.perf_counter() - start


def seekers(count: int) -> list[Seeker]:
    """`count` seekers, cycling through the records (each read once; reading is not what is timed)."""
    distinct = [seeker_from_record(record) for record in SEEKER_RECORDS]
    return [distinct[i % len(distinct)] for i in range(count)]


# Parts the varied seekers are put together from: places as people write them, and how they say
# how long they have worked, so that no two seekers' texts are the same.
VARIED_PLACES = ("凯里", "黄平", "丹寨", "雷山", "从江", "黎平", "榕江", "天柱", "贵阳", "遵义", "东莞", "深圳", "广州",
                 "宁波", "杭州", "苏州", "厦门", "浙江", "广东", "珠三角", "江浙沪", "外省", "省内", "州府", "县城",
                 "家附近")  # fmt: skip
VARIED_YEARS = ("一年", "两年", "三年", "五年", "七八年", "十几年", "二十年")


def varied_seekers(count: int, seed: int) -> list[Seeker]:
    """`count` distinct seekers: each record's wants, description, skills and places recombined, with
    a home somewhere in the prefecture, so every call encodes a text never seen before."""
    from marketplace.places import COUNTIES

    rng = random.Random(f"seekers-{seed}")  # noqa: S311 - benchmark data, not secrets
    wants = [r["desired_occupations"] for r in SEEKER_RECORDS if r["desired_occupations"]]
    skills = sorted({skill for r in SEEKER_RECORDS for skill in r["skills"]})
    people: list[Seeker] = []
    for n in range(count):
        base, other = rng.sample(SEEKER_RECORDS, 2)
        home = rng.choice(COUNTIES)
        record = {
            **base,
            "id": f"V{n:05d}",
            "self_description": f"{base['self_description']}，{other['self_description'][: rng.randint(4, 14)]}，"
            f"干了{rng.choice(VARIED_YEARS)}",
            "desired_occupations": "、".join(rng.sample(wants, rng.randint(1, 2))) if rng.random() > 0.1 else "",
            "skills": rng.sample(skills, rng.randint(0, 3)),
            "desired_cities": rng.sample(VARIED_PLACES, rng.randint(0, 3)),
            "lat": home.lat + rng.uniform(-0.15, 0.15),
            "lng": home.lon + rng.uniform(-0.15, 0.15),
            "age": rng.randint(18, 62),
            "availability": rng.choice(("full_time", "full_time", "gig", "part_time")),
        }
        people.append(seeker_from_record(record))
    return people


# ------------------------------------------------------------------------ backends
def _timed_recommendations(
    backend: BaseSearchBackend, queries: list[Seeker], options: MatchOptions, figures: MatchFigures
) -> None:
    """Milliseconds per recommend() with a warm model, after one warm-up round over the records."""
    encoder = TimedEncoder()
    warmup = seekers(len(SEEKER_RECORDS))
    for seeker in progress_bar(options, iterable=warmup, desc=f"{figures.name} warm-up", unit="q"):
        recommend(backend, seeker, encoder=encoder, limit=RESULTS)
    encoder = TimedEncoder()
    counter = QueryCounter()
    with contextlib.ExitStack() as stack:
        for alias in connections:
            stack.enter_context(connections[alias].execute_wrapper(counter))
        for seeker in progress_bar(options, iterable=queries, desc=f"{figures.name} recommend", unit="q"):
            if options.cold:
                clear_vector_cache()
            encoder.start()
            start = time.perf_counter()
            results = recommend(backend, seeker, encoder=encoder, limit=RESULTS)
            figures.latencies_ms.append((time.perf_counter() - start) * 1000)
            figures.empty_results += not results
    figures.encode_ms, figures.encoded_texts = encoder.ms, encoder.texts
    figures.db_queries = counter.count


def bench_backend(
    backend: BaseSearchBackend, name: str, docs: list[dict[str, Any]], queries: list[Seeker], options: MatchOptions
) -> MatchFigures:
    figures = MatchFigures(name)
    figures.index_seconds = timed_rebuild(backend, docs, options, f"{name} rebuild")
    figures.docs_per_s = len(docs) / figures.index_seconds
    figures.rss_after_index_kb = rss_kb()
    _timed_recommendations(backend, queries, options, figures)
    if isinstance(backend, EmbeddedSearchBackend):
        # kNN loaded the vectors into one float32 matrix, kept for the life of the index file.
        figures.vector_matrix_bytes = backend.vector_matrix_bytes()
    return figures


# -------------------------------------------------------------------------- report
def _mb(kb: int | None) -> str:
    return f"{kb / 1024:,.0f} MB" if kb is not None else "n/a"


def write_report(report: MatchReport, out: TextIO) -> None:
    o = report.options
    n = o.postings
    print(
        f"match benchmark: {n:,} postings, {o.queries} recommendations per backend over {o.seekers:,} distinct "
        f"seekers ({'cold: encoder cache emptied before every call' if o.cold else 'warm encoder cache'}; "
        f"after a warm-up round of {len(SEEKER_RECORDS)} others), seed {o.seed}",
        file=out,
    )
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}", file=out)
    m = report.model
    if m is not None:
        if m.built:
            print(
                f"model: {m.configured or '(none configured)'} is not on this machine; built the project's offline "
                f"model into the benchmark's folder in {m.build_seconds:.1f} s (removed at the end)",
                file=out,
            )
        print(f"model path: {m.path}", file=out)
        size = f"{m.size_mb:.1f} MB" if m.size_mb is not None else "n/a (a model name, not a folder)"
        print(f"model version: {m.version}, size on disk {size}, embedding dimension {m.dim}", file=out)
        imports = "torch already imported" if m.torch_was_imported else "includes importing torch/sentence-transformers"
        print(
            f"model load: {m.first_load_seconds:.3f} s first in this process ({imports}), "
            f"{m.reload_seconds:.3f} s again after clear_encoder()",
            file=out,
        )
    a = report.analysis
    print(
        f"corpus generation: {report.generation_seconds:.1f} s, of which text analysis (jieba) {a.seconds:.1f} s; "
        "not part of the indexing figures",
        file=out,
    )
    if report.encode_seconds > 0:
        print(
            f"encoding throughput: {report.encode_sentences / report.encode_seconds:,.0f} sentences/s "
            f"({report.encode_sentences:,} posting texts in {report.encode_seconds:.2f} s)",
            file=out,
        )
    print(
        f"corpus embedding: {report.corpus_embed_seconds:.1f} s for {n:,} postings "
        f"({n / max(report.corpus_embed_seconds, 1e-9):,.0f}/s, {report.corpus_vectors:,} with a vector, "
        f"batches of {EMBED_BATCH}, with the rounding to the documents' lists); not part of the indexing figures",
        file=out,
    )
    rss = report.rss_kb
    print(
        f"memory (RSS): {_mb(rss.get('before model'))} before loading the model, "
        f"{_mb(rss.get('after model'))} after, {_mb(rss.get('after corpus'))} with the embedded corpus in memory",
        file=out,
    )
    for name, f in report.figures.items():
        print(f"\n[{name}]", file=out)
        print(f"  rebuild with vectors: {f.docs_per_s:,.0f} docs/s in {f.index_seconds:.1f} s", file=out)
        print(f"  RSS after indexing: {_mb(f.rss_after_index_kb)}", file=out)
        if f.vector_matrix_bytes is not None:
            print(f"  vector matrix held by the embedded backend: {f.vector_matrix_bytes / 1_000_000:.1f} MB", file=out)
        texts = sorted(f.encoded_texts)
        print(
            f"  encoder inside recommend: p50 {percentile(f.encode_ms, 50):.1f} ms, "
            f"p95 {percentile(f.encode_ms, 95):.1f} ms, texts per call p50 {percentile(texts, 50):.0f} "
            f"(the seeker and the candidates); {f.empty_results} of {len(f.latencies_ms)} calls had no result",
            file=out,
        )
        calls = max(1, len(f.latencies_ms))
        print(f"  database queries inside recommend: {f.db_queries / calls:.1f} per call", file=out)
    cache = "empty encoder cache each call" if o.cold else "warm encoder cache"
    print(f"\nsummary (recommend() end to end, model loaded, {cache}, milliseconds)", file=out)
    print(f"{'backend':<14} {'count':>6} {'p50':>6} {'p95':>6} {'p99':>6}  target p95", file=out)
    for name, f in report.figures.items():
        values = f.latencies_ms
        target = "—"
        if f.target_ms is not None:
            target = f"≤ {f.target_ms:.0f} ms {'✓' if f.target_met else '✗'}"
        print(
            f"{name:<14} {len(values):>6} {percentile(values, 50):>6.1f} {percentile(values, 95):>6.1f} "
            f"{percentile(values, 99):>6.1f}  {target}",
            file=out,
        )


# ----------------------------------------------------------------------------- run
def run(options: MatchOptions, out: TextIO = sys.stdout) -> MatchReport:
    """Run the benchmark and print its report; every index, folder and setting it made is gone afterwards."""
    prefix = f"jyt-bench-{uuid.uuid4().hex[:8]}"
    # Checked first: an unreachable server ends the run before anything was created.
    es = es_backend(options, prefix) if "elasticsearch" in options.backends else None
    workdir = Path(tempfile.mkdtemp(prefix="jyt-bench-match-"))
    report = MatchReport(options=options, index_prefix=prefix, workdir=workdir)
    try:
        with contextlib.ExitStack() as stack:
            report.model = prepare_model(workdir, stack)
            load_model(report.model, report.rss_kb)
            start = time.perf_counter()
            corpus = generate_postings(options.postings, seed=options.seed, clock=report.analysis)
            docs = list(
                progress_bar(options, iterable=corpus, total=options.postings, desc="generate postings", unit="doc")
            )
            report.generation_seconds = time.perf_counter() - start
            report.encode_sentences, report.encode_seconds = encoding_throughput(docs, options.encode_sample)
            report.corpus_embed_seconds = embed_corpus(docs, report.model.version, options)
            report.corpus_vectors = sum(1 for doc in docs if doc.get("embedding"))
            report.rss_kb["after corpus"] = rss_kb()
            people = varied_seekers(options.seekers, options.seed)
            queries = [people[i % len(people)] for i in range(options.queries)]
            if es is not None:
                report.figures["elasticsearch"] = with_es_errors(
                    options, lambda: bench_backend(es, "elasticsearch", docs, queries, options)
                )
                # Deleted now: merges of an idle index would take CPU from the next backend.
                remove_es_indices(es, prefix)
            if "embedded" in options.backends:
                embedded = EmbeddedSearchBackend(alias="bench", params={"PATH": str(workdir / "search")})
                report.figures["embedded"] = bench_backend(embedded, "embedded", docs, queries, options)
    finally:
        clear_encoder()  # the built model's folder is about to go; do not keep it loaded
        cleanup(es, prefix, workdir)
    write_report(report, out)
    return report
