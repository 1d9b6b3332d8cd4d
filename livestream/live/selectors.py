"""Reads of 直播送岗: what a phone sees on joining, the timeline after the stream, the funnel.

The funnel follows each application a card drew (`LiveApplication`) to its later steps: an
interview is any application that reached 邀请面试 or beyond (its transition log says so even
when it was rejected afterwards), a hire is its `EmploymentOutcome`, and a key-group hire is an
outcome recorded with at least one confirmed key group.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Case, Count, IntegerField, Q, QuerySet, Value, When

from livestream.events.enums import BoothStatus
from livestream.live.enums import RoomStatus
from livestream.live.services import RECENT_CHAT, card_payload, message_payload, pushable_postings, viewer_count
from livestream.models import LiveApplication, LiveCard, LiveMessage, LivePresence, LiveRoom
from marketplace.enums import ApplicationStatus, KeyGroup
from marketplace.models import Application, ApplicationTransition, EmploymentOutcome, JobPosting, User

PUSH_CHOICES = 20

REACHED_INTERVIEW = (ApplicationStatus.INTERVIEW, ApplicationStatus.OFFERED, ApplicationStatus.HIRED)


def push_choices(room: LiveRoom, *, by: User, query: str = "") -> list[JobPosting]:
    """Jobs the host may push, as they type: the room's event's booths first, then ones not yet shown
    here, newest first. Matched on title, employer or trade; a few at a time, never 300 options."""
    jobs = pushable_postings(by=by)
    for word in query.split()[:5]:
        jobs = jobs.filter(Q(title__icontains=word) | Q(employer__name__icontains=word)
                           | Q(occupation__name__icontains=word))  # fmt: skip
    at_event = Q(booths__event_id=room.event_id, booths__status=BoothStatus.APPROVED) if room.event_id else Q(pk__in=[])
    shown = LiveCard.objects.filter(room=room).values("posting_id")
    ranked = jobs.annotate(
        at_event=Case(When(at_event, then=Value(1)), default=Value(0), output_field=IntegerField()),
        shown=Case(When(pk__in=shown, then=Value(1)), default=Value(0), output_field=IntegerField()),
    ).order_by("-at_event", "shown", "-published_at", "-id")
    seen: set[int] = set()
    chosen = []
    for posting in ranked[: PUSH_CHOICES * 3]:  # a job at two booths comes back twice
        if posting.pk not in seen:
            seen.add(posting.pk)
            chosen.append(posting)
    return chosen[:PUSH_CHOICES]


def room_list() -> QuerySet[LiveRoom]:
    """Rooms as the public list shows them: live now first, then upcoming (soonest first), then ended."""
    order = Case(
        When(status=RoomStatus.LIVE, then=Value(0)),
        When(status=RoomStatus.SCHEDULED, then=Value(1)),
        default=Value(2),
        output_field=IntegerField(),
    )
    return LiveRoom.objects.select_related("host", "employer").annotate(order=order).order_by("order", "scheduled_at")


def _cards_with_counts(room: LiveRoom, ids: Iterable[int]) -> dict[int, dict[str, Any]]:
    cards = (
        LiveCard.objects.filter(room=room, pk__in=[i for i in ids if i])
        .select_related("posting", "posting__employer")
        .annotate(n=Count("applications"))
    )
    return {card.pk: card_payload(card, applications=card.n) for card in cards}


def recent_chat(room: LiveRoom, limit: int = RECENT_CHAT) -> list[dict[str, Any]]:
    """The last messages still visible (deleted ones never come back), oldest first."""
    rows = list(LiveMessage.objects.filter(room=room, deleted_at__isnull=True).order_by("-created_at", "-id")[:limit])
    return [message_payload(m) for m in reversed(rows)]


def applied_posting_ids(room: LiveRoom, user: User | None) -> list[int]:
    """Jobs shown in this room the person has already applied to, so their buttons read 已报名."""
    if user is None or not user.is_authenticated or not user.is_seeker:
        return []
    posting_ids = LiveCard.objects.filter(room=room).values("posting_id")
    return sorted(
        Application.objects.filter(profile__user=user, posting_id__in=posting_ids).values_list("posting_id", flat=True)
    )


def room_state(room: LiveRoom, user: User | None) -> dict[str, Any]:
    """Everything a late joiner needs to see what the others see: the hello frame's content."""
    cards = _cards_with_counts(room, [room.current_card_id, room.pinned_card_id])
    return {
        "room": {"id": room.pk, "title": room.title, "status": room.status},
        "card": cards.get(room.current_card_id),
        "pinned": cards.get(room.pinned_card_id),
        "viewers": viewer_count(room.pk),
        "applications": LiveApplication.objects.filter(room=room).count(),
        "chat": recent_chat(room),
        "applied": applied_posting_ids(room, user),
    }


@dataclass
class TimelineEntry:
    card: LiveCard
    applications: int
    by_status: dict[str, int]
    applicants: list[Application] = field(default_factory=list)

    @property
    def seconds_on_screen(self) -> int | None:
        if self.card.hidden_at is None:
            return None
        return int((self.card.hidden_at - self.card.shown_at).total_seconds())


def room_timeline(room: LiveRoom, *, with_applicants: bool = False) -> list[TimelineEntry]:
    """The cards in the order shown, each with the applications it drew and where they stand now."""
    cards = list(room.cards.select_related("posting", "posting__employer").order_by("position"))
    links = LiveApplication.objects.filter(room=room).select_related("application", "application__profile")
    per_card: dict[int, list[Application]] = defaultdict(list)
    for link in links:
        per_card[link.card_id].append(link.application)
    entries = []
    for card in cards:
        applications = per_card.get(card.pk, [])
        statuses = Counter(str(ApplicationStatus(a.status).label) for a in applications)
        entries.append(
            TimelineEntry(
                card=card,
                applications=len(applications),
                by_status=dict(statuses),
                applicants=applications if with_applicants else [],
            )
        )
    return entries


@dataclass
class FunnelRow:
    room: LiveRoom
    viewers_peak: int
    viewers_unique: int
    applications: int
    interviews: int
    hires: int
    key_group_hires: int
    key_groups: dict[str, int]

    @property
    def applications_per_100_viewers(self) -> float:
        return round(100 * self.applications / self.viewers_unique, 1) if self.viewers_unique else 0.0

    @property
    def hire_rate(self) -> float:
        """Hires per application, in per cent."""
        return round(100 * self.hires / self.applications, 1) if self.applications else 0.0


def _per_room(rows: Iterable[dict[str, Any]]) -> dict[int, int]:
    return {row["room"]: row["n"] for row in rows}


def room_funnel(rooms: Iterable[LiveRoom]) -> list[FunnelRow]:
    """livestream → application → interview → hire, per room, in a fixed number of queries."""
    rooms = list(rooms)
    ids = [r.pk for r in rooms]
    unique = _per_room(
        LivePresence.objects.filter(room_id__in=ids, is_host=False)
        .values("room")
        .annotate(n=Count("viewer_key", distinct=True))
    )
    applications = _per_room(LiveApplication.objects.filter(room_id__in=ids).values("room").annotate(n=Count("id")))
    reached = ApplicationTransition.objects.filter(to_status__in=REACHED_INTERVIEW).values("application_id")
    interviews = _per_room(
        LiveApplication.objects.filter(room_id__in=ids)
        .filter(Q(application_id__in=reached) | Q(application__status__in=REACHED_INTERVIEW))
        .values("room")
        .annotate(n=Count("id"))
    )
    hires: dict[int, int] = defaultdict(int)
    key_hires: dict[int, int] = defaultdict(int)
    groups: dict[int, Counter] = defaultdict(Counter)
    outcomes = EmploymentOutcome.objects.filter(application__live_link__room_id__in=ids).values_list(
        "application__live_link__room_id", "key_groups"
    )
    for room_id, key_groups in outcomes:
        hires[room_id] += 1
        if key_groups:
            key_hires[room_id] += 1
            groups[room_id].update(str(KeyGroup(g).label) if g in KeyGroup.values else g for g in key_groups)
    return [
        FunnelRow(
            room=room,
            viewers_peak=room.viewers_peak,
            viewers_unique=unique.get(room.pk, 0),
            applications=applications.get(room.pk, 0),
            interviews=interviews.get(room.pk, 0),
            hires=hires.get(room.pk, 0),
            key_group_hires=key_hires.get(room.pk, 0),
            key_groups=dict(groups.get(room.pk, {})),
        )
        for room in rooms
    ]
