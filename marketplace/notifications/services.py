"""Tell a person something: store it, push it to their open pages, and text them when it matters.

Three channels, one record:
- the `Notification` row is the truth and what /me/notifications/ lists;
- a WebSocket frame to the person's group `user.<id>` reaches every page they have open, sent
  after the commit that created the row (livestream.notifications.NotificationConsumer);
- an SMS through the pluggable backend (marketplace.sms), only when the caller asks for it, never
  at night, and at most `NOTIFY_SMS_PER_DAY` a day per person.

A caller may cap a kind per day (`daily_limit`) and name the reason (`dedupe_key`), so a retried
task or a second trigger never tells the same person the same thing twice.
"""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from marketplace.effects import after_commit, broadcast_after_commit
from marketplace.models import Notification, User
from marketplace.sms import sms_send

logger = logging.getLogger(__name__)

NOTIFICATION_MESSAGE_TYPE = "user.notification"


def user_group(user_id: int) -> str:
    return f"user.{user_id}"


def absolute_url(path: str) -> str:
    if not path or path.startswith(("http://", "https://")):
        return path
    return settings.SITE_URL + path


def sms_quiet(now: datetime.datetime) -> bool:
    """Whether `now` falls in the SMS quiet hours (NOTIFY_SMS_QUIET_HOURS, local time): no texts then."""
    start, end = (int(hour) for hour in settings.NOTIFY_SMS_QUIET_HOURS)
    hour = timezone.localtime(now).hour
    return (start <= hour or hour < end) if start > end else start <= hour < end


def _sms_allowed(user: User, now: datetime.datetime) -> bool:
    if sms_quiet(now):
        return False
    since = now - datetime.timedelta(days=1)
    sent = Notification.objects.filter(user=user, sms_sent=True, created_at__gte=since).count()
    return sent < settings.NOTIFY_SMS_PER_DAY


def _frame(notification_id: int) -> dict:
    notification = Notification.objects.get(pk=notification_id)
    return {"type": NOTIFICATION_MESSAGE_TYPE, "frame": notification.frame()}


def notify(
    *,
    user: User,
    kind: str,
    title: str,
    body: str,
    url: str = "",
    sms: bool = False,
    dedupe_key: str = "",
    daily_limit: int | None = None,
) -> Notification | None:
    """Store and deliver one notice. Returns None when it was not sent (already sent, or over the cap)."""
    now = timezone.now()
    if not user.is_active:
        return None
    if daily_limit is not None:
        today = Notification.objects.filter(user=user, kind=kind, created_at__gte=now - datetime.timedelta(days=1))
        if today.count() >= daily_limit:
            logger.info("notification %s to user %s skipped: daily limit %s reached", kind, user.pk, daily_limit)
            return None
    text_it = sms and _sms_allowed(user, now)
    try:
        with transaction.atomic():
            notification = Notification.objects.create(
                user=user, kind=kind, title=title[:80], body=body[:300], url=url, dedupe_key=dedupe_key[:100],
                sms_sent=text_it,
            )  # fmt: skip
    except IntegrityError:
        return None  # this reason was already notified
    # The notice is stored: whoever misses the push sees it in the list when they next open a page.
    broadcast_after_commit(
        user_group(user.pk), lambda: _frame(notification.pk), what=f"push of notification {notification.pk}"
    )
    if text_it:
        text = f"【就业通】{notification.title}：{notification.body} {absolute_url(url)}".strip()
        after_commit(lambda: sms_send(phone=user.phone, text=text), what=f"SMS of notification {notification.pk}")
    return notification


def notifications_mark_read(*, user: User, ids: list[int] | None = None) -> int:
    """Mark some (or all) of a person's notices read; returns how many changed."""
    unread = Notification.objects.filter(user=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=ids)
    return unread.update(read_at=timezone.now())


def unread_count(user: User) -> int:
    return Notification.objects.filter(user=user, read_at__isnull=True).count()


__all__ = [
    "NOTIFICATION_MESSAGE_TYPE",
    "absolute_url",
    "notifications_mark_read",
    "notify",
    "unread_count",
    "user_group",
]
