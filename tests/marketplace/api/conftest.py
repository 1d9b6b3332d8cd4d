"""Factories and clients for the API tests.

Every client gets an address of its own: throttling counts in the shared Redis cache, and a
fixed 127.0.0.1 would share its counters with every other test run on this machine.
"""

from __future__ import annotations

import datetime
import io
import itertools
import secrets
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.core.cache import cache
from django.utils import timezone
from PIL import Image
from rest_framework.test import APIClient

from marketplace import sms
from marketplace.applications.services import application_submit
from marketplace.enums import PostingStatus, Role, VerificationStatus
from marketplace.models import CooperationStation, Employer, JobPosting, User, WorkerProfile
from marketplace.validators import credit_code_check_char, id_number_check_char

PASSWORD = "zhaogongzuo-2026"
_sequence = itertools.count(1)


def next_number() -> int:
    return next(_sequence)


def valid_credit_code(n: int) -> str:
    first17 = f"91520100{n:09d}"
    return first17 + credit_code_check_char(first17)


def valid_id_number(birth: str = "19900307", serial: int = 123) -> str:
    first17 = f"520102{birth}{serial:03d}"
    return first17 + id_number_check_char(first17)


def png_bytes(size: tuple[int, int] = (40, 30), color=(200, 30, 30)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format="PNG")
    return buffer.getvalue()


def error_of(response) -> dict[str, Any]:
    """The error object of a response, after checking the body has exactly the agreed shape."""
    body = response.json()
    assert set(body) == {"error"}, body
    assert set(body["error"]) == {"code", "message", "fields"}, body
    assert isinstance(body["error"]["fields"], dict)
    return body["error"]


@pytest.fixture(autouse=True)
def _empty_sms_outbox() -> Iterator[None]:
    sms.outbox.clear()
    yield
    sms.outbox.clear()


@pytest.fixture
def client_addresses() -> Iterator[list[str]]:
    addresses: list[str] = []
    yield addresses
    cache.delete_many([f"throttle_{scope}_{ip}" for scope in ("login", "sms") for ip in addresses])


@pytest.fixture
def make_client(client_addresses: list[str]) -> Callable[..., APIClient]:
    def make(user: User | None = None, **kwargs: Any) -> APIClient:
        address = "10.{}.{}.{}".format(*(secrets.randbelow(250) + 1 for _ in range(3)))
        client_addresses.append(address)
        client = APIClient(REMOTE_ADDR=address, **kwargs)
        if user is not None:
            client.force_login(user)
        return client

    return make


@pytest.fixture
def anon(make_client) -> APIClient:
    return make_client()


@pytest.fixture
def make_station() -> Callable[..., CooperationStation]:
    def make(**fields: Any) -> CooperationStation:
        n = next_number()
        return CooperationStation.objects.create(**{"name": f"驻外协作站{n}", "city": "宁波", **fields})

    return make


@pytest.fixture
def make_employer() -> Callable[..., Employer]:
    def make(**fields: Any) -> Employer:
        n = next_number()
        defaults = {
            "name": f"黔南建工{n}有限公司",
            "credit_code": valid_credit_code(n),
            "county": "都匀市",
            "contact_name": "王经理",
            "contact_phone": "13885541234",
            "verification": VerificationStatus.VERIFIED,
        }
        employer = Employer(**{**defaults, **fields})
        employer.full_clean()
        employer.save()
        return employer

    return make


@pytest.fixture
def make_user() -> Callable[..., User]:
    def make(role: str = Role.SEEKER, **fields: Any) -> User:
        phone = fields.pop("phone", f"139{next_number():08d}")
        return User.objects.create_user(phone, fields.pop("password", PASSWORD), role=role, **fields)

    return make


@pytest.fixture
def make_seeker(make_user) -> Callable[..., User]:
    def make(*, phone: str | None = None, **profile_fields: Any) -> User:
        user = make_user(Role.SEEKER, **({"phone": phone} if phone else {}))
        WorkerProfile.objects.create(user=user, **{"name": "李小梅", **profile_fields})
        return user

    return make


@pytest.fixture
def make_posting() -> Callable[..., JobPosting]:
    def make(employer: Employer, status: str = PostingStatus.PUBLISHED, **fields: Any) -> JobPosting:
        defaults = {
            "title": "电焊工",
            "description": "工地电焊，持证优先。",
            "county": employer.county,
            "pay_min": 6000,
            "pay_max": 8000,
            "published_at": timezone.now() if status == PostingStatus.PUBLISHED else None,
        }
        return JobPosting.objects.create(employer=employer, status=status, **{**defaults, **fields})

    return make


@pytest.fixture
def employer(make_employer) -> Employer:
    return make_employer()


@pytest.fixture
def employer_user(make_user, employer) -> User:
    return make_user(Role.EMPLOYER, employer=employer, display_name="王经理")


@pytest.fixture
def bureau_user(make_user) -> User:
    return make_user(Role.BUREAU, display_name="人社局审核员")


@pytest.fixture
def seeker(make_seeker) -> User:
    return make_seeker(phone="13912345678", id_number=valid_id_number(), birth_year=1990, current_county="都匀市")


@pytest.fixture
def posting(make_posting, employer) -> JobPosting:
    return make_posting(employer)


@pytest.fixture
def application(seeker, posting):
    return application_submit(by=seeker, posting=posting)


@pytest.fixture
def tomorrow() -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=1)
