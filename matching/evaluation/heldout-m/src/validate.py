"""Check every rule of eval-format.md (plus a few sanity checks of this set). Exit 1 on any failure."""
import json, os, sys
from collections import defaultdict

D = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ERR = []


def err(msg):
    ERR.append(msg)


def load(name):
    rows = []
    with open(os.path.join(D, name), encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            if not line.strip():
                err(f"{name}:{i} empty line")
                continue
            try:
                rows.append(json.loads(line))
            except Exception as e:
                err(f"{name}:{i} bad JSON {e}")
    return rows


def isnum(x):
    return isinstance(x, (int, float)) and not isinstance(x, bool)


def isstrlist(x):
    return isinstance(x, list) and all(isinstance(s, str) for s in x)


P_FIELDS = ["id", "title", "description", "employer", "job_type", "city", "district", "lat", "lng",
            "salary_min", "salary_max", "salary_unit", "headcount", "requirements", "benefits"]
U_FIELDS = ["id", "self_description", "skills", "certificates", "desired_occupations", "desired_cities",
            "lat", "lng", "expected_salary_min", "expected_salary_unit", "education", "age", "groups",
            "availability", "classes"]
JOB_TYPES = {"full_time", "part_time", "gig", "internship", "public_welfare"}
SAL_UNITS = {"month", "day", "hour", "piece"}
EXP_UNITS = {"month", "day", "hour"}
EDU = {"none", "primary", "junior", "senior", "college", "bachelor", "master"}
GROUPS = {"graduate", "poverty_relieved", "relocated", "rural_migrant", "low_income", "hard_to_employ",
          "older_worker", "zero_employment_household"}
AVAIL = {"full_time", "gig", "both"}
CLASSES = {"region_words", "vague_wants", "near_home", "multi_want", "graduates", "key_groups", "real_text"}

# ---- postings
posts = load("postings.jsonl")
pids = {}
for p in posts:
    if list(p.keys()) != P_FIELDS and set(p.keys()) != set(P_FIELDS):
        err(f"posting {p.get('id')} fields {sorted(p.keys())}")
    pid = p.get("id")
    if not isinstance(pid, str) or not pid:
        err(f"posting id bad {pid!r}")
    if pid in pids:
        err(f"duplicate posting id {pid}")
    pids[pid] = p
    for k in ["title", "description", "employer", "job_type", "city", "district", "salary_unit", "requirements"]:
        if not isinstance(p.get(k), str):
            err(f"{pid} {k} not string")
    if not p.get("title") or not p.get("description"):
        err(f"{pid} empty title/description")
    if p.get("job_type") not in JOB_TYPES:
        err(f"{pid} job_type {p.get('job_type')}")
    lat, lng = p.get("lat"), p.get("lng")
    if (lat is None) != (lng is None):
        err(f"{pid} only one of lat/lng null")
    if lat is not None:
        if not (isnum(lat) and isnum(lng)):
            err(f"{pid} lat/lng not numbers")
        elif not (-90 <= lat <= 90 and -180 <= lng <= 180):
            err(f"{pid} lat/lng out of range")
        elif not (18 <= lat <= 42 and 97 <= lng <= 123):
            err(f"{pid} lat/lng not in China: {lat},{lng}")
    if not (isnum(p.get("salary_min")) and isnum(p.get("salary_max"))):
        err(f"{pid} salary not numbers")
    elif p["salary_min"] > p["salary_max"] or p["salary_min"] < 0:
        err(f"{pid} salary_min > salary_max or negative")
    if p.get("salary_unit") not in SAL_UNITS:
        err(f"{pid} salary_unit {p.get('salary_unit')}")
    hc = p.get("headcount")
    if not (isinstance(hc, int) and not isinstance(hc, bool) and hc >= 1):
        err(f"{pid} headcount {hc}")
    if not isstrlist(p.get("benefits")):
        err(f"{pid} benefits not list of strings")

# ---- profiles
profs = load("profiles.jsonl")
uids = {}
for u in profs:
    uid = u.get("id")
    if set(u.keys()) != set(U_FIELDS):
        err(f"profile {uid} fields {sorted(u.keys())}")
    if not isinstance(uid, str) or not uid:
        err(f"profile id bad {uid!r}")
    if uid in uids:
        err(f"duplicate profile id {uid}")
    if uid in pids:
        err(f"profile id {uid} equals a posting id")
    uids[uid] = u
    for k in ["self_description", "desired_occupations", "expected_salary_unit", "education", "availability"]:
        if not isinstance(u.get(k), str):
            err(f"{uid} {k} not string")
    for k in ["skills", "certificates", "desired_cities", "groups", "classes"]:
        if not isstrlist(u.get(k)):
            err(f"{uid} {k} not list of strings")
    lat, lng = u.get("lat"), u.get("lng")
    if (lat is None) != (lng is None):
        err(f"{uid} only one of lat/lng null")
    if lat is not None:
        if not (isnum(lat) and isnum(lng)):
            err(f"{uid} lat/lng not numbers")
        elif not (25.3 <= lat <= 27.6 and 107.2 <= lng <= 109.7):
            err(f"{uid} lives outside 黔东南 box: {lat},{lng}")
    if not isnum(u.get("expected_salary_min")) or u["expected_salary_min"] < 0:
        err(f"{uid} expected_salary_min")
    if u.get("expected_salary_unit") not in EXP_UNITS:
        err(f"{uid} expected_salary_unit {u.get('expected_salary_unit')}")
    if u.get("education") not in EDU:
        err(f"{uid} education {u.get('education')}")
    a = u.get("age")
    if not (isinstance(a, int) and not isinstance(a, bool) and 15 <= a <= 80):
        err(f"{uid} age {a}")
    g = set(u.get("groups") or [])
    if not g <= GROUPS:
        err(f"{uid} unknown groups {g - GROUPS}")
    if u.get("availability") not in AVAIL:
        err(f"{uid} availability {u.get('availability')}")
    c = set(u.get("classes") or [])
    if not c <= CLASSES:
        err(f"{uid} unknown classes {c - CLASSES}")
    if ("graduates" in c) != ("graduate" in g):
        err(f"{uid} class graduates does not match group graduate")
    if ("key_groups" in c) != bool(g - {"graduate", "rural_migrant"}):
        err(f"{uid} class key_groups does not match groups {sorted(g)}")
    if "vague_wants" not in c and u.get("desired_occupations", "").strip() == "":
        err(f"{uid} empty desired_occupations but not vague_wants")
    if "older_worker" in g and a is not None and a < 45:
        err(f"{uid} older_worker but age {a}")

# ---- judgments
judg = load("judgments.jsonl")
seen = set()
rel = defaultdict(int)
top = defaultdict(int)
for j in judg:
    if set(j.keys()) != {"profile_id", "posting_id", "grade"}:
        err(f"judgment fields {sorted(j.keys())}")
        continue
    u, p, gr = j["profile_id"], j["posting_id"], j["grade"]
    if u not in uids:
        err(f"judgment unknown profile {u}")
    if p not in pids:
        err(f"judgment unknown posting {p}")
    if not (isinstance(gr, int) and not isinstance(gr, bool) and gr in (1, 2, 3)):
        err(f"judgment {u}-{p} grade {gr!r} (only 1,2,3 allowed)")
    if (u, p) in seen:
        err(f"duplicate judgment {u}-{p}")
    seen.add((u, p))
    rel[u] += 1
    if gr == 3:
        top[u] += 1
    if u in uids and p in pids:
        prof, post = uids[u], pids[p]
        groups = set(prof["groups"])
        if post["job_type"] == "internship" and "graduate" not in groups:
            err(f"{u}-{p}: internship graded >0 for non-graduate")
        if post["job_type"] == "public_welfare" and not (groups - {"graduate", "rural_migrant"}):
            err(f"{u}-{p}: public_welfare graded >0 for seeker outside any key group")
for u in uids:
    if rel[u] < 3:
        err(f"{u} has {rel[u]} relevant postings (<3)")
    if top[u] < 1:
        err(f"{u} has no grade 3")

# ---- reasons (optional file, but if present must agree)
if os.path.exists(os.path.join(D, "reasons.jsonl")):
    reas = load("reasons.jsonl")
    jmap = {(j["profile_id"], j["posting_id"]): j["grade"] for j in judg if "grade" in j}
    rseen = set()
    for r in reas:
        if set(r.keys()) != {"profile_id", "posting_id", "grade", "reason"}:
            err(f"reason fields {sorted(r.keys())}")
            continue
        key = (r["profile_id"], r["posting_id"])
        if key in rseen:
            err(f"duplicate reason {key}")
        rseen.add(key)
        if r["profile_id"] not in uids or r["posting_id"] not in pids:
            err(f"reason refers to unknown id {key}")
        if r["grade"] not in (0, 1, 2, 3):
            err(f"reason {key} grade {r['grade']}")
        if not isinstance(r["reason"], str) or not r["reason"].strip():
            err(f"reason {key} empty")
        if r["grade"] > 0 and jmap.get(key) != r["grade"]:
            err(f"reason {key} grade {r['grade']} != judgment {jmap.get(key)}")
        if r["grade"] == 0 and key in jmap:
            err(f"reason {key} says 0 but judgment lists it")
    for key in jmap:
        if key not in rseen:
            err(f"graded pair {key} has no reason")

# ---- README
if not os.path.exists(os.path.join(D, "README.md")):
    err("README.md missing")

if ERR:
    print("FAIL", len(ERR))
    for e in ERR:
        print(" -", e)
    sys.exit(1)
print(f"OK: {len(posts)} postings, {len(profs)} profiles, {len(judg)} judgments, all rules pass")
