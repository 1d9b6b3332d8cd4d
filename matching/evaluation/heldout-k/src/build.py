# -*- coding: utf-8 -*-
"""Write heldout-k's jsonl files from the hand-written data modules.

Python here does only two things: look up approximate coordinates in places.PLACES and write
JSON. All text (profiles, postings, grades, reasons) is typed by hand in the data modules.
Usage:  python3 src/build.py   (from heldout-k/ or anywhere)
"""
import json
import os
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.dirname(HERE)
sys.path.insert(0, HERE)

from places import PLACES  # noqa: E402
from profiles import PROFILES  # noqa: E402
from postings_kaili import POSTINGS_KAILI  # noqa: E402
from postings_counties import POSTINGS_COUNTIES  # noqa: E402
from postings_outside import POSTINGS_OUTSIDE  # noqa: E402
from postings_added import POSTINGS_ADDED  # noqa: E402
from judgments import JUDGMENTS  # noqa: E402

POSTING_FIELDS = ["id", "title", "description", "employer", "job_type", "city", "district",
                  "lat", "lng", "salary_min", "salary_max", "salary_unit", "headcount",
                  "requirements", "benefits"]
PROFILE_FIELDS = ["id", "self_description", "skills", "certificates", "desired_occupations",
                  "desired_cities", "lat", "lng", "expected_salary_min", "expected_salary_unit",
                  "education", "age", "groups", "availability", "classes"]

# For README statistics only (not written into the set).
SCAMS = {"J052", "J053", "J054", "J190", "J213", "J238", "J239", "J240", "J241", "J242", "J247"}
NOT_A_JOB = {"J070", "J131", "J149"}          # empty post, training notice, fair notice
SALES_ONLY = {"J055", "J060", "J244", "J245"}  # commission sales / collection / health products
COUNTIES = {"黄平县", "施秉县", "三穗县", "镇远县", "岑巩县", "天柱县", "锦屏县", "剑河县", "台江县",
            "黎平县", "榕江县", "从江县", "雷山县", "麻江县", "丹寨县"}
PROVINCE_OF = {"贵阳": "贵州省内(州外)", "都匀": "贵州省内(州外)", "仁怀": "贵州省内(州外)",
               "铜仁": "贵州省内(州外)", "怀化": "湖南", "柳州": "广西", "南宁": "广西",
               "东莞": "广东", "深圳": "广东", "广州": "广东", "佛山": "广东", "中山": "广东",
               "惠州": "广东", "江门": "广东", "珠海": "广东",
               "杭州": "浙江", "宁波": "浙江", "嘉兴": "浙江", "义乌": "浙江", "温州": "浙江",
               "台州": "浙江", "绍兴": "浙江", "湖州": "浙江",
               "苏州": "江苏", "昆山": "江苏", "无锡": "江苏", "常州": "江苏", "南京": "江苏",
               "南通": "江苏", "晋江": "福建", "泉州": "福建", "厦门": "福建", "福州": "福建",
               "石狮": "福建", "上海": "上海", "海外": "境外/不明", "阿克苏": "新疆"}


def coords(key):
    if key is None:
        return None, None
    lat, lng = PLACES[key]
    return lat, lng


def source_of(p):
    if p["city"] == "凯里":
        return "凯里市"
    if p["city"] in COUNTIES:
        if "安置" in p["district"] or "安置" in p["title"] or "帮扶车间" in p["title"]:
            return "县(安置区/帮扶车间)"
        return "县(县城/乡镇)"
    return PROVINCE_OF[p["city"]]


def main():
    postings = POSTINGS_KAILI + POSTINGS_COUNTIES + POSTINGS_OUTSIDE + POSTINGS_ADDED
    out_postings = []
    for p in postings:
        lat, lng = coords(p["place"])
        row = {k: p[k] for k in POSTING_FIELDS if k not in ("lat", "lng")}
        row["lat"], row["lng"] = lat, lng
        out_postings.append({k: row[k] for k in POSTING_FIELDS})

    out_profiles = []
    for u in PROFILES:
        lat, lng = coords(u["home"])
        row = dict(u)
        row.pop("home")
        row["lat"], row["lng"] = lat, lng
        out_profiles.append({k: row[k] for k in PROFILE_FIELDS})

    judgments, reasons = [], []
    for u in PROFILES:
        for pid, grade, reason in JUDGMENTS.get(u["id"], []):
            if grade >= 1:
                judgments.append({"profile_id": u["id"], "posting_id": pid, "grade": grade})
            reasons.append({"profile_id": u["id"], "posting_id": pid, "grade": grade,
                            "reason": reason})

    def dump(name, rows):
        with open(os.path.join(OUT, name), "w", encoding="utf-8") as f:
            for r in rows:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")

    dump("postings.jsonl", out_postings)
    dump("profiles.jsonl", out_profiles)
    dump("judgments.jsonl", judgments)
    dump("reasons.jsonl", reasons)

    # statistics for the README
    print("postings", len(out_postings), "profiles", len(out_profiles),
          "judgments", len(judgments), "reasons", len(reasons))
    print("by source:", dict(Counter(source_of(p) for p in postings)))
    print("by job_type:", dict(Counter(p["job_type"] for p in postings)))
    print("scams", len(SCAMS), "not-a-job", len(NOT_A_JOB), "sales-only", len(SALES_ONLY))
    print("null coords:", sum(1 for p in out_postings if p["lat"] is None))
    print("面议 0/0:", sum(1 for p in out_postings if p["salary_min"] == 0 and p["salary_max"] == 0))
    print("html:", sum(1 for p in postings if "<" in p["description"] or "&nbsp;" in p["description"]))
    print("grades:", dict(Counter(j["grade"] for j in judgments)),
          "zeros with reason:", sum(1 for r in reasons if r["grade"] == 0))
    cls = Counter(c for u in PROFILES for c in u["classes"])
    print("classes:", dict(cls), "no class:", sum(1 for u in PROFILES if not u["classes"]))
    print("groups:", dict(Counter(g for u in PROFILES for g in u["groups"])))
    print("age>=45:", sum(1 for u in PROFILES if u["age"] >= 45),
          "relocated:", sum(1 for u in PROFILES if "relocated" in u["groups"]))
    print("availability:", dict(Counter(u["availability"] for u in PROFILES)))
    print("empty desired_occupations:", sum(1 for u in PROFILES if not u["desired_occupations"]))


if __name__ == "__main__":
    main()
