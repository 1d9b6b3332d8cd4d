"""A station's roster: entering workers, following them up by SMS survey, and handing them over."""

from __future__ import annotations

import datetime
import re
from types import SimpleNamespace

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from marketplace import sms
from marketplace.applications.services import application_advance, application_submit
from marketplace.enums import ApplicationStatus, Role
from marketplace.models import Notification, WageArrearsCase
from marketplace.stations import rules, selectors, services
from marketplace.stations.enums import AnsweredVia, ArrivalRoute, ContactStatus, Owner, RosterStatus
from tests.factories import (
    EmployerFactory,
    EmployerMemberFactory,
    JobPostingFactory,
    RosterEntryFactory,
    SeekerFactory,
    StationStaffFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def today() -> datetime.date:
    """Read per test, not at import: a run that crosses midnight (Asia/Shanghai) must not use yesterday."""
    return timezone.localdate()


def a_month_ago() -> datetime.date:
    return rules.add_months(today(), -1)  # the 1-month follow-up is due today or was a few days ago


def at_ten() -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(today(), datetime.time(10, 30)))  # outside quiet hours


@pytest.fixture
def stage():
    staff = StationStaffFactory(display_name="杭州站小周", station__name="驻杭州劳务协作站", station__city="杭州")
    return SimpleNamespace(
        staff=staff,
        station=staff.station,
        other_staff=StationStaffFactory(station__name="驻东莞劳务协作站", station__city="东莞"),
        bureau=UserFactory(role=Role.BUREAU, display_name="州人社局老杨"),
        employer=EmployerFactory(name="杭州某电子有限公司", county="杭州市"),
    )


def add(stage, **fields):
    values = {"name": "吴小兰", "phone": "13700001111", "home_county": "凯里市", "start_date": today(),
              "route": ArrivalRoute.TRIP, "employer": stage.employer} | fields  # fmt: skip
    return services.roster_add(by=fields.pop("by", stage.staff), station=stage.station, **values)


def survey_token(text: str) -> str:
    return re.search(r"/survey/([\w-]+)/", text).group(1)


def test_a_worker_entered_is_the_stations_with_follow_ups_at_one_three_and_six_months(stage):
    entry = add(stage, start_date=datetime.date(2026, 1, 31))

    assert entry.owner == Owner.STATION and entry.status == RosterStatus.WORKING
    assert [(f.months, f.due_on) for f in entry.follow_ups.all()] == [
        (1, datetime.date(2026, 2, 28)), (3, datetime.date(2026, 4, 30)), (6, datetime.date(2026, 7, 31)),
    ]  # fmt: skip
    assert [(h.from_owner, h.to_owner, h.by) for h in entry.handovers.all()] == [("", Owner.STATION, stage.staff)]


def test_the_same_phone_twice_at_one_station_is_refused_but_another_station_may_enter_it(stage):
    add(stage, phone="137 0000 1111")
    with pytest.raises(ValidationError, match="已在本站名册中"):
        add(stage, phone="+8613700001111")

    other = services.roster_add(by=stage.other_staff, station=stage.other_staff.station, name="吴小兰",
                                phone="13700001111", home_county="凯里市", start_date=today())  # fmt: skip
    assert other.station == stage.other_staff.station


def test_a_county_outside_the_prefecture_is_refused_with_the_names_to_choose_from(stage):
    assert add(stage, home_county="凯里").home_county == "凯里市"
    with pytest.raises(ValidationError) as refused:
        add(stage, phone="13700002222", home_county="火星市")
    assert "不是本州的县市" in refused.value.message_dict["home_county"][0]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"phone": "12345"}, "11位"),
        ({"name": ""}, ""),
        ({"key_groups": ["bogus"]}, "不认识的重点群体"),
        ({"start_date": today() + datetime.timedelta(days=400)}, ""),
    ],
)
def test_bad_fields_are_refused_in_chinese_and_nothing_is_entered(stage, fields, message):
    with pytest.raises(ValidationError) as refused:
        add(stage, **fields)
    assert message in " ".join(refused.value.messages)
    assert not stage.station.roster.exists()


def test_staff_of_another_station_can_neither_enter_nor_see_this_stations_workers(stage):
    entry = add(stage)
    with pytest.raises(PermissionDenied):
        services.roster_add(by=stage.other_staff, station=stage.station, name="王二", phone="13700003333",
                            home_county="凯里市", start_date=today())  # fmt: skip
    with pytest.raises(PermissionDenied):
        services.roster_hand_over(by=stage.other_staff, entry=entry, to=Owner.HOME_COUNTY, reason="返乡")
    assert list(selectors.roster_for(stage.other_staff)) == []
    assert list(selectors.roster_for(stage.bureau)) == [entry]


def test_the_daily_round_texts_each_due_worker_once_and_tells_the_stations_staff(
    stage, django_capture_on_commit_callbacks
):
    entry = add(stage, start_date=a_month_ago())
    add(stage, phone="13700004444", start_date=today() - datetime.timedelta(days=10))  # not due yet

    with django_capture_on_commit_callbacks(execute=True):
        assert services.follow_ups_send_due(at_ten()) == 1
    assert [m.phone for m in sms.outbox] == [entry.phone]
    assert "到岗1个月" in sms.outbox[0].text and "/survey/" in sms.outbox[0].text
    assert Notification.objects.filter(user=stage.staff, kind="follow_up_due").count() == 1

    with django_capture_on_commit_callbacks(execute=True):
        assert services.follow_ups_send_due(at_ten() + datetime.timedelta(hours=1)) == 0
    assert len(sms.outbox) == 1


def test_nothing_is_texted_in_the_quiet_hours(stage):
    add(stage, start_date=a_month_ago())
    late = timezone.make_aware(datetime.datetime.combine(today(), datetime.time(22, 15)))
    assert services.follow_ups_send_due(late) == 0
    assert services.follow_ups_due(today()).count() == 1  # still waiting for the morning


def test_a_worker_answers_by_the_link_once_and_the_link_then_opens_nothing(stage, django_capture_on_commit_callbacks):
    entry = add(stage, start_date=a_month_ago())
    with django_capture_on_commit_callbacks(execute=True):
        services.follow_ups_send_due(at_ten())
    token = survey_token(sms.outbox[0].text)

    follow_up = services.follow_up_for_token(token)
    services.follow_up_answer(follow_up=follow_up, still_employed=True, paid_on_time=True, housing_ok=True)

    follow_up.refresh_from_db()
    entry.refresh_from_db()
    assert follow_up.answered_via == AnsweredVia.SURVEY and follow_up.still_employed is True
    assert entry.contact_status == ContactStatus.REACHED and entry.last_follow_up_at is not None
    assert services.follow_up_for_token(token) is None
    with pytest.raises(ValidationError, match="已经填写过"):
        services.follow_up_answer(follow_up=follow_up, still_employed=False, paid_on_time=False, housing_ok=False)


def test_a_link_older_than_its_life_opens_nothing(stage, django_capture_on_commit_callbacks):
    add(stage, start_date=today() - datetime.timedelta(days=70))
    with django_capture_on_commit_callbacks(execute=True):  # texted 31 days ago, never answered
        assert services.follow_ups_send_due(at_ten() - datetime.timedelta(days=rules.SURVEY_VALID_DAYS + 1)) == 1
    assert services.follow_up_for_token(survey_token(sms.outbox[0].text)) is None
    assert services.follow_up_for_token("not-a-token") is None


def test_not_paid_on_time_opens_a_wage_arrears_case_the_bureau_is_told_of(stage):
    entry = add(stage)
    follow_up = entry.follow_ups.get(months=1)

    services.follow_up_answer(follow_up=follow_up, by=stage.staff, still_employed=True, paid_on_time=False,
                              housing_ok=True, problem="两个月没发工资")  # fmt: skip

    case = WageArrearsCase.objects.get()
    assert (case.worker_name, case.employer, case.station, case.home_county) == (
        "吴小兰", stage.employer, stage.station, "凯里市")  # fmt: skip
    assert case.description == "两个月没发工资" and case.status == "open"
    assert Notification.objects.filter(user=stage.bureau, kind="arrears_opened").count() == 1
    assert entry.follow_ups.get(months=1).answered_via == AnsweredVia.STAFF


def test_a_worker_no_longer_working_goes_back_to_the_home_county_with_the_hand_over_logged(stage):
    entry = add(stage)
    services.follow_up_answer(follow_up=entry.follow_ups.get(months=1), still_employed=False, paid_on_time=True,
                              housing_ok=None)  # fmt: skip

    entry.refresh_from_db()
    assert (entry.status, entry.owner) == (RosterStatus.LEFT, Owner.HOME_COUNTY)
    assert [(h.from_owner, h.to_owner) for h in entry.handovers.all()] == [
        ("", Owner.STATION), (Owner.STATION, Owner.HOME_COUNTY)]  # fmt: skip
    assert Notification.objects.filter(user=stage.bureau, kind="roster_handed_home").count() == 1
    assert services.follow_ups_due(entry.follow_ups.get(months=3).due_on).count() == 0  # no more surveys


def test_a_hand_over_needs_a_reason_and_a_new_owner(stage):
    entry = add(stage)
    with pytest.raises(ValidationError, match="已由驻外协作站负责"):
        services.roster_hand_over(by=stage.staff, entry=entry, to=Owner.STATION, reason="接回")
    with pytest.raises(ValidationError, match="原因"):
        services.roster_hand_over(by=stage.staff, entry=entry, to=Owner.HOME_COUNTY, reason="  ")

    services.roster_hand_over(by=stage.bureau, entry=entry, to=Owner.HOME_COUNTY, reason="春节返乡后不再外出")
    entry.refresh_from_db()
    assert entry.owner == Owner.HOME_COUNTY
    assert entry.handovers.last().by == stage.bureau


def test_the_organised_share_counts_every_route_but_going_alone(stage):
    for n, route in enumerate([ArrivalRoute.TRIP, ArrivalRoute.DISPATCH, ArrivalRoute.APPLICATION, ArrivalRoute.SELF]):
        add(stage, phone=f"1370000500{n}", route=route)
    RosterEntryFactory(station=stage.station, home_county="丹寨县", route=ArrivalRoute.SELF, start_date=today())

    shares = {row.county: row for row in selectors.organised_shares(stage.station.roster.all())}
    assert (shares["凯里市"].organised, shares["凯里市"].total, shares["凯里市"].met) == (3, 4, True)
    assert (shares["丹寨县"].share, shares["丹寨县"].met) == (0.0, False)
    assert shares["凯里市"].month == today().replace(day=1)


def test_whom_to_call_lists_each_worker_once_at_their_latest_due_follow_up(stage):
    missed_two = add(stage, start_date=today() - datetime.timedelta(days=100))  # 1 and 3 months both due
    due_one = add(stage, phone="13700006666", start_date=a_month_ago())
    add(stage, phone="13700007777", start_date=today())  # nothing due yet

    calls = selectors.follow_ups_open(stage.station.roster.all(), today())

    assert [(f.entry, f.months) for f in calls] == [(missed_two, 3), (due_one, 1)]


def hire(seeker, posting, member):
    application = application_submit(by=seeker, posting=posting)
    application_advance(by=member, application=application, to=ApplicationStatus.OFFERED)
    return application_advance(by=member, application=application, to=ApplicationStatus.HIRED)


def test_a_hire_through_a_partner_employer_puts_the_worker_on_the_stations_roster(stage):
    stage.employer.station = stage.station
    stage.employer.save()
    member = EmployerMemberFactory(employer=stage.employer)
    posting = JobPostingFactory(employer=stage.employer, title="余杭电子厂普工")
    seeker = SeekerFactory(profile__name="潘小燕", profile__current_county="雷山县")

    hire(seeker, posting, member)

    entry = stage.station.roster.get()
    assert (entry.name, entry.home_county, entry.route, entry.employer, entry.posting) == (
        "潘小燕", "雷山县", ArrivalRoute.APPLICATION, stage.employer, posting)  # fmt: skip
    assert entry.profile == seeker.profile and entry.phone == seeker.phone
    assert entry.follow_ups.count() == 3
    assert "余杭电子厂普工" in entry.handovers.get().reason


def test_no_roster_for_a_hire_no_station_is_part_of_or_a_worker_from_elsewhere(stage):
    member = EmployerMemberFactory(employer=stage.employer)  # not a partner of any station
    hire(SeekerFactory(profile__current_county="凯里市"), JobPostingFactory(employer=stage.employer), member)

    stage.employer.station = stage.station
    stage.employer.save()
    hire(SeekerFactory(profile__current_county="杭州市"), JobPostingFactory(employer=stage.employer), member)

    assert not stage.station.roster.exists()


def test_a_worker_who_left_and_is_hired_again_through_the_station_starts_a_new_round(stage):
    stage.employer.station = stage.station
    stage.employer.save()
    member = EmployerMemberFactory(employer=stage.employer)
    seeker = SeekerFactory(profile__name="潘小燕", profile__current_county="雷山县")
    entry = add(stage, name="潘小燕", phone=seeker.phone, start_date=today() - datetime.timedelta(days=100))
    services.follow_up_answer(follow_up=entry.follow_ups.get(months=1), still_employed=False, paid_on_time=True,
                              housing_ok=True)  # fmt: skip

    hire(seeker, JobPostingFactory(employer=stage.employer), member)

    entry.refresh_from_db()
    assert (entry.status, entry.owner, entry.start_date) == (RosterStatus.WORKING, Owner.STATION, today())
    assert [(f.months, f.due_on > today()) for f in entry.follow_ups.filter(answered_at__isnull=True)] == [
        (1, True), (3, True), (6, True)]  # fmt: skip
    assert entry.follow_ups.filter(answered_at__isnull=False).count() == 1  # the old answer stays on record
