# Prints, for each seeker, candidate postings to read and grade by hand.
# Uses only the hidden hint fields written by hand (_tags, _wants, _place).
# Output is deterministic.  Usage: python3 shortlist.py [S01 S02 ...]
import sys
from common import km
from build import load_postings, load_profiles

QDN = {"kaili", "danzhai", "majiang", "huangping", "shibing", "zhenyuan", "cengong", "sansui",
       "tianzhu", "jinping", "jianhe", "taijiang", "leishan", "rongjiang", "congjiang", "liping", "qdn"}
GZ = QDN | {"guiyang", "zunyi", "duyun", "guian"}
COASTAL = {"zhejiang", "jiangsu", "shanghai", "guangdong", "fujian", "shandong", "hainan"}
YRD = {"zhejiang", "jiangsu", "shanghai"}
PRD = {"guangzhou", "shenzhen", "dongguan", "foshan", "zhongshan", "huizhou", "zhuhai", "jiangmen", "zhaoqing"}


def place_ok(prof, post):
    rule = prof["_place"]
    tags = set(post["_tags"].split())
    if rule == "any":
        return True
    if isinstance(rule, str) and rule.startswith("near:"):
        return km(prof["lat"], prof["lng"], post["lat"], post["lng"]) <= float(rule[5:])
    for tok in rule:
        if tok == "qdn" and tags & QDN:
            return True
        if tok == "guizhou" and tags & GZ:
            return True
        if tok == "outside" and not tags & GZ:
            return True
        if tok == "coastal" and tags & COASTAL:
            return True
        if tok == "yrd" and tags & YRD:
            return True
        if tok == "prd" and tags & PRD:
            return True
        if tok in tags:
            return True
    return False


def main():
    posts = load_postings(strip=False)
    profs = load_profiles(strip=False)
    only = set(sys.argv[1:])
    for pr in profs:
        if only and pr["id"] not in only:
            continue
        wants = set(pr["_wants"].split())
        print("=" * 100)
        print(pr["id"], pr["age"], pr["groups"], pr["availability"], pr["expected_salary_min"], pr["expected_salary_unit"])
        print("  ", pr["self_description"])
        print("   wants:", pr["desired_occupations"], "| places:", pr["desired_cities"], "| certs:", pr["certificates"])
        rows = []
        for po in posts:
            tags = set(po["_tags"].split())
            trade = bool(tags & wants)
            pl = place_ok(pr, po)
            if not (trade or pl):
                continue
            d = km(pr["lat"], pr["lng"], po["lat"], po["lng"])
            mark = ("T" if trade else "-") + ("P" if pl else "-")
            rows.append((mark != "TP", mark != "-P", d, po["id"], mark, po))
        rows.sort(key=lambda r: (r[0], r[1], r[2], r[3]))
        for _, _, d, pid, mark, po in rows:
            if mark == "-P" and len([r for r in rows if r[4] == "-P"]) > 40:
                continue
            print(f"  {mark} {pid} {d:6.0f}km {po['city']}/{po['district']} [{po['job_type']}] {po['title'][:40]} | "
                  f"{po['salary_min']}-{po['salary_max']}/{po['salary_unit']} | req:{po['requirements'][:40]} | {po['_tags']}")


if __name__ == "__main__":
    main()
