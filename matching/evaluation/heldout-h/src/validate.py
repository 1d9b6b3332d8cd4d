# Validate the written set against eval-format.md rules.
import json, os, collections
D = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
err = []


def load(n):
    rows = []
    with open(os.path.join(D, n)) as f:
        for i, line in enumerate(f, 1):
            try:
                rows.append(json.loads(line))
            except Exception as e:
                err.append("%s:%d parse %s" % (n, i, e))
    return rows


P, U, J, R = (load(n) for n in ("postings.jsonl", "profiles.jsonl", "judgments.jsonl", "reasons.jsonl"))
JT = {"full_time", "part_time", "gig", "internship", "public_welfare"}
UNIT_P = {"month", "day", "hour", "piece"}
UNIT_U = {"month", "day", "hour"}
EDU = {"none", "primary", "junior", "senior", "college", "bachelor", "master"}
GR = {"graduate", "poverty_relieved", "relocated", "rural_migrant", "low_income", "hard_to_employ",
      "older_worker", "zero_employment_household"}
AV = {"full_time", "gig", "both"}
CL = {"region_words", "vague_wants", "near_home", "multi_want", "graduates", "key_groups", "real_text"}
PF = ["id", "title", "description", "employer", "job_type", "city", "district", "lat", "lng", "salary_min",
      "salary_max", "salary_unit", "headcount", "requirements", "benefits"]
UF = ["id", "self_description", "skills", "certificates", "desired_occupations", "desired_cities", "lat", "lng",
      "expected_salary_min", "expected_salary_unit", "education", "age", "groups", "availability", "classes"]


def latlng(o, tag):
    if (o["lat"] is None) != (o["lng"] is None):
        err.append("%s lat/lng half-null" % tag)
    if o["lat"] is not None and not (isinstance(o["lat"], (int, float)) and isinstance(o["lng"], (int, float))):
        err.append("%s lat/lng type" % tag)


pid = [p["id"] for p in P]
uid = [u["id"] for u in U]
if len(set(pid)) != len(pid): err.append("dup posting ids")
if len(set(uid)) != len(uid): err.append("dup profile ids")
for p in P:
    t = p.get("id")
    for k in PF:
        if k not in p: err.append("%s missing %s" % (t, k))
    if set(p) - set(PF): err.append("%s extra %s" % (t, set(p) - set(PF)))
    if p["job_type"] not in JT: err.append("%s job_type" % t)
    if p["salary_unit"] not in UNIT_P: err.append("%s unit" % t)
    if not (0 <= p["salary_min"] <= p["salary_max"]): err.append("%s salary" % t)
    if not (isinstance(p["headcount"], int) and p["headcount"] >= 1): err.append("%s headcount" % t)
    if not isinstance(p["benefits"], list): err.append("%s benefits" % t)
    for k in ("title", "description", "employer", "city", "district", "requirements"):
        if not isinstance(p[k], str): err.append("%s %s type" % (t, k))
    latlng(p, t)
for u in U:
    t = u.get("id")
    for k in UF:
        if k not in u: err.append("%s missing %s" % (t, k))
    if set(u) - set(UF): err.append("%s extra %s" % (t, set(u) - set(UF)))
    if u["expected_salary_unit"] not in UNIT_U: err.append("%s unit" % t)
    if u["education"] not in EDU: err.append("%s edu" % t)
    if u["availability"] not in AV: err.append("%s avail" % t)
    if set(u["groups"]) - GR: err.append("%s groups" % t)
    if set(u["classes"]) - CL or not u["classes"] and False: err.append("%s classes" % t)
    if not isinstance(u["age"], int): err.append("%s age" % t)
    for k in ("skills", "certificates", "desired_cities"):
        if not isinstance(u[k], list): err.append("%s %s" % (t, k))
    latlng(u, t)
SP, SU = set(pid), set(uid)
seen = set()
for j in J:
    k = (j["profile_id"], j["posting_id"])
    if k in seen: err.append("dup judgment %s" % (k,))
    seen.add(k)
    if j["profile_id"] not in SU or j["posting_id"] not in SP: err.append("bad ref %s" % (k,))
    if j["grade"] not in (1, 2, 3): err.append("grade %s" % (k,))
jg = {(j["profile_id"], j["posting_id"]): j["grade"] for j in J}
for r in R:
    k = (r["profile_id"], r["posting_id"])
    if r["profile_id"] not in SU or r["posting_id"] not in SP: err.append("reason bad ref %s" % (k,))
    if r.get("grade", 0) != jg.get(k, 0): err.append("reason grade mismatch %s" % (k,))
    if not r.get("reason"): err.append("empty reason %s" % (k,))
rel = collections.defaultdict(list)
for j in J:
    rel[j["profile_id"]].append(j["grade"])
for u in uid:
    g = rel[u]
    if len(g) < 3 or 3 not in g:
        err.append("%s has %d relevant, max %s" % (u, len(g), max(g or [0])))
cc = collections.Counter(c for u in U for c in u["classes"])
for c in CL:
    need = 15 if c in ("real_text", "vague_wants") else 8
    if cc[c] < need: err.append("class %s only %d" % (c, cc[c]))
print("postings", len(P), "profiles", len(U), "judgments", len(J), "reasons", len(R))
print("grades", dict(sorted(collections.Counter(j["grade"] for j in J).items())))
print("reasons with grade 0:", sum(1 for r in R if jg.get((r["profile_id"], r["posting_id"]), 0) == 0))
print("job_type", dict(collections.Counter(p["job_type"] for p in P)))
print("classes", dict(sorted(cc.items())))
print("relevant per seeker: min %d max %d" % (min(len(v) for v in rel.values()), max(len(v) for v in rel.values())))
print("postings never relevant:", sum(1 for p in pid if not any(k[1] == p for k in jg)))
print("ERRORS:", len(err))
for e in err[:50]:
    print("  ", e)
