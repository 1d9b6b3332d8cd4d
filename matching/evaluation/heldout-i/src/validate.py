import json, os, sys
from collections import Counter, defaultdict
D = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..')
errs = []
def load(n):
    rows = []
    with open(os.path.join(D, n), encoding='utf-8') as f:
        for i, line in enumerate(f, 1):
            try: rows.append(json.loads(line))
            except Exception as e: errs.append(f'{n}:{i} parse error {e}')
    return rows
P, U, J, R = load('postings.jsonl'), load('profiles.jsonl'), load('judgments.jsonl'), load('reasons.jsonl')
JT = {'full_time','part_time','gig','internship','public_welfare'}
SU = {'month','day','hour','piece'}; EU = {'month','day','hour'}
EDU = {'none','primary','junior','senior','college','bachelor','master'}
GR = {'graduate','poverty_relieved','relocated','rural_migrant','low_income','hard_to_employ','older_worker','zero_employment_household'}
AV = {'full_time','gig','both'}
CL = {'region_words','vague_wants','near_home','multi_want','graduates','key_groups','real_text'}
PK = ['id','title','description','employer','job_type','city','district','lat','lng','salary_min','salary_max','salary_unit','headcount','requirements','benefits']
UK = ['id','self_description','skills','certificates','desired_occupations','desired_cities','lat','lng','expected_salary_min','expected_salary_unit','education','age','groups','availability','classes']
def num(x): return isinstance(x,(int,float)) and not isinstance(x,bool)
def latlng(o, tag):
    la, ln = o['lat'], o['lng']
    if (la is None) != (ln is None): errs.append(f'{tag} lat/lng half null')
    if la is not None and not (num(la) and num(ln) and -90<=la<=90 and -180<=ln<=180): errs.append(f'{tag} bad lat/lng')
pid = Counter(p.get('id') for p in P); uid = Counter(u.get('id') for u in U)
errs += [f'dup posting {k}' for k,v in pid.items() if v>1] + [f'dup profile {k}' for k,v in uid.items() if v>1]
for p in P:
    t = p.get('id')
    if set(p) != set(PK): errs.append(f'{t} keys {set(p)^set(PK)}'); continue
    for k in ['id','title','description','employer','city','district','requirements']:
        if not isinstance(p[k], str): errs.append(f'{t} {k} not str')
    if p['job_type'] not in JT: errs.append(f'{t} job_type')
    if p['salary_unit'] not in SU: errs.append(f'{t} salary_unit')
    if not (num(p['salary_min']) and num(p['salary_max']) and 0 <= p['salary_min'] <= p['salary_max']): errs.append(f'{t} salary')
    if not (isinstance(p['headcount'], int) and p['headcount'] >= 1): errs.append(f'{t} headcount')
    if not (isinstance(p['benefits'], list) and all(isinstance(b,str) for b in p['benefits'])): errs.append(f'{t} benefits')
    latlng(p, t)
for u in U:
    t = u.get('id')
    if set(u) != set(UK): errs.append(f'{t} keys {set(u)^set(UK)}'); continue
    for k in ['skills','certificates','desired_cities','groups','classes']:
        if not (isinstance(u[k], list) and all(isinstance(x,str) for x in u[k])): errs.append(f'{t} {k} not list[str]')
    if u['education'] not in EDU: errs.append(f'{t} education')
    if u['expected_salary_unit'] not in EU: errs.append(f'{t} salary unit')
    if not num(u['expected_salary_min']) or u['expected_salary_min'] < 0: errs.append(f'{t} salary')
    if u['availability'] not in AV: errs.append(f'{t} availability')
    if not isinstance(u['age'], int): errs.append(f'{t} age')
    if set(u['groups']) - GR: errs.append(f'{t} groups {set(u["groups"])-GR}')
    if set(u['classes']) - CL: errs.append(f'{t} classes {set(u["classes"])-CL}')
    latlng(u, t)
seen = set(); rel = defaultdict(list)
for j in J:
    k = (j['profile_id'], j['posting_id'])
    if k in seen: errs.append(f'dup judgment {k}')
    seen.add(k)
    if j['profile_id'] not in uid: errs.append(f'judgment unknown profile {k}')
    if j['posting_id'] not in pid: errs.append(f'judgment unknown posting {k}')
    if j['grade'] not in (1,2,3): errs.append(f'judgment grade {k}')
    rel[j['profile_id']].append(j['grade'])
rs = set()
for r in R:
    k = (r['profile_id'], r['posting_id'])
    if k in rs: errs.append(f'dup reason {k}')
    rs.add(k)
    if r['profile_id'] not in uid or r['posting_id'] not in pid: errs.append(f'reason unknown id {k}')
    if r['grade'] not in (0,1,2,3) or not r.get('reason'): errs.append(f'reason bad {k}')
    if r['grade'] > 0 and k not in seen: errs.append(f'reason grade>0 not in judgments {k}')
    if r['grade'] == 0 and k in seen: errs.append(f'reason zero but judged {k}')
jg = {(j['profile_id'], j['posting_id']): j['grade'] for j in J}
for r in R:
    k=(r['profile_id'], r['posting_id'])
    if k in jg and jg[k] != r['grade']: errs.append(f'reason grade mismatch {k}')
for u in U:
    g = rel[u['id']]
    if len(g) < 3 or 3 not in g: errs.append(f'{u["id"]} has {len(g)} relevant, max {max(g) if g else 0}')
cc = Counter(c for u in U for c in u['classes'])
for c in CL:
    need = 15 if c in ('real_text','vague_wants') else 8
    if cc[c] < need: errs.append(f'class {c} only {cc[c]}')
print('postings', len(P), 'profiles', len(U), 'judgments', len(J), 'reasons', len(R), '(zeros', sum(r['grade']==0 for r in R), ')')
print('job_type', dict(Counter(p['job_type'] for p in P)))
print('grades', dict(sorted(Counter(j['grade'] for j in J).items())))
print('classes', dict(sorted(cc.items())))
print('groups', dict(sorted(Counter(g for u in U for g in u['groups']).items())))
print('relevant per seeker min/max', min(len(v) for v in rel.values()), max(len(v) for v in rel.values()))
print('postings with any relevant', len({j['posting_id'] for j in J}))
print('ERRORS:', len(errs)); [print(' ', e) for e in errs]
sys.exit(1 if errs else 0)
