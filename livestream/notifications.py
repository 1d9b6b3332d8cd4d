"""A signed-in person's own channel: notices pushed to every page they have open.

    server → client   {"type": "hello", "unread": 3}
                      {"type": "notification", "id": 9, "kind": "gig_nearby", "title": ..., "body": ..., "url": ...}
                      {"type": "read", "unread": 0}
    client → server   {"command": "read", "ids": [9]}   {"command": "read"}   {"command": "ping"}

Notices are stored before they are pushed (marketplace.notifications.services), so a page that
was closed misses nothing: the list at /me/notifications/ has them all.
"""

from __future__ import annotations

from typing import Any

from channels.db import database_sync_to_async
from django.utils import timezone
from django.utils.translation import gettext as _

from livestream.gigs.consumers import CLOSE_LOGIN_REQUIRED
from livestream.protocol import ProtocolError, parse_message
from livestream.ratelimit import FrameRateLimiter
from livestream.sockets import JsonSocket
from marketplace.notifications.services import notifications_mark_read, unread_count, user_group

MAX_IDS = 200


@database_sync_to_async
def _unread(user) -> int:
    return unread_count(user)


@database_sync_to_async
def _mark_read(user, ids: list[int] | None) -> int:
    notifications_mark_read(user=user, ids=ids)
    return unread_count(user)


class NotificationConsumer(JsonSocket):
    group: str | None = None

    async def connect(self) -> None:
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            # Accept first so the browser sees the close code, not a failed handshake.
            await self.accept()
            await self.send_json(ProtocolError("login_required", _("请先登录。")).frame())
            await self.close(code=CLOSE_LOGIN_REQUIRED)
            return
        self.limiter = FrameRateLimiter()
        self.group = user_group(user.pk)
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        await self.send_json({"type": "hello", "unread": await _unread(user)})

    async def disconnect(self, code: int) -> None:
        if self.group:
            await self.channel_layer.group_discard(self.group, self.channel_name)

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        verdict = self.limiter.check()
        if verdict.close:
            await self.close(code=verdict.close)
            return
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
        elif command == "read":
            ids = message.get("ids")
            if ids is not None and (
                not isinstance(ids, list)
                or len(ids) > MAX_IDS
                or not all(isinstance(i, int) and not isinstance(i, bool) for i in ids)
            ):
                raise ProtocolError("bad_ids", _("ids 须为通知编号列表。"))
            unread = await _mark_read(self.scope["user"], ids)
            await self.send_json({"type": "read", "unread": unread})
        else:
            raise ProtocolError("unknown_command", _("不支持的操作：%(command)s") % {"command": command[:40]})

    async def user_notification(self, event: dict[str, Any]) -> None:
        await self.send_json(event["frame"])
