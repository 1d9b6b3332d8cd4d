"""Write postings.jsonl, profiles.jsonl, judgments.jsonl, reasons.jsonl from the hand-typed literals."""
import json, os, sys
sys.path.insert(0, os.path.dirname(__file__))
import common
import postings_kaili, postings_counties, postings_away, postings_misc, postings_extra  # noqa: F401
from profiles import PROFILES
from judgments import JUDG

OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def dump(name, rows):
    with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")


def main():
    dump("postings.jsonl", common.POSTINGS)
    dump("profiles.jsonl", PROFILES)
    judg, reasons = [], []
    for p in PROFILES:
        for pid, g, why in JUDG.get(p["id"], []):
            if g > 0:
                judg.append({"profile_id": p["id"], "posting_id": pid, "grade": g})
            reasons.append({"profile_id": p["id"], "posting_id": pid, "grade": g, "reason": why})
    dump("judgments.jsonl", judg)
    dump("reasons.jsonl", reasons)
    with open(os.path.join(OUT, "src", "sources.json"), "w", encoding="utf-8") as f:
        json.dump(common.SOURCE, f, ensure_ascii=False, indent=0)
    print(len(common.POSTINGS), "postings;", len(PROFILES), "profiles;", len(judg), "judgments;", len(reasons), "reasons")


if __name__ == "__main__":
    main()
