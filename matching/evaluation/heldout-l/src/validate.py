"""Check every rule of /work/evalsets/eval-format.md on the written files. Exit 1 on any error."""
import json, os, re, sys
from collections import defaultdict

D = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
ERR = []
def err(m): ERR.append(m)

def load(name):
    rows = []
    with open(os.path.join(D, name), encoding="utf-8") as f:
        for i, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                err(f"{name}:{i} empty line"); continue
            try:
                o = json.loads(line)
            except Exception as e:
                err(f"{name}:{i} bad JSON {e}"); continue
            if not isinstance(o, dict): err(f"{name}:{i} not an object"); continue
            rows.append(o)
    return rows

def isnum(x): return isinstance(x, (int, float)) and not isinstance(x, bool)
def isstrlist(x): return isinstance(x, list) and all(isinstance(s, str) for s in x)

P_FIELDS = {"id","title","description","employer","job_type","city","district","lat","lng",
            "salary_min","salary_max","salary_unit","headcount","requirements","benefits"}
U_FIELDS = {"id","self_description","skills","certificates","desired_occupations","desired_cities",
            "lat","lng","expected_salary_min","expected_salary_unit","education","age","groups",
            "availability","classes"}
JOB_TYPES = {"full_time","part_time","gig","internship","public_welfare"}
P_UNITS = {"month","day","hour","piece"}
U_UNITS = {"month","day","hour"}
EDU = {"none","primary","junior","senior","college","bachelor","master"}
GROUPS = {"graduate","poverty_relieved","relocated","rural_migrant","low_income","hard_to_employ",
          "older_worker","zero_employment_household"}
AVAIL = {"full_time","gig","both"}
CLASSES = {"region_words","vague_wants","near_home","multi_want","graduates","key_groups","real_text"}

def check_latlng(tag, o):
    a, b = o.get("lat"), o.get("lng")
    if a is None and b is None: return
    if not (isnum(a) and isnum(b)): err(f"{tag} lat/lng must both be numbers or both null"); return
    if not (-90 <= a <= 90 and -180 <= b <= 180): err(f"{tag} lat/lng out of range")

# ---- postings ----
posts = load("postings.jsonl")
pid = {}
for p in posts:
    t = f"posting {p.get('id')}"
    if set(p) != P_FIELDS: err(f"{t} fields {sorted(set(p) ^ P_FIELDS)}")
    if not isinstance(p.get("id"), str) or not p.get("id"): err(f"{t} id"); continue
    if p["id"] in pid: err(f"{t} duplicate id")
    pid[p["id"]] = p
    for k in ["title","description","employer","job_type","city","district","salary_unit","requirements"]:
        if not isinstance(p.get(k), str): err(f"{t} {k} not string")
    if not p.get("title"): err(f"{t} empty title")
    if p.get("job_type") not in JOB_TYPES: err(f"{t} job_type {p.get('job_type')}")
    check_latlng(t, p)
    if not (isnum(p.get("salary_min")) and isnum(p.get("salary_max"))): err(f"{t} salary not number")
    elif p["salary_min"] < 0 or p["salary_max"] < p["salary_min"]: err(f"{t} salary range")
    elif (p["salary_min"] == 0) != (p["salary_max"] == 0): err(f"{t} 面议 must be 0 and 0")
    if p.get("salary_unit") not in P_UNITS: err(f"{t} salary_unit")
    h = p.get("headcount")
    if not (isinstance(h, int) and not isinstance(h, bool) and h >= 1): err(f"{t} headcount")
    if not isstrlist(p.get("benefits")): err(f"{t} benefits not list of strings")

# ---- profiles ----
profs = load("profiles.jsonl")
uid = {}
for u in profs:
    t = f"profile {u.get('id')}"
    if set(u) != U_FIELDS: err(f"{t} fields {sorted(set(u) ^ U_FIELDS)}")
    if not isinstance(u.get("id"), str) or not u.get("id"): err(f"{t} id"); continue
    if u["id"] in uid: err(f"{t} duplicate id")
    if u["id"] in pid: err(f"{t} id equals a posting id")
    uid[u["id"]] = u
    for k in ["self_description","desired_occupations","expected_salary_unit","education","availability"]:
        if not isinstance(u.get(k), str): err(f"{t} {k} not string")
    for k in ["skills","certificates","desired_cities","groups","classes"]:
        if not isstrlist(u.get(k)): err(f"{t} {k} not list of strings")
    check_latlng(t, u)
    if not isnum(u.get("expected_salary_min")) or u["expected_salary_min"] < 0: err(f"{t} expected_salary_min")
    if u.get("expected_salary_unit") not in U_UNITS: err(f"{t} expected_salary_unit")
    if u.get("education") not in EDU: err(f"{t} education")
    a = u.get("age")
    if not (isinstance(a, int) and not isinstance(a, bool) and 15 <= a <= 80): err(f"{t} age")
    g = set(u.get("groups", [])); c = set(u.get("classes", []))
    if not g <= GROUPS: err(f"{t} groups {g - GROUPS}")
    if not c <= CLASSES: err(f"{t} classes {c - CLASSES}")
    if u.get("availability") not in AVAIL: err(f"{t} availability")
    # class definitions that follow from the fields
    if ("graduates" in c) != ("graduate" in g): err(f"{t} class graduates must match group graduate")
    if ("key_groups" in c) != bool(g - {"graduate", "rural_migrant"}): err(f"{t} class key_groups must match groups")
    if "vague_wants" not in c and u.get("desired_occupations", "x").strip() == "": err(f"{t} empty wants but no vague_wants")
    if ("older_worker" in g) and a is not None and a < 45: err(f"{t} older_worker under 45")
    if ("graduate" in g) and u.get("education") not in {"college","bachelor","master"}: err(f"{t} graduate without degree")

# ---- judgments ----
judg = load("judgments.jsonl")
seen = set(); per = defaultdict(list)
for j in judg:
    t = f"judgment {j.get('profile_id')}/{j.get('posting_id')}"
    if set(j) != {"profile_id","posting_id","grade"}: err(f"{t} fields"); continue
    if j["profile_id"] not in uid: err(f"{t} unknown profile")
    if j["posting_id"] not in pid: err(f"{t} unknown posting")
    if j["grade"] not in (1, 2, 3) or isinstance(j["grade"], bool): err(f"{t} grade must be 1,2,3")
    k = (j["profile_id"], j["posting_id"])
    if k in seen: err(f"{t} duplicate pair")
    seen.add(k); per[j["profile_id"]].append(j["grade"])
    u, p = uid.get(j["profile_id"]), pid.get(j["posting_id"])
    if not (u and p): continue
    g = set(u["groups"])
    # hard rules from the format page
    if p["job_type"] == "internship" and "graduate" not in g: err(f"{t} internship graded for non-graduate")
    if p["job_type"] == "public_welfare" and not (g - {"graduate", "rural_migrant"}):
        err(f"{t} public_welfare graded for seeker outside key groups")
    # age limits written in requirements (e.g. "60岁以内", "18-45岁"). A multi-job post lists one
    # limit per job separated by "；": the pair passes if any age-bearing segment is met.
    # Gender-split limits ("女…55周岁，男…60周岁") are checked by hand.
    segs = [s for s in p["requirements"].split("；")
            if re.search(r"\d{2}\s*周?岁", s) and not ("男" in s and "女" in s)]
    def seg_ok(s, age=u["age"]):
        for lo, hi in re.findall(r"(\d{2})\s*[-—至到]\s*(\d{2})\s*周?岁", s):
            if not (int(lo) <= age <= int(hi)): return False
        for hi in re.findall(r"(\d{2})\s*周?岁(?:以下|以内)", s):
            if age > int(hi): return False
        return True
    if segs and not any(seg_ok(s) for s in segs):
        err(f"{t} age {u['age']} fails the posting's age limit: {p['requirements']}")
for u in uid:
    gs = per.get(u, [])
    if len(gs) < 3: err(f"profile {u} has {len(gs)} relevant postings (<3)")
    if 3 not in gs: err(f"profile {u} has no grade 3")

# ---- reasons (optional file, checked if present) ----
if os.path.exists(os.path.join(D, "reasons.jsonl")):
    jg = {(j["profile_id"], j["posting_id"]): j["grade"] for j in judg if set(j) == {"profile_id","posting_id","grade"}}
    rs = set()
    for r in load("reasons.jsonl"):
        t = f"reason {r.get('profile_id')}/{r.get('posting_id')}"
        if set(r) != {"profile_id","posting_id","grade","reason"}: err(f"{t} fields"); continue
        k = (r["profile_id"], r["posting_id"])
        if k in rs: err(f"{t} duplicate")
        rs.add(k)
        if r["profile_id"] not in uid or r["posting_id"] not in pid: err(f"{t} unknown id")
        if not isinstance(r["reason"], str) or not re.search(r"[\u4e00-\u9fff]", r["reason"]): err(f"{t} reason not Chinese")
        if r["grade"] == 0:
            if k in jg: err(f"{t} zero reason but pair is in judgments")
        elif jg.get(k) != r["grade"]: err(f"{t} grade differs from judgments")
    for k in jg:
        if k not in rs: err(f"judgment {k} has no reason")

if not os.path.exists(os.path.join(D, "README.md")): err("README.md missing")

if ERR:
    print("\n".join(ERR)); print(f"FAIL: {len(ERR)} problems"); sys.exit(1)
print(f"OK: {len(posts)} postings, {len(profs)} profiles, {len(judg)} judgments; all format rules pass")
