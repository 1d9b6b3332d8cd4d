"""People and organisations for the service tests: one of each role, and a stranger of each."""

from __future__ import annotations

import itertools
from dataclasses import dataclass

import pytest
from django.utils import timezone

from marketplace.enums import PostingStatus, Role, VerificationStatus
from marketplace.models import CooperationStation, Employer, JobPosting, User, WorkerProfile
from marketplace.validators import credit_code_check_char, id_number_check_char

_numbers = itertools.count(1)


def credit_code() -> str:
    body = f"91522601MA6H{next(_numbers):05d}"
    return body + credit_code_check_char(body)


def id_number(birth: str = "19900101", region: str = "522601") -> str:
    body = f"{region}{birth}{next(_numbers) % 1000:03d}"
    return body + id_number_check_char(body)


def phone() -> str:
    return f"1380000{next(_numbers):04d}"


def make_employer(**extra) -> Employer:
    defaults = {"name": f"测试企业{next(_numbers)}", "credit_code": credit_code(), "county": "凯里市",
                "verification": VerificationStatus.VERIFIED}  # fmt: skip
    return Employer.objects.create(**{**defaults, **extra})


def make_seeker(**profile) -> User:
    user = User.objects.create_user(phone(), "pw-123456", role=Role.SEEKER)
    WorkerProfile.objects.create(user=user, name=profile.pop("name", "杨阿妹"), **profile)
    return user


def make_posting(employer: Employer, status: str = PostingStatus.PUBLISHED, **extra) -> JobPosting:
    defaults = {"title": "电子厂普工", "county": "凯里市", "pay_min": 4000, "pay_max": 5500, "status": status,
                "published_at": timezone.now() if status == PostingStatus.PUBLISHED else None}  # fmt: skip
    return JobPosting.objects.create(employer=employer, **{**defaults, **extra})


@dataclass
class World:
    station: CooperationStation
    other_station: CooperationStation
    employer: Employer
    other_employer: Employer
    seeker: User
    other_seeker: User
    employer_member: User
    other_employer_member: User
    station_staff: User
    other_station_staff: User
    bureau: User


@pytest.fixture
def world(db) -> World:
    station = CooperationStation.objects.create(name="驻东莞劳务协作站", city="东莞")
    other_station = CooperationStation.objects.create(name="驻宁波劳务协作站", city="宁波")
    employer = make_employer(station=station)
    other_employer = make_employer(station=other_station)
    return World(
        station=station,
        other_station=other_station,
        employer=employer,
        other_employer=other_employer,
        seeker=make_seeker(),
        other_seeker=make_seeker(name="吴老二"),
        employer_member=User.objects.create_user(phone(), "pw-123456", role=Role.EMPLOYER, employer=employer),
        other_employer_member=User.objects.create_user(
            phone(), "pw-123456", role=Role.EMPLOYER, employer=other_employer
        ),
        station_staff=User.objects.create_user(phone(), "pw-123456", role=Role.STATION, station=station),
        other_station_staff=User.objects.create_user(phone(), "pw-123456", role=Role.STATION, station=other_station),
        bureau=User.objects.create_user(phone(), "pw-123456", role=Role.BUREAU),
    )


def make_gig(*, by: User, employer: Employer | None = None, station: CooperationStation | None = None, **extra):
    """A gig tomorrow morning, written directly (the service tests post through `gig_post`)."""
    import datetime

    from livestream.gigs.models import Gig
    from marketplace.enums import PayUnit

    places = extra.pop("places", 3)
    defaults = {"title": "搬运装车", "county": "凯里市", "work_date": timezone.localdate() + datetime.timedelta(days=1),
                "start_time": datetime.time(8, 0), "end_time": datetime.time(17, 0), "pay": 180,
                "pay_unit": PayUnit.DAY, "places": places, "places_left": places}  # fmt: skip
    return Gig.objects.create(posted_by=by, employer=employer, station=station, **{**defaults, **extra})
