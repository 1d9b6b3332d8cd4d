"""One live room (直播送岗) over WebSocket: the host runs it, every viewer's card follows live.

    server → client   {"type": "hello", "role": "host"|"viewer"|"anonymous", "room": {...}, "card": {...}|null,
                       "pinned": {...}|null, "viewers": 12, "applications": 3, "chat": [...], "applied": [posting ids]}
                      {"type": "card", "card": {...}}              {"type": "pinned", "card": {...}|null}
                      {"type": "applications", "card": 7, "count": 5, "total": 9}
                      {"type": "chat", "message": {...}}          {"type": "chat_removed", "id": 31}
                      {"type": "viewers", "count": 120}           {"type": "status", "status": "live"|"ended"}
                      {"type": "apply_result", "ok": true, "already": false, "card": 7, "message": "<中文>"}
                      {"type": "ack", "command": "push", ...}     {"type": "error", "code": "...", "message": "<中文>"}
    client → server   viewer: ping · apply {card} · chat {text}
                      host:   start · push {posting} · pin {card} · unpin · delete {message} ·
                              mute {message, minutes} · end

Anyone may watch; applying and chatting need sign-in. A host command from anyone but the room's
host is refused with the code `not_host` and the connection stays open; so does every malformed
frame. Broadcasts reach the socket through its process's relay (livestream.live.presence), which it
joins before it reads the state for its hello, so a change committed in between arrives as a
frame the client simply applies again.
"""

from __future__ import annotations

import re
import uuid
from typing import Any

from channels.db import database_sync_to_async
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from livestream.live import rules, services
from livestream.live.presence import local_rooms
from livestream.live.selectors import room_state
from livestream.models import LiveCard, LiveMessage, LiveRoom
from livestream.protocol import ProtocolError, parse_message
from livestream.ratelimit import FrameRateLimiter
from livestream.sockets import JsonSocket
from marketplace.models import JobPosting

CLOSE_NO_ROOM = 4404

HOST_COMMANDS = {"start", "push", "pin", "unpin", "delete", "mute", "end"}
VIEWER_COMMANDS = {"ping", "apply", "chat"}
BROWSER_ID = re.compile(r"^[A-Za-z0-9_-]{8,40}$")


def _positive_int(message: dict[str, Any], key: str, what: str) -> int:
    value = message.get(key)
    if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
        raise ProtocolError(f"bad_{key}", _("请指明%(what)s。") % {"what": what})
    return value


@database_sync_to_async
def _load_room(room_id: int) -> LiveRoom | None:
    return LiveRoom.objects.filter(pk=room_id).first()


@database_sync_to_async
def _join(room: LiveRoom, channel_name: str, viewer_key: str, is_host: bool, user) -> dict[str, Any]:
    services.presence_join(room_id=room.pk, channel_name=channel_name, viewer_key=viewer_key, is_host=is_host)
    return room_state(room, user)


@database_sync_to_async
def _leave(channel_name: str) -> None:
    services.presence_leave(channel_name=channel_name)


def _call(action) -> Any:
    """Run a service in the ORM thread, turning its refusals into error frames."""

    @database_sync_to_async
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return action(*args, **kwargs)
        except ValidationError as exc:
            raise ProtocolError.refusing(exc) from exc
        except PermissionDenied as exc:
            raise ProtocolError("permission_denied", str(exc)) from exc

    return run


@_call
def _host_command(user, room_id: int, command: str, message: dict[str, Any]) -> dict[str, Any]:
    room = LiveRoom.objects.get(pk=room_id)
    rules.require_host(user, room)
    ack: dict[str, Any] = {"type": "ack", "command": command}
    if command == "start":
        services.room_start(by=user, room=room)
    elif command == "end":
        services.room_end(by=user, room=room)
    elif command == "push":
        posting_id = _positive_int(message, "posting", _("要推送的岗位"))
        posting = JobPosting.objects.filter(pk=posting_id).first()
        if posting is None:
            raise ProtocolError("posting_not_found", _("找不到该岗位。"))
        ack["card"] = services.card_push(by=user, room=room, posting=posting).pk
    elif command in {"pin", "unpin"}:
        card = None
        if command == "pin":
            card = LiveCard.objects.filter(pk=_positive_int(message, "card", _("要置顶的岗位卡片"))).first()
            if card is None:
                raise ProtocolError("card_not_found", _("找不到该岗位卡片。"))
        services.card_pin(by=user, room=room, card=card)
    else:  # delete, mute: both name a chat message
        found = LiveMessage.objects.filter(pk=_positive_int(message, "message", _("哪条消息")), room=room).first()
        if found is None:
            raise ProtocolError("message_not_found", _("找不到该消息。"))
        if command == "delete":
            services.message_delete(by=user, room=room, message=found)
        else:
            mute = services.user_mute(by=user, room=room, user=found.author, minutes=message.get("minutes"))
            ack.update(author=found.author_name, until=mute.until.isoformat())
    return ack


@_call
def _apply(user, room_id: int, card_id: int) -> dict[str, Any]:
    card = LiveCard.objects.select_related("posting").filter(pk=card_id, room_id=room_id).first()
    if card is None:
        raise ProtocolError("card_not_found", _("找不到该岗位卡片。"))
    try:
        result = services.live_apply(by=user, card=card)
    except ValidationError as exc:
        if getattr(exc, "code", None) == "no_profile":  # the page offers the way to the profile form
            return {"type": "apply_result", "ok": False, "card": card_id, "code": "no_profile",
                    "message": " ".join(exc.messages), "url": reverse("frontend:profile")}  # fmt: skip
        raise
    message = _("已报名") if result.already else _("报名成功！企业会尽快与你联系。")
    return {"type": "apply_result", "ok": True, "already": result.already, "card": card_id,
            "posting": card.posting_id, "application": result.application.pk, "message": message}  # fmt: skip


@_call
def _chat(user, room_id: int, text: Any) -> None:
    if not isinstance(text, str):
        raise ProtocolError("chat_empty", _("消息不能为空。"))
    services.chat_post(by=user, room=LiveRoom.objects.get(pk=room_id), text=text)


class LiveRoomConsumer(JsonSocket):
    room_id: int
    joined: bool = False
    is_host: bool = False

    async def connect(self) -> None:
        # Accepted before any database work: daphne drops a handshake the application has not
        # answered within seconds, and in a burst of joins the ORM thread may be that far behind.
        self.limiter = FrameRateLimiter()
        await self.accept()
        room = await _load_room(int(self.scope["url_route"]["kwargs"]["room_id"]))
        if room is None:
            await self.send_json(ProtocolError("room_not_found", _("直播间不存在或已删除。")).frame())
            await self.close(code=CLOSE_NO_ROOM)
            return
        self.room_id = room.pk
        user = self.scope.get("user")
        signed_in = user is not None and user.is_authenticated
        self.is_host = signed_in and user.pk == room.host_id
        # Joined before the state is read: a change committed in between arrives as a frame too.
        await local_rooms.join(room.pk, self)
        self.joined = True
        state = await _join(room, self.channel_name, self._viewer_key(user if signed_in else None), self.is_host, user)
        local_rooms.mark_sent(room.pk, state["viewers"])
        role = "host" if self.is_host else ("viewer" if signed_in else "anonymous")
        await self.send_json({"type": "hello", "role": role, **state})

    async def deliver(self, text: str) -> None:
        """A room frame from this process's relay, encoded once for all its sockets."""
        await self.send(text_data=text)

    def _viewer_key(self, user) -> str:
        if user is not None:
            return f"u{user.pk}"
        # The viewer page sends a random id it keeps in the browser, so a reload is not a new viewer.
        query = self.scope.get("query_string", b"").decode("ascii", "ignore")
        for part in query.split("&"):
            name, _sep, value = part.partition("=")
            if name == "v" and BROWSER_ID.match(value):
                return f"a{value}"
        return f"a{uuid.uuid4().hex}"

    async def disconnect(self, code: int) -> None:
        if self.joined:
            await local_rooms.leave(self.room_id, self)
            await _leave(self.channel_name)

    async def receive(self, text_data: str | None = None, bytes_data: bytes | None = None) -> None:
        verdict = self.limiter.check()
        if verdict.close:
            await self.close(code=verdict.close)
            return
        if verdict.refuse:
            await self.send_json(verdict.refuse.frame())
            return
        try:
            await self.handle(parse_message(text_data))
        except ProtocolError as exc:
            await self.send_json(exc.frame())

    async def handle(self, message: dict[str, Any]) -> None:
        command = message["command"]
        user = self.scope.get("user")
        signed_in = user is not None and user.is_authenticated
        if command == "ping":
            await self.send_json({"type": "pong", "server_time": timezone.now().isoformat()})
        elif command in HOST_COMMANDS:
            if not self.is_host:
                raise ProtocolError("not_host", _("只有本直播间的主播可以进行此操作。"))
            await self.send_json(await _host_command(user, self.room_id, command, message))
        elif command in VIEWER_COMMANDS:
            if not signed_in:
                what = _("报名") if command == "apply" else _("发言")
                raise ProtocolError("login_required", _("请先登录再%(what)s。") % {"what": what})
            if command == "apply":
                card_id = _positive_int(message, "card", _("要报名的岗位"))
                await self.send_json(await _apply(user, self.room_id, card_id))
            else:
                await _chat(user, self.room_id, message.get("text"))
        else:
            raise ProtocolError("unknown_command", _("不支持的操作：%(command)s") % {"command": command[:40]})
