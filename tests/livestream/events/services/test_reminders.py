"""Reminders the day before and an hour before, and cancellation notices: each sent once, on time."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError

from livestream.events.enums import NoticeKind, RegistrationStatus
from livestream.events.services.reminders import cancellation_notices_send, reminders_due, reminders_send
from livestream.events.services.schedule import event_cancel
from livestream.models import EventNotice, EventRegistration
from marketplace import sms
from marketplace.models import Notification
from tests.factories import RecruitmentEventFactory

pytestmark = pytest.mark.django_db

SHANGHAI = ZoneInfo("Asia/Shanghai")
START = datetime.datetime(2030, 12, 31, 9, 0, tzinfo=SHANGHAI)  # the year's last Tuesday morning


@pytest.fixture(autouse=True)
def _outbox():
    sms.outbox.clear()
    yield
    sms.outbox.clear()


def sign_up(event, user, at: datetime.datetime) -> EventRegistration:
    return EventRegistration.objects.create(
        event=event, profile=user.profile, ticket_code=f"T{user.pk:011d}"[:12], created_at=at
    )


def at(day: int, hour: int, minute: int = 0) -> datetime.datetime:
    return datetime.datetime(2030, 12, day, hour, minute, tzinfo=SHANGHAI)


def kinds(now: datetime.datetime) -> list[tuple[int, str]]:
    return [(item.registration_id, item.kind) for item in reminders_due(now)]


def test_the_reminder_schedule_with_fixed_times(seeker, other_seeker):
    event = RecruitmentEventFactory(starts_at=START, ends_at=START + datetime.timedelta(hours=3))
    early = sign_up(event, seeker, at(20, 10))
    late = sign_up(event, other_seeker, at(31, 8, 30))  # half an hour before: no reminder at all

    assert kinds(at(30, 8, 59)) == []  # more than a day ahead
    assert kinds(at(30, 9, 0)) == [(early.pk, NoticeKind.DAY_BEFORE)]
    assert kinds(at(31, 7, 59)) == [(early.pk, NoticeKind.DAY_BEFORE)]  # still due if the beat was down
    assert kinds(at(31, 8, 0)) == [(early.pk, NoticeKind.HOUR_BEFORE)]  # the day-before one is too late now
    assert kinds(at(31, 8, 59)) == [(early.pk, NoticeKind.HOUR_BEFORE)]
    assert kinds(at(31, 9, 0)) == []  # started
    assert late.pk not in {r for r, _k in kinds(at(31, 8, 45))}


def test_each_reminder_goes_out_once_however_often_the_beat_runs(seeker, django_capture_on_commit_callbacks):
    event = RecruitmentEventFactory(title="高校毕业生专场", kind="special", target_groups=["graduate"],
                                    starts_at=START, ends_at=START + datetime.timedelta(hours=3))  # fmt: skip
    sign_up(event, seeker, at(1, 12))

    with django_capture_on_commit_callbacks(execute=True):
        assert reminders_send(now=at(30, 9, 5)) == 1
        assert reminders_send(now=at(30, 9, 10)) == 0
        assert reminders_send(now=at(31, 8, 5)) == 1
        assert reminders_send(now=at(31, 8, 10)) == 0

    notices = list(Notification.objects.filter(user=seeker).order_by("created_at", "pk"))
    assert [n.title for n in notices] == ["明天招聘会：高校毕业生专场", "1小时后招聘会：高校毕业生专场"]
    assert notices[0].body.startswith("12月31日 09:00开始，地点：凯里市 凯里市人力资源市场")
    assert notices[0].url == f"/events/{event.pk}/"
    # Texts go through the notification service's SMS rules (never at night): at most these two.
    assert len(sms.outbox) <= 2 and all(m.phone == seeker.phone for m in sms.outbox)
    assert set(EventNotice.objects.values_list("kind", flat=True)) == {NoticeKind.DAY_BEFORE, NoticeKind.HOUR_BEFORE}


def test_no_reminders_for_cancelled_sign_ups_or_events(seeker, other_seeker):
    event = RecruitmentEventFactory(starts_at=START, ends_at=START + datetime.timedelta(hours=3))
    kept = sign_up(event, seeker, at(1, 12))
    gone = sign_up(event, other_seeker, at(1, 12))
    EventRegistration.objects.filter(pk=gone.pk).update(status=RegistrationStatus.CANCELLED)
    assert kinds(at(30, 10)) == [(kept.pk, NoticeKind.DAY_BEFORE)]
    event.status = "cancelled"
    event.save()
    assert kinds(at(30, 10)) == []


def test_cancelling_an_event_tells_everyone_signed_up_once(seeker, other_seeker, bureau_user,
                                                            django_capture_on_commit_callbacks):  # fmt: skip
    event = RecruitmentEventFactory(title="返岗专场")
    sign_up(event, seeker, at(1, 12))
    sign_up(event, other_seeker, at(1, 12))

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        event_cancel(by=bureau_user, event=event, reason="暴雨预警")
    assert len(callbacks) == 1  # the notice task is queued once the cancellation commits
    with django_capture_on_commit_callbacks(execute=True):
        assert cancellation_notices_send(event_id=event.pk) == 2  # what the worker runs
    with django_capture_on_commit_callbacks(execute=True):
        assert cancellation_notices_send(event_id=event.pk) == 0  # a retried task sends nothing again

    notices = Notification.objects.filter(kind="event_cancelled")
    assert sorted(n.user_id for n in notices) == sorted([seeker.pk, other_seeker.pk])
    assert all(n.title == "招聘会已取消：返岗专场" and "暴雨预警" in n.body for n in notices)
    with pytest.raises(ValidationError) as caught:
        event_cancel(by=bureau_user, event=event, reason="again")
    assert "已经取消" in caught.value.messages[0]
    assert Notification.objects.filter(kind="event_cancelled").count() == 2
