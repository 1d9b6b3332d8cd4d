"""Read queries of recruitment events: listings, booths and jobs, 为你推荐, and outcomes.

Outcomes count, per event and per employer:
- sign-ups: active registrations (walk-ins included), check-ins: those checked in;
- applications: applications made from the event's page (`EventApplication`);
- interviews: those of them that reached the interview step (or went past it, to an offer or a
  hire: an employer may skip the step, but the person was still interviewed in fact);
- hires (达成就业意向): those with an `EmploymentOutcome`, and how many of those were of a key group
  (the outcome keeps the worker's confirmed groups at the moment of the hire).
"""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, Q, QuerySet
from django.urls import reverse
from django.utils import timezone

from livestream.events.enums import BoothStatus, EventStatus, RegistrationStatus
from livestream.live.enums import RoomStatus
from livestream.models import Booth, EventApplication, EventRegistration, LiveRoom, RecruitmentEvent
from marketplace.enums import ApplicationStatus, KeyGroup
from marketplace.models import JobPosting, User, WorkerProfile
from marketplace.postings.selectors import posting_list_public
from matching.features import posting_from_document, seeker_from_profile
from matching.pay import monthly
from matching.ranking import score_pair
from matching.search.documents import posting_document

INTERVIEWED = (ApplicationStatus.INTERVIEW, ApplicationStatus.OFFERED, ApplicationStatus.HIRED)


def events_upcoming(*, kind: str = "", now: datetime.datetime | None = None) -> QuerySet[RecruitmentEvent]:
    """Events that have not ended, soonest first; cancelled ones stay listed, marked, for a while."""
    now = now or timezone.now()
    qs = RecruitmentEvent.objects.filter(ends_at__gt=now).select_related("station").order_by("starts_at", "pk")
    if kind:
        qs = qs.filter(kind=kind)
    return qs.annotate(
        sign_ups=Count("registrations", filter=Q(registrations__status=RegistrationStatus.ACTIVE), distinct=True),
        booth_count=Count("booths", filter=Q(booths__status=BoothStatus.APPROVED), distinct=True),
    )


def events_for_staff(*, user: User) -> QuerySet[RecruitmentEvent]:
    """Events a staff member manages: all for the bureau, the station's own for station staff."""
    qs = RecruitmentEvent.objects.select_related("station", "series").order_by("-starts_at", "-pk")
    if user.is_bureau:
        return qs
    if user.is_station_staff:
        return qs.filter(station_id=user.station_id)
    return qs.none()


def event_live_room_url(event: RecruitmentEvent) -> str:
    """The event's 直播间 page, when a livestream room is linked to it; "" otherwise.

    The room on now wins, then the next scheduled one, then the last that ended (its replay page
    keeps the jobs shown and lets people still apply).
    """
    rooms = LiveRoom.objects.filter(event=event)
    room = (
        rooms.filter(status=RoomStatus.LIVE).order_by("-started_at").first()
        or rooms.filter(status=RoomStatus.SCHEDULED).order_by("scheduled_at").first()
        or rooms.order_by("-ended_at").first()
    )
    return reverse("frontend:live_room", args=[room.pk]) if room else ""


def booths_approved(event: RecruitmentEvent, *, q: str = "") -> list[Booth]:
    """The event's approved booths with their public jobs; `q` filters jobs by title or employer."""
    jobs = posting_list_public()
    q = (q or "").strip()
    if q:
        jobs = jobs.filter(Q(title__icontains=q) | Q(employer__name__icontains=q) | Q(description__icontains=q))
    booths = (
        Booth.objects.filter(event=event, status=BoothStatus.APPROVED)
        .select_related("employer")
        .prefetch_related(Prefetch("postings", queryset=jobs, to_attr="jobs"))
        .order_by("employer__name")
    )
    return [b for b in booths if b.jobs or not q]


def event_jobs(event: RecruitmentEvent) -> QuerySet[JobPosting]:
    """Public jobs at the event's approved booths."""
    return posting_list_public().filter(booths__event=event, booths__status=BoothStatus.APPROVED).distinct()


@dataclass(frozen=True)
class EventRecommendation:
    posting: JobPosting
    score: float
    reasons: list[str]


def event_recommended(event: RecruitmentEvent, profile: WorkerProfile, *, limit: int = 5) -> list[EventRecommendation]:
    """为你推荐 among the event's jobs: the matcher's own scoring, on the database alone (no index)."""
    jobs = list(event_jobs(event))
    if not jobs:
        return []
    profile = WorkerProfile.objects.prefetch_related("wanted_occupations__family", "certificates", "group_tags").get(
        pk=profile.pk
    )
    seeker = seeker_from_profile(profile)
    scored = []
    for job in jobs:
        ranked = score_pair(seeker, posting_from_document(posting_document(job), job.description))
        scored.append(EventRecommendation(posting=job, score=ranked.score, reasons=list(ranked.reasons)))
    scored.sort(key=lambda r: (-r.score, r.posting.pk))
    return scored[:limit]


def event_top_jobs(event: RecruitmentEvent, *, limit: int = 6) -> list[JobPosting]:
    """The jobs a poster shows: best monthly pay first, then most places."""
    jobs = list(event_jobs(event))
    jobs.sort(key=lambda p: (-(monthly(p.pay_max, p.pay_unit) or 0), -p.headcount, p.pk))
    return jobs[:limit]


def registration_for(event: RecruitmentEvent, user: User) -> EventRegistration | None:
    if not user.is_authenticated or not user.is_seeker:
        return None
    return (
        EventRegistration.objects.filter(event=event, profile__user=user, status=RegistrationStatus.ACTIVE)
        .select_related("event", "profile")
        .first()
    )


def tickets_of(user: User) -> QuerySet[EventRegistration]:
    return (
        EventRegistration.objects.filter(profile__user=user, status=RegistrationStatus.ACTIVE)
        .select_related("event", "event__station")
        .order_by("event__starts_at")
    )


def booth_of(event: RecruitmentEvent, user: User) -> Booth | None:
    if not user.is_authenticated or not user.is_employer_member:
        return None
    return Booth.objects.filter(event=event, employer_id=user.employer_id).prefetch_related("postings").first()


# --- outcomes -----------------------------------------------------------------------------------


@dataclass
class Outcome:
    """One row of the outcomes table: an event or an employer."""

    key: int
    label: str
    sign_ups: int | None = 0
    check_ins: int | None = 0
    applications: int = 0
    interviews: int = 0
    hires: int = 0
    key_group_hires: int = 0
    groups: Counter = field(default_factory=Counter)

    @property
    def key_group_share(self) -> float:
        return self.key_group_hires / self.hires if self.hires else 0.0


def _event_links(events: list[RecruitmentEvent]) -> QuerySet[EventApplication]:
    return EventApplication.objects.filter(event__in=events).select_related(
        "application", "application__posting__employer", "application__outcome"
    )


def _count_application(row: Outcome, link: EventApplication) -> None:
    application = link.application
    row.applications += 1
    interviewed = any(t.to_status == ApplicationStatus.INTERVIEW for t in application.transitions.all())
    if application.status in INTERVIEWED or interviewed:
        row.interviews += 1
    outcome = getattr(application, "outcome", None)
    if outcome is not None:
        row.hires += 1
        if outcome.key_groups:
            row.key_group_hires += 1
            row.groups.update(g for g in outcome.key_groups if g in KeyGroup.values)


def outcomes_by_event(events: list[RecruitmentEvent]) -> list[Outcome]:
    ids = [e.pk for e in events]
    registrations = (
        EventRegistration.objects.filter(event_id__in=ids, status=RegistrationStatus.ACTIVE)
        .values("event_id")
        .annotate(n=Count("pk"), checked=Count("pk", filter=Q(checked_in_at__isnull=False)))
    )
    counts = {r["event_id"]: r for r in registrations}
    rows = {
        e.pk: Outcome(
            key=e.pk,
            label=f"{timezone.localtime(e.starts_at):%Y-%m-%d} {e.title}",
            sign_ups=counts.get(e.pk, {}).get("n", 0),
            check_ins=counts.get(e.pk, {}).get("checked", 0),
        )
        for e in events
    }
    for link in _event_links(events).prefetch_related("application__transitions"):
        _count_application(rows[link.event_id], link)
    return [rows[e.pk] for e in events]


def outcomes_by_employer(events: list[RecruitmentEvent]) -> list[Outcome]:
    """Per employer over the given events; sign-ups and check-ins belong to events, not employers."""
    rows: dict[int, Outcome] = {}
    booths = Booth.objects.filter(event__in=events, status=BoothStatus.APPROVED).select_related("employer")
    for booth in booths:
        rows.setdefault(
            booth.employer_id, Outcome(key=booth.employer_id, label=booth.employer.name, sign_ups=None, check_ins=None)
        )
    for link in _event_links(events).prefetch_related("application__transitions"):
        employer = link.application.posting.employer
        row = rows.setdefault(employer.pk, Outcome(key=employer.pk, label=employer.name, sign_ups=None, check_ins=None))
        _count_application(row, link)
    return sorted(rows.values(), key=lambda r: (-r.hires, -r.applications, r.label))


def outcome_totals(rows: list[Outcome]) -> Outcome:
    total = Outcome(key=0, label="合计")
    for row in rows:
        total.sign_ups += row.sign_ups or 0
        total.check_ins += row.check_ins or 0
        total.applications += row.applications
        total.interviews += row.interviews
        total.hires += row.hires
        total.key_group_hires += row.key_group_hires
        total.groups.update(row.groups)
    return total


def events_for_outcomes(*, user: User, now: datetime.datetime | None = None) -> list[RecruitmentEvent]:
    """The latest 100 events that took or take place (cancelled ones have nothing to count), newest first."""
    now = now or timezone.now()
    return list(events_for_staff(user=user).exclude(status=EventStatus.CANCELLED)[:100])


def upcoming_events_organised_by(user) -> QuerySet[RecruitmentEvent] | None:
    """Events a person may put a live stream on: the bureau's staff any, a station its own; None for others."""
    if user.is_bureau:
        events = RecruitmentEvent.objects.all()
    elif user.is_station_staff:
        events = RecruitmentEvent.objects.filter(station_id=user.station_id)
    else:
        return None
    return events.exclude(status=EventStatus.CANCELLED).filter(ends_at__gt=timezone.now()).order_by("starts_at")


def county_of_attended_event(user, registration_id: int) -> str | None:
    """好差评: the event's county when `user` was checked in at it, else None (may not rate)."""
    return (
        EventRegistration.objects.filter(pk=registration_id, profile__user=user, checked_in_at__isnull=False)
        .values_list("event__county", flat=True)
        .first()
    )
