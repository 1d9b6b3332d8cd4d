"""The bell's socket: a person's notices reach every page they have open, and nobody else's."""

from __future__ import annotations

import pytest
from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator

from config.asgi import application
from marketplace.notifications.services import notify
from tests.factories import SeekerFactory
from tests.livestream.sockets import ORIGIN, session_cookie

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("sockets_closed")]


async def open_bell(user=None, *, timeout: float = 1) -> WebsocketCommunicator:
    headers = [ORIGIN]
    if user is not None:
        headers.append(await sync_to_async(session_cookie)(user))
    communicator = WebsocketCommunicator(application, "/ws/me/", headers=headers)
    connected, _ = await communicator.connect(timeout=timeout)
    assert connected
    return communicator


async def test_a_notice_reaches_every_open_page_of_its_person_and_no_one_else():
    worker, other = await sync_to_async(SeekerFactory)(), await sync_to_async(SeekerFactory)()
    await sync_to_async(notify)(user=worker, kind="test", title="旧通知", body="先前的")
    phone, tablet, stranger = await open_bell(worker), await open_bell(worker), await open_bell(other)
    try:
        assert (await phone.receive_json_from(timeout=5)) == {"type": "hello", "unread": 1}
        assert (await tablet.receive_json_from(timeout=5))["unread"] == 1
        assert (await stranger.receive_json_from(timeout=5))["unread"] == 0

        notice = await sync_to_async(notify)(
            user=worker, kind="gig_nearby", title="附近有零工：搬运", body="还剩2个名额", url="/gigs/522601/"
        )
        for page in (phone, tablet):
            frame = await page.receive_json_from(timeout=5)
            assert frame["type"] == "notification" and frame["id"] == notice.pk
            assert (frame["title"], frame["url"], frame["read"]) == ("附近有零工：搬运", "/gigs/522601/", False)
        assert await stranger.receive_nothing(timeout=0.5)

        await phone.send_json_to({"command": "read", "ids": [notice.pk]})
        assert (await phone.receive_json_from(timeout=5)) == {"type": "read", "unread": 1}
        await phone.send_json_to({"command": "read"})
        assert (await phone.receive_json_from(timeout=5)) == {"type": "read", "unread": 0}
    finally:
        for page in (phone, tablet, stranger):
            await page.disconnect()


async def test_an_anonymous_visitor_is_told_to_sign_in_and_closed_with_4401():
    page = await open_bell()
    frame = await page.receive_json_from(timeout=5)
    assert (frame["type"], frame["code"]) == ("error", "login_required")
    assert (await page.receive_output(timeout=5)) == {"type": "websocket.close", "code": 4401}
    await page.disconnect()


async def test_bad_frames_get_an_error_and_the_connection_stays():
    worker = await sync_to_async(SeekerFactory)()
    page = await open_bell(worker)
    try:
        await page.receive_json_from(timeout=5)
        await page.send_to(text_data="{not json")
        assert (await page.receive_json_from(timeout=5))["code"] == "bad_json"
        await page.send_json_to({"command": "read", "ids": ["全部"]})
        assert (await page.receive_json_from(timeout=5))["code"] == "bad_ids"
        await page.send_json_to({"command": "shout"})
        assert (await page.receive_json_from(timeout=5))["code"] == "unknown_command"
        await page.send_json_to({"command": "ping"})
        assert (await page.receive_json_from(timeout=5))["type"] == "pong"
    finally:
        await page.disconnect()


async def test_three_hundred_pages_opening_at_once_all_connect_and_all_ring():
    """A burst of handshakes, each joining a group in Redis at the same moment: redis-py's pool of
    100 connections once turned the 101st into an HTTP 500."""
    import asyncio

    worker = await sync_to_async(SeekerFactory)()
    # Handshakes queue for the one thread that reads sessions from the database: be patient.
    pages = await asyncio.gather(*(open_bell(worker, timeout=60) for _ in range(300)))
    try:
        hellos = await asyncio.gather(*(page.receive_json_from(timeout=20) for page in pages))
        assert {hello["type"] for hello in hellos} == {"hello"}

        notice = await sync_to_async(notify)(user=worker, kind="test", title="录用通知", body="请明天报到")
        frames = await asyncio.gather(*(page.receive_json_from(timeout=20) for page in pages))

        assert {frame["id"] for frame in frames} == {notice.pk}
    finally:
        await asyncio.gather(*(page.disconnect() for page in pages))
