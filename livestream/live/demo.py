"""Demo live rooms for `seed_demo`: one stream that ended three days ago, with its timeline,
applications, interviews and hires, and one scheduled for tomorrow evening.

Built through the real services (start, push, apply, chat, end, advance), so the demo shows only
what the product itself could have produced; then every timestamp is moved to the seeded past,
computed from the seed's reference day, so two runs with the same seed and day are identical.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.db.models import Exists, OuterRef

from livestream.live.services import card_push, chat_post, live_apply, room_create, room_end, room_start
from livestream.models import LiveApplication, LiveCard, LiveMessage, LivePresence, LiveRoom
from marketplace.applications.services import application_advance
from marketplace.enums import ApplicationStatus, Role
from marketplace.models import Application, ApplicationTransition, EmploymentOutcome, GroupTag, User, WorkerProfile
from marketplace.postings.selectors import posting_list_public

A = ApplicationStatus
DEMO_STREAM = "https://live.example.gov.cn/qdn/zhibo-songgang.m3u8"
# Applicants per card of the ended stream, and how far the first ones got.
PER_CARD = (8, 5, 3)
CHAT = (
    (0, "包吃住吗？"),
    (1, "夜班补贴多少？"),
    (2, "从榕江过去有车接吗？"),
    (None, "都包吃住，夜班每晚补贴30元，县人社局统一安排车辆。"),
    (3, "已报名，什么时候面试？"),
)


def _pick_postings(before: datetime.datetime) -> list[Any]:
    """Published jobs of three different employers (a staff stream presents several companies),
    all already published when the stream began."""
    chosen, employers = [], set()
    for posting in posting_list_public().filter(published_at__lte=before)[:200]:
        if posting.employer_id not in employers:
            chosen.append(posting)
            employers.add(posting.employer_id)
        if len(chosen) == len(PER_CARD):
            break
    return chosen


def _pick_seekers(postings: list[Any], count: int) -> list[User]:
    """Seekers who have not applied to these jobs, those with a confirmed key group first.

    People with a declared but unconfirmed group are left out: their hire would count the confirmed
    groups only, and the demo should not look inconsistent to someone checking it.
    """
    confirmed = GroupTag.objects.filter(profile=OuterRef("pk"), confirmed_at__isnull=False)
    unconfirmed = GroupTag.objects.filter(profile=OuterRef("pk"), confirmed_at__isnull=True)
    profiles = (
        WorkerProfile.objects.filter(user__role=Role.SEEKER, user__is_active=True)
        .exclude(applications__posting__in=postings)
        .exclude(Exists(unconfirmed))
        .annotate(key_group=Exists(confirmed))
        .select_related("user")
        .order_by("-key_group", "pk")[:count]
    )
    return [p.user for p in profiles]


def _ended_room(host: User, start: datetime.datetime) -> LiveRoom | None:
    postings = _pick_postings(start - datetime.timedelta(hours=1))
    seekers = _pick_seekers(postings, sum(PER_CARD))
    if len(postings) < len(PER_CARD) or len(seekers) < sum(PER_CARD):
        return None
    data = {"title": "黔东南州春风行动 · 直播带岗专场", "stream_url": DEMO_STREAM, "scheduled_at": start,
            "description": "州人社局联合州内重点企业直播送岗，现场讲解岗位、在线报名。"}  # fmt: skip
    room = room_start(by=host, room=room_create(by=host, data=data))
    queue = list(seekers)
    drawn: list[list[Application]] = []
    for posting, n in zip(postings, PER_CARD, strict=True):
        card = card_push(by=host, room=room, posting=posting)
        drawn.append([live_apply(by=queue.pop(0), card=card).application for _ in range(n)])
    for who, text in CHAT:
        chat_post(by=host if who is None else seekers[who], room=room, text=text)
    room_end(by=host, room=room)
    # The first card's applicants went furthest: two hired (key groups first), two more interviewed.
    paths = ([A.INTERVIEW, A.OFFERED, A.HIRED],) * 2 + ([A.INTERVIEW],) * 2
    for application, steps in zip(drawn[0], paths, strict=False):
        for step in steps:
            application_advance(by=host, application=application, to=step)
    application_advance(by=host, application=drawn[1][0], to=A.INTERVIEW)
    _backdate(room, start)
    return room


def _backdate(room: LiveRoom, start: datetime.datetime) -> None:
    minute = datetime.timedelta(minutes=1)
    LiveRoom.objects.filter(pk=room.pk).update(
        created_at=start - datetime.timedelta(days=2), started_at=start, ended_at=start + 80 * minute, viewers_peak=137
    )
    cards = list(room.cards.order_by("position"))
    for n, card in enumerate(cards):
        shown = start + (5 + 25 * n) * minute
        LiveCard.objects.filter(pk=card.pk).update(shown_at=shown, hidden_at=shown + 24 * minute)
        for k, link in enumerate(LiveApplication.objects.filter(card=card).order_by("pk")):
            at = shown + (2 + k) * minute
            LiveApplication.objects.filter(pk=link.pk).update(created_at=at)
            Application.objects.filter(pk=link.application_id).update(created_at=at, updated_at=at)
            for step, transition in enumerate(ApplicationTransition.objects.filter(application_id=link.application_id)):
                moved = at + datetime.timedelta(days=step)
                ApplicationTransition.objects.filter(pk=transition.pk).update(at=moved)
                if transition.to_status == A.HIRED:
                    EmploymentOutcome.objects.filter(application_id=link.application_id).update(hired_at=moved)
    for k, message in enumerate(LiveMessage.objects.filter(room=room).order_by("pk")):
        LiveMessage.objects.filter(pk=message.pk).update(created_at=start + (10 + 7 * k) * minute)
    # The people who watched: 137 at the peak, 214 different phones over the stream.
    seen = start + 60 * minute
    rows = [
        LivePresence(
            room=room, channel_name=f"demo.{room.pk}.{n}", viewer_key=f"ademo{n:04d}", seen_at=seen, left_at=left
        )
        for n, left in ((n, start + (20 + n % 60) * minute) for n in range(214))
    ]
    LivePresence.objects.bulk_create(rows)
    LivePresence.objects.filter(room=room).update(connected_at=start)


def seed_live_rooms(*, bureau: User | None, employer_member: User | None, now: datetime.datetime) -> list[LiveRoom]:
    """The demo rooms; skipped quietly when the seeded marketplace lacks the people they need."""
    rooms = []
    if bureau is not None:
        ended = _ended_room(bureau, now - datetime.timedelta(days=3) + datetime.timedelta(hours=19, minutes=30))
        if ended is not None:
            rooms.append(ended)
    if employer_member is not None:
        tomorrow = now + datetime.timedelta(days=1, hours=19, minutes=30)
        name = employer_member.employer.name if employer_member.employer_id else "企业"
        data = {"title": f"{name} · 直播招聘"[:60], "stream_url": DEMO_STREAM, "scheduled_at": tomorrow,
                "description": "车间实景直播，主播讲解岗位待遇，看中即可一键报名。"}  # fmt: skip
        rooms.append(room_create(by=employer_member, data=data))
        LiveRoom.objects.filter(pk=rooms[-1].pk).update(created_at=now - datetime.timedelta(hours=6))
    return rooms
