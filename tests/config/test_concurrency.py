"""A person with three searches already running gets 429 for a fourth, at once; others are served."""

from __future__ import annotations

import pytest
from django.core.cache import cache

from tests.factories import SeekerFactory
from tests.rest import error_of

pytestmark = pytest.mark.django_db

SEARCH = "/api/search/postings"


@pytest.fixture
def people():
    busy, other = SeekerFactory(), SeekerFactory()
    keys = [f"inflight:u{busy.pk}", f"inflight:u{other.pk}"]
    cache.delete_many(keys)
    yield busy, other
    cache.delete_many(keys)


def test_a_fourth_expensive_request_in_flight_is_refused_in_chinese_and_nobody_else_waits(
    make_client, people, search_index
):
    busy, other = people
    cache.set(f"inflight:u{busy.pk}", 3, timeout=60)  # three of their searches are still running

    refused = make_client(busy).get(SEARCH, {"q": "电焊"})

    assert refused.status_code == 429 and refused["Retry-After"] == "1"
    assert error_of(refused)["message"] == "上一次查询还没完成，请稍等再试。"
    assert make_client(other).get(SEARCH, {"q": "电焊"}).status_code == 200
    assert make_client(busy).get("/api/auth/me").status_code == 200  # cheap requests are not counted


def test_finished_requests_give_their_place_back(make_client, people, search_index):
    busy, _other = people
    client = make_client(busy)

    answers = [client.get(SEARCH, {"q": "普工"}).status_code for _ in range(6)]

    assert answers == [200] * 6
    assert cache.get(f"inflight:u{busy.pk}") == 0
