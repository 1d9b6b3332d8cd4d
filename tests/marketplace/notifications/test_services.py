"""Notices (marketplace.notifications.services): texts capped per day and held back at night, read marks."""

from __future__ import annotations

import pytest
from django.utils import timezone

from marketplace import sms
from marketplace.notifications.services import notifications_mark_read, notify, unread_count
from tests.factories import SeekerFactory


@pytest.mark.django_db
def test_texts_are_capped_per_day_and_never_sent_at_night_but_the_notice_is_kept(
    world, settings, django_capture_on_commit_callbacks
):
    settings.NOTIFY_SMS_QUIET_HOURS = ["0", "0"]  # no hour is quiet, until the test makes one
    sms.outbox.clear()
    settings.NOTIFY_SMS_PER_DAY = 1
    worker = SeekerFactory()
    with django_capture_on_commit_callbacks(execute=True):
        first = notify(user=worker, kind="test", title="一", body="第一条", sms=True)
        second = notify(user=worker, kind="test", title="二", body="第二条", sms=True)
    assert (first.sms_sent, second.sms_sent, len(sms.outbox)) == (True, False, 1)

    hour = timezone.localtime().hour
    settings.NOTIFY_SMS_PER_DAY = 10
    settings.NOTIFY_SMS_QUIET_HOURS = [str(hour), str((hour + 1) % 24)]
    night = notify(user=worker, kind="test", title="三", body="夜里", sms=True)
    assert night is not None and not night.sms_sent and len(sms.outbox) == 1
    assert unread_count(worker) == 3


@pytest.mark.django_db
def test_reading_notices_lowers_the_unread_count(world):
    first = notify(user=world.seeker, kind="test", title="一", body="一")
    notify(user=world.seeker, kind="test", title="二", body="二")
    notify(user=world.other_seeker, kind="test", title="别人的", body="别人的")
    assert notifications_mark_read(user=world.seeker, ids=[first.pk]) == 1
    assert unread_count(world.seeker) == 1
    assert notifications_mark_read(user=world.seeker) == 1
    assert (unread_count(world.seeker), unread_count(world.other_seeker)) == (0, 1)
