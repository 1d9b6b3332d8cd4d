# -*- coding: utf-8 -*-
"""Emit the heldout-g evaluation set from the hand-written sources in this folder."""
import json, os
from common import load_postings
from profiles_src import S
from judgments_src import J, ZERO
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
P = load_postings()
key2id = {p["key"]: p["id"] for p in P}
PKEYS = ["id", "title", "description", "employer", "job_type", "city", "district", "lat", "lng",
         "salary_min", "salary_max", "salary_unit", "headcount", "requirements", "benefits"]
UKEYS = ["id", "self_description", "skills", "certificates", "desired_occupations", "desired_cities",
         "lat", "lng", "expected_salary_min", "expected_salary_unit", "education", "age", "groups",
         "availability", "classes"]
def dump(name, rows):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
dump("postings.jsonl", [{k: p[k] for k in PKEYS} for p in P])
dump("profiles.jsonl", [{k: s[k] for k in UKEYS} for s in S])
judg, reasons = [], []
for s in S:
    uid = s["id"]
    for k, (g, why) in J[uid].items():
        judg.append({"profile_id": uid, "posting_id": key2id[k], "grade": g})
        reasons.append({"profile_id": uid, "posting_id": key2id[k], "grade": g, "reason": why})
    for k, why in ZERO.get(uid, {}).items():
        assert k not in J[uid], (uid, k)
        reasons.append({"profile_id": uid, "posting_id": key2id[k], "grade": 0, "reason": why})
dump("judgments.jsonl", judg)
dump("reasons.jsonl", reasons)
# key map for the README / audit
dump("src/posting_keys.jsonl", [{"id": p["id"], "key": p["key"]} for p in P])
print(len(P), "postings;", len(S), "profiles;", len(judg), "judgments;", len(reasons), "reasons")
