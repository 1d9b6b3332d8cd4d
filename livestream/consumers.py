"""The health channel: echo for one socket, broadcast to every socket in the `health` group.

Pages use it to show that the live connection works; tests use it to prove messages cross the
channel layer (Redis in production) between consumers.
"""

from __future__ import annotations

from typing import Any

from channels.generic.websocket import AsyncWebsocketConsumer
from django.utils import timezone
from django.utils.translation import gettext as _

from livestream.protocol import ProtocolError, parse_message
from livestream.ratelimit import FrameRateLimiter
from livestream.sockets import JsonSocket

HEALTH_GROUP = "health"
# The close code of a socket address that names nothing, as for a board or room that does not exist.
CLOSE_NOT_FOUND = 4404


class HealthConsumer(JsonSocket):
    async def connect(self) -> None:
        # Rate-limited like every other socket: one `broadcast` frame costs a write to every socket
        # in the group, so an unthrottled sender would flood them all.
        self.limiter = FrameRateLimiter()
        await self.channel_layer.group_add(HEALTH_GROUP, self.channel_name)
        await self.accept()
        await self.send_json({"type": "hello", "server_time": timezone.now().isoformat()})

    async def disconnect(self, code: int) -> None:
        await self.channel_layer.group_discard(HEALTH_GROUP, self.channel_name)

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        verdict = self.limiter.check()
        if verdict.close:
            await self.close(code=verdict.close)
            return
        # Parsed here rather than by receive_json so a malformed frame gets an answer, not a crash.
        try:
            if verdict.refuse:
                raise verdict.refuse
            await self.handle(parse_message(text_data))
        except ProtocolError as exc:
            await self.send_json(exc.frame())

    async def handle(self, message: dict[str, Any]) -> None:
        command = message["command"]
        if command == "ping":
            await self.send_json({"type": "pong", "server_time": timezone.now().isoformat()})
        elif command == "echo":
            await self.send_json({"type": "echo", "payload": message.get("payload")})
        elif command == "broadcast":
            await self.channel_layer.group_send(
                HEALTH_GROUP, {"type": "health.broadcast", "payload": message.get("payload")}
            )
        else:
            raise ProtocolError("unknown_command", _("不支持的操作：%(command)s") % {"command": command[:40]})

    async def health_broadcast(self, event: dict[str, Any]) -> None:
        await self.send_json({"type": "broadcast", "payload": event.get("payload")})


class NotFoundConsumer(AsyncWebsocketConsumer):
    """Any other socket address: refused with 4404.

    Without it Channels' router raises for an unknown path, and every scanner probing /ws/…
    becomes an exception logged at ERROR by the server.
    """

    async def connect(self) -> None:
        await self.close(code=CLOSE_NOT_FOUND)
