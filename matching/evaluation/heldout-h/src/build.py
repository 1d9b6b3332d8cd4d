# Assemble the set: apply reviewed overrides to first-pass proposals, write JSONL + reasons.
import json, os, sys, collections
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from judge import POSTINGS, PROFILES, propose
from overrides import OV
from reasons_manual import MANUAL

OUT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TAGZH = {"factory": "普工/进厂", "electronics": "电子组装", "garment": "缝纫车工", "embroidery": "刺绣/蜡染",
         "craft": "手工", "forklift": "叉车", "warehouse": "仓库", "security": "保安门卫", "cleaning": "保洁",
         "cook": "厨师", "kitchen": "后厨帮工", "waiter": "服务员", "hotel_room": "客房", "front_desk": "前台",
         "driver_b2": "B2驾驶员", "driver_a2": "A2货车", "driver_c1": "小车司机", "electrician": "电工",
         "welder": "电焊", "construction": "工地杂工", "rebar": "钢筋/木工", "tea": "采茶制茶", "delivery": "外卖骑手",
         "courier": "快递", "housekeeping": "家政", "yuesao": "月嫂育婴", "caregiver": "护工", "nurse": "护士",
         "sales": "销售", "after_sales": "售后", "customer_service": "客服", "teacher": "教培", "kindergarten": "幼儿园",
         "cashier": "收银/理货", "auto_repair": "汽修", "office": "文员", "accounting": "会计", "it": "IT运维",
         "ecommerce": "电商直播", "forest_ranger": "护林员", "road_keeper": "护路员", "assistant": "协管员",
         "civil_eng": "施工员", "mechanic": "机加工", "packing": "包装", "loading": "装卸搬运", "farm": "农业零工",
         "hairdresser": "理发", "lab": "质检", "guide": "讲解"}
NOTEZH = {"pay": "工资低于期望", "gig": "零工/兼职而非稳定工作", "fulltime": "全职坐班，与只想做零活/半天不符",
          "gigfar": "日结零工离家太远"}


def auto_reason(s, p, g, tr, pl, d, notes):
    tags = [t for t in p["_t"] if s["_want"].get(t, 0) == tr and tr > 0]
    trade = "、".join(TAGZH.get(t, t) for t in tags[:2]) or "工种"
    tq = {3: "对口", 2: "相关", 1: "沾边"}.get(tr, "不对口")
    pq = {3: "地点可接受", 2: "地点稍远", 1: "地点偏远"}.get(pl, "地点不合")
    parts = ["%s%s" % (trade, tq), "%s%s(约%dkm)" % (pq, p["city"], d)]
    parts += [NOTEZH[n] for n in notes if n in NOTEZH]
    return "；".join(parts) + "。"


def main():
    for f in ("postings", "profiles", "judgments", "reasons"):
        pass
    with open(os.path.join(OUT, "postings.jsonl"), "w") as fo:
        for p in POSTINGS:
            fo.write(json.dumps({k: v for k, v in p.items() if not k.startswith("_") and k != "province_gz"},
                                ensure_ascii=False) + "\n")
    with open(os.path.join(OUT, "profiles.jsonl"), "w") as fo:
        for s in PROFILES:
            fo.write(json.dumps({k: v for k, v in s.items() if not k.startswith("_")}, ensure_ascii=False) + "\n")
    J, R = [], []
    for s in PROFILES:
        ov = OV.get(s["id"], {})
        for p in POSTINGS:
            g, tr, pl, d, notes = propose(s, p)
            key = (s["id"], p["id"])
            if p["id"] in ov:
                g = ov[p["id"]]
            else:
                if g == 1 and pl <= 1 and tr < 3:
                    g = 0
                if g == 1 and d > 90 and s["id"] in ("U02", "U50", "U39"):
                    g = 0
            if g:
                J.append({"profile_id": s["id"], "posting_id": p["id"], "grade": g})
            if key in MANUAL:
                R.append({"profile_id": s["id"], "posting_id": p["id"], "grade": g, "reason": MANUAL[key]})
            elif g:
                R.append({"profile_id": s["id"], "posting_id": p["id"], "grade": g,
                          "reason": auto_reason(s, p, g, tr, pl, d, notes if p["id"] not in ov else [])})
    with open(os.path.join(OUT, "judgments.jsonl"), "w") as fo:
        for j in J:
            fo.write(json.dumps(j, ensure_ascii=False) + "\n")
    with open(os.path.join(OUT, "reasons.jsonl"), "w") as fo:
        for r in R:
            fo.write(json.dumps(r, ensure_ascii=False) + "\n")
    c = collections.Counter(j["profile_id"] for j in J)
    c3 = collections.Counter(j["profile_id"] for j in J if j["grade"] == 3)
    for s in PROFILES:
        print(s["id"], "rel", c[s["id"]], "g3", c3[s["id"]], end=" | ")
    print()
    if "-v" in sys.argv:
        T = {p["id"]: p["title"][:16] + "/" + p["city"] for p in POSTINGS}
        for s in PROFILES:
            js = sorted([j for j in J if j["profile_id"] == s["id"]], key=lambda j: -j["grade"])
            print(s["id"], s["desired_occupations"][:14], " ".join("%s:%d" % (j["posting_id"], j["grade"]) for j in js))
    print("postings", len(POSTINGS), "profiles", len(PROFILES), "judgments", len(J), "reasons", len(R))


if __name__ == "__main__":
    main()
