"""The base every JSON socket of the product stands on.

A phone may hang up, or this server may close it (rate limit, login required), while a reply is
already on its way: a pong for a ping queued a moment before the close frame, a board frame the
relay handed over as the socket left. daphne then refuses the write (autobahn's `Disconnected`),
and without this base the refusal escapes the consumer as an "Exception inside application" at
ERROR, once per such race, for a phone that is simply gone. The reply has nobody to reach, so it
is dropped and counted in the debug log.
"""

from __future__ import annotations

import logging

from channels.generic.websocket import AsyncJsonWebsocketConsumer

try:  # daphne's WebSocket engine; another ASGI server has no such exception to catch.
    from autobahn.exception import Disconnected
except ImportError:  # pragma: no cover - daphne is in requirements.txt
    Disconnected = ()  # type: ignore[assignment,misc]

logger = logging.getLogger(__name__)


class JsonSocket(AsyncJsonWebsocketConsumer):
    async def send(self, text_data: str | None = None, bytes_data: bytes | None = None, close: bool = False) -> None:
        try:
            await super().send(text_data=text_data, bytes_data=bytes_data, close=close)
        except Disconnected:
            logger.debug("reply to a closed socket dropped (%s)", self.scope.get("path"))

    async def send_json(self, content: object, close: bool = False) -> None:
        # Channels' own send_json skips a subclass's send (it calls its parent's), so route it here.
        await self.send(text_data=await self.encode_json(content), close=close)
