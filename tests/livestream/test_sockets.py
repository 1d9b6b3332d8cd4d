"""A reply that finds its socket closing is dropped, and the socket's consumer carries on.

daphne refuses a write to a socket in its closing handshake with autobahn's `Disconnected`. That
happens when a phone hangs up, or this server closes it, with a reply already on its way; CI once
saw it in the daphne fuzzer as an "Exception inside application" at ERROR, and the consumer was
dead for the rest of that socket's life. The race is a matter of microseconds on a real daphne, so
here the transport refuses the writes it is told to, as daphne does while closing.
"""

from __future__ import annotations

from typing import Any

import pytest
from autobahn.exception import Disconnected
from channels.testing import WebsocketCommunicator

from config.asgi import application

ORIGIN = [(b"origin", b"http://testserver")]

pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("sockets_closed")]


class ClosingTransport:
    """The ASGI application behind a server whose socket is, for a while, closing."""

    def __init__(self) -> None:
        self.closing = False
        self.refused: list[dict[str, Any]] = []

    async def __call__(self, scope, receive, send) -> None:
        async def send_unless_closing(message: dict[str, Any]) -> None:
            if self.closing and message["type"] == "websocket.send":
                self.refused.append(message)
                raise Disconnected("Attempt to send on a closed protocol")
            await send(message)

        await application(scope, receive, send_unless_closing)


@pytest.mark.asyncio
@pytest.mark.parametrize("path", ["/ws/health/", "/ws/gigs/520102/"])
async def test_a_pong_for_a_phone_that_hung_up_is_dropped_and_the_socket_still_answers(path):
    transport = ClosingTransport()
    communicator = WebsocketCommunicator(transport, path, headers=ORIGIN)
    connected, _ = await communicator.connect()
    assert connected
    assert (await communicator.receive_json_from(timeout=5))["type"] == "hello"
    try:
        transport.closing = True
        await communicator.send_json_to({"command": "ping"})
        await communicator.receive_nothing(timeout=0.5)
        assert [message["type"] for message in transport.refused] == ["websocket.send"]

        # The consumer did not die with the refused reply: the next ping is answered.
        transport.closing = False
        await communicator.send_json_to({"command": "ping"})
        assert (await communicator.receive_json_from(timeout=5))["type"] == "pong"
    finally:
        await communicator.disconnect()
