#!/usr/bin/env python3
"""Build and validate the heldout-f evaluation set.

Hand-written items live in src/:
  src/postings_*.py  - one P(...) call per posting
  src/seekers.py     - one S(...) call per job seeker
  src/grades_*.txt   - one line per graded pair: "U01 F136 3 中文理由"
This script only collects those calls, writes the four JSONL files and checks them.
Python 3.11 standard library only.
"""
import json
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
SRC = HERE / "src"

POSTINGS = []
SEEKERS = []
HOME = {}          # seeker id -> home county (build-only, not written out)

JOB_TYPES = {"full_time", "part_time", "gig", "internship", "public_welfare"}
SAL_UNITS = {"month", "day", "hour", "piece"}
EXP_UNITS = {"month", "day", "hour"}
EDU = {"none", "primary", "junior", "senior", "college", "bachelor", "master"}
GROUPS = {"graduate", "poverty_relieved", "relocated", "rural_migrant", "low_income",
          "hard_to_employ", "older_worker", "zero_employment_household"}
AVAIL = {"full_time", "gig", "both"}
CLASSES = {"region_words", "vague_wants", "near_home", "multi_want", "graduates",
           "key_groups", "real_text"}
PW_GROUPS = {"hard_to_employ", "poverty_relieved", "zero_employment_household", "older_worker"}

POSTING_FIELDS = ["id", "title", "description", "employer", "job_type", "city", "district",
                  "lat", "lng", "salary_min", "salary_max", "salary_unit", "headcount",
                  "requirements", "benefits"]
PROFILE_FIELDS = ["id", "self_description", "skills", "certificates", "desired_occupations",
                  "desired_cities", "lat", "lng", "expected_salary_min", "expected_salary_unit",
                  "education", "age", "groups", "availability", "classes"]


def P(pid, title, employer, job_type, city, district, lat, lng,
      smin, smax, unit, headcount, requirements, benefits, description):
    POSTINGS.append({
        "id": pid, "title": title, "description": description, "employer": employer,
        "job_type": job_type, "city": city, "district": district, "lat": lat, "lng": lng,
        "salary_min": smin, "salary_max": smax, "salary_unit": unit, "headcount": headcount,
        "requirements": requirements, "benefits": list(benefits),
    })


def S(uid, home, age, education, groups, availability, classes, lat, lng,
      sal, sal_unit, desired_occupations, desired_cities, skills, certificates,
      self_description):
    HOME[uid] = home
    SEEKERS.append({
        "id": uid, "self_description": self_description, "skills": list(skills),
        "certificates": list(certificates), "desired_occupations": desired_occupations,
        "desired_cities": list(desired_cities), "lat": lat, "lng": lng,
        "expected_salary_min": sal, "expected_salary_unit": sal_unit,
        "education": education, "age": age, "groups": list(groups),
        "availability": availability, "classes": list(classes),
    })


def load_py(path):
    code = compile(path.read_text(encoding="utf-8"), str(path), "exec")
    exec(code, {"P": P, "S": S})


def load_grades():
    rows = []
    for path in sorted(SRC.glob("grades_*.txt")):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            s = line.strip()
            if not s or s.startswith("#"):
                continue
            parts = s.split(None, 3)
            if len(parts) < 4:
                raise SystemExit(f"{path.name}:{n}: need 'Uxx Fxxx grade reason': {s!r}")
            uid, pid, g, reason = parts
            rows.append((uid, pid, int(g), reason.strip(), f"{path.name}:{n}"))
    return rows


def in_china(lat, lng):
    return 18.0 <= lat <= 53.6 and 73.5 <= lng <= 135.1


def main():
    for path in sorted(SRC.glob("postings_*.py")):
        load_py(path)
    load_py(SRC / "seekers.py")
    grades = load_grades()
    errors = []

    def err(msg):
        errors.append(msg)

    # ---- postings
    pids = {}
    for p in POSTINGS:
        if list(p.keys()) != POSTING_FIELDS:
            err(f"{p.get('id')}: field list")
        if p["id"] in pids:
            err(f"duplicate posting id {p['id']}")
        pids[p["id"]] = p
        for f in ["id", "title", "description", "employer", "job_type", "city", "district",
                  "salary_unit", "requirements"]:
            if not isinstance(p[f], str):
                err(f"{p['id']}: {f} not str")
        for f in ["title", "description", "employer", "city"]:
            if not p[f].strip():
                err(f"{p['id']}: empty {f}")
        if p["job_type"] not in JOB_TYPES:
            err(f"{p['id']}: job_type {p['job_type']}")
        if p["salary_unit"] not in SAL_UNITS:
            err(f"{p['id']}: salary_unit {p['salary_unit']}")
        for f in ["salary_min", "salary_max"]:
            if not isinstance(p[f], (int, float)) or isinstance(p[f], bool) or p[f] < 0:
                err(f"{p['id']}: {f} bad")
        if p["salary_min"] > p["salary_max"]:
            err(f"{p['id']}: salary_min > salary_max")
        if not isinstance(p["headcount"], int) or isinstance(p["headcount"], bool) or p["headcount"] < 1:
            err(f"{p['id']}: headcount")
        if not isinstance(p["benefits"], list) or not all(isinstance(b, str) for b in p["benefits"]):
            err(f"{p['id']}: benefits")
        lat, lng = p["lat"], p["lng"]
        if (lat is None) != (lng is None):
            err(f"{p['id']}: lat/lng one null")
        elif lat is not None:
            if not all(isinstance(v, (int, float)) for v in (lat, lng)) or not in_china(lat, lng):
                err(f"{p['id']}: coordinates outside China {lat},{lng}")

    # ---- seekers
    uids = {}
    for u in SEEKERS:
        if list(u.keys()) != PROFILE_FIELDS:
            err(f"{u.get('id')}: field list")
        if u["id"] in uids:
            err(f"duplicate seeker id {u['id']}")
        uids[u["id"]] = u
        for f in ["self_description", "desired_occupations"]:
            if not isinstance(u[f], str):
                err(f"{u['id']}: {f} not str")
        for f in ["skills", "certificates", "desired_cities", "groups", "classes"]:
            if not isinstance(u[f], list) or not all(isinstance(x, str) for x in u[f]):
                err(f"{u['id']}: {f} not list of str")
        if u["education"] not in EDU:
            err(f"{u['id']}: education {u['education']}")
        if u["availability"] not in AVAIL:
            err(f"{u['id']}: availability")
        if u["expected_salary_unit"] not in EXP_UNITS:
            err(f"{u['id']}: expected_salary_unit")
        if not isinstance(u["expected_salary_min"], (int, float)) or u["expected_salary_min"] < 0:
            err(f"{u['id']}: expected_salary_min")
        if not isinstance(u["age"], int) or not 16 <= u["age"] <= 70:
            err(f"{u['id']}: age")
        for g in u["groups"]:
            if g not in GROUPS:
                err(f"{u['id']}: group {g}")
        for c in u["classes"]:
            if c not in CLASSES:
                err(f"{u['id']}: class {c}")
        lat, lng = u["lat"], u["lng"]
        if (lat is None) != (lng is None):
            err(f"{u['id']}: lat/lng one null")
        elif lat is not None and not in_china(lat, lng):
            err(f"{u['id']}: coordinates outside China")

    # ---- grades
    seen = set()
    for uid, pid, g, reason, where in grades:
        if uid not in uids:
            err(f"{where}: unknown seeker {uid}")
            continue
        if pid not in pids:
            err(f"{where}: unknown posting {pid}")
            continue
        if (uid, pid) in seen:
            err(f"{where}: duplicate pair {uid} {pid}")
        seen.add((uid, pid))
        if g not in (0, 1, 2, 3):
            err(f"{where}: grade {g}")
        if not reason:
            err(f"{where}: empty reason")
        p, u = pids[pid], uids[uid]
        if g > 0 and p["job_type"] == "internship" and "graduate" not in u["groups"]:
            err(f"{where}: internship graded >0 for non-graduate {uid}")
        if g > 0 and p["job_type"] == "public_welfare":
            if not (PW_GROUPS & set(u["groups"])) or HOME[uid] != p["city"]:
                err(f"{where}: public_welfare graded >0 for ineligible {uid} ({HOME[uid]} vs {p['city']})")
    per = {}
    for uid, pid, g, _, _ in grades:
        per.setdefault(uid, []).append(g)
    for uid in uids:
        gs = [g for g in per.get(uid, []) if g > 0]
        if len(gs) < 3 or 3 not in gs:
            err(f"{uid}: needs >=3 relevant incl. a grade 3 (has {sorted(gs)})")

    if errors:
        print("VALIDATION FAILED:")
        for e in errors:
            print("  ", e)
        sys.exit(1)

    # ---- write
    def dump(name, rows):
        with open(HERE / name, "w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")

    dump("postings.jsonl", POSTINGS)
    dump("profiles.jsonl", SEEKERS)
    dump("judgments.jsonl", [{"profile_id": u, "posting_id": p, "grade": g}
                             for u, p, g, _, _ in grades if g > 0])
    dump("reasons.jsonl", [{"profile_id": u, "posting_id": p, "grade": g, "reason": r}
                           for u, p, g, r, _ in grades])

    # ---- counts
    from collections import Counter
    gz = {"凯里", "丹寨县", "雷山县", "黎平县", "榕江县", "从江县", "剑河县", "台江县", "麻江县",
          "三穗县", "镇远县", "岑巩县", "天柱县", "锦屏县", "施秉县", "黄平县"}
    guizhou_other = {"贵阳", "遵义", "都匀", "福泉", "安顺", "铜仁", "毕节", "六盘水", "贵安新区", "瓮安县"}
    def area(c):
        if c in gz:
            return "黔东南"
        if c in guizhou_other:
            return "贵州其他"
        return "省外"
    print(f"postings {len(POSTINGS)}  seekers {len(SEEKERS)}  graded lines {len(grades)}")
    print("postings by area:", dict(Counter(area(p['city']) for p in POSTINGS)))
    print("postings by city:", dict(Counter(p['city'] for p in POSTINGS).most_common()))
    print("postings by job_type:", dict(Counter(p['job_type'] for p in POSTINGS)))
    cls = Counter(c for u in SEEKERS for c in u["classes"])
    print("seekers per class:", dict(cls), " no class (controls):",
          sum(1 for u in SEEKERS if not u["classes"]))
    print("grades:", dict(sorted(Counter(x[2] for x in grades).items())))
    print("judgments (1-3):", sum(1 for x in grades if x[2] > 0), " deliberate zeros:",
          sum(1 for x in grades if x[2] == 0))
    print("OK")


if __name__ == "__main__":
    main()
