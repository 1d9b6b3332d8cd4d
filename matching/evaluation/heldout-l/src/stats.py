"""Print the counts quoted in README.md."""
from collections import Counter
from load import POSTINGS, PROFILES, SOURCE
from judgments_data import G

QDN = {"凯里","黄平","施秉","三穗","镇远","岑巩","天柱","锦屏","剑河","台江","黎平","榕江","从江","雷山","麻江","丹寨"}
PROV = {"贵阳":"贵州(贵阳/贵安/铜仁)","贵安新区":"贵州(贵阳/贵安/铜仁)","铜仁":"贵州(贵阳/贵安/铜仁)",
        "东莞":"广东","佛山":"广东","惠州":"广东","深圳":"广东","广州":"广东","中山":"广东",
        "宁波":"浙江","慈溪":"浙江","义乌":"浙江","温州":"浙江","湖州":"浙江","杭州":"浙江","嘉兴":"浙江","台州":"浙江","绍兴":"浙江","余姚":"浙江",
        "苏州":"江苏","昆山":"江苏","无锡":"江苏","南京":"江苏","常州":"江苏",
        "晋江":"福建","莆田":"福建","泉州":"福建","厦门":"福建","福州":"福建","上海":"上海"}
def region(c):
    if c in QDN: return "黔东南"
    if c in PROV: return PROV[c]
    return "境外/无地点"
print("source", Counter(SOURCE.values()).most_common())
print("job_type", Counter(p["job_type"] for p in POSTINGS).most_common())
print("region", Counter(region(p["city"]) for p in POSTINGS).most_common())
print("qdn cities", Counter(p["city"] for p in POSTINGS if p["city"] in QDN).most_common())
print("salary_unit", Counter(p["salary_unit"] for p in POSTINGS).most_common())
print("面议", sum(1 for p in POSTINGS if p["salary_min"] == 0), "null coords", sum(1 for p in POSTINGS if p["lat"] is None))
print("groups", Counter(g for u in PROFILES for g in u["groups"]).most_common(), "none", sum(1 for u in PROFILES if not u["groups"]))
print("classes", Counter(c for u in PROFILES for c in u["classes"]).most_common())
print("voice", sum(u["voice"] for u in PROFILES))
print("ages", Counter(("<25" if u["age"]<25 else "25-44" if u["age"]<45 else "45-49" if u["age"]<50 else "50-62") for u in PROFILES))
print("avail", Counter(u["availability"] for u in PROFILES))
gr = Counter(g for d in G.values() for g, _ in d.values())
print("grades", sorted(gr.items()))
scam = [pid for pid, s in SOURCE.items() if s == "scam"]
print("scams graded>0:", [ (u,pid) for u,d in G.items() for pid,(g,_) in d.items() if pid in scam and g>0])
print("postings with any grade>0:", len({pid for d in G.values() for pid,(g,_) in d.items() if g>0}))
