"""How each of the plan's figures is counted from records: one definition per measure, in one place.

Each `Definition` names the records behind a figure (a queryset for the year), the date that puts a
record in a month, the county it counts for, and for a rate which records count as hits. The
dashboard, the drill-down lists, the workbook and the API all read figures through `figure()`,
which aggregates in the database (COUNT … GROUP BY month / county), never in Python loops, so a
year of records for half a million people stays fast.

The definition text is shown beside every figure: a director can say what a number means.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connection
from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marketplace.disputes.enums import MEDIATION_OUTCOMES, Outcome, Track
from marketplace.enums import JobType, KeyGroup
from marketplace.models import (
    DisputeCase,
    EmploymentOutcome,
    Household,
    RosterEntry,
    ServiceRating,
    SurveyedFigure,
    TrainingEnrolment,
)
from marketplace.places import COUNTY_BY_NAME
from marketplace.plan.enums import Comparison, Measure
from marketplace.ratings.enums import Score
from marketplace.stations.enums import ArrivalRoute
from marketplace.training.enums import EnrolmentStatus

COUNT, RATE, SURVEYED = "count", "rate", "surveyed"


def has_group(group: str) -> Q:
    """A JSON list of key groups holds `group`: jsonb containment on PostgreSQL (fast), the quoted
    value in the stored text on SQLite, which has no containment lookup."""
    if connection.vendor == "postgresql":
        return Q(key_groups__contains=[group])
    return Q(key_groups__icontains=f'"{group}"')


@dataclass(frozen=True)
class Column:
    header: str
    value: Callable[[object], object]


@dataclass(frozen=True)
class Definition:
    measure: Measure
    unit: str
    comparison: Comparison
    text: str
    kind: str
    records: Callable[[int], QuerySet]
    day: str  # the date (or datetime) field that puts a record in a month
    county: str  # the field that names the county it counts for
    hits: Q | None = None  # a rate's numerator among the records
    people: str | None = None  # count distinct values of this field (人), not rows (人次)
    per_county_target: bool = False  # the plan's target applies to each county, not only the total
    snapshot: bool = False  # a state now (uncleared households), not a flow within the year
    trend: str = ""  # what the month chart shows when it is not the figure itself
    trend_records: Callable[[int], QuerySet] | None = None  # the records of that trend
    columns: tuple[Column, ...] = field(default_factory=tuple)


def _year(field_name: str, year: int) -> Q:
    return Q(**{f"{field_name}__year": year})


def _new_jobs(year: int) -> QuerySet:
    return EmploymentOutcome.objects.filter(_year("hired_at", year), county__in=list(COUNTY_BY_NAME)).select_related(
        "profile", "employer", "application__posting"
    )


def _organised(year: int) -> QuerySet:
    return RosterEntry.objects.filter(_year("start_date", year)).select_related("station", "employer")


def _poverty_relieved_away(year: int) -> QuerySet:
    return RosterEntry.objects.filter(_year("start_date", year)).filter(has_group(KeyGroup.POVERTY_RELIEVED))


def _public_welfare(year: int) -> QuerySet:
    return _new_jobs(year).filter(job_type=JobType.PUBLIC_WELFARE).filter(has_group(KeyGroup.HARD_TO_EMPLOY))


def _training(year: int) -> QuerySet:
    return TrainingEnrolment.objects.filter(
        _year("completed_on", year), status=EnrolmentStatus.COMPLETED
    ).select_related("course")


def _households(year: int) -> QuerySet:
    return Household.objects.filter(cleared_on__isnull=True).select_related("owner")


def _mediation(year: int) -> QuerySet:
    return DisputeCase.objects.filter(_year("closed_on", year), track=Track.MEDIATION, outcome__in=MEDIATION_OUTCOMES)


def _arbitration(year: int) -> QuerySet:
    start = datetime.date(year, 1, 1)
    carried = Q(opened_on__lt=start) & (Q(closed_on__isnull=True) | Q(closed_on__gte=start))
    return DisputeCase.objects.filter(track=Track.ARBITRATION).filter(_year("opened_on", year) | carried)


def _ratings(year: int) -> QuerySet:
    return ServiceRating.objects.filter(_year("created_at", year))


def _surveyed(year: int) -> QuerySet:
    return SurveyedFigure.objects.filter(measure=Measure.SURVEYED_UNEMPLOYMENT, month__year=year)


def _date(value) -> str:
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).strftime("%Y-%m-%d")
    return value.isoformat() if value else ""


_HIRE_COLUMNS = (
    Column(_("姓名"), lambda r: r.profile.name),
    Column(_("用工单位"), lambda r: r.employer.name),
    Column(_("岗位"), lambda r: r.application.posting.title),
    Column(_("县市"), lambda r: r.county),
    Column(_("重点群体"), lambda r: "、".join(str(KeyGroup(g).label) for g in r.key_groups if g in KeyGroup.values)),
    Column(_("录用日期"), lambda r: _date(r.hired_at)),
)
_ROSTER_COLUMNS = (
    Column(_("姓名"), lambda r: r.name),
    Column(_("户籍县市"), lambda r: r.home_county),
    Column(_("协作站"), lambda r: r.station.name),
    Column(_("用工单位"), lambda r: r.workplace),
    Column(_("外出方式"), lambda r: r.get_route_display()),
    Column(_("到岗日期"), lambda r: _date(r.start_date)),
)
_DISPUTE_COLUMNS = (
    Column(_("案号"), lambda r: r.number),
    Column(_("争议类型"), lambda r: r.get_kind_display()),
    Column(_("县市"), lambda r: r.county),
    Column(_("申请人"), lambda r: r.applicant_name),
    Column(_("被申请人"), lambda r: r.respondent_name),
    Column(_("受理日期"), lambda r: _date(r.opened_on)),
    Column(_("结果"), lambda r: r.get_outcome_display()),
    Column(_("结案日期"), lambda r: _date(r.closed_on)),
)

DEFINITIONS: dict[str, Definition] = {
    d.measure: d
    for d in (
        Definition(
            Measure.NEW_URBAN_JOBS, _("人"), Comparison.AT_LEAST,
            _("本年在州内各县市经本平台录用的人数，按人去重（同一人年内多次录用计1人），按录用日期和工作地县市统计。"
              "零工和外出务工不计入，另见组织化程度。"),
            COUNT, _new_jobs, "hired_at", "county", people="profile_id", columns=_HIRE_COLUMNS,
        ),
        Definition(
            Measure.SURVEYED_UNEMPLOYMENT, "%", Comparison.AT_MOST,
            _("统计部门劳动力调查公布的月度城镇调查失业率，由人社局按月录入并注明来源；年内取最近一个月。"),
            SURVEYED, _surveyed, "month", "county",
            columns=(Column(_("月份"), lambda r: r.month.strftime("%Y-%m")),
                     Column(_("县市"), lambda r: r.county or _("全州")),
                     Column(_("数值（%）"), lambda r: r.value), Column(_("来源"), lambda r: r.source)),
        ),
        Definition(
            Measure.ORGANISED_SHARE, "%", Comparison.AT_LEAST,
            _("本年到岗的在外务工人员中，经协作站、组团输送、返岗直通车或平台求职外出的比例，按户籍县市统计（各协作站名册）。"),
            RATE, _organised, "start_date", "home_county", hits=~Q(route=ArrivalRoute.SELF),
            per_county_target=True, columns=_ROSTER_COLUMNS,
        ),
        Definition(
            Measure.POVERTY_RELIEVED_AWAY, _("人"), Comparison.ABOVE,
            _("本年到岗、登记为脱贫人口的在外务工人员，按手机号去重；目标为上年规模。"),
            COUNT, _poverty_relieved_away, "start_date", "home_county", people="phone_digest", columns=_ROSTER_COLUMNS,
        ),
        Definition(
            Measure.PUBLIC_WELFARE, _("人"), Comparison.AT_LEAST,
            _("本年录用到公益性岗位（用工类型为公益性岗位）、录用时为就业困难人员的人数，按人去重。"),
            COUNT, _public_welfare, "hired_at", "county", people="profile_id", columns=_HIRE_COLUMNS,
        ),
        Definition(
            Measure.TRAINING, _("人次"), Comparison.AT_LEAST,
            _("本年结业的职业技能培训学员人次（同一人结业两个培训班计2人次），按结业日期和培训地县市统计。"),
            COUNT, _training, "completed_on", "course__county",
            columns=(Column(_("姓名"), lambda r: r.name), Column(_("培训项目"), lambda r: r.course.name),
                     Column(_("培训机构"), lambda r: r.course.provider), Column(_("县市"), lambda r: r.course.county),
                     Column(_("结业日期"), lambda r: _date(r.completed_on)),
                     Column(_("证书编号"), lambda r: r.certificate_number)),
        ),
        Definition(
            Measure.ZERO_EMPLOYMENT_HOUSEHOLDS, _("户"), Comparison.AT_MOST,
            _("当前仍无成员就业的零就业家庭户数（动态清零，目标为0）；成员录用即自动清零。月度图为每月清零户数。"),
            COUNT, _households, "cleared_on", "county", snapshot=True, trend=_("每月清零户数"),
            trend_records=lambda year: Household.objects.filter(cleared_on__year=year),
            columns=(Column(_("户主"), lambda r: r.head_name), Column(_("县市"), lambda r: r.county),
                     Column(_("乡镇/街道"), lambda r: r.township), Column(_("村/社区"), lambda r: r.village),
                     Column(_("认定日期"), lambda r: _date(r.identified_on)),
                     Column(_("帮扶责任人"), lambda r: str(r.owner) if r.owner else ""),
                     Column(_("下一步帮扶"), lambda r: r.next_action),
                     Column(_("计划日期"), lambda r: _date(r.next_action_on))),
        ),
        Definition(
            Measure.MEDIATION_SUCCESS, "%", Comparison.AT_LEAST,
            _("本年办结的调解案件中调解成功的比例（撤回计入办结）。"),
            RATE, _mediation, "closed_on", "county", hits=Q(outcome=Outcome.MEDIATED), columns=_DISPUTE_COLUMNS,
        ),
        Definition(
            Measure.ARBITRATION_CLOSURE, "%", Comparison.AT_LEAST,
            _("本年受理及上年结转的仲裁案件中，本年已结案的比例。"),
            RATE, _arbitration, "opened_on", "county", hits=Q(closed_on__isnull=False), columns=_DISPUTE_COLUMNS,
        ),
        Definition(
            Measure.GOOD_RATINGS, "%", Comparison.AT_LEAST,
            _("本年群众对求职答复、招聘会、零工结算、协作站服务和返岗直通车的评价中好评的比例。"),
            RATE, _ratings, "created_at", "county", hits=Q(score=Score.GOOD),
            columns=(Column(_("服务"), lambda r: r.get_service_display()), Column(_("县市"), lambda r: r.county),
                     Column(_("评价"), lambda r: r.get_score_display()), Column(_("意见"), lambda r: r.comment),
                     Column(_("评价时间"), lambda r: _date(r.created_at))),
        ),
    )
}  # fmt: skip


def _aggregates(definition: Definition) -> dict:
    if definition.kind == RATE:
        return {"total": Count("pk"), "hits": Count("pk", filter=definition.hits)}
    if definition.people:
        return {"total": Count(definition.people, distinct=True)}
    return {"total": Count("pk")}


def value_of(definition: Definition, row: dict) -> Decimal | None:
    """The figure from one aggregate row: a count, or a rate in percent (None when nothing to divide)."""
    if definition.kind == RATE:
        if not row["total"]:
            return None
        return (Decimal(100) * row["hits"] / row["total"]).quantize(Decimal("0.1"))
    return Decimal(row["total"])


def records(definition: Definition, year: int, *, county: str = "", month: int | None = None) -> QuerySet:
    """The records behind a figure, optionally one county's or one month's: what a drill-down lists."""
    qs = definition.records(year)
    if county:
        qs = qs.filter(**{definition.county: county})
    if month:
        qs = qs.filter(**{f"{definition.day}__year": year, f"{definition.day}__month": month})
    return qs


def total(definition: Definition, year: int, **filters) -> Decimal | None:
    qs = records(definition, year, **filters)
    if definition.kind == SURVEYED:
        latest = qs.filter(county=filters.get("county", "")).order_by("-month").first()
        return latest.value if latest else None
    return value_of(definition, qs.aggregate(**_aggregates(definition)))


def by_month(definition: Definition, year: int) -> dict[int, Decimal | None]:
    """Month number → figure of that month (the trend); for a snapshot, what happened in that month."""
    if definition.kind == SURVEYED:
        return {r.month.month: r.value for r in records(definition, year).filter(county="")}
    qs = definition.trend_records(year) if definition.trend_records else records(definition, year)
    qs = qs.filter(**{f"{definition.day}__year": year})  # carried-over cases have no month of this year
    rows = qs.annotate(m=TruncMonth(definition.day)).values("m").annotate(**_aggregates(definition)).order_by("m")
    return {row["m"].month: value_of(definition, row) for row in rows if row["m"] is not None}


def by_county(definition: Definition, year: int) -> dict[str, Decimal | None]:
    """County → figure: the county comparison."""
    if definition.kind == SURVEYED:
        latest: dict[str, Decimal] = {}
        for row in records(definition, year).exclude(county="").order_by("month"):
            latest[row.county] = row.value
        return latest
    rows = records(definition, year).values(definition.county).annotate(**_aggregates(definition))
    return {row[definition.county]: value_of(definition, row) for row in rows if row[definition.county]}


Breakdown = tuple[Decimal | None, dict[int, Decimal | None], dict[str, Decimal | None]]


def breakdown(definition: Definition, year: int) -> Breakdown:
    """(total, by month, by county) in as few passes over the records as exactness allows.

    Counts of rows and rates add up: one GROUP BY (month, county) gives all three. Counts of
    distinct people do not (a person hired in two months is one person in the year), and a
    snapshot's trend is other records: those keep their own queries.
    """
    if definition.kind == SURVEYED or definition.people or definition.snapshot:
        return total(definition, year), by_month(definition, year), by_county(definition, year)
    rows = (records(definition, year).annotate(m=TruncMonth(definition.day)).values("m", definition.county)
            .annotate(**_aggregates(definition)).order_by())  # fmt: skip
    keys = ("total", "hits") if definition.kind == RATE else ("total",)
    whole = dict.fromkeys(keys, 0)
    months: dict[int, dict[str, int]] = {}
    counties: dict[str, dict[str, int]] = {}
    for row in rows:
        county = row[definition.county]
        in_year = row["m"] is not None and row["m"].year == year  # carried-over cases count, but not in a month
        for key in keys:
            whole[key] += row[key]
            if in_year:
                months.setdefault(row["m"].month, dict.fromkeys(keys, 0))[key] += row[key]
            if county:
                counties.setdefault(county, dict.fromkeys(keys, 0))[key] += row[key]
    return (
        value_of(definition, whole),
        {m: value_of(definition, v) for m, v in sorted(months.items())},
        {c: value_of(definition, v) for c, v in counties.items()},
    )
