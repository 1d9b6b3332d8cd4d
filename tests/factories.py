"""The one place tests build rows: factory_boy factories for people, organisations, jobs, gigs and fairs.

Defaults are a plain case in 凯里市: a verified company, a worker called 杨阿妹, a published 电子厂普工
job at 4000–5500 a month, a 搬运装车 gig tomorrow 08:00–17:00 for 180 a day with three places. A test
that checks a value names it at the call, e.g. ``JobPostingFactory(employer=e, title="食品包装工")``.

Phones come from a sequence in 1380001xxxx and up, credit codes and ID numbers are valid (their check
character computed), and every user signs in with PASSWORD. `png_bytes` is a picture to upload.
"""

from __future__ import annotations

import datetime
import io
import itertools

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory
from PIL import Image

from livestream.gigs.models import Gig
from livestream.models import RecruitmentEvent
from marketplace.enums import PayUnit, PostingStatus, Role, VerificationStatus
from marketplace.models import (
    Application,
    CooperationStation,
    Employer,
    EmploymentOutcome,
    JobPosting,
    RosterEntry,
    TrainingCourse,
    Trip,
    User,
    WorkerProfile,
)
from marketplace.validators import credit_code_check_char, id_number_check_char

PASSWORD = "Jyt-test-pass-42"

_id_serials = itertools.count(1)


def credit_code(n: int) -> str:
    """The n-th valid 统一社会信用代码 of the tests (a 凯里 registration with its check character)."""
    first17 = f"91522601MA{n:07d}"
    return first17 + credit_code_check_char(first17)


def id_number(birth: str = "19900101", *, region: str = "522601", serial: int | None = None) -> str:
    """A valid 身份证号 born on `birth`; a fresh serial on each call unless one is given."""
    serial = next(_id_serials) % 1000 if serial is None else serial
    first17 = f"{region}{birth}{serial:03d}"
    return first17 + id_number_check_char(first17)


def unused_phone() -> str:
    """A phone number no user of the tests has: the next one of the users' sequence."""
    return UserFactory.stub().phone


def unused_credit_code() -> str:
    """A credit code no employer of the tests has: the next one of the employers' sequence."""
    return EmployerFactory.stub().credit_code


def png_bytes(size: tuple[int, int] = (40, 30), color: tuple[int, int, int] = (200, 16, 46)) -> bytes:
    """A small PNG picture, for uploads (logos, photos of certificates)."""
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format="PNG")
    return buffer.getvalue()


def tomorrow() -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=1)


class StationFactory(DjangoModelFactory):
    class Meta:
        model = CooperationStation

    name = factory.Sequence(lambda n: f"驻外协作站{n}")
    city = "宁波"


class EmployerFactory(DjangoModelFactory):
    class Meta:
        model = Employer

    name = factory.Sequence(lambda n: f"测试企业{n}")
    credit_code = factory.Sequence(credit_code)
    county = "凯里市"
    verification = VerificationStatus.VERIFIED


class UserFactory(DjangoModelFactory):
    """An account of any role (a job seeker's account without a profile unless `role` says otherwise)."""

    class Meta:
        model = User

    # 13800010000 and up: clear of the numbers tests type by hand (13800000001, 13812345678, ...).
    phone = factory.Sequence(lambda n: f"138{n + 10_000:08d}")
    password = PASSWORD
    role = Role.SEEKER

    @classmethod
    def _create(cls, model_class, *args, **kwargs) -> User:
        # The manager normalises the phone, stores its digest and hashes the password, as sign-up does.
        return model_class.objects.create_user(kwargs.pop("phone"), kwargs.pop("password"), **kwargs)


class EmployerMemberFactory(UserFactory):
    """A member of a (by default new, verified) employer."""

    role = Role.EMPLOYER
    employer = factory.SubFactory(EmployerFactory)


class RosterEntryFactory(DjangoModelFactory):
    """A worker from 凯里市 on a station's roster, started two weeks ago, owned by the station."""

    class Meta:
        model = RosterEntry

    station = factory.SubFactory(StationFactory)
    name = "吴小兰"
    phone = factory.Sequence(lambda n: f"137{n + 20_000:08d}")
    home_county = "凯里市"
    start_date = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=14))


class TripFactory(DjangoModelFactory):
    """返岗直通车 from 凯里市 in three days, sign-up open for two, 45 seats, one pick-up point."""

    class Meta:
        model = Trip

    station = factory.SubFactory(StationFactory)
    title = "春节后凯里—宁波返岗专车"
    home_county = "凯里市"
    departs_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=3))
    signup_deadline = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=2))
    seats = 45
    pickup_points = factory.LazyFunction(lambda: [{"place": "凯里火车站广场", "time": "07:30"}])


class StationStaffFactory(UserFactory):
    role = Role.STATION
    station = factory.SubFactory(StationFactory)


class WorkerProfileFactory(DjangoModelFactory):
    class Meta:
        model = WorkerProfile

    user = factory.SubFactory(UserFactory, role=Role.SEEKER)
    name = factory.LazyAttribute(lambda profile: profile.user.display_name or "杨阿妹")


class SeekerFactory(UserFactory):
    """A job seeker's account with its profile; ``profile__<field>`` sets the profile's fields."""

    class Meta:
        skip_postgeneration_save = True

    role = Role.SEEKER
    profile = factory.RelatedFactory(WorkerProfileFactory, factory_related_name="user")


class JobPostingFactory(DjangoModelFactory):
    class Meta:
        model = JobPosting

    employer = factory.SubFactory(EmployerFactory)
    title = "电子厂普工"
    county = factory.SelfAttribute("employer.county")
    pay_min = 4000
    pay_max = 5500
    status = PostingStatus.PUBLISHED
    published_at = factory.LazyAttribute(lambda p: timezone.now() if p.status == PostingStatus.PUBLISHED else None)


class ApplicationFactory(DjangoModelFactory):
    class Meta:
        model = Application

    profile = factory.LazyAttribute(lambda a: SeekerFactory().profile)
    posting = factory.SubFactory(JobPostingFactory)


class EmploymentOutcomeFactory(DjangoModelFactory):
    """A hire written directly (application tests hire through the services), today, in the posting's county."""

    class Meta:
        model = EmploymentOutcome

    application = factory.SubFactory(ApplicationFactory, status="hired")
    profile = factory.SelfAttribute("application.profile")
    employer = factory.SelfAttribute("application.posting.employer")
    county = factory.SelfAttribute("application.posting.county")
    job_type = factory.SelfAttribute("application.posting.job_type")
    hired_at = factory.LazyFunction(timezone.now)


class TrainingCourseFactory(DjangoModelFactory):
    """An electricians' class at 凯里市 that began a month ago and ended yesterday."""

    class Meta:
        model = TrainingCourse

    name = "电工培训班"
    provider = "凯里市职业技能培训学校"
    county = "凯里市"
    starts_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=30))
    ends_on = factory.LazyFunction(lambda: timezone.localdate() - datetime.timedelta(days=1))
    certificate = "电工证"


class GigFactory(DjangoModelFactory):
    """A gig written directly (service tests post through `gig_post`); its poster's employer or station."""

    class Meta:
        model = Gig

    posted_by = factory.SubFactory(EmployerMemberFactory)
    employer = factory.SelfAttribute("posted_by.employer")
    station = factory.SelfAttribute("posted_by.station")
    title = "搬运装车"
    county = "凯里市"
    work_date = factory.LazyFunction(tomorrow)
    start_time = datetime.time(8, 0)
    end_time = datetime.time(17, 0)
    pay = 180
    pay_unit = PayUnit.DAY
    places = 3
    places_left = factory.SelfAttribute("places")


class RecruitmentEventFactory(DjangoModelFactory):
    """The weekly fair at 凯里市人力资源市场, in two days (``soon=True``: in half an hour), three hours long."""

    class Meta:
        model = RecruitmentEvent

    class Params:
        soon = factory.Trait(starts_at=factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(minutes=30)))

    kind = "weekly"
    title = "凯里市周周招聘"
    venue_name = "凯里市人力资源市场"
    address = "凯里市宁波路"
    county = "凯里市"
    capacity = 100
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=2))
    ends_at = factory.LazyAttribute(lambda event: event.starts_at + datetime.timedelta(hours=3))
