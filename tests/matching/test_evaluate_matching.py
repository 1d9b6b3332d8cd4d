"""`manage.py evaluate_matching`: the contract other tools call, on both engines."""

from __future__ import annotations

import json
import os
import re
import urllib.request
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from marketplace.occupations.services import occupations_load

pytestmark = pytest.mark.django_db

DEV = Path(__file__).resolve().parents[2] / "matching" / "evaluation" / "dev"
LINE = re.compile(r"^(?P<name>[^:]+): (?P<value>-?\d+\.\d{4})$")


@pytest.fixture(autouse=True)
def taxonomy(embedding_model):
    from marketplace.occupations.taxonomy import taxonomy_changed

    occupations_load()
    taxonomy_changed()
    yield
    taxonomy_changed()


def run(tmp_path: Path, backend: str, **files: Path) -> tuple[dict[str, float], dict]:
    out = StringIO()
    run_file = tmp_path / "run.json"
    paths = {"postings": DEV / "postings.jsonl", "profiles": DEV / "profiles.jsonl",
             "judgments": DEV / "judgments.jsonl", **files}  # fmt: skip
    call_command(
        "evaluate_matching", *[f"--{name}={path}" for name, path in paths.items()],
        f"--backend={backend}", f"--run-out={run_file}", verbosity=0, stdout=out,
    )  # fmt: skip
    figures = {m["name"]: float(m["value"]) for line in out.getvalue().splitlines() if (m := LINE.match(line))}
    return figures, json.loads(run_file.read_text(encoding="utf-8"))


def eval_indices() -> list[str]:
    url = os.environ["ELASTICSEARCH_URL"].rstrip("/")
    with urllib.request.urlopen(f"{url}/_cat/indices/jyt-eval-*?format=json", timeout=5) as response:  # noqa: S310
        return [row["index"] for row in json.load(response)]


@pytest.mark.parametrize("backend", ["embedded", "elasticsearch"])
def test_it_prints_the_three_figures_for_the_matcher_and_bm25_and_the_matcher_wins(tmp_path, backend):
    figures, ranking = run(tmp_path, backend)

    for name in ("NDCG@10", "MRR@10", "Recall@10"):
        assert 0.0 <= figures[name] <= 1.0 and 0.0 <= figures[f"BM25 {name}"] <= 1.0
    assert figures["NDCG@10"] > figures["BM25 NDCG@10"]
    posting_ids = {json.loads(line)["id"] for line in (DEV / "postings.jsonl").read_text().splitlines()}
    profile_ids = {json.loads(line)["id"] for line in (DEV / "profiles.jsonl").read_text().splitlines()}
    assert set(ranking) == profile_ids
    assert all(0 < len(ids) <= 10 and set(ids) <= posting_ids for ids in ranking.values())


def test_the_isolated_elasticsearch_index_is_removed_afterwards(tmp_path):
    run(tmp_path, "elasticsearch")

    assert eval_indices() == []


def test_a_broken_line_is_named_by_file_and_line_number(tmp_path):
    broken = tmp_path / "profiles.jsonl"
    broken.write_text('{"id": "Q1", "self_description": "会电焊"}\n{"id": "Q2", oops}\n', encoding="utf-8")

    with pytest.raises(CommandError, match=r"profiles\.jsonl:2: not valid JSON"):
        run(tmp_path, "embedded", profiles=broken)


@pytest.mark.parametrize("backend", ["embedded", "elasticsearch"])
def test_profiles_in_pinyin_traditional_characters_or_empty_get_results_not_a_crash(tmp_path, backend):
    odd = tmp_path / "profiles.jsonl"
    rows = [
        {"id": "A", "self_description": "xiang zhao dian han gong zuo"},
        {"id": "B", "self_description": "想找電焊工作 會開叉車", "expected_salary_min": 10**12},
        {"id": "C"},
        {"id": "D", "self_description": "🔥🔥", "lat": 999, "lng": "north", "desired_cities": ["火星"]},
    ]
    odd.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows), encoding="utf-8")
    judgments = tmp_path / "judgments.jsonl"
    judgments.write_text('{"profile_id": "B", "posting_id": "P001", "grade": 3}\n', encoding="utf-8")

    _figures, ranking = run(tmp_path, backend, profiles=odd, judgments=judgments)

    assert set(ranking) == {"A", "B", "C", "D"}
    assert all(len(ids) == 10 for ids in ranking.values())


def test_the_report_scores_each_set_and_each_class_its_seekers_are_tagged_with(tmp_path):
    small = tmp_path / "small"
    small.mkdir()
    profiles = [json.loads(line) for line in (DEV / "profiles.jsonl").read_text().splitlines()][:6]
    for n, profile in enumerate(profiles):
        profile["classes"] = ["near_home"] if n % 2 else ["region_words", "vague_wants"]
    (small / "profiles.jsonl").write_text("\n".join(json.dumps(p, ensure_ascii=False) for p in profiles))
    for name in ("postings", "judgments"):
        (small / f"{name}.jsonl").write_text((DEV / f"{name}.jsonl").read_text())
    out = StringIO()

    call_command("evaluation_report", str(small), verbosity=0, stdout=out)

    lines = out.getvalue().splitlines()
    assert lines[0].startswith("small: NDCG@10 ") and "6 seekers" in lines[0]
    assert [line.split()[0] for line in lines[1:]] == ["near_home", "region_words", "vague_wants"]


def test_on_a_database_without_the_taxonomy_it_loads_it_and_ranks_as_it_would_with_it(tmp_path):
    """A database that was only migrated (no `make run`) scored 0.04–0.09 lower, silently."""
    from marketplace.models import Occupation
    from marketplace.occupations.taxonomy import taxonomy_changed

    with_taxonomy, expected = run(tmp_path, "embedded")
    Occupation.objects.all().delete()
    taxonomy_changed()

    figures, ranking = run(tmp_path, "embedded")

    assert Occupation.objects.exists()
    assert ranking == expected
    assert figures["NDCG@10"] == with_taxonomy["NDCG@10"]
