import posts_a,posts_b,posts_c,posts_d,posts_e
from lib import POSTS
import collections
by = collections.defaultdict(list)
for p in POSTS:
    for t in p['_tag'].split(','):
        by[t].append(p)
for t in sorted(by):
    print("##", t)
    for p in by[t]:
        print(f"  {p['id']} {p['_place']}|{p['district']} {p['job_type']} {p['salary_min']}-{p['salary_max']}/{p['salary_unit']} :: {p['title'][:18]} :: {p['requirements'][:40]}")
