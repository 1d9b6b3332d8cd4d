# First-pass grading aid: proposes a grade per pair from the judge's annotations;
# the proposals are then reviewed seeker by seeker and corrected in overrides.py.
import math, sys
sys.path.insert(0, __file__.rsplit("/", 1)[0])
from common import POSTINGS, PL, QDN, province
import posts_a, posts_b, posts_c, posts_d, posts_e  # noqa: F401  (fill POSTINGS)
from rewrite_d import NEW
from seekers import PROFILES

for p in POSTINGS:
    p["province_gz"] = province(p["city"]) == "贵州"
    if p["id"] in NEW:
        p["description"] = NEW[p["id"]]

EDU = ["none", "primary", "junior", "senior", "college", "bachelor", "master"]
PW_GROUPS = {"poverty_relieved", "hard_to_employ", "zero_employment_household", "low_income",
             "older_worker", "relocated"}


def km(a, b, c, d):
    r = 6371.0
    p1, p2 = math.radians(a), math.radians(c)
    dp, dl = p2 - p1, math.radians(d - b)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * r * math.asin(math.sqrt(h))


def ploc(p):
    if p["lat"] is not None:
        return p["lat"], p["lng"]
    for k, v in PL.items():
        if v[0] == p["city"]:
            return v[2], v[3]


def place_score(s, p):
    city, prov = p["city"], province(p["city"])
    best = 0
    for sel, sc in s["_pl"].items():
        ok = (sel == city or sel == prov or (sel == "GZ" and prov == "贵州") or (sel == "QDN" and city in QDN)
              or sel == "ALL" or (sel == "ALL_OUT" and prov != "贵州") or (sel in p["district"] and len(sel) >= 2))
        if ok:
            best = max(best, sc)
    la, ln = ploc(p)
    d = km(s["lat"], s["lng"], la, ln)
    for lim, sc in s["_near"]:
        if d <= lim:
            best = max(best, sc)
            break
    return best, d


def monthly(p):
    m = p["salary_max"]
    if m == 0:
        return None
    u = p["salary_unit"]
    if u == "month":
        return m
    if u == "day":
        return m * 22
    if u == "hour":
        return m * (10 * 26 if p["job_type"] == "full_time" else 4 * 22)
    return None


def cert_ok(s, need):
    have = " ".join(s["certificates"])
    return any(n in have for n in need)


def propose(s, p):
    lim = p["_lim"]
    notes = []
    tr = max([s["_want"].get(t, 0) for t in p["_t"] if t not in s["_no"]] or [0])
    pl, d = place_score(s, p)
    g = min(tr, pl)
    if "amin" in lim and s["age"] < lim["amin"]:
        notes.append("age<"); g = 0
    if "amax" in lim and s["age"] > lim["amax"]:
        notes.append("age>%d" % lim["amax"]); g = 0
    if "sex" in lim and lim["sex"] != s["_sex"]:
        notes.append("sex"); g = 0
    if "cert" in lim and not cert_ok(s, lim["cert"]):
        notes.append("cert"); g = 0
    if "edu" in lim and EDU.index(s["education"]) < EDU.index(lim["edu"]):
        notes.append("edu"); g = 0
    if "pw" in lim:
        if set(p["_t"]) & {"forest_ranger", "road_keeper"} or p["id"] == "F161":
            elig = {"poverty_relieved"}
        else:
            elig = {"hard_to_employ", "zero_employment_household", "older_worker", "poverty_relieved"}
        if p["id"] == "F184":
            elig = elig | {"relocated"}
        if p["id"] == "F247":
            elig = elig | {"low_income"}
    if "pw" in lim and not (s["_home"] == lim["pw"] and elig & set(s["groups"])):
        notes.append("pw"); g = 0
    if lim.get("grad") and "graduate" not in s["groups"]:
        notes.append("grad"); g = 0
    mm = monthly(p)
    if g and s["_pay"] and mm is not None and mm < s["_pay"] * 0.9:
        notes.append("pay"); g -= 1
    jt = p["job_type"]
    if g and s["availability"] == "full_time" and jt in ("gig", "part_time"):
        notes.append("gig"); g -= 1
    if g and s["availability"] == "gig" and jt == "full_time":
        notes.append("fulltime"); g -= 1
    if g and jt == "gig" and p["province_gz"] and not ({"包住", "住工棚", "包吃住"} & set(p["benefits"])):
        if d > 90 and g > 1:
            notes.append("gigfar"); g = 1
        elif d > 45 and g > 2:
            notes.append("gigfar"); g = 2
    return max(g, 0), tr, pl, d, notes


if __name__ == "__main__":
    only = sys.argv[1:] or [s["id"] for s in PROFILES]
    for s in PROFILES:
        if s["id"] not in only:
            continue
        print("==", s["id"], s["age"], s["_sex"], s["_home"], s["desired_occupations"], s["desired_cities"])
        rows = []
        for p in POSTINGS:
            g, tr, pl, d, notes = propose(s, p)
            if g or (tr >= 2 and (pl >= 1 or d < 60)) or (pl >= 2 and tr >= 1):
                rows.append((-g, -tr, p["id"], g, tr, pl, int(d), notes, p["title"][:22], p["city"]))
        rows.sort()
        rel = [r for r in rows if r[3]]
        nm = [r for r in rows if not r[3]][:int(sys.argv[0] and 8)]
        for r in rel + nm:
            print("  %s g%d t%d p%d %4dkm %-14s %s | %s" % (r[2], r[3], r[4], r[5], r[6], ",".join(r[7]), r[9], r[8]))
