# Writes postings.jsonl, profiles.jsonl, judgments.jsonl and reasons.jsonl from the
# hand-written data files, then checks them.  Deterministic: same input, same bytes.
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

JOB_TYPES = {"full_time", "part_time", "gig", "internship", "public_welfare"}
UNITS = {"month", "day", "hour", "piece"}
EDU = {"primary", "junior", "senior", "vocational", "college", "bachelor", "master"}
GROUPS = {"graduate", "poverty_relieved", "relocated", "rural_migrant", "low_income",
          "hard_to_employ", "older_worker", "zero_employment_household"}
AVAIL = {"full_time", "gig", "part_time"}
CLASSES = {"region_words", "vague_wants", "near_home", "multi_want", "graduates", "key_groups", "real_text"}
PW_GROUPS = {"hard_to_employ", "poverty_relieved", "zero_employment_household", "older_worker"}


def load_postings(strip=True):
    import postings_1, postings_2, postings_3, postings_4, postings_5
    out = []
    for m in (postings_1, postings_2, postings_3, postings_4, postings_5):
        for p in m.POSTINGS:
            p = dict(p)
            if strip:
                p.pop("_tags")
            out.append(p)
    return out


def load_profiles(strip=True):
    import profiles
    out = []
    for p in profiles.PROFILES:
        p = dict(p)
        if strip:
            p.pop("_wants")
            p.pop("_place")
        out.append(p)
    return out


def write_jsonl(path, rows):
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def check(posts, profs, grades):
    errs = []
    pids = [p["id"] for p in posts]
    if len(pids) != len(set(pids)):
        errs.append("duplicate posting id")
    for p in posts:
        if p["job_type"] not in JOB_TYPES: errs.append(f"{p['id']} job_type")
        if p["salary_unit"] not in UNITS: errs.append(f"{p['id']} unit")
        if not (15 < p["lat"] < 50 and 70 < p["lng"] < 135): errs.append(f"{p['id']} coords")
        if p["salary_max"] and p["salary_min"] and p["salary_max"] < p["salary_min"]: errs.append(f"{p['id']} salary")
        if not isinstance(p["headcount"], int) or p["headcount"] < 1: errs.append(f"{p['id']} headcount")
        if not isinstance(p["benefits"], list): errs.append(f"{p['id']} benefits")
    sids = [s["id"] for s in profs]
    if len(sids) != len(set(sids)):
        errs.append("duplicate profile id")
    for s in profs:
        if s["education"] not in EDU: errs.append(f"{s['id']} edu")
        if s["availability"] not in AVAIL: errs.append(f"{s['id']} avail")
        if set(s["groups"]) - GROUPS: errs.append(f"{s['id']} groups")
        if set(s["classes"]) - CLASSES: errs.append(f"{s['id']} classes")
        if s["expected_salary_unit"] not in UNITS: errs.append(f"{s['id']} unit")
        if "graduates" in s["classes"] and "graduate" not in s["groups"]: errs.append(f"{s['id']} graduates class w/o group")
    pmap = {p["id"]: p for p in posts}
    smap = {s["id"]: s for s in profs}
    seen = set()
    for sid, pid, g, why in grades:
        if sid not in smap or pid not in pmap: errs.append(f"unknown pair {sid} {pid}"); continue
        if (sid, pid) in seen: errs.append(f"duplicate pair {sid} {pid}")
        seen.add((sid, pid))
        if g not in (1, 2, 3): errs.append(f"{sid} {pid} grade {g}")
        jt = pmap[pid]["job_type"]
        grp = set(smap[sid]["groups"])
        if jt == "internship" and "graduate" not in grp: errs.append(f"{sid} {pid} internship for non-graduate")
        if jt == "public_welfare" and not grp & PW_GROUPS: errs.append(f"{sid} {pid} public_welfare for ineligible")
        if not why.strip(): errs.append(f"{sid} {pid} no reason")
    for sid in sids:
        gs = [g for s, _, g, _ in grades if s == sid]
        if not gs: errs.append(f"{sid} has no relevant posting")
        elif 3 not in gs: errs.append(f"{sid} has no grade 3")
        elif len(gs) < 3: errs.append(f"{sid} has only {len(gs)} relevant")
    return errs


def main():
    posts = load_postings()
    profs = load_profiles()
    import grades
    G = grades.GRADES
    write_jsonl(os.path.join(HERE, "postings.jsonl"), posts)
    write_jsonl(os.path.join(HERE, "profiles.jsonl"), profs)
    order = {s["id"]: i for i, s in enumerate(profs)}
    G = sorted(G, key=lambda r: (order.get(r[0], 999), -r[2], r[1]))
    write_jsonl(os.path.join(HERE, "judgments.jsonl"),
                [{"profile_id": s, "posting_id": p, "grade": g} for s, p, g, _ in G])
    Z = sorted(getattr(grades, "ZEROS", []), key=lambda r: (order.get(r[0], 999), r[1]))
    write_jsonl(os.path.join(HERE, "reasons.jsonl"),
                [{"profile_id": s, "posting_id": p, "grade": g, "reason": r} for s, p, g, r in G] +
                [{"profile_id": s, "posting_id": p, "grade": 0, "reason": r} for s, p, r in Z])
    graded = {(s, p) for s, p, _, _ in G}
    for s, p, _ in Z:
        if (s, p) in graded:
            print("ERROR zero pair also graded", s, p)
    errs = check(posts, profs, G)
    print(f"postings={len(posts)} profiles={len(profs)} judgments={len(G)}")
    for e in errs:
        print("ERROR", e)
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
