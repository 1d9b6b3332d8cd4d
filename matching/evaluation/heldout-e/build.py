#!/usr/bin/env python3
"""Assemble and validate the heldout-e evaluation set (standard library only).

Sources (hand-written):
  src/postings_[a-d].py  postings, one P(...) call each
  src/profiles.py        seekers, one T(...) call each
  src/places.py          coordinates of the places used
  src/judgments.txt      "T01 D001 3 reason" (grade 0-3; grade-0 lines are deliberate zeros)

Outputs (next to this file): postings.jsonl, profiles.jsonl, judgments.jsonl (grades 1-3 only),
reasons.jsonl (every line of judgments.txt, zeros included).
Run: python3 build.py          (build + validate)
     python3 build.py --check  (validate existing jsonl files only)
"""
import json
import os
import re
import sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "src")

JOB_TYPES = {"full_time", "part_time", "gig", "internship", "public_welfare"}
UNITS = {"month", "day", "hour", "piece"}
EDU = {"primary", "junior", "senior", "vocational", "college", "bachelor", "master"}
GROUPS = {"graduate", "poverty_relieved", "relocated", "rural_migrant", "low_income",
          "hard_to_employ", "older_worker", "zero_employment_household"}
AVAIL = {"full_time", "gig", "part_time"}
CLASSES = {"region_words", "vague_wants", "near_home", "multi_want", "graduates", "key_groups", "real_text"}
PW_GROUPS = {"hard_to_employ", "poverty_relieved", "zero_employment_household", "older_worker"}

POSTING_FIELDS = ["id", "title", "description", "employer", "job_type", "city", "district", "lat", "lng",
                  "salary_min", "salary_max", "salary_unit", "headcount", "requirements", "benefits"]
PROFILE_FIELDS = ["id", "self_description", "skills", "certificates", "desired_occupations",
                  "desired_cities", "lat", "lng", "expected_salary_min", "expected_salary_unit",
                  "education", "age", "groups", "availability", "classes"]

errors = []


def err(msg):
    errors.append(msg)


def in_china(lat, lng):
    return 18.0 <= lat <= 53.6 and 73.5 <= lng <= 135.1


def is_num(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def load_sources():
    sys.path.insert(0, SRC)
    postings = []
    for name in ("postings_a", "postings_b", "postings_c", "postings_d"):
        mod = __import__(name)
        postings.extend(mod.POSTINGS)
    import profiles as prof_mod
    profiles = list(prof_mod.PROFILES)
    rows = []
    with open(os.path.join(SRC, "judgments.txt"), encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            m = re.match(r"^(T\d+)\s+(D\d+)\s+([0-3])\s+(.+)$", line)
            if not m:
                err("judgments.txt line %d unparsable: %r" % (n, line))
                continue
            rows.append({"profile_id": m.group(1), "posting_id": m.group(2),
                         "grade": int(m.group(3)), "reason": m.group(4).strip()})
    return postings, profiles, rows


def validate(postings, profiles, rows):
    pids = Counter(p["id"] for p in postings)
    for k, v in pids.items():
        if v > 1:
            err("duplicate posting id %s" % k)
    for p in postings:
        if list(p.keys()) != POSTING_FIELDS:
            err("%s: fields %s" % (p.get("id"), list(p.keys())))
        for f in ("id", "title", "description", "employer", "city", "district", "requirements"):
            if not isinstance(p[f], str):
                err("%s: %s not a string" % (p["id"], f))
        for f in ("title", "description", "employer", "city"):
            if isinstance(p[f], str) and not p[f].strip():
                err("%s: empty %s" % (p["id"], f))
        if p["job_type"] not in JOB_TYPES:
            err("%s: job_type %r" % (p["id"], p["job_type"]))
        if p["salary_unit"] not in UNITS:
            err("%s: salary_unit %r" % (p["id"], p["salary_unit"]))
        if not (is_num(p["lat"]) and is_num(p["lng"]) and in_china(p["lat"], p["lng"])):
            err("%s: coordinates %r,%r" % (p["id"], p["lat"], p["lng"]))
        if not (is_num(p["salary_min"]) and is_num(p["salary_max"])):
            err("%s: salary not numeric" % p["id"])
        elif p["salary_min"] < 0 or p["salary_max"] < p["salary_min"]:
            err("%s: salary range %r-%r" % (p["id"], p["salary_min"], p["salary_max"]))
        if not (isinstance(p["headcount"], int) and p["headcount"] >= 1):
            err("%s: headcount %r" % (p["id"], p["headcount"]))
        if not (isinstance(p["benefits"], list) and all(isinstance(b, str) and b for b in p["benefits"])):
            err("%s: benefits %r" % (p["id"], p["benefits"]))

    tids = Counter(t["id"] for t in profiles)
    for k, v in tids.items():
        if v > 1:
            err("duplicate profile id %s" % k)
    for t in profiles:
        if list(t.keys()) != PROFILE_FIELDS:
            err("%s: fields %s" % (t.get("id"), list(t.keys())))
        for f in ("self_description", "desired_occupations"):
            if not isinstance(t[f], str):
                err("%s: %s not a string" % (t["id"], f))
        if not t["self_description"].strip():
            err("%s: empty self_description" % t["id"])
        for f in ("skills", "certificates", "desired_cities", "groups", "classes"):
            if not (isinstance(t[f], list) and all(isinstance(x, str) and x for x in t[f])):
                err("%s: %s %r" % (t["id"], f, t[f]))
        if (t["lat"] is None) != (t["lng"] is None):
            err("%s: lat/lng must both be null or both set" % t["id"])
        if t["lat"] is not None and not (is_num(t["lat"]) and is_num(t["lng"]) and in_china(t["lat"], t["lng"])):
            err("%s: coordinates" % t["id"])
        if not (is_num(t["expected_salary_min"]) and t["expected_salary_min"] >= 0):
            err("%s: expected_salary_min" % t["id"])
        if t["expected_salary_unit"] not in UNITS:
            err("%s: expected_salary_unit" % t["id"])
        if t["education"] not in EDU:
            err("%s: education %r" % (t["id"], t["education"]))
        if not (isinstance(t["age"], int) and 15 <= t["age"] <= 75):
            err("%s: age" % t["id"])
        if not set(t["groups"]) <= GROUPS:
            err("%s: groups %r" % (t["id"], t["groups"]))
        if t["availability"] not in AVAIL:
            err("%s: availability" % t["id"])
        if not set(t["classes"]) <= CLASSES:
            err("%s: classes %r" % (t["id"], t["classes"]))
        if "graduates" in t["classes"] and "graduate" not in t["groups"]:
            err("%s: graduates class without graduate group" % t["id"])
        if "older_worker" in t["groups"] and not 50 <= t["age"] <= 63:
            err("%s: older_worker outside 50-63" % t["id"])

    post_by = {p["id"]: p for p in postings}
    prof_by = {t["id"]: t for t in profiles}
    seen = set()
    for r in rows:
        key = (r["profile_id"], r["posting_id"])
        if key in seen:
            err("duplicate judgment %s %s" % key)
        seen.add(key)
        if r["profile_id"] not in prof_by:
            err("judgment: unknown profile %s" % r["profile_id"])
            continue
        if r["posting_id"] not in post_by:
            err("judgment: unknown posting %s" % r["posting_id"])
            continue
        if not r["reason"]:
            err("judgment %s %s: empty reason" % key)
        t, p = prof_by[r["profile_id"]], post_by[r["posting_id"]]
        # hard rules from the grade meanings
        if r["grade"] > 0 and p["job_type"] == "public_welfare" and not (set(t["groups"]) & PW_GROUPS):
            err("%s %s: public-welfare post graded >0 for a non-qualifying seeker" % key)
        if r["grade"] > 0 and p["job_type"] == "internship" and "graduate" not in t["groups"]:
            err("%s %s: internship graded >0 for a non-graduate" % key)

    graded = defaultdict(list)
    for r in rows:
        if r["grade"] > 0:
            graded[r["profile_id"]].append(r["grade"])
    for t in profiles:
        g = graded.get(t["id"], [])
        if len(g) < 3 or 3 not in g:
            err("%s: needs >=3 relevant postings incl. a grade 3 (has %r)" % (t["id"], sorted(g)))


def write_jsonl(name, objs):
    with open(os.path.join(HERE, name), "w", encoding="utf-8") as fh:
        for o in objs:
            fh.write(json.dumps(o, ensure_ascii=False) + "\n")


def read_jsonl(name):
    out = []
    with open(os.path.join(HERE, name), encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            try:
                out.append(json.loads(line))
            except ValueError as e:
                err("%s line %d: %s" % (name, n, e))
    return out


def stats(postings, profiles, rows):
    post_by = {p["id"]: p for p in postings}
    gz = {"凯里", "麻江县", "丹寨县", "雷山县", "台江县", "剑河县", "黄平县", "施秉县", "镇远县", "三穗县",
          "岑巩县", "天柱县", "锦屏县", "黎平县", "从江县", "榕江县", "贵阳", "贵安新区", "遵义", "都匀",
          "福泉", "安顺", "铜仁", "毕节", "六盘水"}
    n_gz = sum(1 for p in postings if p["city"] in gz)
    relevant = {r["posting_id"] for r in rows if r["grade"] > 0}
    print("postings: %d (Guizhou %d = %.0f%%; relevant to nobody %d)" % (
        len(postings), n_gz, 100.0 * n_gz / len(postings), len(post_by) - len(relevant)))
    print("job_type:", dict(Counter(p["job_type"] for p in postings)))
    print("profiles: %d" % len(profiles))
    print("judgments (grade>0): %d  by grade: %s" % (
        sum(1 for r in rows if r["grade"] > 0), dict(sorted(Counter(r["grade"] for r in rows).items()))))
    cls = Counter(c for t in profiles for c in t["classes"])
    print("seekers per class:", dict(sorted(cls.items())))
    per = Counter(r["profile_id"] for r in rows if r["grade"] > 0)
    print("relevant per seeker: min %d max %d mean %.1f" % (
        min(per.values()), max(per.values()), sum(per.values()) / len(per)))


def main():
    if "--check" in sys.argv:
        postings = read_jsonl("postings.jsonl")
        profiles = read_jsonl("profiles.jsonl")
        judg = read_jsonl("judgments.jsonl")
        reasons = read_jsonl("reasons.jsonl")
        rows = reasons
        jset = {(j["profile_id"], j["posting_id"], j["grade"]) for j in judg}
        rset = {(r["profile_id"], r["posting_id"], r["grade"]) for r in reasons if r["grade"] > 0}
        if jset != rset:
            err("judgments.jsonl and reasons.jsonl disagree")
        for j in judg:
            if set(j.keys()) != {"profile_id", "posting_id", "grade"} or j["grade"] not in (1, 2, 3):
                err("bad judgment line %r" % j)
    else:
        postings, profiles, rows = load_sources()
    validate(postings, profiles, rows)
    if errors:
        for e in errors:
            print("ERROR:", e)
        print("%d error(s)" % len(errors))
        sys.exit(1)
    if "--check" not in sys.argv:
        write_jsonl("postings.jsonl", postings)
        write_jsonl("profiles.jsonl", profiles)
        write_jsonl("judgments.jsonl", [{"profile_id": r["profile_id"], "posting_id": r["posting_id"],
                                         "grade": r["grade"]} for r in rows if r["grade"] > 0])
        write_jsonl("reasons.jsonl", rows)
    stats(postings, profiles, rows)
    print("OK")


if __name__ == "__main__":
    main()
