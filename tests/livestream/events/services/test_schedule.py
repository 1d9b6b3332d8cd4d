"""Series generate their coming occurrences: idempotent, across month and year ends, in Asia/Shanghai."""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.management import call_command
from django.utils import timezone

from livestream.events.enums import EventStatus
from livestream.events.services.occurrences import occurrences_generate
from livestream.events.services.schedule import event_cancel, event_update, series_create, series_update
from livestream.models import EventRegistration, EventSeries, RecruitmentEvent

pytestmark = pytest.mark.django_db

SHANGHAI = ZoneInfo("Asia/Shanghai")
WEDNESDAY = 2


def series_data(**extra) -> dict:
    data = {
        "kind": "weekly",
        "title": "凯里市周周招聘",
        "venue_name": "凯里市人力资源市场",
        "county": "凯里市",
        "capacity": 300,
        "weekdays": [WEDNESDAY],
        "start_time": datetime.time(9, 0),
        "end_time": datetime.time(12, 0),
        "starts_on": datetime.date(2030, 12, 1),
        "weeks_ahead": 4,
    }
    return {**data, **extra}


def local_starts(series: EventSeries) -> list[str]:
    return [
        timezone.localtime(e.starts_at, SHANGHAI).strftime("%Y-%m-%d %a %H:%M")
        for e in series.events.order_by("starts_at")
    ]


def test_a_weekly_series_generates_every_wednesday_across_the_year_end_at_nine_shanghai_time(bureau_user):
    series = series_create(by=bureau_user, data=series_data(), today=datetime.date(2030, 12, 23))

    assert local_starts(series) == [
        "2030-12-25 Wed 09:00",
        "2031-01-01 Wed 09:00",
        "2031-01-08 Wed 09:00",
        "2031-01-15 Wed 09:00",
    ]
    first = series.events.order_by("starts_at").first()
    # 09:00 in Shanghai is 01:00 UTC; the date stays the local one.
    assert first.starts_at == datetime.datetime(2030, 12, 25, 1, 0, tzinfo=datetime.UTC)
    assert first.series_date == datetime.date(2030, 12, 25)
    assert first.ends_at - first.starts_at == datetime.timedelta(hours=3)
    assert first.title == "凯里市周周招聘" and first.capacity == 300 and first.venue_name == "凯里市人力资源市场"


def test_generation_is_idempotent_and_only_adds_the_new_week_when_the_horizon_moves(bureau_user):
    series = series_create(by=bureau_user, data=series_data(), today=datetime.date(2031, 1, 27))
    assert local_starts(series)[0] == "2031-01-29 Wed 09:00"
    assert local_starts(series)[-1] == "2031-02-19 Wed 09:00"  # across the month end

    assert occurrences_generate(today=datetime.date(2031, 1, 27)) == 0
    assert occurrences_generate(series=series, today=datetime.date(2031, 1, 27)) == 0
    assert occurrences_generate(today=datetime.date(2031, 2, 3)) == 1

    assert series.events.count() == 5
    assert local_starts(series)[-1] == "2031-02-26 Wed 09:00"


def test_a_daily_series_skips_the_weekend_and_stops_at_its_last_day(bureau_user):
    series = series_create(
        by=bureau_user,
        data=series_data(
            kind="daily",
            title="天天招聘",
            weekdays=[0, 1, 2, 3, 4],
            starts_on=datetime.date(2030, 12, 30),
            until=datetime.date(2031, 1, 6),
            start_time=datetime.time(14, 30),
            end_time=datetime.time(17, 0),
        ),
        today=datetime.date(2030, 12, 28),
    )

    assert local_starts(series) == [
        "2030-12-30 Mon 14:30",
        "2030-12-31 Tue 14:30",
        "2031-01-01 Wed 14:30",
        "2031-01-02 Thu 14:30",
        "2031-01-03 Fri 14:30",
        "2031-01-06 Mon 14:30",
    ]


def test_editing_the_series_updates_only_future_untouched_occurrences(bureau_user):
    series = series_create(by=bureau_user, data=series_data(), today=datetime.date(2030, 12, 23))
    first, second, third, fourth = series.events.order_by("starts_at")
    # The first has taken place by the time of the edit.
    edit_time = datetime.datetime(2030, 12, 26, 8, 0, tzinfo=SHANGHAI)
    RecruitmentEvent.objects.filter(pk=second.pk).update(status=EventStatus.CANCELLED, cancel_reason="场地检修")
    event_update(by=bureau_user, event=third, data={"title": "凯里市周周招聘·返岗专场", "capacity": 50})

    series_update(
        by=bureau_user,
        series=series,
        data={"start_time": datetime.time(14, 0), "end_time": datetime.time(17, 0), "capacity": 400},
        now=edit_time,
    )

    first, second, third, fourth = (RecruitmentEvent.objects.get(pk=e.pk) for e in (first, second, third, fourth))
    assert timezone.localtime(first.starts_at, SHANGHAI).hour == 9 and first.capacity == 300  # past: as it was
    assert second.status == EventStatus.CANCELLED and timezone.localtime(second.starts_at, SHANGHAI).hour == 9
    assert third.title == "凯里市周周招聘·返岗专场" and third.capacity == 50  # edited on its own: kept
    assert timezone.localtime(third.starts_at, SHANGHAI).hour == 9
    assert timezone.localtime(fourth.starts_at, SHANGHAI).strftime("%Y-%m-%d %H:%M") == "2031-01-15 14:00"
    assert fourth.capacity == 400 and fourth.ends_at - fourth.starts_at == datetime.timedelta(hours=3)
    # Generating again neither revives the cancelled day nor adds a second one for it.
    assert occurrences_generate(series=series, today=datetime.date(2030, 12, 23)) == 0
    assert RecruitmentEvent.objects.get(pk=second.pk).status == EventStatus.CANCELLED


def test_moving_the_weekday_drops_empty_future_days_and_keeps_those_people_signed_up_for(bureau_user, seeker):
    series = series_create(by=bureau_user, data=series_data(), today=datetime.date(2030, 12, 23))
    events = list(series.events.order_by("starts_at"))
    EventRegistration.objects.create(event=events[1], profile=seeker.profile, ticket_code="ABCDEFGHJKMN")

    series_update(
        by=bureau_user, series=series, data={"weekdays": [4]}, now=datetime.datetime(2030, 12, 23, 8, tzinfo=SHANGHAI)
    )

    days = [timezone.localtime(e.starts_at, SHANGHAI).strftime("%m-%d %a") for e in series.events.order_by("starts_at")]
    assert days == ["12-27 Fri", "01-01 Wed", "01-03 Fri", "01-10 Fri", "01-17 Fri"]


def test_the_management_command_generates_and_says_how_many(bureau_user, capsys):
    series = series_create(by=bureau_user, data=series_data(weeks_ahead=2), today=datetime.date(2030, 12, 23))
    assert series.events.count() == 2

    call_command("event_occurrences", "--today", "2030-12-30")

    assert "新生成 1 场招聘会" in capsys.readouterr().out
    assert series.events.count() == 3


def test_a_special_session_needs_its_target_groups_and_bad_input_changes_nothing(bureau_user):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as caught:
        series_create(
            by=bureau_user,
            data=series_data(kind="special", weekdays=[], capacity=0, end_time=datetime.time(8, 0)),
        )
    errors = caught.value.message_dict
    assert "请选择面向的重点群体" in errors["target_groups"][0]
    assert set(errors) >= {"weekdays", "capacity", "end_time"}
    assert not EventSeries.objects.exists() and not RecruitmentEvent.objects.exists()


def test_a_seeker_or_employer_cannot_create_or_cancel_events(seeker, employer_user, bureau_user):
    from django.core.exceptions import PermissionDenied

    for user in (seeker, employer_user):
        with pytest.raises(PermissionDenied):
            series_create(by=user, data=series_data())
    series = series_create(by=bureau_user, data=series_data(), today=datetime.date(2030, 12, 23))
    with pytest.raises(PermissionDenied):
        event_cancel(by=employer_user, event=series.events.first(), reason="不办了")
