"""Risk panels of the dashboard: where supply and demand do not meet, who has gone quiet, which
employers collect complaints. Each is a handful of GROUP BY queries; the lists are short on purpose
(what a director can act on this week), each row saying who should act.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Exists, OuterRef, Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.arrears import rules as arrears_rules
from marketplace.employers.selectors import blacklisted
from marketplace.enums import KeyGroup
from marketplace.models import (
    Application,
    DisputeCase,
    Employer,
    EmploymentOutcome,
    GroupTag,
    JobPosting,
    Occupation,
    User,
    WageArrearsCase,
    WorkerProfile,
)
from marketplace.postings.selectors import posting_public_q
from marketplace.privacy import mask_phone

IDLE_DAYS = 30
# Idle seekers are counted up to this many: past it the panel says "10,000人以上", which is all a
# director acts on, and the count stops early instead of anti-joining every profile.
IDLE_COUNT_CAP = 10_000
COMPLAINT_DAYS, COMPLAINT_WARNING = arrears_rules.WARNING_WINDOW_DAYS, arrears_rules.WARNING_AT


@dataclass(frozen=True)
class OccupationBalance:
    occupation: str
    openings: int  # headcount of open postings
    applicants: int  # applications to them in the last 30 days
    seekers: int  # profiles that want this trade


Balances = tuple[list[OccupationBalance], list[OccupationBalance]]


def occupation_balance(*, days: int = IDLE_DAYS, limit: int = 8) -> Balances:
    """(many openings few applicants, many seekers few openings), worst first."""
    since = timezone.now() - datetime.timedelta(days=days)
    open_posts = JobPosting.objects.filter(posting_public_q()).exclude(blacklisted())
    openings = dict(open_posts.filter(occupation__isnull=False).values_list("occupation_id")
                    .annotate(n=Sum("headcount")).order_by())  # fmt: skip
    applicants = dict(Application.objects.filter(created_at__gte=since, posting__in=open_posts,
                                                 posting__occupation__isnull=False)
                      .values_list("posting__occupation_id").annotate(n=Count("id")).order_by())  # fmt: skip
    wanted = WorkerProfile.wanted_occupations.through.objects
    seekers = dict(wanted.values_list("occupation_id").annotate(n=Count("workerprofile_id")).order_by())
    names = dict(Occupation.objects.filter(pk__in=set(openings) | set(seekers)).values_list("pk", "name"))
    rows = [OccupationBalance(names[pk], openings.get(pk, 0) or 0, applicants.get(pk, 0), seekers.get(pk, 0))
            for pk in names]  # fmt: skip
    short_of_people = sorted((r for r in rows if r.openings >= 3 and r.applicants < r.openings),
                             key=lambda r: (r.applicants / r.openings, -r.openings))[:limit]  # fmt: skip
    short_of_jobs = sorted((r for r in rows if r.seekers >= 3 and r.openings < r.seekers),
                           key=lambda r: (r.openings / r.seekers, -r.seekers))[:limit]  # fmt: skip
    return short_of_people, short_of_jobs


@dataclass(frozen=True)
class IdleSeeker:
    profile_id: int
    name: str
    county: str
    phone: str  # masked: the full number is on the person's page, where reading it is logged
    groups: list[str]
    caller: str  # who should call: the station organising them, else the county's employment service


def seekers_idle(*, days: int = IDLE_DAYS, limit: int = 30) -> tuple[int, list[IdleSeeker]]:
    """Seekers registered over `days` ago with no application in `days` and no job: (how many, up to
    IDLE_COUNT_CAP; the first `limit`).

    The list takes key groups first, longest registered first, in two LIMITed queries walking the
    sign-up date's index, so it stops at the first `limit` found instead of sorting everyone.
    """
    since = timezone.now() - datetime.timedelta(days=days)
    # No join to the wide user and profile rows: the profile's creation date (an index holding the
    # user id too), the few closed accounts as a NOT IN, the recent applications and hires hashed.
    idle = (
        WorkerProfile.objects.filter(created_at__lt=since)
        .exclude(user_id__in=User.objects.filter(is_active=False).values("pk"))
        .exclude(Exists(Application.objects.filter(profile=OuterRef("pk"), created_at__gte=since)))
        .exclude(Exists(EmploymentOutcome.objects.filter(profile=OuterRef("pk"))))
    )
    tagged = Exists(GroupTag.objects.filter(profile=OuterRef("pk")))
    ordered = ("created_at", "pk")
    first = list(idle.filter(tagged).select_related("user", "station").order_by(*ordered)[:limit])
    if len(first) < limit:
        first += list(idle.exclude(tagged).select_related("user", "station").order_by(*ordered)[: limit - len(first)])
    tags: dict[int, list[str]] = {}
    for tag in GroupTag.objects.filter(profile__in=[p.pk for p in first]).order_by("pk"):
        if tag.group in KeyGroup.values:
            tags.setdefault(tag.profile_id, []).append(str(KeyGroup(tag.group).label))
    rows = []
    for profile in first:
        county = profile.current_county or _("户籍地")
        caller = profile.station.name if profile.station_id else _("%(county)s人社局就业服务窗口") % {"county": county}
        rows.append(IdleSeeker(profile.pk, profile.name or "—", profile.current_county, mask_phone(profile.user.phone),
                               tags.get(profile.pk, []), caller))  # fmt: skip
    return idle.order_by()[:IDLE_COUNT_CAP].count(), rows


@dataclass(frozen=True)
class ComplainedEmployer:
    employer_id: int
    name: str
    arrears: int
    disputes: int
    gigs: int = 0  # wage complaints on the gig market

    @property
    def total(self) -> int:
        return self.arrears + self.disputes + self.gigs


def employers_complained_of(*, days: int = COMPLAINT_DAYS,
                            at_least: int = COMPLAINT_WARNING) -> list[ComplainedEmployer]:  # fmt: skip
    """欠薪预警: employers with `at_least` wage-arrears cases, disputes or gig wage complaints in `days`."""
    since = timezone.localdate() - datetime.timedelta(days=days)
    arrears = dict(WageArrearsCase.objects.filter(employer__isnull=False, opened_at__date__gte=since)
                   .values_list("employer_id").annotate(n=Count("id")).order_by())  # fmt: skip
    disputes = dict(DisputeCase.objects.filter(employer__isnull=False, opened_on__gte=since)
                    .values_list("employer_id").annotate(n=Count("id")).order_by())  # fmt: skip
    gigs = arrears_rules.other_complaints(since)
    names = dict(Employer.objects.filter(pk__in=set(arrears) | set(disputes) | set(gigs)).values_list("pk", "name"))
    rows = [ComplainedEmployer(pk, names[pk], arrears.get(pk, 0), disputes.get(pk, 0), gigs.get(pk, 0)) for pk in names]
    return sorted((r for r in rows if r.total >= at_least), key=lambda r: -r.total)
