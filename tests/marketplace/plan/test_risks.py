"""Risk panels: trades short of people or of jobs, seekers gone quiet, employers collecting complaints."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from livestream.gigs.models import GigClaim, WageComplaint
from marketplace.disputes import services as disputes
from marketplace.disputes.enums import DisputeKind, Track
from marketplace.enums import KeyGroup, Role
from marketplace.models import (
    Application,
    GroupTag,
    Occupation,
    OccupationFamily,
    User,
    WageArrearsCase,
    WorkerProfile,
)
from marketplace.plan import risks
from tests.factories import (
    ApplicationFactory,
    EmployerFactory,
    GigFactory,
    JobPostingFactory,
    SeekerFactory,
    StationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def occupation(name: str) -> Occupation:
    family, _ = OccupationFamily.objects.get_or_create(code="t", defaults={"name": "测试"})
    return Occupation.objects.create(code=f"t-{name}", name=name, family=family)


def joined_long_ago(user: User) -> User:
    WorkerProfile.objects.filter(user=user).update(created_at=timezone.now() - datetime.timedelta(days=45))
    return user


def test_a_trade_with_many_openings_and_no_applicants_and_one_many_want_but_nobody_offers():
    welder, cleaner = occupation("电焊工"), occupation("保洁员")
    JobPostingFactory(occupation=welder, headcount=10)
    for _n in range(3):
        SeekerFactory().profile.wanted_occupations.add(cleaner)

    short_of_people, short_of_jobs = risks.occupation_balance()

    assert [(r.occupation, r.openings, r.applicants) for r in short_of_people] == [("电焊工", 10, 0)]
    assert [(r.occupation, r.seekers, r.openings) for r in short_of_jobs] == [("保洁员", 3, 0)]


def test_quiet_seekers_are_listed_key_groups_first_with_who_should_call():
    station = StationFactory(name="驻宁波劳务协作站")
    joined_long_ago(SeekerFactory(profile__name="龙阿妹", profile__current_county="榕江县"))
    organised = joined_long_ago(SeekerFactory(profile__name="潘小燕"))
    organised.profile.station = station
    organised.profile.save(update_fields=["station"])
    GroupTag.objects.create(profile=organised.profile, group=KeyGroup.POVERTY_RELIEVED)
    active = joined_long_ago(SeekerFactory(profile__name="吴小兰"))
    ApplicationFactory(profile=active.profile)
    SeekerFactory(profile__name="新来的")  # joined today: not quiet yet

    total, rows = risks.seekers_idle()

    assert total == 2
    assert [(r.name, r.caller) for r in rows] == [
        ("潘小燕", "驻宁波劳务协作站"),
        ("龙阿妹", "榕江县人社局就业服务窗口"),
    ]
    assert rows[0].groups == ["脱贫人口"] and "****" in rows[0].phone
    assert Application.objects.count() == 1


def test_an_employer_with_two_complaints_in_90_days_raises_an_early_warning():
    bureau = UserFactory(role=Role.BUREAU)
    employer, calm = EmployerFactory(name="某建筑劳务公司"), EmployerFactory(name="某电子厂")
    WageArrearsCase.objects.create(worker_name="张某", employer=employer, employer_name=employer.name,
                                   source="complaint", deadline=timezone.localdate())  # fmt: skip
    for who in (employer, calm):
        disputes.dispute_open(by=bureau, kind=DisputeKind.WAGES, track=Track.MEDIATION, county="凯里市",
                              applicant_name="李某", employer=who)  # fmt: skip

    warned = risks.employers_complained_of()

    assert [(w.name, w.arrears, w.disputes) for w in warned] == [("某建筑劳务公司", 1, 1)]


def test_a_closed_account_is_not_listed_to_call():
    closed = joined_long_ago(SeekerFactory(profile__name="已注销"))
    User.objects.filter(pk=closed.pk).update(is_active=False)
    assert risks.seekers_idle() == (0, [])


def test_gig_wage_complaints_count_toward_the_early_warning():
    employer = EmployerFactory(name="某搬家公司")
    claim = GigClaim.objects.create(gig=GigFactory(employer=employer), profile=SeekerFactory().profile,
                                    status="checked_out")  # fmt: skip
    WageComplaint.objects.create(claim=claim, amount_claimed=180, description="搬了一天没给钱")
    WageArrearsCase.objects.create(worker_name="张某", employer=employer, employer_name=employer.name,
                                   source="complaint", deadline=timezone.localdate())  # fmt: skip

    assert [(w.name, w.arrears, w.gigs) for w in risks.employers_complained_of()] == [("某搬家公司", 1, 1)]
