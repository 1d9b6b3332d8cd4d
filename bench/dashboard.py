"""The dashboard benchmark: the bureau's Monday page with a year of records for 500,000 people.

Why: the plan's figures are counted from records on every page view (no nightly tables to go
stale), so the page must stay fast at the prefecture's scale. The records are generated inside
PostgreSQL (INSERT … SELECT over generate_series, cloning one prototype row per table that the ORM
wrote, so every column has the value the product would give it): half a million people, about
600,000 applications, 48,000 hires, 150,000 workers away, 50,000 trainees, 6,000 households,
4,000 dispute cases and 150,000 ratings. Then the page is rendered as bureau staff see it
(figures, charts, risk panels) through the Django test client: the first render, then `--renders`
more, with p50/p95. A second run on the same database reuses the records.
"""

from __future__ import annotations

import datetime
import statistics
import sys
import time
from dataclasses import dataclass, field

from django.conf import settings
from django.core.management import call_command
from django.db import connection, transaction
from django.test import Client
from django.utils import timezone
from tqdm import tqdm

from marketplace.enums import JobType, KeyGroup, PostingStatus, Role
from marketplace.models import (
    Application,
    CooperationStation,
    DisputeCase,
    Employer,
    EmploymentOutcome,
    GroupTag,
    Household,
    JobPosting,
    Occupation,
    RosterEntry,
    ServiceRating,
    TrainingCourse,
    TrainingEnrolment,
    User,
    WorkerProfile,
)
from marketplace.occupations.services import occupations_load
from marketplace.places import COUNTIES
from marketplace.plan.demo import PLAN_TARGETS
from marketplace.plan.services import surveyed_record, target_set

P95_TARGET_MS = 1000.0
MARK = "bench-dash-"


@dataclass
class DashboardOptions:
    people: int = 500_000
    renders: int = 20
    progress: bool = True


@dataclass
class DashboardReport:
    options: DashboardOptions
    rows: dict[str, int] = field(default_factory=dict)
    generate_s: float = 0.0
    first_ms: float = 0.0
    times_ms: list[float] = field(default_factory=list)

    @property
    def p95(self) -> float:
        ordered = sorted(self.times_ms)
        return ordered[max(0, round(0.95 * len(ordered)) - 1)] if ordered else 0.0

    @property
    def targets_met(self) -> bool:
        return bool(self.times_ms) and self.p95 <= P95_TARGET_MS


def _columns(model) -> list[str]:
    return [f.column for f in model._meta.concrete_fields if not f.primary_key]


def clone(model, proto_pk: int, n: int, overrides: dict[str, str]) -> None:
    """INSERT n copies of a prototype row, with SQL expressions (over g = 1..n) for the columns that vary."""
    table = model._meta.db_table
    cols = _columns(model)
    select = ", ".join(overrides.get(c, f'p."{c}"') for c in cols)
    quoted = ", ".join(f'"{c}"' for c in cols)
    # Our own table and column names and SQL expressions, never input: no injection to guard against.
    # No parameters: the expressions use SQL's % operator, which a placeholder parser would misread.
    sql = (f'INSERT INTO "{table}" ({quoted}) SELECT {select} FROM "{table}" p '  # noqa: S608
           f"CROSS JOIN generate_series(1, {int(n)}) g WHERE p.id = {int(proto_pk)} ORDER BY g")  # fmt: skip
    with connection.cursor() as cursor:
        cursor.execute(sql)


def _array(values) -> str:
    if all(isinstance(v, int) for v in values):
        return "ARRAY[" + ", ".join(str(v) for v in values) + "]::bigint[]"
    return "ARRAY[" + ", ".join(f"'{v}'" for v in values) + "]"


def _pick(values, index_sql: str) -> str:
    """values[index % len] as SQL (the arrays are ours: county names and codes, no user input)."""
    return f"({_array(values)})[1 + (({index_sql}) % {len(values)})]"


def _spread(days: int, g: str = "g", prime: int = 7919) -> str:
    """A day offset 0..days-1 that looks scattered over g."""
    return f"((({g})::bigint * {prime}) % {days})::int"  # bigint: 600,000 × 7,919 is past int4


def generate(options: DashboardOptions) -> dict[str, int]:
    """The records of a year, made in the database; a no-op when this database already holds them."""
    n = options.people
    # The other records in proportion to the people, as in a prefecture of this size: at 500,000 people
    # 20,000 open postings of 2,000 employers, 150,000 workers away, 50,000 trainees, 6,000 households.
    employers, postings = max(n // 250, 10), max(n // 25, 50)
    roster, trainees, households, cases, ratings = (
        n * 3 // 10,
        n // 10,
        max(n // 80, 10),
        max(n // 125, 10),
        n * 3 // 10,
    )
    if User.objects.filter(phone_digest=f"{MARK}{n}").exists():
        return _counts()
    if User.objects.filter(phone_digest__startswith=MARK).exists():
        raise SystemExit("this database holds benchmark records for another --people; use a fresh DATABASE_URL")
    occupations_load()
    today = timezone.localdate()
    start = today.replace(month=1, day=1)
    days = (today - start).days + 1
    counties = [c.name for c in COUNTIES]
    occupation_ids = list(Occupation.objects.values_list("pk", flat=True))
    bar = tqdm(total=11, desc="记录", unit="表", disable=not options.progress, file=sys.stderr)

    with transaction.atomic():
        proto_user = User.objects.create_user("13900000000", display_name="压测", role=Role.SEEKER)
        joined = f"now() - interval '1 day' * (({_spread(400)}) + 1)"
        clone(User, proto_user.pk, n, {"phone_digest": f"'{MARK}' || g", "display_name": "'求职者' || g",
                                       "date_joined": joined})  # fmt: skip
        proto_user.delete()
        bar.update()
        users = f"(SELECT id FROM marketplace_user WHERE phone_digest = '{MARK}' || g)"  # noqa: S608 - ours
        proto = WorkerProfile.objects.create(user=User.objects.get(phone_digest=f"{MARK}1"), name="压测")
        clone(WorkerProfile, proto.pk, n - 1, {"user_id": users.replace("|| g", "|| (g + 1)"),
                                               "current_county": _pick(counties, "g"), "created_at": joined,
                                               "name": "'求职者' || g"})  # fmt: skip
        bar.update()
        profiles = (
            "(SELECT pr.id FROM marketplace_workerprofile pr JOIN marketplace_user u ON u.id = pr.user_id "  # noqa: S608
            f"WHERE u.phone_digest = '{MARK}' || (({{g}} % {n}) + 1))"
        )
        tag = GroupTag.objects.create(profile=proto, group=KeyGroup.POVERTY_RELIEVED)
        clone(
            GroupTag,
            tag.pk,
            n // 5 - 1,
            {"profile_id": profiles.format(g="g * 5"), "group": _pick(KeyGroup.values, "g")},
        )
        bar.update()

        employer = Employer.objects.create(name="压测单位", credit_code="91522601MA0000001X", county="凯里市")
        code = "'91522601BX' || lpad(g::text, 8, '0')"
        clone(Employer, employer.pk, employers - 1, {"name": "'压测单位' || g", "credit_code": code,
                                            "county": _pick(counties, "g")})  # fmt: skip
        bar.update()
        posting = JobPosting.objects.create(employer=employer, title="普工", county="凯里市", pay_min=3000,
                                            pay_max=5000, status=PostingStatus.PUBLISHED,
                                            published_at=timezone.now(), occupation_id=occupation_ids[0])  # fmt: skip
        welfare = f"CASE WHEN g % 20 = 0 THEN '{JobType.PUBLIC_WELFARE}' ELSE '{JobType.FULL_TIME}' END"
        clone(JobPosting, posting.pk, postings - 1, {
            "employer_id": f"(SELECT min(id) FROM marketplace_employer) + (g % {employers})",  # noqa: S608
            "occupation_id": _pick(occupation_ids, "g * 31"), "county": _pick(counties, "g"),
            "headcount": "1 + g % 10", "job_type": welfare,
        })  # fmt: skip
        bar.update()
        application = Application.objects.create(profile=proto, posting=posting)
        applications = n * 6 // 5
        hired = "CASE WHEN g % 12 = 0 THEN 'hired' WHEN g % 5 = 0 THEN 'rejected' ELSE 'submitted' END"
        clone(Application, application.pk, applications, {
            "profile_id": profiles.format(g="g"),
            "posting_id": f"(SELECT min(id) FROM marketplace_jobposting) + ((g + g / {n}) % {postings})",  # noqa: S608
            "status": hired, "created_at": f"now() - interval '1 day' * {_spread(days)}",
        })  # fmt: skip
        bar.update()
        with connection.cursor() as cursor:  # a hire per hired application, as application_advance records it
            cursor.execute(
                "INSERT INTO marketplace_employmentoutcome (application_id, profile_id, employer_id, county, job_type, "
                "key_groups, hired_at) SELECT a.id, a.profile_id, jp.employer_id, jp.county, jp.job_type, "
                "CASE WHEN a.id % 3 = 0 THEN '[\"hard_to_employ\"]'::jsonb ELSE '[]'::jsonb END, a.created_at "
                "FROM marketplace_application a JOIN marketplace_jobposting jp ON jp.id = a.posting_id "
                "WHERE a.status = 'hired'"
            )
        bar.update()
        station = CooperationStation.objects.create(name="驻宁波压测站", city="宁波")
        entry = RosterEntry.objects.create(station=station, name="压测", phone="13700000000", home_county="凯里市",
                                           start_date=start)  # fmt: skip
        clone(RosterEntry, entry.pk, roster, {
            "phone_digest": f"'{MARK}r' || g", "home_county": _pick(counties, "g"),
            "start_date": f"DATE '{start.isoformat()}' + {_spread(days)}",
            "route": "CASE WHEN g % 4 = 0 THEN 'self' ELSE 'trip' END",
            "key_groups": "CASE WHEN g % 4 = 1 THEN '[\"poverty_relieved\"]'::jsonb ELSE '[]'::jsonb END",
        })  # fmt: skip
        bar.update()
        course = TrainingCourse.objects.create(name="电工培训班", provider="培训学校", county="凯里市", starts_on=start,
                                               ends_on=start)  # fmt: skip
        clone(TrainingCourse, course.pk, max(trainees // 25, 1), {"county": _pick(counties, "g")})
        enrolment = TrainingEnrolment.objects.create(course=course, name="学员", phone="13700000000",
                                                     phone_digest=f"{MARK}t0", status="completed",
                                                     completed_on=start)  # fmt: skip
        clone(TrainingEnrolment, enrolment.pk, trainees, {
            "course_id": f"(SELECT min(id) FROM marketplace_trainingcourse) + (g % {max(trainees // 25, 1)})",  # noqa: S608
            "phone_digest": f"'{MARK}t' || g", "completed_on": f"DATE '{start.isoformat()}' + {_spread(days)}",
        })  # fmt: skip
        bar.update()
        household = Household.objects.create(head_name="户主", county="凯里市", identified_on=start)
        clone(Household, household.pk, households, {
            "county": _pick(counties, "g"),
            "cleared_on": f"CASE WHEN g % 3 = 0 THEN NULL ELSE DATE '{start.isoformat()}' + {_spread(days)} END",
        })  # fmt: skip
        case = DisputeCase.objects.create(number=f"{MARK}0", kind="wages", track="mediation", county="凯里市",
                                          applicant_name="张某", respondent_name="某公司", opened_on=start)  # fmt: skip
        clone(DisputeCase, case.pk, cases, {
            "number": f"'{MARK}' || g", "track": "CASE WHEN g % 3 = 0 THEN 'arbitration' ELSE 'mediation' END",
            "county": _pick(counties, "g"), "opened_on": f"DATE '{start.isoformat()}' + {_spread(days)}",
            "outcome": "CASE WHEN g % 10 = 0 THEN '' WHEN g % 3 = 0 THEN 'award' WHEN g % 3 = 1 THEN 'mediated' "
                       "ELSE 'mediation_failed' END",
            "closed_on": f"CASE WHEN g % 10 = 0 THEN NULL ELSE DATE '{start.isoformat()}' + {_spread(days)} END",
        })  # fmt: skip
        rating = ServiceRating.objects.create(service="application", ref_id=0, rater=proto.user, county="凯里市",
                                              score="good")  # fmt: skip
        clone(ServiceRating, rating.pk, ratings, {
            "ref_id": "g", "county": _pick(counties, "g"), "score": "CASE WHEN g % 25 = 0 THEN 'bad' ELSE 'good' END",
            "created_at": f"now() - interval '1 day' * {_spread(days)}",
        })  # fmt: skip
        bar.update()
        bureau = User.objects.create_user("19999999999", role=Role.BUREAU, display_name="压测人社局")
        for measure, value in PLAN_TARGETS:
            target_set(by=bureau, year=today.year, measure=measure, value=value)
        for month in range(1, today.month + 1):
            surveyed_record(by=bureau, month=datetime.date(today.year, month, 1), value="5.2", source="压测")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    bar.close()
    return _counts()


def _counts() -> dict[str, int]:
    return {
        "people": WorkerProfile.objects.count(), "applications": Application.objects.count(),
        "hires": EmploymentOutcome.objects.count(), "workers away": RosterEntry.objects.count(),
        "trainees": TrainingEnrolment.objects.count(), "households": Household.objects.count(),
        "disputes": DisputeCase.objects.count(), "ratings": ServiceRating.objects.count(),
    }  # fmt: skip


def run(options: DashboardOptions) -> DashboardReport:
    report = DashboardReport(options)
    started = time.monotonic()
    report.rows = generate(options)
    report.generate_s = time.monotonic() - started
    if "Manifest" in settings.STORAGES["staticfiles"]["BACKEND"]:  # production pages name hashed static files
        call_command("collectstatic", interactive=False, verbosity=0)
    client = Client(SERVER_NAME="127.0.0.1")
    client.force_login(User.objects.get(phone_digest__isnull=False, display_name="压测人社局"))
    for index in tqdm(range(options.renders + 1), desc="看板", unit="次", disable=not options.progress,
                      file=sys.stderr):  # fmt: skip
        began = time.perf_counter()
        response = client.get("/bureau/dashboard/")
        elapsed = (time.perf_counter() - began) * 1000
        if response.status_code != 200:
            raise SystemExit(f"the dashboard answered {response.status_code}")
        if index == 0:
            report.first_ms = elapsed
        else:
            report.times_ms.append(elapsed)
    _print(report)
    return report


def _print(report: DashboardReport) -> None:
    rows = "，".join(f"{k} {v:,}" for k, v in report.rows.items())
    print(f"\nrecords: {rows} (ready in {report.generate_s:.0f} s)")
    times = report.times_ms
    print(f"/bureau/dashboard/ first render {report.first_ms:.0f} ms; {len(times)} more: "
          f"p50 {statistics.median(times):.0f} ms, p95 {report.p95:.0f} ms, max {max(times):.0f} ms "
          f"(target p95 ≤ {P95_TARGET_MS:.0f} ms)")  # fmt: skip
    print("targets met" if report.targets_met else "targets NOT met")
