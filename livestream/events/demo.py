"""Demo recruitment events for `seed_demo`: a weekly series with past and coming occurrences, two
special sessions, booths, sign-ups, check-ins, and outcomes.

Past fairs reuse the applications the marketplace seed already made (linking those to the booths'
postings), so the marketplace's own demo data stays exactly as its seed makes it. Demo events are
known by their titles: a re-seed (`--reset`) replaces them.
"""

from __future__ import annotations

import datetime
import random

from django.db.models import Count, Q
from django.utils import timezone

from livestream.events.enums import BoothStatus
from livestream.events.services.occurrences import local_moment, occurrences_generate
from livestream.events.services.tickets import new_ticket_code
from livestream.models import Booth, EventApplication, EventRegistration, EventSeries, RecruitmentEvent
from marketplace.enums import ApplicationStatus, KeyGroup, PostingStatus, VerificationStatus
from marketplace.models import Application, Employer, JobPosting, User, WorkerProfile

WEEKLY_TITLE = "凯里市周周招聘"
GRADUATE_TITLE = "高校毕业生专场招聘会"
POVERTY_TITLE = "脱贫劳动力专场招聘会"
DEMO_TITLES = (WEEKLY_TITLE, GRADUATE_TITLE, POVERTY_TITLE)
TAIJIANG = {"county": "台江县", "venue_name": "台江县易地扶贫搬迁安置区就业服务站", "address": "台江县台拱街道"}
VENUE = {
    "county": "凯里市",
    "venue_name": "凯里市人力资源市场一楼大厅",
    "address": "凯里市宁波路9号",
    "lat": 26.566,
    "lon": 107.981,
}


def _employers_with_jobs(rng: random.Random, count: int, exclude: set[int]) -> list[Employer]:
    ranked = (
        Employer.objects.filter(verification=VerificationStatus.VERIFIED)
        .exclude(pk__in=exclude)
        .annotate(
            jobs=Count("postings", filter=Q(postings__status=PostingStatus.PUBLISHED), distinct=True),
            hires=Count("postings__applications", filter=Q(postings__applications__status=ApplicationStatus.HIRED)),
        )
        .filter(jobs__gt=0)
        .order_by("-hires", "pk")[: count * 3]
    )
    pool = list(ranked)
    rng.shuffle(pool)
    return sorted(pool[:count], key=lambda e: e.pk)


def _booth(event: RecruitmentEvent, employer: Employer, bureau: User | None, status: str) -> Booth:
    booth = Booth.objects.create(
        event=event,
        employer=employer,
        status=status,
        registered_by=employer.members.first(),
        decided_by=bureau if status != BoothStatus.PENDING else None,
        decided_at=event.starts_at - datetime.timedelta(days=2) if status != BoothStatus.PENDING else None,
    )
    booth.postings.set(
        JobPosting.objects.filter(employer=employer, status=PostingStatus.PUBLISHED).order_by("-pay_max", "pk")[:3]
    )
    return booth


def _register(event: RecruitmentEvent, profiles: list[WorkerProfile], *, checked_in: float, rng: random.Random,
              bureau: User | None) -> int:  # fmt: skip
    """Sign-ups a few days before; for a past event, most of them at the door."""
    made = 0
    taken = set(EventRegistration.objects.filter(event=event).values_list("profile_id", flat=True))
    for profile in profiles:
        if profile.pk in taken or made >= event.capacity:
            continue
        at_door = event.has_ended() and rng.random() < checked_in
        EventRegistration.objects.create(
            event=event,
            profile=profile,
            ticket_code=new_ticket_code(),
            created_at=event.starts_at - datetime.timedelta(days=rng.randint(1, 6), hours=rng.randint(0, 12)),
            checked_in_at=event.starts_at + datetime.timedelta(minutes=rng.randint(0, 150)) if at_door else None,
            checked_in_by=bureau if at_door else None,
        )
        taken.add(profile.pk)
        made += 1
    return made


def _past_fair(event: RecruitmentEvent, employers: list[Employer], rng: random.Random, bureau: User | None) -> None:
    booths = [_booth(event, e, bureau, BoothStatus.APPROVED) for e in employers]
    postings = [p for b in booths for p in b.postings.all()]
    applications = list(
        Application.objects.filter(posting__in=postings)
        .exclude(status=ApplicationStatus.WITHDRAWN)
        .exclude(event_link__isnull=False)
        .select_related("profile")
        .order_by("pk")
    )
    rng.shuffle(applications)
    applications = applications[:45]
    EventApplication.objects.bulk_create([EventApplication(event=event, application=a) for a in applications])
    applicants = [a.profile for a in applications]
    # Applicants came and were checked in; others came to look around.
    _register(event, applicants, checked_in=1.0, rng=rng, bureau=bureau)
    others = list(WorkerProfile.objects.filter(user__role="seeker").exclude(pk__in=[p.pk for p in applicants])[:400])
    _register(event, rng.sample(others, min(len(others), 30)), checked_in=0.6, rng=rng, bureau=bureau)


def events_seed(*, today: datetime.date, seed: int, bureau: User | None = None) -> dict[str, int]:
    """Replace the demo events; returns counts for the summary."""
    rng = random.Random(f"events-{seed}")  # noqa: S311 - reproducible demo data, not secrets
    RecruitmentEvent.objects.filter(title__in=DEMO_TITLES).delete()
    EventSeries.objects.filter(title__in=DEMO_TITLES).delete()
    bureau = bureau or User.objects.filter(role="bureau").order_by("pk").first()
    now = timezone.now()

    # 周周招聘: every Wednesday 09:00–12:00, three past weeks and four coming ones.
    series = EventSeries.objects.create(
        kind="weekly", title=WEEKLY_TITLE, description="每周三上午，州内企业现场招聘，可现场投递、面谈。",
        weekdays=[2], start_time=datetime.time(9), end_time=datetime.time(12), capacity=300,
        starts_on=today - datetime.timedelta(days=21), weeks_ahead=4, created_by=bureau, **VENUE,
    )  # fmt: skip
    occurrences_generate(series=series, today=today - datetime.timedelta(days=21))
    occurrences_generate(series=series, today=today)
    used: set[int] = set()
    occurrences = list(series.events.order_by("starts_at"))
    past = [e for e in occurrences if e.ends_at <= now]
    coming = [e for e in occurrences if e.ends_at > now]
    for event in past[-2:]:
        employers = _employers_with_jobs(rng, 5, used)
        used.update(e.pk for e in employers)
        _past_fair(event, employers, rng, bureau)

    seekers = list(WorkerProfile.objects.filter(user__role="seeker").order_by("pk")[:600])
    graduates = [p for p in seekers if any(t.group == KeyGroup.GRADUATE for t in p.group_tags.all())]
    relieved = [p for p in seekers if any(t.group == KeyGroup.POVERTY_RELIEVED for t in p.group_tags.all())]
    if coming:
        next_fair = coming[0]
        for index, employer in enumerate(_employers_with_jobs(rng, 6, set())):
            _booth(next_fair, employer, bureau, BoothStatus.PENDING if index == 5 else BoothStatus.APPROVED)
        _register(next_fair, rng.sample(seekers, min(len(seekers), 40)), checked_in=0, rng=rng, bureau=bureau)

    specials = []
    for title, kind, groups, days, county_venue, online, people in (
        (GRADUATE_TITLE, "special", [KeyGroup.GRADUATE], 6, VENUE, True, graduates),
        (POVERTY_TITLE, "special", [KeyGroup.POVERTY_RELIEVED, KeyGroup.RELOCATED], 10,
         TAIJIANG, False, relieved),
    ):  # fmt: skip
        day = today + datetime.timedelta(days=days)
        event = RecruitmentEvent.objects.create(
            kind=kind, title=title, target_groups=list(groups), capacity=200, online=online, created_by=bureau,
            starts_at=local_moment(day, datetime.time(9, 30)), ends_at=local_moment(day, datetime.time(12, 30)),
            description="面向重点群体的专场招聘，岗位经人社部门筛选。", **county_venue,
        )  # fmt: skip
        for employer in _employers_with_jobs(rng, 4, set()):
            _booth(event, employer, bureau, BoothStatus.APPROVED)
        _register(event, people[:25], checked_in=0, rng=rng, bureau=bureau)
        specials.append(event)
    return {
        "events": RecruitmentEvent.objects.filter(title__in=DEMO_TITLES).count(),
        "registrations": EventRegistration.objects.filter(event__title__in=DEMO_TITLES).count(),
        "event_applications": EventApplication.objects.filter(event__title__in=DEMO_TITLES).count(),
    }
