"""The seeding run: refuse or reset, load reference and handcrafted data, then each phase in turn."""

from __future__ import annotations

import datetime
import random
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.db.models import Count, QuerySet
from django.db.models.functions import Substr
from django.utils import timezone

from marketplace.arrears.demo import release_arrears, seed_arrears
from marketplace.enums import PostingStatus
from marketplace.models import (
    Application,
    ApplicationTransition,
    BlacklistEntry,
    Certificate,
    CooperationStation,
    DisputeCase,
    Employer,
    EmploymentOutcome,
    FollowUp,
    GroupTag,
    Household,
    JobPosting,
    Occupation,
    PlanTarget,
    PostingTransition,
    RosterEntry,
    Seat,
    ServiceRating,
    TrainingEnrolment,
    Trip,
    User,
    WageArrearsCase,
    WorkerProfile,
    WorkExperience,
)
from marketplace.plan.demo import release_plan, seed_plan
from marketplace.seed.applications import seed_applications
from marketplace.seed.core import (
    CREDIT_MARK,
    DEMO_PASSWORD,
    ProgressFactory,
    SeedContext,
    given_timestamps,
    no_progress,
)
from marketplace.seed.extensions import DemoWorld, demo_extensions
from marketplace.seed.handcrafted import demo_load
from marketplace.seed.organisations import demo_employers, seed_employers, seed_members, seed_stations_and_staff
from marketplace.seed.people import MAX_SEEKERS, seeded_phone_digests
from marketplace.seed.postings import demo_postings, seed_postings
from marketplace.seed.workers import seed_workers
from marketplace.stations.demo import release_rosters, seed_rosters
from marketplace.trips.demo import release_trips, seed_trips

_OPEN_FOR_APPLICATIONS = (PostingStatus.PUBLISHED, PostingStatus.PAUSED, PostingStatus.CLOSED)
# Rows whose creation times the run sets itself (see `given_timestamps`).
_TIMESTAMPED = (
    Employer,
    BlacklistEntry,
    JobPosting,
    PostingTransition,
    WorkerProfile,
    Application,
    ApplicationTransition,
)
SUMMARY_MODELS = (
    ("劳务协作站", CooperationStation),
    ("用人单位", Employer),
    ("欠薪黑名单", BlacklistEntry),
    ("招聘岗位", JobPosting),
    ("岗位状态记录", PostingTransition),
    ("用户", User),
    ("求职者档案", WorkerProfile),
    ("重点群体标签", GroupTag),
    ("证书", Certificate),
    ("工作经历", WorkExperience),
    ("求职申请", Application),
    ("申请状态记录", ApplicationTransition),
    ("就业结果", EmploymentOutcome),
    ("在外务工人员", RosterEntry),
    ("稳岗回访", FollowUp),
    ("欠薪线索", WageArrearsCase),
    ("返岗直通车", Trip),
    ("直通车座位", Seat),
    ("年度目标", PlanTarget),
    ("培训学员", TrainingEnrolment),
    ("零就业家庭", Household),
    ("劳动争议案件", DisputeCase),
    ("服务评价", ServiceRating),
)


class SeedError(Exception):
    """The run was refused (seed data present without reset, or sizes out of range); nothing changed."""


@dataclass(frozen=True)
class SeedOptions:
    seed: int = 2023
    employers: int = 50
    postings: int = 800
    profiles: int = 3000
    today: datetime.date | None = None
    reset: bool = False


@dataclass
class SeedResult:
    today: datetime.date
    deleted: int
    counts: dict[str, int]
    posting_status: dict[str, int]
    job_types: dict[str, int]
    application_status: dict[str, int]
    key_groups: dict[str, int]
    logins: list[tuple[str, str, str]] = field(default_factory=list)
    password: str = DEMO_PASSWORD


def _seeded_employers() -> QuerySet[Employer]:
    return Employer.objects.annotate(seed_mark=Substr("credit_code", 9, len(CREDIT_MARK))).filter(seed_mark=CREDIT_MARK)


def _seeded_user_ids() -> list[int]:
    ids: list[int] = []
    for digests in seeded_phone_digests():
        ids.extend(User.objects.filter(phone_digest__in=digests).values_list("pk", flat=True))
    return sorted(ids)


def seed_exists() -> bool:
    """Whether any seeded employer or account is present (checks the whole reserved phone block)."""
    return _seeded_employers().exists() or bool(_seeded_user_ids())


@transaction.atomic
def seed_reset() -> int:
    """Delete only seeded accounts and employers (and what cascades from them); return the row count."""
    deleted = 0
    for digests in seeded_phone_digests():
        deleted += release_rosters(digests)
    ids = _seeded_user_ids()
    deleted += release_trips(ids)
    deleted += release_plan(ids)
    deleted += release_arrears(ids)
    # Rows of other features that protect a seeded account go first (a gig protects its poster).
    for extension in demo_extensions():
        if extension.release_accounts is not None:
            deleted += extension.release_accounts(ids)
    for start in range(0, len(ids), 500):
        deleted += User.objects.filter(pk__in=ids[start : start + 500]).delete()[0]
    employer_ids = list(_seeded_employers().values_list("pk", flat=True))
    for start in range(0, len(employer_ids), 500):
        deleted += Employer.objects.filter(pk__in=employer_ids[start : start + 500]).delete()[0]
    return deleted


def _check(options: SeedOptions) -> None:
    if not 5 <= options.employers <= 4000:
        raise SeedError("--employers 须在 5 到 4000 之间（前 5 家覆盖工厂、公益单位、协作站企业与各认证状态）。")
    if options.postings < 20:
        raise SeedError("--postings 至少 20 个，才能覆盖黔东南全部 16 个县市和各种岗位状态。")
    if not 16 <= options.profiles <= MAX_SEEKERS:
        raise SeedError(f"--profiles 须在 16 到 {MAX_SEEKERS} 之间（覆盖全部县市与重点群体；保留号段容量有限）。")


def _tally(queryset: QuerySet, column: str) -> dict[str, int]:
    return dict(queryset.values_list(column).annotate(n=Count("pk")).order_by(column))


def seed_demo(options: SeedOptions | None = None, *, progress: ProgressFactory = no_progress) -> SeedResult:
    """Seed everything in one transaction: on any error, or a refusal, the database is unchanged."""
    options = options or SeedOptions()
    _check(options)
    today = options.today or timezone.localdate()
    with transaction.atomic():
        deleted = 0
        if seed_exists():
            if not options.reset:
                raise SeedError(
                    "演示数据已存在（保留号段 1990000xxxx 的账号或信用代码含 MAJYT 的单位）。"
                    "如需重新生成，请加 --reset：只删除这些演示数据，不动其他数据。"
                )
            deleted = seed_reset()
        demo_load()  # loads the occupation taxonomy first, then the handcrafted employers and postings
        occupations = list(Occupation.objects.select_related("family").order_by("code"))
        by_family: dict[str, list[Occupation]] = defaultdict(list)
        for occupation in occupations:
            by_family[occupation.family.code].append(occupation)
        ctx = SeedContext(
            rng=random.Random(options.seed),  # noqa: S311 - reproducible demo data, not secrets
            today=today,
            progress=progress,
            occupations=occupations,
            by_family=dict(by_family),
            by_name={o.name: o for o in occupations},
            password_hash=make_password(DEMO_PASSWORD),
        )
        with given_timestamps(*_TIMESTAMPED):
            seed_stations_and_staff(ctx)
            seeded = seed_employers(ctx, options.employers)
            demo = demo_employers()
            seed_members(ctx, demo + seeded)
            postings = seed_postings(ctx, seeded, options.postings)
            workers = seed_workers(ctx, options.profiles)
            pool = [p for p in postings if p.posting.status in _OPEN_FOR_APPLICATIONS] + demo_postings(ctx, demo)
            seed_applications(ctx, workers, pool)
            seed_rosters(ctx, workers)
            seed_trips(ctx, workers)
            seed_plan(ctx, workers)
            seed_arrears(ctx, workers)
        world = DemoWorld(ctx=ctx, demo_employers=demo, workers=workers, today=today, seed=options.seed)
        for extension in demo_extensions():
            extension.seed(world)
    return SeedResult(
        today=today,
        deleted=deleted,
        counts={label: model.objects.count() for label, model in SUMMARY_MODELS},
        posting_status=_tally(JobPosting.objects.all(), "status"),
        job_types=_tally(JobPosting.objects.all(), "job_type"),
        application_status=_tally(Application.objects.all(), "status"),
        key_groups=_tally(GroupTag.objects.all(), "group"),
        logins=ctx.logins,
    )
