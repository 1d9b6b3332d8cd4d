"""The matching development set (matching/evaluation/dev): well-formed, consistent, reproducible."""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "matching" / "evaluation" / "dev"
FILES = ("postings.jsonl", "profiles.jsonl", "judgments.jsonl")

NUMBER = (int, float)
POSTING_FIELDS = {
    "id": str,
    "title": str,
    "description": str,
    "employer": str,
    "job_type": str,
    "city": str,
    "district": str,
    "lat": NUMBER,
    "lng": NUMBER,
    "salary_min": NUMBER,
    "salary_max": NUMBER,
    "salary_unit": str,
    "headcount": int,
    "requirements": str,
    "benefits": list,
}
PROFILE_FIELDS = {
    "id": str,
    "self_description": str,
    "skills": list,
    "certificates": list,
    "desired_occupations": str,
    "desired_cities": list,
    "lat": (*NUMBER, type(None)),
    "lng": (*NUMBER, type(None)),
    "expected_salary_min": NUMBER,
    "expected_salary_unit": str,
    "education": str,
    "age": int,
    "groups": list,
    "availability": str,
}
JUDGMENT_FIELDS = {"profile_id": str, "posting_id": str, "grade": int}
JOB_TYPES = {"full_time", "part_time", "gig", "internship", "public_welfare"}
PAY_UNITS = {"month", "day", "hour", "piece"}
EDUCATION = {"primary", "junior", "senior", "vocational", "college", "bachelor", "master"}
GROUPS = {
    "graduate",
    "poverty_relieved",
    "relocated",
    "rural_migrant",
    "low_income",
    "hard_to_employ",
    "older_worker",
    "zero_employment_household",
}
AVAILABILITY = {"full_time", "gig", "part_time"}


def _read(name: str) -> list[dict]:
    lines = (DEV / name).read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.fixture(scope="module")
def devset() -> dict[str, list[dict]]:
    return {name: _read(name) for name in FILES}


def _check_fields(row: dict, fields: dict) -> None:
    assert set(row) == set(fields), row.get("id", row)
    for key, kind in fields.items():
        value = row[key]
        assert isinstance(value, kind) and not isinstance(value, bool), (row.get("id", row), key, value)


def test_postings_are_well_formed(devset):
    postings = devset["postings.jsonl"]
    assert len(postings) >= 160
    for row in postings:
        _check_fields(row, POSTING_FIELDS)
        assert row["id"].startswith("P")
        assert row["job_type"] in JOB_TYPES
        assert row["salary_unit"] in PAY_UNITS
        assert 0 < row["salary_min"] <= row["salary_max"]
        assert row["headcount"] >= 1
        assert -90 <= row["lat"] <= 90 and -180 <= row["lng"] <= 180
        assert row["title"] and row["description"] and row["employer"] and row["city"]
        assert all(isinstance(b, str) and b for b in row["benefits"])
    assert len({row["id"] for row in postings}) == len(postings)


def test_profiles_are_well_formed(devset):
    profiles = devset["profiles.jsonl"]
    assert len(profiles) >= 45
    for row in profiles:
        _check_fields(row, PROFILE_FIELDS)
        assert row["id"].startswith("Q")
        assert row["expected_salary_unit"] in PAY_UNITS
        assert row["expected_salary_min"] >= 0
        assert row["education"] in EDUCATION
        assert row["availability"] in AVAILABILITY
        assert set(row["groups"]) <= GROUPS
        assert (row["lat"] is None) == (row["lng"] is None)
        assert row["desired_cities"] or row["lat"] is not None
        for key in ("skills", "certificates", "desired_cities", "groups"):
            assert all(isinstance(item, str) and item for item in row[key]), (row["id"], key)
    assert len({row["id"] for row in profiles}) == len(profiles)


def test_judgments_refer_to_existing_ids_and_cover_every_profile(devset):
    postings = {row["id"] for row in devset["postings.jsonl"]}
    profiles = {row["id"] for row in devset["profiles.jsonl"]}
    judgments = devset["judgments.jsonl"]
    pairs = Counter()
    good = Counter()
    for row in judgments:
        _check_fields(row, JUDGMENT_FIELDS)
        assert row["profile_id"] in profiles and row["posting_id"] in postings, row
        assert 1 <= row["grade"] <= 3, row
        pairs[row["profile_id"], row["posting_id"]] += 1
        if row["grade"] >= 2:
            good[row["profile_id"]] += 1
    assert max(pairs.values()) == 1, "a pair is judged twice"
    assert {pid for pid in profiles if good[pid] < 3} == set()


def test_build_script_reproduces_the_committed_files(tmp_path):
    result = subprocess.run(
        [sys.executable, str(DEV / "build_devset.py"), "--out", str(tmp_path), "--quiet"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    for name in FILES:
        assert (tmp_path / name).read_bytes() == (DEV / name).read_bytes(), name
