import json, os, sys
sys.path.insert(0, os.path.dirname(__file__))
import common
import pa, pb, pc, pd, pe, pf, pg, ph, ps, pk, pu
from judg import J
OUT = os.path.join(os.path.dirname(__file__), '..')
def dump(name, rows):
    with open(os.path.join(OUT, name), 'w', encoding='utf-8') as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + '\n')
posts = [{k: v for k, v in p.items() if not k.startswith('_')} for p in common.POSTINGS]
profs = [{k: v for k, v in p.items() if not k.startswith('_')} for p in common.PROFILES]
dump('postings.jsonl', posts)
dump('profiles.jsonl', profs)
judg, reasons = [], []
for uid in sorted(J):
    for pid, g, r in J[uid]:
        if g > 0:
            judg.append({'profile_id': uid, 'posting_id': pid, 'grade': g})
        reasons.append({'profile_id': uid, 'posting_id': pid, 'grade': g, 'reason': r})
dump('judgments.jsonl', judg)
dump('reasons.jsonl', reasons)
print('postings', len(posts), 'profiles', len(profs), 'judgments', len(judg), 'reasons', len(reasons))
