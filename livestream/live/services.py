"""直播送岗: open a room, go live, push job cards, apply in one tap, chat, end with a timeline.

    room:  scheduled ──start──▶ live ──end──▶ ended   (ending from scheduled is allowed: a cancelled stream)

Only the room's host runs it (start, push, pin, delete a message, mute, end). An employer hosts
its own published jobs; station and bureau staff may push any published job. Every change is
broadcast to the room's Channels group after its commit, so a rolled-back change reaches no
phone. A viewer's 一键报名 is the marketplace's `application_submit(source="live")` plus a
`LiveApplication` that ties it to the card that drew it: the timeline and the funnel read those.

Locks: a room's state changes take the room row (`select_for_update`) first, so two pushes from
two host tabs get consecutive card positions and one current card.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Count, Max
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from livestream.events.rules import can as can_event
from livestream.live.enums import RoomStatus
from livestream.live.models import room_group
from livestream.live.rules import require, require_host
from livestream.models import LiveApplication, LiveCard, LiveMessage, LiveMute, LivePresence, LiveRoom
from marketplace import effects
from marketplace.applications.services import application_submit
from marketplace.enums import JobType, Role
from marketplace.models import Application, Employer, JobPosting, User
from marketplace.postings.moderation import chat_banned_match
from marketplace.postings.selectors import posting_is_public, posting_list_public

# The message type of a room's broadcasts; each process's relay hands them to its sockets
# (livestream.live.presence.LocalRooms).
LIVE_MESSAGE_TYPE = "live.frame"
CHAT_MAX_CHARS = 100
# One chat message per user per room within this many seconds (shared by all the user's sockets).
CHAT_INTERVAL_SECONDS = 2
MUTE_MAX_MINUTES = 24 * 60
# A presence row not refreshed for this long belongs to a process that died: it stops counting.
PRESENCE_STALE = timedelta(seconds=90)
RECENT_CHAT = 50

ROOM_FIELDS = {"title", "description", "stream_url", "scheduled_at", "employer", "event"}


# --- payloads -----------------------------------------------------------------------------------


def posting_payload(posting: JobPosting) -> dict[str, Any]:
    """What a job card shows: public facts of the posting only, JSON-ready."""
    return {
        "id": posting.pk,
        "title": posting.title,
        "employer": posting.employer.name,
        "county": posting.county,
        "town": posting.town,
        "pay_display": posting.pay_display,
        "job_type": str(JobType(posting.job_type).label) if posting.job_type in JobType.values else posting.job_type,
        "headcount": posting.headcount,
        "benefits": list(posting.benefits),
        "url": reverse("frontend:job_detail", args=[posting.pk]),
    }


def card_payload(card: LiveCard, *, applications: int | None = None) -> dict[str, Any]:
    if applications is None:
        applications = card.applications.count()
    return {
        "id": card.pk,
        "position": card.position,
        "posting": posting_payload(card.posting),
        "applications": applications,
        "shown_at": card.shown_at.isoformat(),
    }


def message_payload(message: LiveMessage) -> dict[str, Any]:
    return {
        "id": message.pk,
        "author": message.author_name,
        "host": message.from_host,
        "text": message.text,
        "at": message.created_at.isoformat(),
    }


def display_name(user: User) -> str:
    """How a person appears in chat: the name they chose, else the masked phone."""
    return (user.display_name or user.masked_phone)[:30]


# --- broadcasting -------------------------------------------------------------------------------


def broadcast_after_commit(room_id: int, build: Callable[[], dict[str, Any]]) -> None:
    """Send a frame to every socket of the room once the current transaction commits.

    The frame is built after commit, so counts read then include every committed application. A
    phone that missed the frame gets the state again on reconnect.
    """
    effects.broadcast_after_commit(
        room_group(room_id),
        lambda: {"type": LIVE_MESSAGE_TYPE, "room": room_id, "frame": build()},
        what=f"frame to live room {room_id}",
    )


# --- rooms --------------------------------------------------------------------------------------


def _refuse(message: str, code: str) -> ValidationError:
    return ValidationError(message, code=code)


def _lock_room(room: LiveRoom | int) -> LiveRoom:
    pk = room.pk if isinstance(room, LiveRoom) else room
    return LiveRoom.objects.select_for_update().get(pk=pk)


@transaction.atomic
def room_create(*, by: User, data: dict[str, Any]) -> LiveRoom:
    """A scheduled room. An employer's room is its own; staff may name an employer or none."""
    require(by, "live.host")
    unknown = set(data) - ROOM_FIELDS
    if unknown:
        raise ValueError(f"unexpected room fields: {sorted(unknown)}")
    room = LiveRoom(host=by, **data)
    if by.role == Role.EMPLOYER:
        room.employer = by.employer
    if room.event is not None:
        # Only the event's organisers put a stream on its page.
        if not can_event(by, "event.manage", room.event):
            raise ValidationError({"event": [_("只有招聘会的主办方可以把直播关联到该招聘会。")]})
        if room.event.is_cancelled:
            raise ValidationError({"event": [_("该招聘会已取消，不能关联直播。")]})
    room.full_clean()
    room.save()
    return room


@transaction.atomic
def room_start(*, by: User, room: LiveRoom) -> LiveRoom:
    room = _lock_room(room)
    require_host(by, room)
    if room.status == RoomStatus.ENDED:
        raise _refuse(_("直播已结束，不能再次开播。"), "room_closed")
    if room.status == RoomStatus.LIVE:
        return room
    room.status = RoomStatus.LIVE
    room.started_at = timezone.now()
    room.save(update_fields=["status", "started_at"])
    broadcast_after_commit(room.pk, lambda: {"type": "status", "status": RoomStatus.LIVE})
    return room


@transaction.atomic
def room_end(*, by: User, room: LiveRoom) -> LiveRoom:
    room = _lock_room(room)
    require_host(by, room)
    if room.status == RoomStatus.ENDED:
        return room
    now = timezone.now()
    LiveCard.objects.filter(room=room, hidden_at__isnull=True).update(hidden_at=now)
    room.status = RoomStatus.ENDED
    room.ended_at = now
    room.current_card = None
    room.pinned_card = None
    room.save(update_fields=["status", "ended_at", "current_card", "pinned_card"])
    broadcast_after_commit(room.pk, lambda: {"type": "status", "status": RoomStatus.ENDED})
    return room


def _require_live(room: LiveRoom) -> None:
    if room.status == RoomStatus.ENDED:
        raise _refuse(_("直播已结束。"), "room_closed")
    if room.status != RoomStatus.LIVE:
        raise _refuse(_("直播尚未开始。"), "room_not_live")


def pushable_postings(*, by: User) -> Any:
    """Jobs this host may push: the employer's own published jobs, or any published job for staff."""
    qs = posting_list_public()
    if by.role == Role.EMPLOYER:
        return qs.filter(employer_id=by.employer_id)
    return qs


@transaction.atomic
def card_push(*, by: User, room: LiveRoom, posting: JobPosting) -> LiveCard:
    """Show a job to everyone in the room now; the card it replaces ends its time on screen."""
    room = _lock_room(room)
    require_host(by, room)
    _require_live(room)
    if not pushable_postings(by=by).filter(pk=posting.pk).exists():
        if posting_is_public(posting):
            raise _refuse(_("只能推送本单位正在招聘的岗位。"), "posting_not_yours")
        raise _refuse(_("该岗位不在招聘中，不能推送。"), "posting_not_open")
    now = timezone.now()
    # hidden_at ends a card's time as the current card; a pinned card stays up in its own slot.
    LiveCard.objects.filter(room=room, hidden_at__isnull=True).update(hidden_at=now)
    position = (room.cards.aggregate(m=Max("position"))["m"] or 0) + 1
    card = LiveCard.objects.create(room=room, posting=posting, position=position, pushed_by=by, shown_at=now)
    room.current_card = card
    room.save(update_fields=["current_card"])
    card_id = card.pk
    broadcast_after_commit(room.pk, lambda: {"type": "card", "card": _card_frame(card_id)})
    return card


def _card_frame(card_id: int | None) -> dict[str, Any] | None:
    if card_id is None:
        return None
    card = LiveCard.objects.select_related("posting", "posting__employer").get(pk=card_id)
    return card_payload(card)


@transaction.atomic
def card_pin(*, by: User, room: LiveRoom, card: LiveCard | None) -> LiveRoom:
    """Keep one card on screen under the current one (置顶岗位); None takes the pin away."""
    room = _lock_room(room)
    require_host(by, room)
    _require_live(room)
    if card is not None and card.room_id != room.pk:
        raise _refuse(_("该岗位卡片不属于本直播间。"), "card_other_room")
    room.pinned_card = card
    room.save(update_fields=["pinned_card"])
    card_id = card.pk if card else None
    broadcast_after_commit(room.pk, lambda: {"type": "pinned", "card": _card_frame(card_id)})
    return room


# --- applying -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class LiveApplyResult:
    card: LiveCard
    application: Application
    # True when the person had already applied to this job (here or anywhere): shown as 已报名.
    already: bool


@transaction.atomic
def live_apply(*, by: User, card: LiveCard) -> LiveApplyResult:
    """一键报名 from a card: an application at once, linked to the card; a second tap is 已报名."""
    room = LiveRoom.objects.get(pk=card.room_id)
    if room.status == RoomStatus.ENDED:
        raise _refuse(_("直播已结束，可在岗位详情页投递。"), "room_closed")
    if room.status != RoomStatus.LIVE:
        raise _refuse(_("直播尚未开始。"), "room_not_live")
    if by.role != Role.SEEKER:
        raise PermissionDenied(_("只有求职者账号可以报名。"))
    profile = getattr(by, "profile", None)
    if profile is None:
        raise _refuse(_("报名前请先填写求职档案，只需一分钟。"), "no_profile")
    existing = Application.objects.filter(profile=profile, posting_id=card.posting_id).first()
    if existing is not None:
        return LiveApplyResult(card=card, application=existing, already=True)
    try:
        application = application_submit(by=by, posting=card.posting, source="live")
    except ValidationError as exc:
        if getattr(exc, "code", None) == "duplicate_application":  # a double tap from a second socket
            existing = Application.objects.get(profile=profile, posting_id=card.posting_id)
            return LiveApplyResult(card=card, application=existing, already=True)
        raise
    # No broadcast from here: a burst of taps would send one frame per tap to every viewer. The
    # presence ticker (livestream.live.presence) sends each card's count at most once a second instead.
    LiveApplication.objects.create(room=room, card=card, application=application)
    return LiveApplyResult(card=card, application=application, already=False)


# --- chat ---------------------------------------------------------------------------------------


def mute_left(room: LiveRoom, user: User, now: datetime | None = None) -> int:
    """Whole minutes of a mute still to run (0: not muted)."""
    now = now or timezone.now()
    until = LiveMute.objects.filter(room=room, user=user, until__gt=now).values_list("until", flat=True).first()
    return math.ceil((until - now).total_seconds() / 60) if until else 0


@transaction.atomic
def chat_post(*, by: User, room: LiveRoom, text: str) -> LiveMessage:
    """A chat line for everyone in the room, once it passes the length, mute, banned-word and rate checks."""
    if room.status == RoomStatus.ENDED:
        raise _refuse(_("直播已结束，不能再发言。"), "room_closed")
    text = " ".join((text or "").split())
    if not text:
        raise _refuse(_("消息不能为空。"), "chat_empty")
    if len(text) > CHAT_MAX_CHARS:
        raise _refuse(_("消息不能超过 %(n)d 个字。") % {"n": CHAT_MAX_CHARS}, "chat_too_long")
    is_host = by.pk == room.host_id
    if not is_host:
        minutes = mute_left(room, by)
        if minutes:
            raise _refuse(_("你已被主播禁言，还剩 %(n)d 分钟。") % {"n": minutes}, "muted")
    banned = chat_banned_match(text)
    if banned:
        raise _refuse(_("消息含有不允许的内容（%(word)s），请修改后再发送。") % {"word": banned}, "banned_word")
    # Checked last, so a refused message does not cost the person their turn.
    if not cache.add(f"live.chat.{room.pk}.{by.pk}", 1, timeout=CHAT_INTERVAL_SECONDS):
        raise _refuse(_("发言太快了，请稍等几秒再发。"), "chat_too_fast")
    message = LiveMessage.objects.create(
        room=room, author=by, author_name=display_name(by), from_host=is_host, text=text
    )
    payload = message_payload(message)
    broadcast_after_commit(room.pk, lambda: {"type": "chat", "message": payload})
    return message


@transaction.atomic
def message_delete(*, by: User, room: LiveRoom, message: LiveMessage) -> LiveMessage:
    require_host(by, room)
    if message.room_id != room.pk:
        raise _refuse(_("该消息不属于本直播间。"), "message_other_room")
    if message.deleted_at is None:
        message.deleted_at = timezone.now()
        message.deleted_by = by
        message.save(update_fields=["deleted_at", "deleted_by"])
        message_id = message.pk
        broadcast_after_commit(room.pk, lambda: {"type": "chat_removed", "id": message_id})
    return message


@transaction.atomic
def user_mute(*, by: User, room: LiveRoom, user: User, minutes: int) -> LiveMute:
    """Silence one person in this room for N minutes (a later mute replaces the earlier one)."""
    require_host(by, room)
    if user.pk == room.host_id:
        raise _refuse(_("不能禁言主播本人。"), "mute_host")
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not 1 <= minutes <= MUTE_MAX_MINUTES:
        raise _refuse(_("禁言时长须为 1 到 %(n)d 分钟。") % {"n": MUTE_MAX_MINUTES}, "bad_minutes")
    mute, _created = LiveMute.objects.update_or_create(
        room=room, user=user, defaults={"until": timezone.now() + timedelta(minutes=minutes), "by": by}
    )
    return mute


# --- presence -----------------------------------------------------------------------------------


def presence_join(*, room_id: int, channel_name: str, viewer_key: str, is_host: bool) -> None:
    """One row per socket; a channel name is never reused, so this is a single INSERT."""
    LivePresence.objects.create(
        room_id=room_id, channel_name=channel_name, viewer_key=viewer_key[:64], is_host=is_host, seen_at=timezone.now()
    )


def presence_leave(*, channel_name: str) -> None:
    LivePresence.objects.filter(channel_name=channel_name, left_at__isnull=True).update(left_at=timezone.now())


def presence_touch(*, channel_names: list[str]) -> None:
    """Refresh this process's sockets in one statement per chunk, so they keep counting."""
    now = timezone.now()
    for start in range(0, len(channel_names), 1000):
        LivePresence.objects.filter(channel_name__in=channel_names[start : start + 1000], left_at__isnull=True).update(
            seen_at=now
        )


def viewer_count(room_id: int) -> int:
    """Viewers connected now, in every server process (the host's own sockets not counted)."""
    return LivePresence.objects.filter(
        room_id=room_id, left_at__isnull=True, is_host=False, seen_at__gte=timezone.now() - PRESENCE_STALE
    ).count()


def viewer_count_and_peak(room_id: int) -> int:
    """The current count, raising the room's recorded peak when it is a new high."""
    count = viewer_count(room_id)
    LiveRoom.objects.filter(pk=room_id, viewers_peak__lt=count).update(viewers_peak=count)
    return count


@dataclass(frozen=True)
class RoomCounts:
    viewers: int
    # Applications drawn per card (cards without any are absent).
    applications: dict[int, int]

    @property
    def total(self) -> int:
        return sum(self.applications.values())


def room_counts(room_id: int) -> RoomCounts:
    """What the presence ticker sends every second: viewers now (peak kept) and applications per card."""
    per_card = LiveApplication.objects.filter(room_id=room_id).order_by().values_list("card_id").annotate(n=Count("id"))
    return RoomCounts(viewers=viewer_count_and_peak(room_id), applications=dict(per_card))


def employer_choices_for(user: User) -> Any:
    """Employers a staff host may name on a room (an employer host's room is always its own)."""
    if user.role == Role.EMPLOYER:
        return Employer.objects.filter(pk=user.employer_id)
    return Employer.objects.order_by("name")
