"""Applications with a status history that could have happened, and the hires they led to."""

from __future__ import annotations

import datetime
import itertools
from collections import defaultdict

from marketplace.enums import EDUCATION_RANK, ApplicationStatus, PostingStatus
from marketplace.models import Application, ApplicationTransition, EmploymentOutcome, JobPosting
from marketplace.seed.core import SeedContext, bulk_insert, weighted
from marketplace.seed.postings import SeedPosting
from marketplace.seed.workers import SeedWorker

A = ApplicationStatus
PATH = (A.SUBMITTED, A.VIEWED, A.INTERVIEW, A.OFFERED, A.HIRED)
_WEIGHTS = {
    PostingStatus.PUBLISHED: [
        (A.SUBMITTED, 30),
        (A.VIEWED, 22),
        (A.INTERVIEW, 12),
        (A.OFFERED, 6),
        (A.HIRED, 10),
        (A.REJECTED, 14),
        (A.WITHDRAWN, 6),
    ],
    PostingStatus.PAUSED: [
        (A.SUBMITTED, 15),
        (A.VIEWED, 20),
        (A.INTERVIEW, 10),
        (A.OFFERED, 5),
        (A.HIRED, 15),
        (A.REJECTED, 25),
        (A.WITHDRAWN, 10),
    ],
    PostingStatus.CLOSED: [(A.HIRED, 35), (A.REJECTED, 45), (A.WITHDRAWN, 20)],
}
_COUNT = [(0, 35), (1, 25), (2, 16), (3, 10), (4, 7), (5, 4), (6, 3)]
_NOTES = {
    A.INTERVIEW: "请于{date:%m月%d日}上午9:00到单位面试，带好身份证。",
    A.OFFERED: "已录用，请于{date:%m月%d日}前到岗办理入职。",
    A.HIRED: "已到岗入职。",
}
_REJECT = ("岗位已招满，欢迎关注其他岗位。", "暂不符合岗位要求。", "面试未通过，感谢参与。", "联系不上本人。")
_WITHDRAW = ("已找到离家近的工作。", "家里有事，暂时不出去了。", "工资比预期低。", "跟老乡去了别的厂。")
_EMPLOYER_NOTES = ("老乡推荐，人很踏实。", "有相关经验，可优先安排面试。", "电话沟通过，本人意愿强。", "需要住宿。")


def _chain(ctx: SeedContext, status: str) -> list[str]:
    if status in PATH:
        return list(PATH[: PATH.index(status) + 1])
    branch = ctx.rng.choice((1, 1, 2, 2, 3) if status == A.REJECTED else (1, 1, 2, 3, 4))
    return [*PATH[:branch], status]


def _fits(worker: SeedWorker, posting: JobPosting, *, lenient: bool) -> bool:
    """People mostly apply where they meet the age limits; some try despite the education asked."""
    if (posting.age_min and worker.age < posting.age_min) or (posting.age_max and worker.age > posting.age_max):
        return False
    return lenient or EDUCATION_RANK[worker.profile.education] >= EDUCATION_RANK[posting.education_min]


def _pick(
    ctx: SeedContext, worker: SeedWorker, index: dict, pool: list[SeedPosting], used: set[int], published_only: bool
) -> SeedPosting | None:
    """Mostly the trades and places the seeker asked for; sometimes anything (people browse)."""
    rng = ctx.rng
    roll = rng.random()
    if roll < 0.55:
        candidates = [p for o in worker.occupations for p in index["occupation"].get(o.pk, [])]
    elif roll < 0.8:
        candidates = [p for o in worker.occupations for p in index["family"].get(o.family_id, [])]
    elif roll < 0.9:
        candidates = [p for place in worker.places for p in index["county"].get(place, [])]
    else:
        candidates = []
    for _attempt in range(6):
        item = rng.choice(candidates) if candidates else rng.choice(pool)
        if (
            id(item) in used
            or (published_only and item.posting.status != PostingStatus.PUBLISHED)
            or not _fits(worker, item.posting, lenient=rng.random() < 0.1)
        ):
            candidates = []
            continue
        return item
    return None


def seed_applications(ctx: SeedContext, workers: list[SeedWorker], pool: list[SeedPosting]) -> dict[str, int]:
    rng = ctx.rng
    index: dict[str, dict] = {"occupation": defaultdict(list), "family": defaultdict(list), "county": defaultdict(list)}
    for item in pool:
        occupation = item.posting.occupation
        if occupation is not None:
            index["occupation"][occupation.pk].append(item)
            index["family"][occupation.family_id].append(item)
        index["county"][item.posting.county].append(item)
    applications: list[Application] = []
    transitions: list[ApplicationTransition] = []
    outcomes: list[EmploymentOutcome] = []
    forced = list(ApplicationStatus.values)  # the first applications cover every status
    with ctx.progress("求职申请", len(workers)) as bar:
        for worker in workers:
            used: set[int] = set()
            hired = False
            for _ in range(weighted(rng, _COUNT) + (1 if forced else 0)):
                item = _pick(ctx, worker, index, pool, used, published_only=bool(forced))
                if item is None:
                    continue
                posting = item.posting
                start = max(posting.published_at or ctx.now, worker.profile.created_at)
                end = item.open_until or ctx.now
                if start >= end:
                    continue
                used.add(id(item))
                status = forced.pop(0) if forced else weighted(rng, _WEIGHTS[posting.status])
                if hired and status in (A.OFFERED, A.HIRED):
                    status = A.WITHDRAWN  # one job at a time: further offers are turned down
                hired = hired or status == A.HIRED
                app, steps = _application(ctx, worker, item, status, start, end)
                applications.append(app)
                transitions.extend(steps)
                if status == A.HIRED:
                    outcomes.append(
                        EmploymentOutcome(
                            application=app,
                            profile=worker.profile,
                            employer=posting.employer,
                            county=posting.county,
                            job_type=posting.job_type,
                            key_groups=list(worker.groups),
                            hired_at=steps[-1].at,
                        )
                    )
            bar.update(1)
    bulk_insert(Application, applications)
    bulk_insert(ApplicationTransition, transitions)
    bulk_insert(EmploymentOutcome, outcomes)
    return {"applications": len(applications), "transitions": len(transitions), "outcomes": len(outcomes)}


def _application(
    ctx: SeedContext,
    worker: SeedWorker,
    item: SeedPosting,
    status: str,
    start: datetime.datetime,
    end: datetime.datetime,
) -> tuple[Application, list[ApplicationTransition]]:
    rng, posting = ctx.rng, item.posting
    actor = posting.created_by or (item.owner.members[0] if item.owner.members else None)
    at = start + (end - start) * rng.uniform(0.05, 0.6)
    if posting.station_id:
        source = "station" if rng.random() < 0.6 else "web"
    else:
        source = weighted(rng, [("web", 75), ("live", 10), ("event", 15)])
    app = Application(
        profile=worker.profile,
        posting=posting,
        snapshot=worker.snapshot(),
        status=status,
        source=source,
        created_at=at,
        employer_note=rng.choice(_EMPLOYER_NOTES) if status in PATH[2:] and rng.random() < 0.3 else "",
    )
    chain = _chain(ctx, status)
    steps = [ApplicationTransition(application=app, from_status="", to_status=chain[0], by=worker.user, at=at)]
    for previous, current in itertools.pairwise(chain):
        at = at + (ctx.now - at) * rng.uniform(0.05, 0.4)
        if current == A.REJECTED:
            note = rng.choice(_REJECT)
        elif current == A.WITHDRAWN:
            note = rng.choice(_WITHDRAW)
        else:
            note = _NOTES.get(current, "").format(date=at + datetime.timedelta(days=rng.randint(1, 4)))
        by = worker.user if current == A.WITHDRAWN else actor
        steps.append(
            ApplicationTransition(application=app, from_status=previous, to_status=current, by=by, note=note, at=at)
        )
    app.updated_at = at
    return app, steps
