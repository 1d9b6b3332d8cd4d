# -*- coding: utf-8 -*-
"""Check heldout-k against every rule of /work/evalsets/eval-format.md, plus the house rules
this set adopts (stated in README.md). Exit status 1 on any error.
Usage:  python3 src/validate.py [set_dir]
"""
import json
import os
import sys
from collections import Counter, defaultdict

SET = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

JOB_TYPES = {"full_time", "part_time", "gig", "internship", "public_welfare"}
SALARY_UNITS = {"month", "day", "hour", "piece"}
EXPECTED_UNITS = {"month", "day", "hour"}
EDUCATION = {"none", "primary", "junior", "senior", "college", "bachelor", "master"}
GROUPS = {"graduate", "poverty_relieved", "relocated", "rural_migrant", "low_income",
          "hard_to_employ", "older_worker", "zero_employment_household"}
AVAIL = {"full_time", "gig", "both"}
CLASSES = {"region_words", "vague_wants", "near_home", "multi_want", "graduates", "key_groups",
           "real_text"}
# groups that make a seeker eligible for a 公益性岗位 (format page: hard-to-employ /
# poverty-relieved / zero-employment-household / older workers of that county)
PW_ELIGIBLE = {"hard_to_employ", "poverty_relieved", "zero_employment_household", "older_worker"}
# this set's definition of the key_groups class (README)
KEY = {"poverty_relieved", "relocated", "low_income", "hard_to_employ", "older_worker",
       "zero_employment_household"}

POSTING_FIELDS = {"id": str, "title": str, "description": str, "employer": str, "job_type": str,
                  "city": str, "district": str, "lat": None, "lng": None, "salary_min": "num",
                  "salary_max": "num", "salary_unit": str, "headcount": int,
                  "requirements": str, "benefits": list}
PROFILE_FIELDS = {"id": str, "self_description": str, "skills": list, "certificates": list,
                  "desired_occupations": str, "desired_cities": list, "lat": None, "lng": None,
                  "expected_salary_min": "num", "expected_salary_unit": str, "education": str,
                  "age": int, "groups": list, "availability": str, "classes": list}

errors = []


def err(msg):
    errors.append(msg)


def is_num(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def load(name, required=True):
    path = os.path.join(SET, name)
    if not os.path.exists(path):
        if required:
            err(f"{name}: missing")
        return []
    rows = []
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip():
                err(f"{name}:{n}: blank line")
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as e:
                err(f"{name}:{n}: bad JSON ({e})")
                continue
            if not isinstance(obj, dict):
                err(f"{name}:{n}: not a JSON object")
                continue
            rows.append((n, obj))
    return rows


def check_fields(name, n, obj, spec):
    if set(obj) != set(spec):
        err(f"{name}:{n}: fields {sorted(set(obj) ^ set(spec))} missing or extra")
    for k, t in spec.items():
        if k not in obj:
            continue
        v = obj[k]
        if t is None:
            continue
        if t == "num":
            if not is_num(v):
                err(f"{name}:{n}: {k} must be a number")
        elif t is int:
            if not (isinstance(v, int) and not isinstance(v, bool)):
                err(f"{name}:{n}: {k} must be an integer")
        elif not isinstance(v, t):
            err(f"{name}:{n}: {k} must be {t.__name__}")
        if t is list and isinstance(v, list) and not all(isinstance(s, str) for s in v):
            err(f"{name}:{n}: {k} must be a list of strings")


def check_latlng(name, n, obj):
    lat, lng = obj.get("lat"), obj.get("lng")
    if (lat is None) != (lng is None):
        err(f"{name}:{n}: lat/lng must be both null or both set")
    elif lat is not None:
        if not (is_num(lat) and is_num(lng)):
            err(f"{name}:{n}: lat/lng must be numbers")
        elif not (-90 <= lat <= 90 and -180 <= lng <= 180):
            err(f"{name}:{n}: lat/lng out of range")


def main():
    postings = load("postings.jsonl")
    profiles = load("profiles.jsonl")
    judgments = load("judgments.jsonl")
    reasons = load("reasons.jsonl", required=False)
    if not os.path.exists(os.path.join(SET, "README.md")):
        err("README.md: missing")

    P = {}
    for n, p in postings:
        check_fields("postings", n, p, POSTING_FIELDS)
        check_latlng("postings", n, p)
        pid = p.get("id")
        if not isinstance(pid, str) or not pid:
            err(f"postings:{n}: empty id")
        elif pid in P:
            err(f"postings:{n}: duplicate id {pid}")
        P[pid] = p
        if p.get("job_type") not in JOB_TYPES:
            err(f"postings:{n}: bad job_type {p.get('job_type')!r}")
        if p.get("salary_unit") not in SALARY_UNITS:
            err(f"postings:{n}: bad salary_unit {p.get('salary_unit')!r}")
        lo, hi = p.get("salary_min"), p.get("salary_max")
        if is_num(lo) and is_num(hi):
            if lo < 0 or hi < 0:
                err(f"postings:{n}: negative salary")
            if lo > hi:
                err(f"postings:{n}: salary_min > salary_max")
        hc = p.get("headcount")
        if isinstance(hc, int) and hc < 1:
            err(f"postings:{n}: headcount must be >= 1")
        for k in ("title", "description", "employer", "city"):
            if isinstance(p.get(k), str) and not p[k].strip():
                err(f"postings:{n}: {k} is empty")

    U = {}
    for n, u in profiles:
        check_fields("profiles", n, u, PROFILE_FIELDS)
        check_latlng("profiles", n, u)
        uid = u.get("id")
        if not isinstance(uid, str) or not uid:
            err(f"profiles:{n}: empty id")
        elif uid in U or uid in P:
            err(f"profiles:{n}: duplicate id {uid}")
        U[uid] = u
        if u.get("expected_salary_unit") not in EXPECTED_UNITS:
            err(f"profiles:{n}: bad expected_salary_unit")
        if u.get("education") not in EDUCATION:
            err(f"profiles:{n}: bad education {u.get('education')!r}")
        if u.get("availability") not in AVAIL:
            err(f"profiles:{n}: bad availability")
        if is_num(u.get("expected_salary_min")) and u["expected_salary_min"] < 0:
            err(f"profiles:{n}: negative expected_salary_min")
        age = u.get("age")
        if isinstance(age, int) and not 15 <= age <= 80:
            err(f"profiles:{n}: implausible age {age}")
        gs, cs = u.get("groups", []), u.get("classes", [])
        for g in gs:
            if g not in GROUPS:
                err(f"profiles:{n}: bad group {g!r}")
        for c in cs:
            if c not in CLASSES:
                err(f"profiles:{n}: bad class {c!r}")
        if len(set(gs)) != len(gs) or len(set(cs)) != len(cs):
            err(f"profiles:{n}: repeated group or class")
        # house rules tying classes to fields (README)
        if ("graduates" in cs) != ("graduate" in gs):
            err(f"profiles:{n}: class graduates must match group graduate")
        if ("key_groups" in cs) != bool(KEY & set(gs)):
            err(f"profiles:{n}: class key_groups must match holding a key group")

    seen = set()
    per = defaultdict(Counter)
    jgrade = {}
    for n, j in judgments:
        if set(j) != {"profile_id", "posting_id", "grade"}:
            err(f"judgments:{n}: fields must be profile_id, posting_id, grade")
            continue
        key = (j["profile_id"], j["posting_id"])
        if j["profile_id"] not in U:
            err(f"judgments:{n}: unknown profile {j['profile_id']}")
        if j["posting_id"] not in P:
            err(f"judgments:{n}: unknown posting {j['posting_id']}")
        if j["grade"] not in (1, 2, 3) or isinstance(j["grade"], bool):
            err(f"judgments:{n}: grade must be 1, 2 or 3 (zeros are not listed)")
        if key in seen:
            err(f"judgments:{n}: duplicate pair {key}")
        seen.add(key)
        jgrade[key] = j["grade"]
        per[j["profile_id"]][j["grade"]] += 1
        u, p = U.get(j["profile_id"]), P.get(j["posting_id"])
        if u and p:
            if p["job_type"] == "internship" and "graduate" not in u["groups"]:
                err(f"judgments:{n}: internship {p['id']} graded >0 for non-graduate {u['id']}")
            if p["job_type"] == "public_welfare" and not (PW_ELIGIBLE & set(u["groups"])):
                err(f"judgments:{n}: public_welfare {p['id']} graded >0 for ineligible {u['id']}")

    for uid in U:
        c = per[uid]
        if sum(c.values()) < 3:
            err(f"{uid}: only {sum(c.values())} relevant postings (need >= 3)")
        if c[3] < 1:
            err(f"{uid}: no grade-3 posting")

    rseen = set()
    for n, r in reasons:
        if set(r) != {"profile_id", "posting_id", "grade", "reason"}:
            err(f"reasons:{n}: fields must be profile_id, posting_id, grade, reason")
            continue
        key = (r["profile_id"], r["posting_id"])
        if r["profile_id"] not in U or r["posting_id"] not in P:
            err(f"reasons:{n}: unknown id in {key}")
        if r["grade"] not in (0, 1, 2, 3):
            err(f"reasons:{n}: bad grade")
        if not isinstance(r["reason"], str) or not r["reason"].strip() or "\n" in r["reason"]:
            err(f"reasons:{n}: reason must be one non-empty line")
        if key in rseen:
            err(f"reasons:{n}: duplicate pair {key}")
        rseen.add(key)
        if jgrade.get(key, 0) != r["grade"]:
            err(f"reasons:{n}: grade {r['grade']} disagrees with judgments ({jgrade.get(key, 0)})")

    if errors:
        for e in errors[:200]:
            print("ERROR", e)
        print(f"{len(errors)} error(s)")
        sys.exit(1)
    g = Counter(jgrade.values())
    print(f"OK: {len(P)} postings, {len(U)} profiles, {len(jgrade)} judgments "
          f"(3:{g[3]} 2:{g[2]} 1:{g[1]}), {len(rseen)} reasons")


if __name__ == "__main__":
    main()
