"""Assemble and validate heldout-d (standard library only)."""
import json, collections
import posts_a, posts_b, posts_c, posts_d, posts_e
from lib import POSTS
from profiles import PROFS

posts = [{k: v for k, v in p.items() if not k.startswith('_')} for p in POSTS]
profs = [{k: v for k, v in p.items() if not k.startswith('_')} for p in PROFS]
pid = {p['id'] for p in posts}; tid = {p['id'] for p in profs}
assert len(pid) == len(posts) and len(tid) == len(profs), "duplicate ids"

judg, reasons, seen = [], [], set()
for line in open('grades.txt', encoding='utf-8'):
    line = line.strip()
    if not line or line.startswith('#'): continue
    t, d, g, r = line.split(None, 3)
    g = int(g)
    assert t in tid, t; assert d in pid, d; assert g in (0,1,2,3)
    assert (t, d) not in seen, (t, d); seen.add((t, d))
    reasons.append({"profile_id": t, "posting_id": d, "grade": g, "reason": r})
    if g > 0: judg.append({"profile_id": t, "posting_id": d, "grade": g})

def dump(name, rows):
    with open(name, 'w', encoding='utf-8') as f:
        for r in rows: f.write(json.dumps(r, ensure_ascii=False) + '\n')
dump('postings.jsonl', posts); dump('profiles.jsonl', profs)
dump('judgments.jsonl', judg); dump('reasons.jsonl', reasons)

# ---- validation, re-reading the written files ----
def load(n): return [json.loads(l) for l in open(n, encoding='utf-8')]
P, T, J = load('postings.jsonl'), load('profiles.jsonl'), load('judgments.jsonl')
num = (int, float)
def inchina(lat, lng): return 18 <= lat <= 54 and 73 <= lng <= 135
for p in P:
    for k, ty in [('id',str),('title',str),('description',str),('employer',str),('job_type',str),('city',str),('district',str),
                  ('lat',num),('lng',num),('salary_min',num),('salary_max',num),('salary_unit',str),('headcount',int),('requirements',str),('benefits',list)]:
        assert isinstance(p[k], ty) and not isinstance(p[k], bool), (p['id'], k)
    assert p['job_type'] in {'full_time','part_time','gig','internship','public_welfare'}
    assert p['salary_unit'] in {'month','day','hour','piece'}
    assert p['headcount'] >= 1 and 0 <= p['salary_min'] <= p['salary_max']
    assert all(isinstance(b, str) for b in p['benefits'])
    assert inchina(p['lat'], p['lng']), p['id']
    assert p['title'] and p['description'] and p['city']
GROUPS = {'graduate','poverty_relieved','relocated','rural_migrant','low_income','hard_to_employ','older_worker','zero_employment_household'}
CLASSES = {'region_words','vague_wants','near_home','multi_want','graduates','key_groups','real_text'}
for t in T:
    for k, ty in [('id',str),('self_description',str),('skills',list),('certificates',list),('desired_occupations',str),('desired_cities',list),
                  ('expected_salary_min',num),('expected_salary_unit',str),('education',str),('age',int),('groups',list),('availability',str),('classes',list)]:
        assert isinstance(t[k], ty) and not isinstance(t[k], bool), (t['id'], k)
    assert (t['lat'] is None) == (t['lng'] is None)
    if t['lat'] is not None: assert inchina(t['lat'], t['lng'])
    assert t['expected_salary_unit'] in {'month','day','hour','piece'}
    assert t['education'] in {'primary','junior','senior','vocational','college','bachelor','master'}
    assert t['availability'] in {'full_time','gig','part_time'}
    assert set(t['groups']) <= GROUPS and set(t['classes']) <= CLASSES, t['id']
    assert 16 <= t['age'] <= 70
for j in J:
    assert set(j) == {'profile_id','posting_id','grade'} and j['grade'] in (1,2,3)
    assert j['profile_id'] in tid and j['posting_id'] in pid
per = collections.defaultdict(list)
for j in J: per[j['profile_id']].append(j['grade'])
for t in tid:
    assert len(per[t]) >= 3 and 3 in per[t], ("coverage", t, per[t])

# ---- stats ----
gz_words = ('凯里','县','贵阳','遵义','都匀','福泉','安顺','铜仁','毕节','六盘水','兴义','清镇')
gz = sum(1 for p in P if 24.6 <= p['lat'] <= 29.3 and 103.6 <= p['lng'] <= 109.6)
judged = {j['posting_id'] for j in J}
print('postings', len(P), 'guizhou', gz, f'({gz/len(P):.0%})', 'job_types', dict(collections.Counter(p['job_type'] for p in P)))
print('profiles', len(T), 'null-home', sum(1 for t in T if t['lat'] is None))
print('judgments', len(J), 'by grade', dict(sorted(collections.Counter(j['grade'] for j in J).items())), 'deliberate zeros', sum(1 for r in reasons if r['grade']==0))
print('postings relevant to nobody', len(pid - judged), sorted(pid - judged))
cc = collections.Counter(c for t in T for c in t['classes'])
print('seekers per class', dict(sorted(cc.items())))
print('salary 0/0 postings', sum(1 for p in P if p['salary_max']==0))
print('OK')
