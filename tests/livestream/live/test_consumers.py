"""直播送岗 over WebSocket and the Redis channel layer, with committed transactions.

The test settings are the production ones, so `application` routes through channels_redis: every
frame here crossed Redis. Each test makes rooms of its own, so its groups are its own even when
other test runs share the Redis server.
"""

from __future__ import annotations

import asyncio
import datetime

import pytest
from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator
from django.utils import timezone

from config.asgi import application
from livestream.live.enums import RoomStatus
from livestream.live.services import card_push, chat_post, room_create, room_start
from livestream.models import LiveApplication, LiveMessage, LiveRoom
from marketplace.enums import ApplicationStatus, PostingStatus, Role
from marketplace.models import Application, User
from tests.factories import EmployerMemberFactory, JobPostingFactory, SeekerFactory, UserFactory
from tests.livestream.sockets import ORIGIN, session_cookie

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("sockets_closed")]


def make_live_room(host: User, *, start: bool = True) -> LiveRoom:
    room = room_create(
        by=host,
        data={"title": "黔味食品直播招聘", "stream_url": "https://live.example.cn/kaili/room1.m3u8",
              "scheduled_at": timezone.now() + datetime.timedelta(minutes=5)},
    )  # fmt: skip
    return room_start(by=host, room=room) if start else room


async def join(room_id: int, *, user: User | None = None, browser: str = "") -> tuple[WebsocketCommunicator, dict]:
    headers = [ORIGIN]
    if user is not None:
        headers.append(await sync_to_async(session_cookie)(user))
    path = f"/ws/live/{room_id}/" + (f"?v={browser}" if browser else "")
    communicator = WebsocketCommunicator(application, path, headers=headers)
    connected, _ = await communicator.connect()
    assert connected
    hello = await communicator.receive_json_from(timeout=5)
    assert hello["type"] == "hello" and hello["room"]["id"] == room_id
    return communicator, hello


async def next_of(communicator: WebsocketCommunicator, kind: str, timeout: float = 15) -> dict:
    """The next frame of one type, skipping others (viewer counts arrive whenever they change).

    A frame crosses Redis and the database; on a loaded two-core CI machine that has taken more
    than 5 s. What these tests assert is that it arrives, not how fast (see the benchmarks).
    """
    while True:
        frame = await communicator.receive_json_from(timeout=timeout)
        if frame["type"] == kind:
            return frame


async def disconnect(*communicators: WebsocketCommunicator) -> None:
    for communicator in communicators:
        await communicator.disconnect()


@pytest.fixture
async def scene():
    """A live room, its host, a published job of the host's company, and a seeker with a profile."""

    def build():
        host = EmployerMemberFactory(display_name="王经理")
        posting = JobPostingFactory(employer=host.employer, title="食品包装工")
        return {
            "host": host,
            "posting": posting,
            "room": make_live_room(host),
            "seeker": SeekerFactory(display_name="杨师傅"),
        }

    return await sync_to_async(build)()


async def test_when_the_host_pushes_a_card_every_viewer_sees_it_and_the_host_sees_applications_rise(scene):
    room, posting = scene["room"], scene["posting"]
    (host, hello), (viewer, _), (watcher, _) = (
        await join(room.pk, user=scene["host"]), await join(room.pk, user=scene["seeker"]), await join(room.pk),
    )  # fmt: skip
    try:
        assert hello["role"] == "host" and hello["card"] is None
        await host.send_json_to({"command": "push", "posting": posting.pk})
        ack = await next_of(host, "ack")
        for communicator in (host, viewer, watcher):
            card = (await next_of(communicator, "card"))["card"]
            assert card["id"] == ack["card"]
            assert (card["posting"]["title"], card["posting"]["pay_display"]) == ("食品包装工", "4000–5500 元/月")
            assert card["applications"] == 0

        await viewer.send_json_to({"command": "apply", "card": ack["card"]})
        result = await next_of(viewer, "apply_result")
        assert (result["ok"], result["already"]) == (True, False)
        assert "报名成功" in result["message"]
        for communicator in (host, watcher):
            counted = await next_of(communicator, "applications")
            assert (counted["card"], counted["count"], counted["total"]) == (ack["card"], 1, 1)

        application = await sync_to_async(Application.objects.get)(pk=result["application"])
        assert (application.source, application.status) == ("live", ApplicationStatus.SUBMITTED)
        link = await sync_to_async(LiveApplication.objects.get)(application=application)
        assert (link.card_id, link.room_id) == (ack["card"], room.pk)
    finally:
        await disconnect(host, viewer, watcher)


async def test_a_second_tap_is_already_applied_not_an_error_and_counts_once(scene):
    card = await sync_to_async(card_push)(by=scene["host"], room=scene["room"], posting=scene["posting"])
    phone, _ = await join(scene["room"].pk, user=scene["seeker"])
    try:
        await phone.send_json_to({"command": "apply", "card": card.pk})
        first = await next_of(phone, "apply_result")
        await phone.send_json_to({"command": "apply", "card": card.pk})
        again = await next_of(phone, "apply_result")
        assert (again["ok"], again["already"], again["message"]) == (True, True, "已报名")
        assert again["application"] == first["application"]
        assert await sync_to_async(LiveApplication.objects.filter(card=card).count)() == 1

        # A late joiner's hello says which jobs they already applied to.
        late, hello = await join(scene["room"].pk, user=scene["seeker"])
        assert hello["applied"] == [scene["posting"].pk]
        await late.disconnect()
    finally:
        await phone.disconnect()


async def test_a_viewer_cannot_run_host_commands_and_the_connection_stays_open(scene):
    other_host = await sync_to_async(EmployerMemberFactory)()
    phone, hello = await join(scene["room"].pk, user=other_host)  # a host, but of another room
    try:
        assert hello["role"] == "viewer"
        for command in ({"command": "push", "posting": scene["posting"].pk}, {"command": "end"},
                        {"command": "mute", "message": 1, "minutes": 5}):  # fmt: skip
            await phone.send_json_to(command)
            error = await next_of(phone, "error")
            assert error["code"] == "not_host"
            assert "只有本直播间的主播" in error["message"]
        await phone.send_json_to({"command": "ping"})
        assert (await next_of(phone, "pong"))["type"] == "pong"
        room = await sync_to_async(LiveRoom.objects.get)(pk=scene["room"].pk)
        assert (room.status, room.current_card_id) == (RoomStatus.LIVE, None)
    finally:
        await phone.disconnect()


async def test_an_anonymous_viewer_watches_but_must_sign_in_to_apply_or_chat(scene):
    card = await sync_to_async(card_push)(by=scene["host"], room=scene["room"], posting=scene["posting"])
    phone, hello = await join(scene["room"].pk)
    try:
        assert hello["role"] == "anonymous" and hello["card"]["id"] == card.pk
        await phone.send_json_to({"command": "apply", "card": card.pk})
        assert ((await next_of(phone, "error"))["code"], "login") == ("login_required", "login")
        await phone.send_json_to({"command": "chat", "text": "工资怎么算？"})
        error = await next_of(phone, "error")
        assert error["code"] == "login_required" and "登录" in error["message"]
        await phone.send_json_to({"command": "start"})
        assert (await next_of(phone, "error"))["code"] == "not_host"
    finally:
        await phone.disconnect()


async def test_a_seeker_without_a_profile_is_pointed_to_the_profile_page(scene):
    card = await sync_to_async(card_push)(by=scene["host"], room=scene["room"], posting=scene["posting"])
    newcomer = await sync_to_async(UserFactory)(role=Role.SEEKER, display_name="新用户")
    phone, _ = await join(scene["room"].pk, user=newcomer)
    try:
        await phone.send_json_to({"command": "apply", "card": card.pk})
        result = await next_of(phone, "apply_result")
        assert (result["ok"], result["code"], result["url"]) == (False, "no_profile", "/me/profile/")
        assert "求职档案" in result["message"]
    finally:
        await phone.disconnect()


async def test_a_closed_room_refuses_push_apply_and_chat_clearly(scene):
    card = await sync_to_async(card_push)(by=scene["host"], room=scene["room"], posting=scene["posting"])
    host, _ = await join(scene["room"].pk, user=scene["host"])
    phone, _ = await join(scene["room"].pk, user=scene["seeker"])
    try:
        await host.send_json_to({"command": "end"})
        assert (await next_of(host, "ack"))["command"] == "end"
        assert (await next_of(phone, "status"))["status"] == "ended"

        await phone.send_json_to({"command": "apply", "card": card.pk})
        error = await next_of(phone, "error")
        assert error["code"] == "room_closed" and "直播已结束" in error["message"]
        await asyncio.sleep(0.1)
        await phone.send_json_to({"command": "chat", "text": "还招人吗"})
        assert (await next_of(phone, "error"))["code"] == "room_closed"
        await host.send_json_to({"command": "push", "posting": scene["posting"].pk})
        assert (await next_of(host, "error"))["code"] == "room_closed"
        assert await sync_to_async(Application.objects.count)() == 0

        # Joining the ended room still works: the page shows that it ended.
        late, hello = await join(scene["room"].pk)
        assert (hello["room"]["status"], hello["card"]) == ("ended", None)
        await late.disconnect()
    finally:
        await disconnect(host, phone)


async def test_a_job_that_is_not_published_or_not_the_hosts_cannot_be_pushed(scene):
    def postings():
        draft = JobPostingFactory(employer=scene["host"].employer, title="草稿岗位", status=PostingStatus.DRAFT)
        other = JobPostingFactory(title="别家岗位")
        return draft, other

    draft, other = await sync_to_async(postings)()
    host, _ = await join(scene["room"].pk, user=scene["host"])
    try:
        for posting, code in ((draft, "posting_not_open"), (other, "posting_not_yours")):
            await host.send_json_to({"command": "push", "posting": posting.pk})
            error = await next_of(host, "error")
            assert error["code"] == code
        await host.send_json_to({"command": "push", "posting": 999_999_999})
        assert (await next_of(host, "error"))["code"] == "posting_not_found"
        assert await sync_to_async(scene["room"].cards.count)() == 0
    finally:
        await host.disconnect()


@pytest.mark.parametrize(
    ("frame", "code"),
    [
        ("{not json", "bad_json"),
        ("[1, 2]", "no_command"),
        ('{"command": "dance"}', "unknown_command"),
        ('{"command": "apply", "card": "七"}', "bad_card"),
        ('{"command": "apply", "card": 999999999}', "card_not_found"),
        ('{"command": "chat", "text": ' + '"' + "长" * 5000 + '"}', "too_large"),
        ('{"command": "chat", "text": "工资\\u0000多少"}', "bad_characters"),  # was a psycopg error: socket dropped
        ('{"command": "apply", "card": ' + "9" * 5000 + "}", "bad_json"),
    ],
)
async def test_a_malformed_or_oversized_frame_gets_an_error_and_the_connection_stays_open(scene, frame, code):
    phone, _ = await join(scene["room"].pk, user=scene["seeker"])
    try:
        await phone.send_to(text_data=frame)
        error = await next_of(phone, "error")
        assert error["code"] == code
        assert any("\u4e00" <= ch <= "\u9fff" for ch in error["message"])
        await phone.send_json_to({"command": "ping"})
        assert (await next_of(phone, "pong"))["type"] == "pong"
        assert await sync_to_async(LiveMessage.objects.count)() == 0
    finally:
        await phone.disconnect()


async def test_chat_reaches_everyone_and_banned_words_too_long_and_too_fast_are_refused(scene):
    room = scene["room"]
    phone, _ = await join(room.pk, user=scene["seeker"])
    watcher, _ = await join(room.pk)
    try:
        await phone.send_json_to({"command": "chat", "text": "  包住吗？  "})
        for communicator in (phone, watcher):
            message = (await next_of(communicator, "chat"))["message"]
            assert (message["author"], message["text"], message["host"]) == ("杨师傅", "包住吗？", False)

        await asyncio.sleep(2.1)
        await phone.send_json_to({"command": "chat", "text": "想赚钱的加我微信"})
        error = await next_of(phone, "error")
        assert error["code"] == "banned_word" and "加我微信" in error["message"]
        await phone.send_json_to({"command": "chat", "text": "好" * 101})
        assert (await next_of(phone, "error"))["code"] == "chat_too_long"

        # The refused messages did not cost a turn; two real ones in a row do.
        await phone.send_json_to({"command": "chat", "text": "几点上班？"})
        assert (await next_of(phone, "chat"))["message"]["text"] == "几点上班？"
        await phone.send_json_to({"command": "chat", "text": "有夜班吗？"})
        error = await next_of(phone, "error")
        assert error["code"] == "chat_too_fast" and "太快" in error["message"]
        shown = LiveMessage.objects.filter(room=room).values_list("text", flat=True)
        texts = await sync_to_async(list)(shown)
        assert texts == ["包住吗？", "几点上班？"]
    finally:
        await disconnect(phone, watcher)


async def test_the_host_deletes_a_message_and_mutes_its_author_with_time_left_shown(scene):
    room = scene["room"]
    message = await sync_to_async(chat_post)(by=scene["seeker"], room=room, text="这家不行")
    host, _ = await join(room.pk, user=scene["host"])
    phone, _ = await join(room.pk, user=scene["seeker"])
    try:
        await host.send_json_to({"command": "delete", "message": message.pk})
        assert (await next_of(host, "ack"))["command"] == "delete"
        assert (await next_of(phone, "chat_removed"))["id"] == message.pk

        await host.send_json_to({"command": "mute", "message": message.pk, "minutes": 10})
        ack = await next_of(host, "ack")
        assert (ack["command"], ack["author"]) == ("mute", "杨师傅")
        await phone.send_json_to({"command": "chat", "text": "为什么删我"})
        error = await next_of(phone, "error")
        assert error["code"] == "muted" and "还剩 10 分钟" in error["message"]

        await host.send_json_to({"command": "mute", "message": message.pk, "minutes": 0})
        assert (await next_of(host, "error"))["code"] == "bad_minutes"

        # A late joiner never sees the deleted message.
        late, hello = await join(room.pk)
        assert message.pk not in [m["id"] for m in hello["chat"]]
        await late.disconnect()
    finally:
        await disconnect(host, phone)


async def test_a_late_joiner_gets_the_current_card_the_pinned_card_the_count_and_recent_chat(scene):
    def stage():
        host, room = scene["host"], scene["room"]
        second = JobPostingFactory(employer=host.employer, title="叉车司机", pay_min=5000, pay_max=6500)
        first_card = card_push(by=host, room=room, posting=scene["posting"])
        from livestream.live.services import card_pin

        card_pin(by=host, room=room, card=first_card)
        current = card_push(by=host, room=room, posting=second)
        for i in range(55):
            room_chatter = SeekerFactory(display_name=f"网友{i}")
            chat_post(by=room_chatter, room=room, text=f"第{i}条")
        LiveMessage.objects.filter(room=room, text="第54条").update(deleted_at=timezone.now())
        return first_card, current

    pinned, current = await sync_to_async(stage)()
    early, _ = await join(scene["room"].pk, browser="browserA12345")
    late, hello = await join(scene["room"].pk, user=scene["seeker"])
    try:
        assert (hello["card"]["id"], hello["card"]["posting"]["title"]) == (current.pk, "叉车司机")
        assert (hello["pinned"]["id"], hello["pinned"]["posting"]["title"]) == (pinned.pk, "食品包装工")
        assert [m["text"] for m in hello["chat"]] == [f"第{i}条" for i in range(4, 54)]
        assert hello["viewers"] == 2
    finally:
        await disconnect(early, late)


async def test_viewer_count_rises_and_falls_across_connections_and_the_peak_is_kept(scene):
    room = scene["room"]
    host, hello = await join(room.pk, user=scene["host"])
    assert hello["viewers"] == 0  # the host is not a viewer
    first, _ = await join(room.pk, browser="browserB12345")
    second, _ = await join(room.pk, browser="browserC12345")
    again, _ = await join(room.pk, browser="browserC12345")  # the same browser in a second tab
    try:
        seen = 0
        while seen != 3:
            seen = (await next_of(host, "viewers"))["count"]
        await again.disconnect()
        await second.disconnect()
        while seen != 1:
            seen = (await next_of(host, "viewers"))["count"]
        counts = [(await next_of(first, "viewers"))["count"]]
        while counts[-1] != 1:
            counts.append((await next_of(first, "viewers"))["count"])
        assert counts[0] in (2, 3)  # the viewers see the same numbers as the host
    finally:
        await disconnect(host, first)
    refreshed = await sync_to_async(LiveRoom.objects.get)(pk=room.pk)
    assert refreshed.viewers_peak == 3
    from livestream.live.selectors import room_funnel

    (row,) = await sync_to_async(room_funnel)([refreshed])
    assert (row.viewers_peak, row.viewers_unique) == (3, 2)


async def test_a_room_that_does_not_exist_says_so_and_closes_with_4404():
    communicator = WebsocketCommunicator(application, "/ws/live/999999999/", headers=[ORIGIN])
    connected, _ = await communicator.connect()
    assert connected  # accepted first, so the phone learns why
    error = await communicator.receive_json_from(timeout=5)
    assert (error["type"], error["code"], error["message"]) == ("error", "room_not_found", "直播间不存在或已删除。")
    assert await communicator.receive_output(timeout=5) == {"type": "websocket.close", "code": 4404}
    await communicator.disconnect()  # as the phone's browser does: the consumer ends with the socket


async def test_a_flood_is_rate_limited_and_persistent_abuse_closes_the_socket(scene):
    phone, _ = await join(scene["room"].pk)
    for _ in range(15):
        await phone.send_json_to({"command": "ping"})
    frames = [await next_of(phone, kind) for kind in ["pong"] * 10 + ["error"] * 5]
    assert {f["code"] for f in frames[10:]} == {"rate_limited"}
    for _ in range(30):
        await phone.send_json_to({"command": "ping"})
    while True:
        output = await phone.receive_output(timeout=5)
        if output["type"] == "websocket.close":
            break
    assert output["code"] == 4429


async def test_a_viewer_who_only_watches_for_a_while_stays_connected(scene):
    """Nothing arrives for longer than the Redis layer's 5 s blocking read; the socket must survive it.

    redis-py 8 reads with a 5 s socket timeout by default, the same as channels-redis's BZPOPMIN,
    so without a longer socket timeout an idle consumer dies with 1011 within seconds.
    """
    phone, _ = await join(scene["room"].pk)
    try:
        await asyncio.sleep(7)
        await phone.send_json_to({"command": "ping"})
        assert (await next_of(phone, "pong"))["type"] == "pong"
    finally:
        await phone.disconnect()
