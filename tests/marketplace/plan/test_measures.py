"""Each figure of the plan's dashboard, against records counted by hand."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from marketplace.disputes import services as disputes
from marketplace.disputes.enums import DisputeKind, Outcome, Track
from marketplace.enums import JobType, KeyGroup, Role
from marketplace.models import ServiceRating
from marketplace.plan import measures, selectors, services
from marketplace.plan.enums import Measure, Standing
from marketplace.ratings.enums import Score, Service
from marketplace.stations.enums import ArrivalRoute
from marketplace.training import services as training
from marketplace.training.enums import EnrolmentStatus
from tests.factories import (
    EmploymentOutcomeFactory,
    JobPostingFactory,
    RosterEntryFactory,
    SeekerFactory,
    TrainingCourseFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def today() -> datetime.date:
    return timezone.localdate()


def year() -> int:
    return today().year


def a_year_ago() -> datetime.datetime:
    return timezone.now() - datetime.timedelta(days=366)


@pytest.fixture
def bureau():
    return UserFactory(role=Role.BUREAU, display_name="州人社局老杨")


def figure(measure: str) -> selectors.Figure:
    return selectors.figure(measure, year(), today())


def test_new_urban_jobs_count_people_hired_in_the_prefecture_this_year_once_each():
    kaili, danzhai = JobPostingFactory(county="凯里市"), JobPostingFactory(county="丹寨县")
    twice = EmploymentOutcomeFactory(application__posting=kaili)
    again = JobPostingFactory(county="凯里市")
    EmploymentOutcomeFactory(application__posting=again, application__profile=twice.profile, profile=twice.profile)
    EmploymentOutcomeFactory(application__posting=danzhai)
    EmploymentOutcomeFactory(application__posting=JobPostingFactory(county="宁波市"))  # away: not an urban job here
    EmploymentOutcomeFactory(application__posting=kaili, hired_at=a_year_ago())  # last year

    result = figure(Measure.NEW_URBAN_JOBS)

    assert result.actual == 2
    counties = {c.county: c.actual for c in result.counties}
    assert (counties["凯里市"], counties["丹寨县"], counties["榕江县"]) == (1, 1, 0)
    assert dict(result.months)[today().month] == 2
    assert measures.records(result.definition, year(), county="丹寨县").count() == 1


def test_a_count_keeping_pace_with_the_year_is_on_track_and_one_short_of_it_is_behind(bureau):
    services.target_set(by=bureau, year=year(), measure=Measure.NEW_URBAN_JOBS, value=2)
    EmploymentOutcomeFactory()
    share = selectors.elapsed(year(), today())

    result = figure(Measure.NEW_URBAN_JOBS)

    assert result.progress == 0.5
    assert result.standing == (Standing.ON_TRACK if share <= Decimal("0.5") else Standing.BEHIND)
    EmploymentOutcomeFactory()
    assert figure(Measure.NEW_URBAN_JOBS).standing == Standing.MET


def test_organised_share_is_per_home_county_against_the_prefectures_70_percent(bureau):
    services.target_set(by=bureau, year=year(), measure=Measure.ORGANISED_SHARE, value=70)
    for route in (ArrivalRoute.TRIP, ArrivalRoute.STATION, ArrivalRoute.DISPATCH, ArrivalRoute.SELF):
        RosterEntryFactory(home_county="凯里市", route=route, start_date=today())
    RosterEntryFactory(home_county="榕江县", route=ArrivalRoute.SELF, start_date=today())
    RosterEntryFactory(home_county="榕江县", route=ArrivalRoute.TRIP, start_date=today())

    result = figure(Measure.ORGANISED_SHARE)

    assert result.actual == Decimal("66.7")  # 4 of 6
    assert result.standing == Standing.BEHIND
    counties = {c.county: c for c in result.counties}
    assert (counties["凯里市"].actual, counties["凯里市"].standing) == (Decimal("75.0"), Standing.MET)
    assert (counties["榕江县"].actual, counties["榕江县"].standing) == (Decimal("50.0"), Standing.BEHIND)
    assert counties["丹寨县"].actual is None  # nobody away: no share, not 0%


def test_poverty_relieved_away_is_held_against_last_years_records():
    for day in (today(), today()):
        RosterEntryFactory(key_groups=[KeyGroup.POVERTY_RELIEVED], start_date=day)
    RosterEntryFactory(key_groups=[KeyGroup.GRADUATE], start_date=today())
    RosterEntryFactory(key_groups=[KeyGroup.POVERTY_RELIEVED], start_date=today() - datetime.timedelta(days=366))

    result = figure(Measure.POVERTY_RELIEVED_AWAY)

    assert (result.actual, result.target, result.standing) == (2, 1, Standing.MET)


def test_public_welfare_placements_are_hard_to_employ_people_hired_on_public_welfare_posts():
    post = JobPostingFactory(job_type=JobType.PUBLIC_WELFARE, county="凯里市")
    EmploymentOutcomeFactory(application__posting=post, key_groups=[KeyGroup.HARD_TO_EMPLOY, KeyGroup.OLDER_WORKER])
    EmploymentOutcomeFactory(application__posting=post, key_groups=[KeyGroup.GRADUATE])
    EmploymentOutcomeFactory(
        application__posting=JobPostingFactory(county="凯里市"), key_groups=[KeyGroup.HARD_TO_EMPLOY]
    )

    assert figure(Measure.PUBLIC_WELFARE).actual == 1


def test_training_counts_completions_as_person_times(bureau):
    first, second = TrainingCourseFactory(), TrainingCourseFactory(name="焊工培训班", county="丹寨县")
    for course in (first, second):
        training.enrol(by=bureau, course=course, name="潘小燕", phone="13700002222", status=EnrolmentStatus.COMPLETED,
                       completed_on=today())  # fmt: skip
    training.enrol(by=bureau, course=first, name="吴小兰", phone="13700003333", status=EnrolmentStatus.DROPPED)
    training.enrol(by=bureau, course=first, name="杨阿妹", phone="13700004444")

    result = figure(Measure.TRAINING)

    assert result.actual == 2
    assert {c.county: c.actual for c in result.counties if c.actual} == {"凯里市": 1, "丹寨县": 1}


def test_mediation_success_and_arbitration_closure_are_counted_from_cases(bureau):
    def case(track, outcome=None, opened=None, closed=None):
        made = disputes.dispute_open(by=bureau, kind=DisputeKind.WAGES, track=track, county="凯里市",
                                     applicant_name="张某", respondent_name="某建筑公司",
                                     opened_on=opened or today())  # fmt: skip
        if outcome:
            disputes.dispute_close(by=bureau, case=made, outcome=outcome, closed_on=closed or today())
        return made

    for outcome in (Outcome.MEDIATED, Outcome.MEDIATED, Outcome.MEDIATION_FAILED):
        case(Track.MEDIATION, outcome)
    case(Track.MEDIATION)  # still open: not in the rate
    case(Track.ARBITRATION, Outcome.AWARD)
    case(Track.ARBITRATION)
    case(Track.ARBITRATION, opened=today() - datetime.timedelta(days=400))  # carried over, still open

    assert figure(Measure.MEDIATION_SUCCESS).actual == Decimal("66.7")
    assert figure(Measure.ARBITRATION_CLOSURE).actual == Decimal("33.3")


def test_good_ratings_are_the_share_of_good_among_this_years_ratings():
    rater = SeekerFactory()
    for index, score in enumerate((Score.GOOD, Score.GOOD, Score.GOOD, Score.BAD)):
        ServiceRating.objects.create(
            service=Service.APPLICATION, ref_id=index, rater=rater, county="凯里市", score=score
        )

    assert figure(Measure.GOOD_RATINGS).actual == Decimal("75.0")


def test_surveyed_unemployment_is_the_latest_month_entered(bureau):
    first = today().replace(day=1)
    earlier = (first - datetime.timedelta(days=1)).replace(day=1)
    services.surveyed_record(by=bureau, month=first, value="5.2", source="州统计局")
    services.target_set(by=bureau, year=year(), measure=Measure.SURVEYED_UNEMPLOYMENT, value="5.5")
    if earlier.year == year():
        services.surveyed_record(by=bureau, month=earlier, value="5.9", source="州统计局")

    result = figure(Measure.SURVEYED_UNEMPLOYMENT)

    assert (result.actual, result.standing) == (Decimal("5.200"), Standing.MET)


def test_the_dashboard_shows_every_measure_of_the_plan_in_order():
    assert [f.measure for f in selectors.dashboard(year(), today())] == list(Measure.values)
