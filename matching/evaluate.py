"""Offline evaluation of the matcher on judged sets (`manage.py evaluate_matching`).

The contract other tools rely on:
- postings, profiles and judgments are JSON Lines in the documented format;
- they are loaded into a fresh, isolated index (a temporary folder for the embedded backend, a
  uniquely prefixed index on Elasticsearch), never the live one, and removed afterwards;
- the top 10 postings per profile are ranked by the configured matcher and, on the same index,
  by BM25 alone; NDCG@10 (gain 2^grade − 1), MRR@10 and Recall@10 are printed for both.
A judged posting counts as relevant for MRR and recall when its grade is at least 1; unjudged
pairs are grade 0.
"""

from __future__ import annotations

import json
import logging
import math
import os
import shutil
import tempfile
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.utils import timezone

from marketplace.occupations.taxonomy import occupation_info, other_occupations, suggest_occupations
from marketplace.places import workplace_codes
from matching.features import Seeker, finite_number, seeker_from_record
from matching.pay import monthly
from matching.recommend import Encoder, lexical_baseline, recommend
from matching.search.base import BaseSearchBackend
from matching.search.documents import posting_text
from matching.text import analyze, vocabulary_changed

K = 10
JOB_TYPES = {"full_time", "part_time", "gig", "internship", "public_welfare"}
PAY_UNITS = {"month", "day", "hour", "piece"}
POSTING_FIELDS = ("id", "title", "description", "job_type")
PROFILE_FIELDS = ("id",)

logger = logging.getLogger(__name__)


class EvaluationInputError(ValueError):
    """A file the harness cannot read; the message names the file and the line."""


@dataclass
class Scores:
    ndcg: float
    mrr: float
    recall: float


@dataclass
class Evaluation:
    matcher: Scores
    baseline: Scores
    profiles: int
    postings: int
    run: dict[str, list[str]]
    backend: str
    baseline_run: dict[str, list[str]] = field(default_factory=dict)
    judged: dict[str, dict[str, int]] = field(default_factory=dict)
    classes: dict[str, list[str]] = field(default_factory=dict)


def read_jsonl(path: Path, required: tuple[str, ...], what: str) -> list[dict[str, Any]]:
    rows = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvaluationInputError(f"cannot read {what} file {path}: {exc}") from exc
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvaluationInputError(f"{path}:{number}: not valid JSON ({exc.msg})") from exc
        if not isinstance(row, dict):
            raise EvaluationInputError(f"{path}:{number}: each line must be a JSON object")
        missing = [name for name in required if name not in row]
        if missing:
            raise EvaluationInputError(f"{path}:{number}: missing {', '.join(missing)}")
        rows.append(row)
    if not rows:
        raise EvaluationInputError(f"{path}: no {what} in the file")
    return rows


def read_judgments(path: Path) -> dict[str, dict[str, int]]:
    judged: dict[str, dict[str, int]] = {}
    for row in read_jsonl(path, ("profile_id", "posting_id", "grade"), "judgments"):
        try:
            grade = int(row["grade"])
        except (TypeError, ValueError) as exc:
            raise EvaluationInputError(f"{path}: grade {row['grade']!r} is not a number") from exc
        judged.setdefault(str(row["profile_id"]), {})[str(row["posting_id"])] = max(0, min(3, grade))
    return judged


def posting_document_from_record(row: dict[str, Any], number: int) -> dict[str, Any]:
    """The index document of an evaluation posting, in the shape matching.search.documents builds."""
    title = str(row.get("title") or "")
    description = str(row.get("description") or "")
    requirements = str(row.get("requirements") or "")
    suggestion = next(iter(suggest_occupations(title=title, description=description, limit=1)), None)
    info = occupation_info().get(suggestion.occupation_id) if suggestion else None
    unit = str(row.get("salary_unit") or "month")
    unit = unit if unit in PAY_UNITS else "month"
    pay_min, pay_max = finite_number(row.get("salary_min")), finite_number(row.get("salary_max"))
    if not pay_max:  # 0 and 0 is how the format writes 面议: no figure, not a wage of nothing
        pay_min = pay_max = None
    lat, lon = finite_number(row.get("lat")), finite_number(row.get("lng", row.get("lon")))
    job_type = str(row.get("job_type") or "full_time")
    occupation_words = info.name if info else ""
    return {
        "id": number,
        "version": "evaluation",
        "title": title,
        "description": description,
        "requirements": requirements,
        "title_tokens": analyze(title),
        "description_tokens": analyze(" ".join([description, requirements])),
        "occupation_tokens": analyze(occupation_words),
        "occupation_id": info.id if info else None,
        "occupation_name": info.name if info else "",
        "family_code": info.family_code if info else "",
        "family_name": info.family_name if info else "",
        "job_type": job_type if job_type in JOB_TYPES else "full_time",
        "county": str(row.get("city") or ""),
        "town": str(row.get("district") or ""),
        "location": {"lat": lat, "lon": lon} if lat is not None and lon is not None else None,
        "other_occupation_ids": other_occupations(title, description, info.id if info else None),
        "place_codes": workplace_codes(str(row.get("city") or ""), str(row.get("district") or ""), lat, lon),
        "pay_min": pay_min,
        "pay_max": pay_max,
        "pay_unit": unit,
        "pay_min_month": monthly(pay_min, unit),
        "pay_max_month": monthly(pay_max, unit),
        "benefits": [str(b) for b in row.get("benefits") or []],
        "headcount": int(finite_number(row.get("headcount")) or 1),
        "published_at": timezone.now().isoformat(),
        "employer_id": 0,
        "employer_name": str(row.get("employer") or ""),
        "employer_verified": True,
        "integrity_grade": "",
    }


@contextmanager
def isolated_backend(kind: str) -> Iterator[BaseSearchBackend]:
    """A fresh index of the chosen engine that nobody else reads, removed afterwards."""
    if kind == "embedded":
        from matching.search.embedded import EmbeddedSearchBackend

        folder = Path(tempfile.mkdtemp(prefix="jyt-eval-"))
        backend: BaseSearchBackend = EmbeddedSearchBackend(alias="evaluation", params={"PATH": str(folder)})
        try:
            yield backend
        finally:
            shutil.rmtree(folder, ignore_errors=True)
        return
    from matching.search.elasticsearch import ElasticsearchSearchBackend

    live = settings.SEARCH_BACKENDS.get("default", {})
    url = live.get("URL") if "elasticsearch" in str(live.get("BACKEND", "")) else None
    url = url or os.environ.get("ELASTICSEARCH_URL", "http://127.0.0.1:9200")
    params = {"URL": url, "INDEX_PREFIX": f"jyt-eval-{uuid.uuid4().hex[:8]}"}
    backend = ElasticsearchSearchBackend(alias="evaluation", params=params)
    try:
        yield backend
    finally:
        for index_kind in ("postings", "profiles"):
            backend.drop(index_kind)


def ndcg_at_k(ranked: list[str], grades: dict[str, int], k: int = K) -> float:
    dcg = sum((2 ** grades.get(pid, 0) - 1) / math.log2(i + 2) for i, pid in enumerate(ranked[:k]))
    ideal = sorted(grades.values(), reverse=True)[:k]
    idcg = sum((2**g - 1) / math.log2(i + 2) for i, g in enumerate(ideal))
    return dcg / idcg if idcg else 0.0


def mrr_at_k(ranked: list[str], grades: dict[str, int], k: int = K) -> float:
    for i, pid in enumerate(ranked[:k]):
        if grades.get(pid, 0) >= 1:
            return 1.0 / (i + 1)
    return 0.0


def recall_at_k(ranked: list[str], grades: dict[str, int], k: int = K) -> float:
    relevant = {pid for pid, g in grades.items() if g >= 1}
    return len(relevant & set(ranked[:k])) / len(relevant) if relevant else 0.0


def _mean(runs: dict[str, list[str]], judged: dict[str, dict[str, int]], profiles: list[str]) -> Scores:
    judged_profiles = [p for p in profiles if any(g >= 1 for g in judged.get(p, {}).values())]
    n = len(judged_profiles) or 1
    return Scores(
        ndcg=sum(ndcg_at_k(runs[p], judged[p]) for p in judged_profiles) / n,
        mrr=sum(mrr_at_k(runs[p], judged[p]) for p in judged_profiles) / n,
        recall=sum(recall_at_k(runs[p], judged[p]) for p in judged_profiles) / n,
    )


def _ensure_taxonomy() -> None:
    """Load the shipped occupation taxonomy into a database that has none yet.

    Postings' trades are read through it; on a database that was only migrated (no `make run`,
    no seed) the same set scored 0.04–0.09 lower, and nothing said why.
    """
    from marketplace.models import Occupation
    from marketplace.occupations.services import occupations_load

    if not Occupation.objects.exists():
        loaded = occupations_load()
        logger.info("the database had no occupation taxonomy; loaded %d occupations", loaded.occupations)
    # A process looks at the taxonomy's words once a minute; a set read just after it changed
    # (or before it existed) was cut into other tokens, and ranked a little differently.
    vocabulary_changed()


def evaluate(
    *,
    postings_path: Path,
    profiles_path: Path,
    judgments_path: Path,
    backend_kind: str,
    encoder: Encoder | None,
    progress: Callable[[int], None] = lambda n: None,
) -> Evaluation:
    posting_rows = read_jsonl(postings_path, POSTING_FIELDS, "postings")
    profile_rows = read_jsonl(profiles_path, PROFILE_FIELDS, "profiles")
    judged = read_judgments(judgments_path)
    _ensure_taxonomy()
    external = {number: str(row["id"]) for number, row in enumerate(posting_rows, start=1)}
    docs = [posting_document_from_record(row, number) for number, row in enumerate(posting_rows, start=1)]
    if encoder is not None:
        vectors = encoder([posting_text(doc) for doc in docs])
        for doc, vector in zip(docs, vectors, strict=True):
            if float(vector @ vector) > 0.0:  # a text the model knows nothing of has no direction
                doc["embedding"] = [float(x) for x in vector]
    seekers: list[Seeker] = [seeker_from_record(row) for row in profile_rows]
    run: dict[str, list[str]] = {}
    baseline: dict[str, list[str]] = {}
    with isolated_backend(backend_kind) as backend:
        backend.rebuild("postings", docs)
        for seeker in seekers:
            ranked = recommend(backend, seeker, encoder=encoder, limit=K)
            run[seeker.key] = [external[r.posting.id] for r in ranked]
            baseline[seeker.key] = [external[i] for i in lexical_baseline(backend, seeker, limit=K)]
            progress(1)
    keys = [s.key for s in seekers]
    return Evaluation(
        matcher=_mean(run, judged, keys),
        baseline=_mean(baseline, judged, keys),
        profiles=len(seekers),
        postings=len(docs),
        run=run,
        backend=backend_kind,
        baseline_run=baseline,
        judged=judged,
        classes={str(row["id"]): [str(c) for c in row.get("classes") or []] for row in profile_rows},
    )
