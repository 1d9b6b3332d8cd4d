"""Reminders before an event (the day before, an hour before) and notices when one is cancelled.

Which reminder a registration gets, and when, is decided by `reminders_due` alone, a pure query on
the clock it is given, so the schedule is tested with fixed times:

- the day-before reminder is due from 24 h before the start until 1 h before it;
- the hour-before reminder is due from 1 h before the start until the start;
- a reminder whose moment came before the person signed up is not sent (who signs up at 08:30 for
  09:00 needs no reminder); neither is any reminder for a cancelled event or registration.

Each sent notice is an `EventNotice` row, unique per (registration, kind), written in the same
transaction as the hand-over to the channel: a retried or doubled beat run sends nothing twice.
"""

from __future__ import annotations

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from livestream.models import EventNotice, EventRegistration, RecruitmentEvent
from livestream.models.events import EventStatus, NoticeKind, RegistrationStatus
from marketplace.sms import sms_send

logger = logging.getLogger(__name__)

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


def _event_url(event: RecruitmentEvent) -> str:
    return settings.SITE_URL + reverse("frontend:event_detail", args=[event.pk])


def reminder_text(registration: EventRegistration, kind: str) -> str:
    event = registration.event
    start = timezone.localtime(event.starts_at)
    when = "明天" if kind == NoticeKind.DAY_BEFORE else "1小时后"
    place = event.place_display
    return (
        f"【就业通】{when}（{start.month}月{start.day}日 {start:%H:%M}）“{event.title}”开始"
        f"{'，地点：' + place if place else ''}。请带好门票 {registration.ticket_display}，{_event_url(event)}"
    )


def cancellation_text(registration: EventRegistration) -> str:
    event = registration.event
    start = timezone.localtime(event.starts_at)
    return (
        f"【就业通】很抱歉，原定{start.month}月{start.day}日 {start:%H:%M}的“{event.title}”已取消。"
        f"原因：{event.cancel_reason}。可在就业通查看其他招聘会。"
    )


def deliver(registration: EventRegistration, text: str) -> None:
    """Hand one notice to the notification channel (SMS through marketplace.sms for now)."""
    sms_send(phone=registration.profile.user.phone, text=text)


def _send_once(registration: EventRegistration, kind: str, text: str) -> bool:
    """Record the notice and deliver it after commit; False when it had already been sent."""
    try:
        with transaction.atomic():
            EventNotice.objects.create(registration=registration, kind=kind)
    except IntegrityError:
        return False
    transaction.on_commit(lambda: _deliver_logged(registration, text, kind))
    return True


def _deliver_logged(registration: EventRegistration, text: str, kind: str) -> None:
    try:
        deliver(registration, text)
    except Exception:
        # The notice row stays: a failing gateway must not make the next run send it again and again.
        logger.exception("could not deliver %s notice for registration %s", kind, registration.pk)


@transaction.atomic
def reminders_send(*, now: datetime.datetime | None = None) -> int:
    """Send every due reminder once; returns how many went out."""
    now = now or timezone.now()
    sent = 0
    for item in reminders_due(now):
        registration = EventRegistration.objects.select_related("event", "profile__user").get(pk=item.registration_id)
        if _send_once(registration, item.kind, reminder_text(registration, item.kind)):
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
        if _send_once(registration, NoticeKind.CANCELLED, cancellation_text(registration)):
            sent += 1
    return sent
