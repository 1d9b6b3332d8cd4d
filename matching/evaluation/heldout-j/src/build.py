# -*- coding: utf-8 -*-
"""Write heldout-j/*.jsonl from the hand-written data modules.

Python does only three things here: look up approximate coordinates in the hand-made
table (places.py), give postings opaque ids (keys are shuffled with a fixed seed so the
id order says nothing about source or relevance), and serialise JSON.

Usage:  python3 src/build.py      (from heldout-j/ or anywhere)
"""
import json
import os
import random
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

import data_kaili, data_counties, data_province, data_east, data_noise, data_messy  # noqa: E402
from data_profiles import PROFILES  # noqa: E402
from data_judgments import J  # noqa: E402
from places import PLACES  # noqa: E402

MODULES = [data_kaili, data_counties, data_province, data_east, data_messy, data_noise]
SEED = 20230318

POSTING_FIELDS = ["id", "title", "description", "employer", "job_type", "city", "district",
                  "lat", "lng", "salary_min", "salary_max", "salary_unit", "headcount",
                  "requirements", "benefits"]
PROFILE_FIELDS = ["id", "self_description", "skills", "certificates", "desired_occupations",
                  "desired_cities", "lat", "lng", "expected_salary_min", "expected_salary_unit",
                  "education", "age", "groups", "availability", "classes"]


def coords(place):
    if place is None:
        return None, None
    lat, lng = PLACES[place]          # KeyError = typo in a data file, fail loudly
    return lat, lng


def num(x):
    """Keep integers as integers in JSON (3500 not 3500.0)."""
    return int(x) if float(x).is_integer() else x


def build():
    raw = []
    for m in MODULES:
        for p in m.POSTINGS:
            raw.append((m.SOURCE, p))
    keys = [p["key"] for _, p in raw]
    assert len(keys) == len(set(keys)), "duplicate posting key"

    order = sorted(keys)
    random.Random(SEED).shuffle(order)
    key2id = {k: "P%03d" % (i + 1) for i, k in enumerate(order)}

    postings = []
    source_of = {}
    for source, p in raw:
        lat, lng = coords(p["place"])
        rec = {
            "id": key2id[p["key"]],
            "title": p["title"],
            "description": p["description"],
            "employer": p["employer"],
            "job_type": p["job_type"],
            "city": p["city"],
            "district": p["district"],
            "lat": lat,
            "lng": lng,
            "salary_min": num(p["salary_min"]),
            "salary_max": num(p["salary_max"]),
            "salary_unit": p["salary_unit"],
            "headcount": p["headcount"],
            "requirements": p["requirements"],
            "benefits": list(p["benefits"]),
        }
        postings.append(rec)
        source_of[rec["id"]] = source
    postings.sort(key=lambda r: r["id"])

    profiles = []
    for s in PROFILES:
        lat, lng = coords(s["place"])
        rec = {k: s[k] for k in PROFILE_FIELDS if k not in ("lat", "lng")}
        rec["lat"], rec["lng"] = lat, lng
        rec["expected_salary_min"] = num(rec["expected_salary_min"])
        profiles.append({k: rec[k] for k in PROFILE_FIELDS})

    judgments, reasons = [], []
    for pid in [s["id"] for s in PROFILES]:
        seen = set()
        for key, grade, reason in J[pid]:
            if key not in key2id:
                raise SystemExit("unknown posting key %r in judgments for %s" % (key, pid))
            if key in seen:
                raise SystemExit("duplicate judgment %s / %s" % (pid, key))
            seen.add(key)
            jid = key2id[key]
            if grade > 0:
                judgments.append({"profile_id": pid, "posting_id": jid, "grade": grade})
            if reason:
                reasons.append({"profile_id": pid, "posting_id": jid, "grade": grade,
                                "reason": reason})

    def dump(name, rows):
        with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")

    dump("postings.jsonl", postings)
    dump("profiles.jsonl", profiles)
    dump("judgments.jsonl", judgments)
    dump("reasons.jsonl", reasons)

    # --- summary for the README ---
    print("postings", len(postings), "profiles", len(profiles),
          "judgments", len(judgments), "reasons", len(reasons))
    print("per source:", dict(Counter(source_of.values())))
    print("per job_type:", dict(Counter(p["job_type"] for p in postings)))
    print("salary 面议 (0/0):", sum(1 for p in postings if p["salary_max"] == 0))
    print("postings without coords:", sum(1 for p in postings if p["lat"] is None))
    print("grades:", dict(sorted(Counter(j["grade"] for j in judgments).items())))
    print("zero-grade reasons:", sum(1 for r in reasons if r["grade"] == 0))
    print("per class:", dict(Counter(c for p in profiles for c in p["classes"])))
    print("profiles without class:", [p["id"] for p in profiles if not p["classes"]])
    print("per group:", dict(Counter(g for p in profiles for g in p["groups"])))
    graded = {j["posting_id"] for j in judgments}
    print("postings relevant to >=1 seeker:", len(graded))
    by_src = Counter(source_of[j["posting_id"]] for j in judgments)
    print("relevant pairs by posting source:", dict(by_src))


if __name__ == "__main__":
    build()
