"""Write the hand-typed data in src/*_data.py and postings_*.py to the five set files."""
import json, os
from load import POSTINGS, PROFILES
from judgments_data import G

OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
P_FIELDS = ["id", "title", "description", "employer", "job_type", "city", "district", "lat", "lng",
            "salary_min", "salary_max", "salary_unit", "headcount", "requirements", "benefits"]
U_FIELDS = ["id", "self_description", "skills", "certificates", "desired_occupations", "desired_cities",
            "lat", "lng", "expected_salary_min", "expected_salary_unit", "education", "age", "groups",
            "availability", "classes"]

def dump(name, rows):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")

def main():
    dump("postings.jsonl", [{k: p[k] for k in P_FIELDS} for p in POSTINGS])
    dump("profiles.jsonl", [{k: u[k] for k in U_FIELDS} for u in PROFILES])
    judg, reas = [], []
    for u in PROFILES:
        for pid, (grade, reason) in G[u["id"]].items():
            if grade > 0:
                judg.append({"profile_id": u["id"], "posting_id": pid, "grade": grade})
            reas.append({"profile_id": u["id"], "posting_id": pid, "grade": grade, "reason": reason})
    dump("judgments.jsonl", judg)
    dump("reasons.jsonl", reas)
    print(len(POSTINGS), "postings,", len(PROFILES), "profiles,", len(judg), "judgments,", len(reas), "reasons")

if __name__ == "__main__":
    main()
