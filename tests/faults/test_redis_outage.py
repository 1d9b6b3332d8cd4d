"""Redis down: people's requests still answer within two seconds, and what they did is kept.

Redis carries the Celery broker, the cache (throttles) and the channel layer. None of them is
where a user's write lives, so none of them may hold a request up or fail it.
"""

from __future__ import annotations

import asyncio
import time

import pytest
from django.core.cache import cache

from livestream.models import Gig
from tests.rest import error_of

from .conftest import services, stopped

pytestmark = pytest.mark.django_db(transaction=True)

LIMIT_S = 2.0


def timed(call):
    started = time.monotonic()
    response = call()
    return response, time.monotonic() - started


@pytest.fixture
def gig_body(tomorrow):
    return {"title": "工地小工", "county": "凯里市", "town": "鸭塘街道", "work_date": tomorrow.isoformat(),
            "start_time": "08:00", "end_time": "17:30", "pay": 200, "pay_unit": "day", "places": 2,
            "meeting_point": "鸭塘街道办门口"}  # fmt: skip


def test_while_redis_is_down_a_gig_is_posted_at_once_and_kept(make_client, employer_user, gig_body, anon):
    employer = make_client(employer_user)
    with stopped("redis"):
        posted, took = timed(lambda: employer.post("/api/gigs/", gig_body, format="json"))
        board, board_took = timed(lambda: anon.get("/api/gigs/", {"area": "522601"}))

    assert posted.status_code == 201, posted.content
    assert took < LIMIT_S, f"posting a gig took {took:.1f} s with Redis down"
    assert Gig.objects.filter(pk=posted.json()["id"]).exists()
    assert board.status_code == 200 and board_took < LIMIT_S
    assert [g["id"] for g in board.json()["results"]] == [posted.json()["id"]]


def test_while_redis_is_down_signing_in_answers_in_chinese_within_two_seconds(anon, seeker):
    with stopped("redis"):
        wrong, took = timed(lambda: anon.post("/api/auth/login", {"phone": seeker.phone, "password": "不对"},
                                              format="json"))  # fmt: skip

    assert took < LIMIT_S, f"a sign-in took {took:.1f} s with Redis down"
    assert wrong.status_code in (400, 401, 503)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in error_of(wrong)["message"])
    cache.clear()  # the throttle's counts from before the outage


async def test_after_redis_restarts_a_watching_board_delivers_again_within_five_seconds(sockets_closed):
    """Redis restarted without persistence forgets every group: the process's relay must join
    again by itself, and a gig posted meanwhile reaches the phone from the board's table."""
    from asgiref.sync import sync_to_async

    from livestream.gigs.models import board_area
    from tests.factories import EmployerMemberFactory
    from tests.livestream.gigs.test_consumers import county, post_gig, watch

    place = county()
    area = board_area(place)
    poster = await sync_to_async(EmployerMemberFactory)()
    phone, _hello = await watch(area)
    try:
        await sync_to_async(services)("stop", "redis")
        await sync_to_async(services)("start", "redis")
        back = time.monotonic()
        gig = await sync_to_async(post_gig)(poster, place)

        event = await phone.receive_json_from(timeout=5)

        assert time.monotonic() - back < 5
        assert (event["type"], event["seq"], event["gig"]["id"]) == ("event", 1, gig.pk)
        later = await sync_to_async(post_gig)(poster, place)  # and the group works live again
        assert (await phone.receive_json_from(timeout=5))["gig"]["id"] == later.pk
    finally:
        await phone.disconnect()


async def test_after_redis_restarts_an_open_bell_stays_open_and_rings_again(sockets_closed):
    """The person's group lived only in Redis: the process joins it again once Redis answers."""
    from asgiref.sync import sync_to_async

    from marketplace.notifications.services import notify
    from tests.factories import SeekerFactory
    from tests.livestream.test_notifications import open_bell

    worker = await sync_to_async(SeekerFactory)()
    bell = await open_bell(worker)
    try:
        assert (await bell.receive_json_from(timeout=5))["type"] == "hello"
        await sync_to_async(services)("stop", "redis")
        await sync_to_async(services)("start", "redis")

        await asyncio.sleep(1.0)  # a second after Redis answers (a notice sent sooner is in 消息 all the same)
        notice = await sync_to_async(notify)(user=worker, kind="test", title="面试通知", body="明天上午九点")

        frame = await bell.receive_json_from(timeout=5)

        assert (frame["type"], frame["id"]) == ("notification", notice.pk)
    finally:
        await bell.disconnect()
