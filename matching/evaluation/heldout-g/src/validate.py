# -*- coding: utf-8 -*-
"""Independent validator: reads only the emitted jsonl files."""
import json, os, sys, collections
D = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
err = []
def load(n):
    rows = []
    with open(os.path.join(D, n), encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            try: rows.append(json.loads(line))
            except Exception as e: err.append(f"{n}:{i} bad json {e}")
    return rows
P, U, J = load("postings.jsonl"), load("profiles.jsonl"), load("judgments.jsonl")
R = load("reasons.jsonl") if os.path.exists(os.path.join(D, "reasons.jsonl")) else []
JT = {"full_time", "part_time", "gig", "internship", "public_welfare"}
UNIT_P = {"month", "day", "hour", "piece"}; UNIT_U = {"month", "day", "hour"}
EDU = {"none", "primary", "junior", "senior", "college", "bachelor", "master"}
GR = {"graduate", "poverty_relieved", "relocated", "rural_migrant", "low_income", "hard_to_employ", "older_worker", "zero_employment_household"}
CL = {"region_words", "vague_wants", "near_home", "multi_want", "graduates", "key_groups", "real_text"}
AV = {"full_time", "gig", "both"}
num = lambda x: isinstance(x, (int, float)) and not isinstance(x, bool)
pf = {"id": str, "title": str, "description": str, "employer": str, "job_type": str, "city": str, "district": str,
      "salary_unit": str, "requirements": str, "benefits": list}
for p in P:
    for k, t in pf.items():
        if not isinstance(p.get(k), t): err.append(f"posting {p.get('id')} field {k}")
    for k in ("lat", "lng", "salary_min", "salary_max", "headcount"):
        if k not in p: err.append(f"posting {p.get('id')} missing {k}")
    if (p["lat"] is None) != (p["lng"] is None): err.append(f"{p['id']} lat/lng half null")
    if p["lat"] is not None and not (num(p["lat"]) and num(p["lng"]) and -90 <= p["lat"] <= 90 and -180 <= p["lng"] <= 180): err.append(f"{p['id']} bad coords")
    if not (num(p["salary_min"]) and num(p["salary_max"]) and p["salary_min"] <= p["salary_max"]): err.append(f"{p['id']} salary")
    if p["job_type"] not in JT: err.append(f"{p['id']} job_type")
    if p["salary_unit"] not in UNIT_P: err.append(f"{p['id']} unit")
    if not (isinstance(p["headcount"], int) and p["headcount"] >= 1): err.append(f"{p['id']} headcount")
    if not all(isinstance(b, str) for b in p["benefits"]): err.append(f"{p['id']} benefits")
uf = {"id": str, "self_description": str, "skills": list, "certificates": list, "desired_occupations": str,
      "desired_cities": list, "expected_salary_unit": str, "education": str, "age": int, "groups": list,
      "availability": str, "classes": list}
for u in U:
    for k, t in uf.items():
        if not isinstance(u.get(k), t): err.append(f"profile {u.get('id')} field {k}")
    if (u.get("lat") is None) != (u.get("lng") is None): err.append(f"{u['id']} lat/lng")
    if not num(u.get("expected_salary_min")): err.append(f"{u['id']} salary")
    if u["education"] not in EDU: err.append(f"{u['id']} education")
    if u["expected_salary_unit"] not in UNIT_U: err.append(f"{u['id']} unit")
    if not set(u["groups"]) <= GR: err.append(f"{u['id']} groups {u['groups']}")
    if not u["classes"] or not set(u["classes"]) <= CL: err.append(f"{u['id']} classes")
    if u["availability"] not in AV: err.append(f"{u['id']} availability")
pid = [p["id"] for p in P]; uid = [u["id"] for u in U]
if len(set(pid)) != len(pid): err.append("dup posting ids")
if len(set(uid)) != len(uid): err.append("dup profile ids")
ps, us = set(pid), set(uid)
pairs = collections.Counter()
by = collections.defaultdict(list)
for j in J:
    if set(j) != {"profile_id", "posting_id", "grade"}: err.append(f"judgment keys {j}")
    if j["profile_id"] not in us or j["posting_id"] not in ps: err.append(f"dangling {j}")
    if j["grade"] not in (1, 2, 3): err.append(f"grade {j}")
    pairs[(j["profile_id"], j["posting_id"])] += 1
    by[j["profile_id"]].append(j["grade"])
err += [f"dup pair {k}" for k, c in pairs.items() if c > 1]
for u in uid:
    g = by.get(u, [])
    if len(g) < 3 or 3 not in g: err.append(f"{u} needs >=3 relevant incl. a 3 (has {g})")
for r in R:
    if r["profile_id"] not in us or r["posting_id"] not in ps: err.append(f"reason dangling {r}")
    if r["grade"] in (1, 2, 3) and pairs[(r["profile_id"], r["posting_id"])] != 1: err.append(f"reason not in judgments {r}")
    if r["grade"] == 0 and pairs[(r["profile_id"], r["posting_id"])]: err.append(f"zero reason but judged {r}")
print("postings", len(P), "profiles", len(U), "judgments", len(J), "reasons", len(R))
print("grades", dict(sorted(collections.Counter(j["grade"] for j in J).items())))
print("per-seeker relevant: min", min(len(v) for v in by.values()), "max", max(len(v) for v in by.values()))
cc = collections.Counter(c for u in U for c in u["classes"]); print("classes", dict(cc))
print("job_type", dict(collections.Counter(p["job_type"] for p in P)))
if err:
    print("ERRORS:"); [print(" ", e) for e in err]; sys.exit(1)
print("OK")
