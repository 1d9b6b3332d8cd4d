import sys
from common import load_postings
from profiles_src import S
P = load_postings()
NOKL = "-k" in sys.argv
want = [a for a in sys.argv[1:] if a != "-k"]
for s in S:
    if want and s["id"] not in want: continue
    print("=====", s["id"], s["age"], s["desired_occupations"], s["desired_cities"])
    for p in P:
        if p["city"] in s["accept"] and not (NOKL and p["city"]=="凯里"):
            print(f'  {p["key"]:16s} {p["city"]}/{p["district"][:6]} {p["job_type"][:4]} {p["salary_min"]}-{p["salary_max"]}/{p["salary_unit"][0]} | {p["title"][:22]} | {p["requirements"][:24]}')
