"""The demo's plan: the year's targets and a year of the records behind them.

Made through the services, as staff would make them: the plan's targets, the surveyed rate of each
month, training classes and their trainees, zero-employment households (some cleared by a hire),
dispute cases on both tracks, and ratings of services seekers actually received. The demo is a
few hundred people, so counts sit far below the prefecture's targets; rates and the county
comparison look as they would in production.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.db.models import Q

from marketplace.disputes import services as disputes
from marketplace.disputes.enums import DisputeKind, Outcome, Track
from marketplace.enums import ApplicationStatus
from marketplace.households import services as households
from marketplace.models import (
    Application,
    DisputeCase,
    Household,
    PlanTarget,
    RosterEntry,
    Seat,
    ServiceRating,
    SurveyedFigure,
    TrainingCourse,
)
from marketplace.places import COUNTIES, COUNTY_BY_NAME
from marketplace.plan import services as plan
from marketplace.plan.enums import Measure
from marketplace.ratings.enums import Score, Service
from marketplace.ratings.services import rating_give
from marketplace.seed.core import SeedContext
from marketplace.seed.workers import SeedWorker
from marketplace.training import services as training
from marketplace.training.enums import EnrolmentStatus
from marketplace.trips.enums import SeatStatus

# The 2023 work plan's numbers (../shared/docs/domain.md, "Targets").
PLAN_TARGETS = (
    (Measure.NEW_URBAN_JOBS, "40000"), (Measure.SURVEYED_UNEMPLOYMENT, "5.5"), (Measure.ORGANISED_SHARE, "70"),
    (Measure.POVERTY_RELIEVED_AWAY, "30"), (Measure.PUBLIC_WELFARE, "4100"), (Measure.TRAINING, "48000"),
    (Measure.ZERO_EMPLOYMENT_HOUSEHOLDS, "0"), (Measure.MEDIATION_SUCCESS, "60"),
    (Measure.ARBITRATION_CLOSURE, "90"), (Measure.GOOD_RATINGS, "96"),
)  # fmt: skip
COURSES = (("电工", "电工证"), ("焊工", "焊工证"), ("育婴员", "育婴员证"), ("中式烹调师", "中式烹调师证"),
           ("叉车司机", "叉车证"), ("电子商务", ""), ("家政服务员", "家政服务员证"), ("挖掘机驾驶员", ""))  # fmt: skip
RESPONDENTS = ("黔东南某建筑劳务公司", "凯里某商贸有限公司", "某服装加工厂", "某物业服务公司", "某餐饮店")


def _months_so_far(ctx: SeedContext) -> list[datetime.date]:
    return [datetime.date(ctx.today.year, m, 1) for m in range(1, ctx.today.month + 1)]


def _day_in(ctx: SeedContext, month: datetime.date) -> datetime.date:
    last = ctx.today if month.month == ctx.today.month else (month + datetime.timedelta(days=31)).replace(day=1)
    span = max((last - month).days - 1, 0)
    return month + datetime.timedelta(days=ctx.rng.randint(0, span))


def _home(worker: SeedWorker) -> str:
    county = worker.profile.current_county
    return county if county in COUNTY_BY_NAME else ""


def seed_plan(ctx: SeedContext, workers: list[SeedWorker]) -> int:
    """Targets, surveyed figures, training, households, disputes and ratings; returns the rows made."""
    bureau = ctx.bureau
    if bureau is None:
        return 0
    made = 0
    year = ctx.today.year
    for measure, value in PLAN_TARGETS:
        plan.target_set(by=bureau, year=year, measure=measure, value=value, note="2023年工作计划")
        made += 1
    for month in _months_so_far(ctx):
        rate = Decimal("5.1") + Decimal(ctx.rng.randint(-3, 6)) / 10
        plan.surveyed_record(by=bureau, month=month, value=rate, source="州统计局月度劳动力调查（演示）")
        made += 1
    made += _training(ctx, workers)
    made += _households(ctx, workers)
    made += _disputes(ctx)
    made += _ratings(ctx)
    return made


def _training(ctx: SeedContext, workers: list[SeedWorker]) -> int:
    made = 0
    for index, month in enumerate(_months_so_far(ctx)[:-1] or _months_so_far(ctx)):
        name, certificate = COURSES[index % len(COURSES)]
        county = COUNTIES[ctx.rng.randrange(len(COUNTIES))].name
        starts = month + datetime.timedelta(days=2)
        ends = min(starts + datetime.timedelta(days=20), ctx.today)
        provider = f"{county}职业技能培训学校"
        course = training.course_create(by=ctx.bureau, name=f"{name}培训班", provider=provider, county=county,
                                         starts_on=starts, ends_on=ends, certificate=certificate)  # fmt: skip
        for worker in ctx.rng.sample(workers, min(len(workers), ctx.rng.randint(8, 18))):
            status = EnrolmentStatus.COMPLETED if ctx.rng.random() < 0.85 else EnrolmentStatus.DROPPED
            training.enrol(by=ctx.bureau, course=course, name=worker.profile.name or "学员", phone=worker.user.phone,
                           home_county=_home(worker),
                           status=status,
                           completed_on=ends if status == EnrolmentStatus.COMPLETED else None)  # fmt: skip
            made += 1
    return made


def _households(ctx: SeedContext, workers: list[SeedWorker]) -> int:
    made, used = 0, set()
    candidates = [w for w in workers if "zero_employment_household" in w.groups or "poverty_relieved" in w.groups]
    for worker in candidates[:14]:
        if worker.profile.pk in used or households.employed(worker.profile):
            continue
        used.add(worker.profile.pk)
        identified = ctx.today.replace(month=1, day=1) + datetime.timedelta(days=ctx.rng.randint(0, 60))
        households.household_register(
            by=ctx.bureau, head_name=worker.profile.name or "户主", county=_home(worker) or "凯里市",
            members=[worker.profile], identified_on=min(identified, ctx.today), owner=ctx.bureau,
            next_action=ctx.rng.choice(("推荐公益性岗位", "上门了解就业意愿", "推荐参加周周招聘", "安排技能培训")),
            next_action_on=ctx.today + datetime.timedelta(days=ctx.rng.randint(1, 20)),
        )  # fmt: skip
        made += 1
    # A few have been cleared by a member's job during the year.
    for household in Household.objects.filter(cleared_on__isnull=True).order_by("pk")[: made // 3]:
        member = household.members.first()
        households.household_clear_for(member.profile, on=_day_in(ctx, ctx.rng.choice(_months_so_far(ctx))))
    return made


def _disputes(ctx: SeedContext) -> int:
    made = 0
    for month in _months_so_far(ctx):
        for _n in range(ctx.rng.randint(2, 5)):
            track = Track.MEDIATION if ctx.rng.random() < 0.65 else Track.ARBITRATION
            opened = _day_in(ctx, month)
            case = disputes.dispute_open(
                by=ctx.bureau, kind=ctx.rng.choice(DisputeKind.values), track=track,
                county=COUNTIES[ctx.rng.randrange(len(COUNTIES))].name,
                applicant_name=ctx.rng.choice("张王李杨吴潘") + "某",
                respondent_name=ctx.rng.choice(RESPONDENTS), amount=ctx.rng.randint(2, 80) * 1000, opened_on=opened,
            )  # fmt: skip
            made += 1
            closed = opened + datetime.timedelta(days=ctx.rng.randint(5, 50))
            if closed > ctx.today or ctx.rng.random() < 0.08:
                continue
            if track == Track.MEDIATION:
                outcome = Outcome.MEDIATED if ctx.rng.random() < 0.66 else Outcome.MEDIATION_FAILED
            else:
                outcome = ctx.rng.choice((Outcome.AWARD, Outcome.AWARD, Outcome.SETTLED, Outcome.WITHDRAWN))
            disputes.dispute_close(by=ctx.bureau, case=case, outcome=outcome, closed_on=closed)
    return made


def _ratings(ctx: SeedContext) -> int:
    answered = (ApplicationStatus.INTERVIEW, ApplicationStatus.OFFERED, ApplicationStatus.HIRED,
                ApplicationStatus.REJECTED)  # fmt: skip
    given: list[tuple[str, object]] = []
    given += [(Service.APPLICATION, a) for a in Application.objects.filter(status__in=answered).select_related(
        "profile__user")[:120]]  # fmt: skip
    given += [(Service.STATION, r) for r in RosterEntry.objects.filter(profile__isnull=False).select_related(
        "profile__user")[:40]]  # fmt: skip
    given += [(Service.TRIP, s) for s in Seat.objects.filter(status__in=(SeatStatus.BOARDED, SeatStatus.ARRIVED))
              .select_related("profile__user")[:40]]  # fmt: skip
    made, days_so_far = 0, (ctx.today - ctx.today.replace(month=1, day=1)).days
    for service, record in given:
        roll = ctx.rng.random()
        score = Score.GOOD if roll < 0.95 else (Score.AVERAGE if roll < 0.98 else Score.BAD)
        comment = "" if score == Score.GOOD else ctx.rng.choice(("等了很久才有回复", "电话打不通", "说明不清楚"))
        rating = rating_give(by=record.profile.user, service=service, ref_id=record.pk, score=score, comment=comment)
        when = ctx.ago(ctx.rng.uniform(0.5, max(days_so_far, 1)))
        ServiceRating.objects.filter(pk=rating.pk).update(created_at=when)
        made += 1
    return made


def release_plan(user_ids: list[int]) -> int:
    """Delete what the demo's staff recorded (before their accounts go); real staff's records stay."""
    deleted = 0
    for model, owner in ((TrainingCourse, "created_by_id"), (Household, "owner_id"), (DisputeCase, "handled_by_id"),
                         (SurveyedFigure, "entered_by_id"), (PlanTarget, "updated_by_id")):  # fmt: skip
        deleted += model.objects.filter(Q(**{f"{owner}__in": user_ids})).delete()[0]
    return deleted
