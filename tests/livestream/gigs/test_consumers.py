"""The gig board over WebSocket and the Redis channel layer, with committed transactions.

Each test uses a county of its own, so its board (and Channels group) is its own even when other
test runs share the Redis server.
"""

from __future__ import annotations

import asyncio
import datetime
import uuid

import pytest
from asgiref.sync import sync_to_async
from channels.testing import WebsocketCommunicator
from django.utils import timezone
from rest_framework.test import APIClient

from config.asgi import application
from livestream.gigs.models import board_area
from livestream.gigs.services.claims import gig_claim
from livestream.gigs.services.posting import gig_post
from marketplace.employers.services import employer_blacklist, employer_blacklist_lift
from marketplace.enums import PayUnit, Role
from marketplace.models import User
from tests.factories import EmployerMemberFactory, SeekerFactory, UserFactory
from tests.livestream.sockets import ORIGIN, session_cookie


def county() -> str:
    return f"测试县{uuid.uuid4().hex[:8]}"


def post_gig(poster: User, place: str, places: int = 3):
    data = {"title": "仓库卸货", "county": place, "work_date": timezone.localdate() + datetime.timedelta(days=1),
            "start_time": datetime.time(8, 0), "end_time": datetime.time(12, 0), "pay": 25,
            "pay_unit": PayUnit.HOUR, "places": places}  # fmt: skip
    return gig_post(by=poster, data=data)


async def watch(area: str, *, user: User | None = None) -> tuple[WebsocketCommunicator, dict]:
    headers = [ORIGIN]
    if user is not None:
        headers.append(await sync_to_async(session_cookie)(user))
    communicator = WebsocketCommunicator(application, f"/ws/gigs/{area}/", headers=headers)
    connected, _ = await communicator.connect()
    assert connected
    hello = await communicator.receive_json_from(timeout=5)
    assert hello["type"] == "hello" and hello["area"] == area
    return communicator, hello


async def frames_until(communicator: WebsocketCommunicator, wanted: set[str]) -> dict[str, dict]:
    """Read frames until one of each wanted type arrived (their order across Redis is not fixed)."""
    seen: dict[str, dict] = {}
    while not wanted <= set(seen):
        frame = await communicator.receive_json_from(timeout=5)
        seen.setdefault(frame["type"], frame)
    return seen


pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("sockets_closed")]


async def test_when_a_gig_is_posted_then_every_connected_board_sees_it():
    place = county()
    area = board_area(place)
    poster = await sync_to_async(EmployerMemberFactory)()
    (first, hello), (second, _) = await watch(area), await watch(area)
    try:
        assert hello["last_seq"] == 0
        gig = await sync_to_async(post_gig)(poster, place)

        for communicator in (first, second):
            event = await communicator.receive_json_from(timeout=5)
            assert (event["type"], event["seq"], event["kind"]) == ("event", 1, "gig_posted")
            assert event["gig"]["id"] == gig.pk
            shown = event["gig"]
            assert (shown["title"], shown["places_left"], shown["status"]) == ("仓库卸货", 3, "open")
            assert event["gig"]["pay_display"] == "25 元/小时"
    finally:
        await first.disconnect()
        await second.disconnect()


async def test_when_gig_claimed_then_every_board_sees_places_left_drop():
    place = county()
    area = board_area(place)
    poster, seeker = await sync_to_async(EmployerMemberFactory)(), await sync_to_async(SeekerFactory)()
    gig = await sync_to_async(post_gig)(poster, place)
    (watcher, hello), (phone, _) = await watch(area), await watch(area, user=seeker)
    try:
        assert hello["last_seq"] == 1
        await phone.send_json_to({"command": "claim", "gig": gig.pk})

        seen = await frames_until(phone, {"claim_result", "event"})
        assert seen["claim_result"]["ok"] is True and seen["claim_result"]["gig"] == gig.pk
        assert "抢到了" in seen["claim_result"]["message"]
        for event in (seen["event"], await watcher.receive_json_from(timeout=5)):
            assert (event["seq"], event["kind"], event["gig"]["places_left"]) == (2, "places_changed", 2)

        # A double tap keeps the one place: the same claim, and nothing new on the board.
        await phone.send_json_to({"command": "claim", "gig": gig.pk})
        again = await phone.receive_json_from(timeout=5)
        assert again["ok"] is True and again["claim"] == seen["claim_result"]["claim"]
        assert await watcher.receive_nothing(timeout=0.5)
    finally:
        await watcher.disconnect()
        await phone.disconnect()


async def test_a_claim_on_a_full_gig_answers_gig_full_in_chinese():
    place = county()
    poster, first, late = (await sync_to_async(EmployerMemberFactory)(), await sync_to_async(SeekerFactory)(),
                           await sync_to_async(SeekerFactory)())  # fmt: skip
    gig = await sync_to_async(post_gig)(poster, place, 1)
    await sync_to_async(gig_claim)(by=first, gig=gig)
    phone, _ = await watch(board_area(place), user=late)
    try:
        await phone.send_json_to({"command": "claim", "gig": gig.pk})
        result = await phone.receive_json_from(timeout=5)
        assert (result["type"], result["ok"], result["code"]) == ("claim_result", False, "gig_full")
        assert "名额已满" in result["message"]
    finally:
        await phone.disconnect()


async def test_an_anonymous_claim_gets_an_error_frame_and_close_code_4401():
    place = county()
    gig = await sync_to_async(post_gig)(await sync_to_async(EmployerMemberFactory)(), place)
    communicator, _ = await watch(board_area(place))

    await communicator.send_json_to({"command": "claim", "gig": gig.pk})

    error = await communicator.receive_json_from(timeout=5)
    assert (error["type"], error["code"]) == ("error", "login_required")
    assert "登录" in error["message"]
    assert await communicator.receive_output(timeout=5) == {"type": "websocket.close", "code": 4401}


@pytest.mark.parametrize(
    ("frame", "code"),
    [
        ("{not json", "bad_json"),
        ('{"command": "dance"}', "unknown_command"),
        ('{"command": "claim", "gig": "七"}', "bad_gig"),
        ('{"command": "claim", "gig": 999999999}', "gig_not_found"),
    ],
)
async def test_a_malformed_frame_gets_an_error_frame_and_the_connection_stays_open(frame, code):
    seeker = await sync_to_async(SeekerFactory)()
    communicator, _ = await watch(board_area(county()), user=seeker)
    try:
        await communicator.send_to(text_data=frame)
        error = await communicator.receive_json_from(timeout=5)
        assert (error["type"], error["code"]) == ("error", code)
        assert any("\u4e00" <= ch <= "\u9fff" for ch in error["message"])

        await communicator.send_json_to({"command": "ping"})
        assert (await communicator.receive_json_from(timeout=5))["type"] == "pong"
    finally:
        await communicator.disconnect()


async def test_a_gig_of_another_board_cannot_be_claimed_here():
    seeker = await sync_to_async(SeekerFactory)()
    gig = await sync_to_async(post_gig)(await sync_to_async(EmployerMemberFactory)(), county())
    communicator, _ = await watch(board_area(county()), user=seeker)
    try:
        await communicator.send_json_to({"command": "claim", "gig": gig.pk})
        assert (await communicator.receive_json_from(timeout=5))["code"] == "gig_other_board"
    finally:
        await communicator.disconnect()


async def test_a_flood_is_rate_limited_and_persistent_abuse_closes_the_socket():
    communicator, _ = await watch(board_area(county()))
    for _ in range(15):
        await communicator.send_json_to({"command": "ping"})
    frames = [await communicator.receive_json_from(timeout=5) for _ in range(15)]

    assert [f["type"] for f in frames[:10]] == ["pong"] * 10
    assert {(f["type"], f["code"]) for f in frames[10:]} == {("error", "rate_limited")}

    for _ in range(30):
        await communicator.send_json_to({"command": "ping"})
    while True:
        output = await communicator.receive_output(timeout=5)
        if output["type"] == "websocket.close":
            break
    assert output["code"] == 4429


async def test_after_the_flood_window_passes_the_connection_works_again():
    communicator, _ = await watch(board_area(county()))
    try:
        for _ in range(12):
            await communicator.send_json_to({"command": "ping"})
        for _ in range(12):
            await communicator.receive_json_from(timeout=5)
        await asyncio.sleep(1.1)
        await communicator.send_json_to({"command": "ping"})
        assert (await communicator.receive_json_from(timeout=5))["type"] == "pong"
    finally:
        await communicator.disconnect()


def test_the_rest_catch_up_returns_exactly_the_events_after_since(anon):
    place = county()
    area = board_area(place)
    gig = post_gig(EmployerMemberFactory(), place)
    for _ in range(2):
        gig_claim(by=SeekerFactory(), gig=gig)
    client = anon

    response = client.get(f"/api/gig-boards/{area}/events", {"since": 1})

    assert response.status_code == 200
    body = response.json()
    assert (body["area"], body["last_seq"], body["has_more"]) == (area, 3, False)
    assert [(e["seq"], e["kind"], e["gig"]["places_left"]) for e in body["events"]] == [
        (2, "places_changed", 2),
        (3, "places_changed", 1),
    ]
    assert client.get(f"/api/gig-boards/{area}/events", {"since": 3}).json()["events"] == []
    assert len(client.get(f"/api/gig-boards/{area}/events").json()["events"]) == 3


@pytest.mark.parametrize("since", ["abc", "-1", "1.5", "九"])
def test_junk_since_is_a_clear_400_in_chinese(since):
    response = APIClient(REMOTE_ADDR="10.9.0.1").get(f"/api/gig-boards/{board_area('凯里市')}/events", {"since": since})

    assert response.status_code == 400
    error = response.json()["error"]
    assert "since" in error["fields"]
    assert "since 必须是不小于0的整数" in error["fields"]["since"][0]


def _unbroadcast_events(poster: User, place: str, count: int) -> list[dict]:
    """Board events as committed writers leave them, before their (delayed) broadcasts."""
    from livestream.gigs.board import gig_board_payload
    from livestream.gigs.models import BoardEvent

    gig = post_gig(poster, place)  # seq 1, broadcast at once
    frames = []
    for seq in range(2, count + 2):
        event = BoardEvent.objects.create(area=gig.area, seq=seq, kind="places_changed", gig=gig,
                                          payload=gig_board_payload(gig))  # fmt: skip
        frames.append(event.frame())
    return frames


async def board_frames(communicator: WebsocketCommunicator, through: int) -> list[dict]:
    """Board frames (`event` and folded `events`) until one covers number `through`."""
    frames: list[dict] = []
    while not frames or frames[-1].get("last_seq", frames[-1].get("seq")) < through:
        frame = await communicator.receive_json_from(timeout=5)
        if frame["type"] in ("event", "events"):
            frames.append(frame)
    return frames


def numbers_covered(frames: list[dict]) -> list[tuple[int, int]]:
    return [(f["seq"], f["seq"]) if f["type"] == "event" else (f["first_seq"], f["last_seq"]) for f in frames]


def gapless(ranges: list[tuple[int, int]], first: int, last: int) -> bool:
    expected = first
    for low, high in ranges:
        if low != expected:
            return False
        expected = high + 1
    return expected == last + 1


async def test_frames_broadcast_out_of_order_by_two_servers_reach_each_phone_in_number_order():
    from channels.layers import get_channel_layer

    place = county()
    area = board_area(place)
    poster = await sync_to_async(EmployerMemberFactory)()
    phone, _hello = await watch(area)
    try:
        frames = await sync_to_async(_unbroadcast_events)(poster, place, 3)  # seqs 2, 3, 4
        assert (await phone.receive_json_from(timeout=5))["seq"] == 1
        layer = get_channel_layer()
        for frame in (frames[2], frames[0]):  # 4 arrives before 2; 3 is never broadcast at all
            await layer.group_send(f"gigs.{area}", {"type": "board.event", "frames": [frame]})

        assert gapless(numbers_covered(await board_frames(phone, through=4)), 2, 4)
        assert await phone.receive_nothing(timeout=0.5)
    finally:
        await phone.disconnect()


async def test_events_whose_broadcast_was_lost_reach_the_phone_without_a_later_event():
    place = county()
    area = board_area(place)
    poster = await sync_to_async(EmployerMemberFactory)()
    phone, _hello = await watch(area)
    try:
        # Seq 1 is broadcast; 2 and 3 are committed but their broadcasts never come (dropped at capacity).
        await sync_to_async(_unbroadcast_events)(poster, place, 2)
        assert (await phone.receive_json_from(timeout=5))["seq"] == 1

        tail = await board_frames(phone, through=3)
        assert gapless(numbers_covered(tail), 2, 3)
    finally:
        await phone.disconnect()


async def test_a_burst_of_claims_reaches_every_phone_folded_gapless_and_ending_full():
    from livestream.gigs.services.claims import gig_claim_many

    place = county()
    area = board_area(place)
    poster = await sync_to_async(EmployerMemberFactory)()
    gig = await sync_to_async(post_gig)(poster, place, 20)
    claimers = [await sync_to_async(SeekerFactory)() for _ in range(25)]
    phones = [await watch(area), await watch(area)]
    try:
        for batch in (claimers[:8], claimers[8:]):
            await sync_to_async(gig_claim_many)(gig=gig.pk, claimers=batch)

        for phone, hello in phones:
            frames = await board_frames(phone, through=21)
            assert gapless(numbers_covered(frames), hello["last_seq"] + 1, 21)
            assert len(frames) < 20  # folded: not one frame per claim
            last = frames[-1]["events"][-1] if frames[-1]["type"] == "events" else frames[-1]
            assert (last["gig"]["places_left"], last["gig"]["status"]) == (0, "full")
    finally:
        for phone, _hello in phones:
            await phone.disconnect()


async def test_a_phone_that_leaves_does_not_stop_the_board_for_the_others_in_its_process():
    place = county()
    area = board_area(place)
    poster = await sync_to_async(EmployerMemberFactory)()
    (leaving, _), (staying, _) = await watch(area), await watch(area)
    await leaving.disconnect()
    try:
        await sync_to_async(post_gig)(poster, place)
        event = await staying.receive_json_from(timeout=5)
        assert (event["type"], event["seq"], event["kind"]) == ("event", 1, "gig_posted")
    finally:
        await staying.disconnect()


async def test_a_blacklisted_employers_gig_is_taken_down_on_every_phone_and_put_back_when_lifted():
    place = county()
    area = board_area(place)
    poster = await sync_to_async(EmployerMemberFactory)()
    bureau = await sync_to_async(UserFactory)(role=Role.BUREAU)
    gig = await sync_to_async(post_gig)(poster, place)
    (phone, hello) = await watch(area)
    try:
        entry = await sync_to_async(employer_blacklist)(by=bureau, employer=poster.employer, reason="拖欠工资")
        down = await phone.receive_json_from(timeout=5)
        assert (down["seq"], down["gig"]["id"], down["gig"]["withdrawn"]) == (hello["last_seq"] + 1, gig.pk, True)

        await sync_to_async(employer_blacklist_lift)(by=bureau, entry=entry)
        back = await phone.receive_json_from(timeout=5)
        assert (back["seq"], back["gig"]["withdrawn"], back["gig"]["status"]) == (down["seq"] + 1, False, "open")
    finally:
        await phone.disconnect()
