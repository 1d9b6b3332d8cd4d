"""The WebSocket health channel, over the Redis channel layer the tests run with."""

import json

import pytest
from channels.layers import get_channel_layer
from channels.testing import WebsocketCommunicator
from channels_redis.core import RedisChannelLayer

from config.asgi import application

ORIGIN = [(b"origin", b"http://testserver")]


async def connect() -> WebsocketCommunicator:
    communicator = WebsocketCommunicator(application, "/ws/health/", headers=ORIGIN)
    connected, _ = await communicator.connect()
    assert connected
    hello = await communicator.receive_json_from()
    assert hello["type"] == "hello"
    return communicator


def test_the_channel_layer_is_redis():
    assert isinstance(get_channel_layer(), RedisChannelLayer)


@pytest.mark.asyncio
async def test_when_one_phone_broadcasts_then_another_receives_it_through_redis():
    sender, receiver = await connect(), await connect()
    try:
        await sender.send_json_to({"command": "broadcast", "payload": "凯里招聘会开始了"})

        assert await receiver.receive_json_from(timeout=5) == {"type": "broadcast", "payload": "凯里招聘会开始了"}
        assert await sender.receive_json_from(timeout=5) == {"type": "broadcast", "payload": "凯里招聘会开始了"}
    finally:
        await sender.disconnect()
        await receiver.disconnect()


@pytest.mark.asyncio
async def test_echo_answers_only_the_sender():
    communicator = await connect()
    try:
        await communicator.send_json_to({"command": "echo", "payload": {"n": 1}})
        assert await communicator.receive_json_from(timeout=5) == {"type": "echo", "payload": {"n": 1}}
    finally:
        await communicator.disconnect()


@pytest.mark.asyncio
@pytest.mark.parametrize(
    ("frame", "code"),
    [
        ("{not json", "bad_json"),
        (json.dumps(["command", "echo"]), "no_command"),
        (json.dumps({"command": "launch_rockets"}), "unknown_command"),
        (json.dumps({"command": "echo", "payload": "长" * 5000}), "too_large"),
        # Each of these crashed the consumer (the phone saw its socket drop) or was echoed as JSON a
        # browser cannot parse, before parse_message knew them.
        ("[" * 3000 + "]" * 3000, "bad_json"),  # RecursionError
        ('{"command": "echo", "payload": ' + "9" * 5000 + "}", "bad_json"),  # over int's 4300-digit limit
        ('{"command": "echo", "payload": 1e999}', "bad_json"),  # echoed as Infinity: JSON.parse fails
        ('{"command": "echo", "payload": NaN}', "bad_json"),
        ('{"command": "echo", "payload": "\\u0000"}', "bad_characters"),  # PostgreSQL text cannot hold NUL
        ('{"command": "echo", "payload": "\\ud800"}', "bad_characters"),  # a lone surrogate encodes to nothing
    ],
)
async def test_a_malformed_message_gets_a_chinese_error_frame_and_the_connection_stays(frame, code):
    communicator = await connect()
    try:
        await communicator.send_to(text_data=frame)
        error = await communicator.receive_json_from(timeout=5)
        assert error["type"] == "error"
        assert error["code"] == code
        assert any("\u4e00" <= ch <= "\u9fff" for ch in error["message"])

        await communicator.send_json_to({"command": "ping"})
        assert (await communicator.receive_json_from(timeout=5))["type"] == "pong"
    finally:
        await communicator.disconnect()


@pytest.mark.asyncio
async def test_a_socket_from_a_foreign_origin_is_refused():
    communicator = WebsocketCommunicator(application, "/ws/health/", headers=[(b"origin", b"http://evil.example")])
    connected, _ = await communicator.connect()
    assert not connected


@pytest.mark.asyncio
async def test_a_flood_on_the_health_channel_is_refused_then_closed_with_4429():
    """A `broadcast` frame is written to every socket in the group: an unthrottled sender floods them all."""
    communicator = await connect()
    for _ in range(40):
        await communicator.send_json_to({"command": "ping"})
    codes = []
    while True:
        output = await communicator.receive_output(timeout=5)
        if output["type"] == "websocket.close":
            break
        codes.append(json.loads(output["text"]).get("code"))
    assert output["code"] == 4429
    assert codes == [None] * 10 + ["rate_limited"] * 20
    await communicator.disconnect()
    again = await connect()
    await again.send_json_to({"command": "ping"})
    assert (await again.receive_json_from(timeout=5))["type"] == "pong"
    await again.disconnect()


@pytest.mark.asyncio
@pytest.mark.parametrize("path", ["/ws/nothing/", "/ws/gigs/522601//", "/ws/live/-1/", "/ws/"])
async def test_a_socket_address_that_names_nothing_is_refused_with_4404(path):
    """Channels' router raises for an unknown path, which daphne logs as an exception at ERROR."""
    communicator = WebsocketCommunicator(application, path, headers=ORIGIN)
    assert await communicator.connect(timeout=5) == (False, 4404)
