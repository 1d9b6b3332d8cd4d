"""The REST API tests' clients, error shape and people (a pytest plugin, loaded by tests/conftest.py).

Every client gets an address of its own: throttling counts in the shared Redis cache, and a
fixed 127.0.0.1 would share its counters with every other test run on this machine.

The people are the API tests' own: a verified employer in 都匀市, its member 王经理, a seeker 李小梅
with a known phone and ID number, a welding job. Page tests (tests/frontend) have theirs in their
conftest, which takes precedence there.
"""

from __future__ import annotations

import datetime
import secrets
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from marketplace import sms
from marketplace.applications.services import application_submit
from marketplace.enums import Role
from marketplace.models import Employer, JobPosting, User
from tests.factories import (
    EmployerFactory,
    EmployerMemberFactory,
    JobPostingFactory,
    SeekerFactory,
    UserFactory,
    id_number,
)
from tests.factories import (
    tomorrow as _tomorrow,
)

SEEKER_PHONE = "13912345678"
SEEKER_ID_NUMBER = id_number("19900307", region="520102", serial=123)


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
def employer() -> Employer:
    return EmployerFactory(county="都匀市", contact_name="王经理", contact_phone="13885541234")


@pytest.fixture
def employer_user(employer) -> User:
    return EmployerMemberFactory(employer=employer, display_name="王经理")


@pytest.fixture
def bureau_user() -> User:
    return UserFactory(role=Role.BUREAU, display_name="人社局审核员")


@pytest.fixture
def seeker() -> User:
    return SeekerFactory(
        phone=SEEKER_PHONE,
        profile__name="李小梅",
        profile__id_number=SEEKER_ID_NUMBER,
        profile__birth_year=1990,
        profile__current_county="都匀市",
    )


@pytest.fixture
def posting(employer) -> JobPosting:
    return JobPostingFactory(
        employer=employer, title="电焊工", description="工地电焊，持证优先。", pay_min=6000, pay_max=8000
    )


@pytest.fixture
def application(seeker, posting):
    return application_submit(by=seeker, posting=posting)


@pytest.fixture
def tomorrow() -> datetime.date:
    return _tomorrow()
