"""Reminders before an event (the day before, an hour before) and notices when one is cancelled.

Which reminder a registration gets, and when, is decided by `reminders_due` alone, a pure query on
the clock it is given, so the schedule is tested with fixed times:

- the day-before reminder is due from 24 h before the start until 1 h before it;
- the hour-before reminder is due from 1 h before the start until the start;
- a reminder whose moment came before the person signed up is not sent (who signs up at 08:30 for
  09:00 needs no reminder); neither is any reminder for a cancelled event or registration.

Each sent notice is an `EventNotice` row, unique per (registration, kind), written in the same
transaction as the hand-over to the notification service (marketplace.notifications.services:
stored, pushed to open pages, texted): a retried or doubled beat run sends nothing twice.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from livestream.events.enums import EventStatus, NoticeKind, RegistrationStatus
from livestream.models import EventNotice, EventRegistration, RecruitmentEvent
from marketplace.notifications.services import notify

DAY_BEFORE = datetime.timedelta(hours=24)
HOUR_BEFORE = datetime.timedelta(hours=1)


@dataclass(frozen=True)
class DueReminder:
    registration_id: int
    kind: str


def _window(kind: str, starts_at: datetime.datetime) -> tuple[datetime.datetime, datetime.datetime]:
    if kind == NoticeKind.DAY_BEFORE:
        return starts_at - DAY_BEFORE, starts_at - HOUR_BEFORE
    return starts_at - HOUR_BEFORE, starts_at


def reminders_due(now: datetime.datetime) -> list[DueReminder]:
    """Every reminder that should go out at `now` and has not gone out yet, in start order."""
    candidates = (
        EventRegistration.objects.filter(
            status=RegistrationStatus.ACTIVE,
            event__status__in=[EventStatus.OPEN, EventStatus.CLOSED],
            event__starts_at__gt=now,
            event__starts_at__lte=now + DAY_BEFORE,
        )
        .select_related("event")
        .prefetch_related("notices")
        .order_by("event__starts_at", "pk")
    )
    due: list[DueReminder] = []
    for registration in candidates:
        sent = {notice.kind for notice in registration.notices.all()}
        for kind in (NoticeKind.DAY_BEFORE, NoticeKind.HOUR_BEFORE):
            opens, closes = _window(kind, registration.event.starts_at)
            if kind in sent or not opens <= now < closes or registration.created_at > opens:
                continue
            due.append(DueReminder(registration.pk, kind))
    return due


def _event_path(event: RecruitmentEvent) -> str:
    return reverse("frontend:event_detail", args=[event.pk])


@dataclass(frozen=True)
class Notice:
    title: str
    body: str


def reminder_notice(registration: EventRegistration, kind: str) -> Notice:
    event = registration.event
    start = timezone.localtime(event.starts_at)
    when = "明天" if kind == NoticeKind.DAY_BEFORE else "1小时后"
    place = event.place_display
    return Notice(
        title=f"{when}招聘会：{event.title}",
        body=(
            f"{start.month}月{start.day}日 {start:%H:%M}开始{'，地点：' + place if place else ''}。"
            f"入场出示门票，票码 {registration.ticket_display}"
        ),
    )


def cancellation_notice(registration: EventRegistration) -> Notice:
    event = registration.event
    start = timezone.localtime(event.starts_at)
    return Notice(
        title=f"招聘会已取消：{event.title}",
        body=f"很抱歉，原定{start.month}月{start.day}日 {start:%H:%M}的招聘会已取消。原因：{event.cancel_reason}",
    )


def _send_once(registration: EventRegistration, kind: str, notice: Notice) -> bool:
    """Record the notice and hand it to the notification service; False when it was already sent.

    The service stores it (the person's notification list), pushes it to their open pages and
    texts them after commit (not at night, within the daily SMS cap).
    """
    try:
        with transaction.atomic():
            EventNotice.objects.create(registration=registration, kind=kind)
    except IntegrityError:
        return False
    notify(
        user=registration.profile.user,
        kind=f"event_{kind}",
        title=notice.title,
        body=notice.body,
        url=_event_path(registration.event),
        sms=True,
        dedupe_key=f"event-notice:{registration.pk}:{kind}",
    )
    return True


@transaction.atomic
def reminders_send(*, now: datetime.datetime | None = None) -> int:
    """Send every due reminder once; returns how many went out."""
    now = now or timezone.now()
    sent = 0
    for item in reminders_due(now):
        registration = EventRegistration.objects.select_related("event", "profile__user").get(pk=item.registration_id)
        if _send_once(registration, item.kind, reminder_notice(registration, item.kind)):
            sent += 1
    return sent


@transaction.atomic
def cancellation_notices_send(*, event_id: int) -> int:
    """Tell everyone signed up to a cancelled event, once each."""
    event = RecruitmentEvent.objects.get(pk=event_id)
    if event.status != EventStatus.CANCELLED:
        return 0
    sent = 0
    registrations = EventRegistration.objects.filter(event=event, status=RegistrationStatus.ACTIVE).select_related(
        "event", "profile__user"
    )
    for registration in registrations:
        if _send_once(registration, NoticeKind.CANCELLED, cancellation_notice(registration)):
            sent += 1
    return sent
