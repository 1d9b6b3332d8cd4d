"""Personal data past its period is deleted or anonymised by the nightly sweep, once."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.utils import timezone

from marketplace.applications.services import application_submit
from marketplace.enums import ApplicationStatus
from marketplace.models import Application, Notification, SmsCode
from marketplace.notifications.services import notify
from marketplace.retention import retention_sweep
from tests.factories import JobPostingFactory, SeekerFactory

pytestmark = pytest.mark.django_db


def days_ago(days: int):
    return timezone.now() - timedelta(days=days)


def code(age_days: int) -> SmsCode:
    row = SmsCode.objects.create(phone_digest="d" * 64, code_digest="c" * 64, expires_at=days_ago(age_days))
    SmsCode.objects.filter(pk=row.pk).update(created_at=days_ago(age_days))
    return row


def test_login_codes_go_after_a_month_and_read_messages_after_half_a_year():
    old_code, new_code = code(31), code(2)
    person = SeekerFactory()
    old_read, old_unread, new_read = (notify(user=person, kind="t", title=t, body="…") for t in ("旧", "未读", "新"))
    Notification.objects.filter(pk=old_read.pk).update(read_at=days_ago(181))
    Notification.objects.filter(pk=old_unread.pk).update(created_at=days_ago(400))
    Notification.objects.filter(pk=new_read.pk).update(read_at=days_ago(10))

    done = retention_sweep()

    assert (done["sms_codes"], done["read_notifications"]) == (1, 1)
    assert list(SmsCode.objects.values_list("pk", flat=True)) == [new_code.pk]
    assert set(Notification.objects.values_list("title", flat=True)) == {"未读", "新"}  # unread waits for the person
    assert not SmsCode.objects.filter(pk=old_code.pk).exists()


def test_what_employers_saw_of_a_person_goes_two_years_after_the_application_closed_and_only_once():
    posting = JobPostingFactory()
    people = [SeekerFactory() for _ in range(3)]
    closed_long_ago, open_long_ago, closed_recently = (application_submit(by=p, posting=posting) for p in people)
    Application.objects.filter(pk=closed_long_ago.pk).update(status=ApplicationStatus.REJECTED,
                                                            updated_at=days_ago(731))  # fmt: skip
    Application.objects.filter(pk=open_long_ago.pk).update(updated_at=days_ago(800))
    Application.objects.filter(pk=closed_recently.pk).update(status=ApplicationStatus.HIRED, updated_at=days_ago(30))

    first, second = retention_sweep(), retention_sweep()

    assert first["closed_application_snapshots"] == 1 and second["closed_application_snapshots"] == 0
    snapshots = dict(Application.objects.values_list("pk", "snapshot"))
    assert snapshots[closed_long_ago.pk] == {"expired": True, "name": "（已过保存期）"}
    assert snapshots[open_long_ago.pk] != snapshots[closed_long_ago.pk]  # still under way: kept
    assert snapshots[closed_recently.pk] != snapshots[closed_long_ago.pk]
