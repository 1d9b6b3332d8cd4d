"""How long personal data outlives its purpose: a daily sweep deletes or anonymises what is due.

PIPL (第十九条) keeps personal information only as long as the purpose needs it. The periods are
settings (`RETENTION_*_DAYS`) so the bureau can set what its records rules say; each sweep is
idempotent, so a missed or doubled run changes nothing but timing.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone

from marketplace.enums import ApplicationStatus
from marketplace.models import Application, Notification, PersonalDataAccess, SmsCode

CLOSED_APPLICATION = (ApplicationStatus.HIRED, ApplicationStatus.REJECTED, ApplicationStatus.WITHDRAWN)
EXPIRED_SNAPSHOT = {"expired": True, "name": "（已过保存期）"}


@transaction.atomic
def retention_sweep(*, now=None) -> dict[str, int]:
    """Delete or anonymise what is past its period; returns how many of each kind."""
    now = now or timezone.now()

    def before(days: int):
        return now - timedelta(days=days)

    done = {
        # A code's digest and the asking IP: only the rate limits need them, for a day at most.
        "sms_codes": SmsCode.objects.filter(created_at__lt=before(settings.RETENTION_SMS_CODES_DAYS)).delete()[0],
        "read_notifications": Notification.objects.filter(
            read_at__isnull=False, read_at__lt=before(settings.RETENTION_READ_NOTIFICATIONS_DAYS)
        ).delete()[0],
        # What the employer saw of a person, kept while the application may still matter to either.
        "closed_application_snapshots": Application.objects.filter(
            status__in=CLOSED_APPLICATION, updated_at__lt=before(settings.RETENTION_CLOSED_APPLICATIONS_DAYS)
        )
        .exclude(snapshot__has_key="expired")
        .exclude(snapshot__has_key="erased")
        .update(snapshot=EXPIRED_SNAPSHOT),
        "expired_sessions": Session.objects.filter(expire_date__lt=now).delete()[0],
        "audit_log": PersonalDataAccess.objects.filter(at__lt=before(settings.RETENTION_AUDIT_DAYS)).delete()[0],
    }
    return done
