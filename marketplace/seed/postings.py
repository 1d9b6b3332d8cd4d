"""Job postings across every job type, status and county, with a consistent status history."""

from __future__ import annotations

import datetime
import json
from dataclasses import dataclass

from marketplace.enums import JobType, PostingStatus
from marketplace.models import JobPosting, Occupation, PostingTransition, User
from marketplace.places import COUNTIES, County
from marketplace.seed import catalogue, jobs
from marketplace.seed.core import SeedContext, SeedEmployer, bulk_insert, weighted
from marketplace.seed.handcrafted import DEMO_PATH
from marketplace.seed.places import city_point, local_point, pick_county

S = PostingStatus
_TYPE_WEIGHTS = [
    (JobType.FULL_TIME, 55),
    (JobType.GIG, 18),
    (JobType.PART_TIME, 10),
    (JobType.INTERNSHIP, 7),
    (JobType.PUBLIC_WELFARE, 10),
]
_STATUS_WEIGHTS = [
    (S.PUBLISHED, 68),
    (S.DRAFT, 4),
    (S.PENDING, 6),
    (S.PAUSED, 5),
    (S.CLOSED, 8),
    (S.EXPIRED, 7),
    (S.REJECTED, 2),
]
_REJECT_NOTES = (
    "岗位要求中含有“限男性”等性别限制，请修改后重新提交。",
    "薪资写成“面议”，请填写具体薪资范围。",
    "疑似向求职者收取押金、服装费，不予发布。",
    "工作地点与单位所在地不符，请补充项目合同或情况说明。",
)
_SITES = ("项目部", "集镇", "工业园区", "安置点社区就业帮扶车间", "农贸市场旁")


@dataclass
class SeedPosting:
    posting: JobPosting
    owner: SeedEmployer
    open_until: datetime.datetime | None = None  # when it stopped taking applications (closed/paused), else now


def _employer_for(
    ctx: SeedContext, employers: list[SeedEmployer], job_type: str, status: str, local_only: bool
) -> SeedEmployer | None:
    def fits(e: SeedEmployer) -> bool:
        if job_type == JobType.PUBLIC_WELFARE and not e.public:
            return False
        if job_type not in (JobType.PUBLIC_WELFARE, JobType.INTERNSHIP) and e.public:
            return False
        # Internships and public-welfare posts are local programmes; so are postings that must cover a county.
        if (local_only or job_type in (JobType.INTERNSHIP, JobType.PUBLIC_WELFARE)) and e.destination is not None:
            return False
        if status == S.PUBLISHED:
            return e.verified and not e.blacklisted
        if status in (S.PAUSED, S.CLOSED, S.EXPIRED):
            return e.verified  # a blacklisted employer's earlier postings stay, paused or ended
        return not e.blacklisted

    candidates = [e for e in employers if fits(e)]
    if not candidates:
        return None
    return ctx.rng.choices(candidates, [e.weight for e in candidates])[0]


def _place(ctx: SeedContext, owner: SeedEmployer, forced: County | None) -> tuple[str, str, str, float, float]:
    rng = ctx.rng
    if owner.destination:
        dest = owner.destination
        district = rng.choice(dest.districts)
        lat, lon = city_point(rng, dest)
        return (
            dest.city,
            district,
            f"{dest.city}{district}{rng.choice(catalogue.BRANDS)}工业园{rng.randint(1, 60)}号",
            lat,
            lon,
        )
    employer = owner.employer
    county = forced or (owner.county if owner.public or rng.random() < 0.7 else pick_county(rng, urban_bias=1.5))
    assert county is not None  # noqa: S101 - local employers always have a county
    if county is owner.county and rng.random() < 0.6:
        town, address = employer.town, employer.address
    else:
        town = rng.choice(county.towns)
        address = f"{county.name}{town}{rng.choice(_SITES)}"
    lat, lon = local_point(rng, county, town)
    return county.name, town, address, lat, lon


def _times(ctx: SeedContext, status: str, job_type: str) -> dict:
    """Creation, publication and validity consistent with the status, relative to `--today`."""
    rng, today = ctx.rng, ctx.today
    published = None
    if status == S.PUBLISHED:
        published = ctx.ago(rng.uniform(0.05, 60))
    elif status == S.PAUSED:
        published = ctx.ago(rng.uniform(10, 60))
    elif status == S.CLOSED:
        published = ctx.ago(rng.uniform(20, 90))
    elif status == S.EXPIRED:
        published = ctx.ago(rng.uniform(40, 120))
    if published:
        created = published - datetime.timedelta(hours=rng.uniform(2, 72))
    else:
        created = ctx.ago(rng.uniform(0.1, 5) if status == S.PENDING else rng.uniform(1, 30))
    days_valid = rng.randint(1, 10) if job_type == JobType.GIG else rng.randint(20, 90)
    if status == S.EXPIRED:
        valid = today - datetime.timedelta(days=rng.randint(1, 30))
        valid = max(valid, published.date() + datetime.timedelta(days=1))  # type: ignore[union-attr]
    elif status == S.CLOSED:
        valid = today + datetime.timedelta(days=rng.randint(-5, 30))
    else:
        valid = max(today + datetime.timedelta(days=1), created.date() + datetime.timedelta(days=days_valid))
    return {"created_at": created, "published_at": published, "valid_until": valid}


def _description(
    ctx: SeedContext, family: str, occ: str, job_type: str, age: tuple, certs: list[str], owner: SeedEmployer
) -> str:
    rng = ctx.rng
    parts = [catalogue.DUTIES[family].format(occ=occ, months=rng.randint(3, 18))]
    need = []
    if age[0] and age[1]:
        need.append(f"{age[0]}–{age[1]}岁")
    if certs:
        need.append("持" + "、".join(certs) + "上岗")
    parts.append(("要求" + "，".join(need) + "，男女不限。") if need else "年龄不限，男女不限，能吃苦就行。")
    if job_type in catalogue.EXTRA:
        parts.append(catalogue.EXTRA[job_type].format(months=rng.choice((3, 6, 12))))
    if owner.destination and job_type == JobType.FULL_TIME:
        parts.append(f"由{owner.destination.station}统一组织，返岗直通车免费接送，到厂后有老乡照应。")
    return "".join(parts)


def _occupation(ctx: SeedContext, owner: SeedEmployer, job_type: str) -> Occupation:
    """Mostly what an employer of this name does (a shoe factory hires 制鞋工), sometimes anything in its trade."""
    rng = ctx.rng
    if job_type == JobType.PUBLIC_WELFARE:
        return rng.choice(ctx.by_family["F11"])
    if owner.public:
        return rng.choice([o for o in ctx.by_family["F08"] if o.name in catalogue.PUBLIC_INTERNSHIPS])
    focus = next((names for keyword, names in catalogue.FOCUS if keyword in owner.employer.name), ())
    pool = [ctx.by_name[name] for name in focus if name in ctx.by_name]
    if job_type == JobType.INTERNSHIP:
        trade = {o.name for o in pool} | {
            o.name for f in catalogue.INDUSTRY_BY_KEY[owner.industry].families for o in ctx.by_family[f]
        }
        names = [n for n in catalogue.INTERNSHIP_ROLES if n in trade] or list(catalogue.INTERNSHIP_ROLES)
        return ctx.by_name[rng.choice(names)]
    if pool and rng.random() < 0.85:
        return rng.choice(pool)
    return rng.choice(ctx.by_family[rng.choice(catalogue.INDUSTRY_BY_KEY[owner.industry].families)])


def _posting(ctx: SeedContext, index: int, employers: list[SeedEmployer], uncovered: list[County]) -> SeedPosting:
    rng = ctx.rng
    job_type = JobType.values[index] if index < len(JobType.values) else weighted(rng, _TYPE_WEIGHTS)
    status = S.values[index] if index < len(S.values) else weighted(rng, _STATUS_WEIGHTS)
    owner = _employer_for(ctx, employers, job_type, status, bool(uncovered)) or _employer_for(
        ctx, employers, job_type, status, False
    )
    if owner is None:  # e.g. no public unit is allowed to post in this status: fall back to a draft
        status, job_type = S.DRAFT, JobType.FULL_TIME
        owner = _employer_for(ctx, employers, job_type, status, False)
        assert owner is not None  # noqa: S101 - the first seeded employer is a verified factory
    # Until every county has a posting, local businesses post in the next county without one
    # (branches, project sites); public units always post in their own county.
    forced = uncovered[0] if uncovered and not owner.destination and not owner.public else None
    county, town, address, lat, lon = _place(ctx, owner, forced)
    uncovered[:] = [c for c in uncovered if c.name != county]
    occupation = _occupation(ctx, owner, job_type)
    family = occupation.family.code
    coastal = owner.destination is not None
    unit = jobs.pay_unit(rng, job_type, family, occupation.name)
    title_template, schedule = jobs.title_and_schedule(
        rng, job_type=job_type, family=family, occupation=occupation.name, unit=unit, coastal=coastal
    )
    days = rng.randint(2, 7)
    title = title_template.format(
        occ=occupation.name,
        town=town,
        county=county,
        n=rng.randint(2, 10),
        days=days,
        city=county,
        district=town,
        station=owner.destination.station if owner.destination else "",
    )
    pay_min, pay_max = jobs.pay_range(
        rng, family=family, occupation=occupation.name, unit=unit, job_type=job_type, coastal=coastal
    )
    age = jobs.age_range(rng, family, job_type)
    cert_skills = jobs.certificate_skills(occupation.skills)
    must = any("特种" in s for s in cert_skills)
    learner = "学徒" in title or job_type == JobType.INTERNSHIP
    certs = cert_skills[:1] if cert_skills and not learner and (must or rng.random() < 0.6) else []
    by_station = coastal and rng.random() < 0.7
    creator: User | None = ctx.station_staff[county] if by_station else (owner.members[0] if owner.members else None)
    benefits = jobs.benefits(rng, family, job_type)
    if "包吃住" in title:
        benefits = [b for b in jobs.BENEFITS if b in {*benefits, "包吃住"} - {"包吃", "包住"}]
    if job_type == JobType.FULL_TIME:
        headcount = rng.choice((5, 10, 20, 30, 50)) if family == "F02" else rng.randint(1, 6)
    else:
        headcount = rng.randint(2, 15) if job_type == JobType.GIG else rng.randint(1, 5)
    times = _times(ctx, status, job_type)
    note = ""
    if status == S.REJECTED:
        note = rng.choice(_REJECT_NOTES)
    elif status == S.PAUSED and owner.blacklisted:
        note = "单位已被列入拖欠农民工工资黑名单，岗位暂停展示。"
    posting = JobPosting(
        employer=owner.employer,
        station=owner.employer.station if by_station else None,
        created_by=creator,
        title=title[:80],
        description=_description(ctx, family, occupation.name, job_type, age, certs, owner),
        occupation=occupation,
        job_type=job_type,
        county=county,
        town=town,
        address=address[:200],
        lat=lat,
        lon=lon,
        pay_min=pay_min,
        pay_max=pay_max,
        pay_unit=unit,
        headcount=headcount,
        education_min=jobs.education_min(rng, family, job_type),
        certificates_required=certs,
        age_min=age[0],
        age_max=age[1],
        benefits=benefits,
        schedule=schedule.format(days=days),
        status=status,
        status_note=note,
        updated_at=times["created_at"],
        **times,
    )
    return SeedPosting(posting, owner)


def _transitions(ctx: SeedContext, item: SeedPosting) -> list[PostingTransition]:
    """draft → pending → published/rejected → paused/closed/expired, each by whoever does it."""
    rng, posting = ctx.rng, item.posting
    status = posting.status
    if status == S.DRAFT:
        return []
    steps = [(S.DRAFT, S.PENDING, posting.created_by, "", posting.created_at + datetime.timedelta(minutes=5))]
    if status == S.REJECTED:
        steps.append((S.PENDING, S.REJECTED, ctx.bureau, posting.status_note, ctx.later(steps[0][4], 2, 30)))
    elif status != S.PENDING:
        steps.append((S.PENDING, S.PUBLISHED, ctx.bureau, "", posting.published_at))
        end = posting.published_at + datetime.timedelta(days=rng.uniform(3, 20))  # type: ignore[operator]
        if status == S.PAUSED:
            who = ctx.bureau if item.owner.blacklisted else posting.created_by
            steps.append(
                (S.PUBLISHED, S.PAUSED, who, posting.status_note or "本批已招满，暂停接收报名", min(end, ctx.now))
            )
        elif status == S.CLOSED:
            steps.append((S.PUBLISHED, S.CLOSED, posting.created_by, "已招满，结束招聘", min(end, ctx.now)))
        elif status == S.EXPIRED:
            expiry = datetime.datetime.combine(posting.valid_until, datetime.time(23, 59), steps[-1][4].tzinfo)
            steps.append((S.PUBLISHED, S.EXPIRED, None, "超过有效期，系统自动下架", min(expiry, ctx.now)))
        if status in (S.PAUSED, S.CLOSED):
            item.open_until = steps[-1][4]
    posting.updated_at = steps[-1][4]
    return [
        PostingTransition(posting=posting, from_status=a, to_status=b, by=by, note=note, at=at)
        for a, b, by, note, at in steps
    ]


def seed_postings(ctx: SeedContext, employers: list[SeedEmployer], count: int) -> list[SeedPosting]:
    items: list[SeedPosting] = []
    transitions: list[PostingTransition] = []
    uncovered = list(COUNTIES)
    with ctx.progress("招聘岗位", count) as bar:
        for index in range(count):
            item = _posting(ctx, index, employers, uncovered)
            transitions.extend(_transitions(ctx, item))
            items.append(item)
            bar.update(1)
    bulk_insert(JobPosting, [item.posting for item in items])
    bulk_insert(PostingTransition, transitions)
    return items


def demo_postings(ctx: SeedContext, employers: list[SeedEmployer]) -> list[SeedPosting]:
    """The handcrafted published postings, as targets for seeded applications, in the file's order.

    `demo_load` dates them from the wall clock (3 hours apart, newest first). Seeded applications
    must come after publication and be the same on every run, so the postings are re-dated the
    same way from the reference moment instead.
    """
    owners = {e.employer.pk: e for e in employers}
    by_key = {(p.employer_id, p.title): p for p in JobPosting.objects.filter(employer__in=list(owners))}
    data = json.loads(DEMO_PATH.read_text(encoding="utf-8"))
    codes = {row["key"]: row["credit_code"] for row in data["employers"]}
    ids = {e.employer.credit_code: e.employer.pk for e in employers}
    result = []
    for position, row in enumerate(data["postings"]):
        posting = by_key.get((ids.get(codes[row["employer"]]), row["title"]))
        if posting is None or posting.status != S.PUBLISHED:
            continue
        posting.published_at = ctx.now - datetime.timedelta(hours=3 * position)
        posting.created_at = posting.published_at - datetime.timedelta(hours=1)
        result.append(SeedPosting(posting, owners[posting.employer_id]))
    JobPosting.objects.bulk_update([item.posting for item in result], ["published_at", "created_at"], batch_size=500)
    return result
