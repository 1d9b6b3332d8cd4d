"""Deterministic, realistic demo data for 黔东南州 at scale (`manage.py seed_demo`).

Every random choice comes from `random.Random(seed)` and every date from a reference day, so the
same seed and day give the same people, employers, postings and applications.

How seeded rows are recognised, so `--reset` deletes exactly them and nothing a person entered:
- accounts: phone numbers in the reserved block 199 0000 0000 – 199 0009 9999 (see `people`);
  deleting them cascades to profiles, tags, certificates, experiences, applications, outcomes;
- employers: "MAJYT" at positions 9–13 of the 统一社会信用代码 (see `core.CREDIT_MARK`);
  deleting them cascades to their postings, posting history and blacklist entries.
The cooperation stations, the occupation taxonomy and the handcrafted demo employers are
upserted reference data and are kept.
"""

from marketplace.seed.run import SeedError, SeedOptions, SeedResult, seed_demo, seed_exists, seed_reset

__all__ = ["SeedError", "SeedOptions", "SeedResult", "seed_demo", "seed_exists", "seed_reset"]
