"""The gig board of one county: watch places go in real time, claim one with a tap.

    server → client   {"type": "hello", "area": "522601", "last_seq": 41}
                      {"type": "event", "area": ..., "seq": 42, "kind": "places_changed", "gig": {...}}
                      {"type": "claim_result", "ok": true, "gig": 7, "claim": 12, "code": "", "message": ...}
                      {"type": "error", "code": "...", "message": "<中文>"}
    client → server   {"command": "claim", "gig": 7}   {"command": "ping"}

Anyone may watch. The group is joined before `last_seq` is read, so an event committed in between
arrives as a frame whose number the client already has and can ignore; anything missed while
disconnected comes from `GET /api/gig-boards/<area>/events?since=N`.

Frames leave each connection in number order without gaps. Writers of a board commit in number
order, but each broadcasts from its own process after its commit, so with several processes event
7 may reach Redis after event 8. The consumer holds 8 back until 7 arrives, or, after `GAP_WAIT`
seconds, reads the missing events from the table (they are committed: 8 could not have taken its
number before 7 committed). Otherwise a burst of claims would send every phone on the board to the
catch-up API at the same moment.
"""

from __future__ import annotations

import asyncio
from typing import Any

from channels.db import database_sync_to_async
from channels.generic.websocket import AsyncJsonWebsocketConsumer
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from livestream.protocol import ProtocolError, parse_message
from livestream.ratelimit import FrameRateLimiter
from marketplace.models import BoardEvent, Gig
from marketplace.models.gigs import AREA_PATTERN, board_group
from marketplace.services.gigs import board_last_seq, gig_claim

# How long a frame waits for a lower-numbered one before the gap is filled from the table.
GAP_WAIT = 0.3

CLOSE_LOGIN_REQUIRED = 4401
CLOSE_BAD_AREA = 4404


def _first_message(exc: ValidationError) -> tuple[str, str]:
    """The code and Chinese message of a service refusal."""
    if hasattr(exc, "error_dict"):
        field_errors = [error for errors in exc.error_dict.values() for error in errors]
        return (field_errors[0].code or "invalid"), " ".join(m for e in field_errors for m in e.messages)
    error = exc.error_list[0]
    return (error.code or "invalid"), " ".join(exc.messages)


@database_sync_to_async
def _last_seq(area: str) -> int:
    return board_last_seq(area)


@database_sync_to_async
def _events_between(area: str, after: int, before: int) -> list[dict[str, Any]]:
    events = BoardEvent.objects.filter(area=area, seq__gt=after, seq__lt=before).order_by("seq")[:500]
    return [event.frame() for event in events]


@database_sync_to_async
def _claim(user, gig_id: int, area: str) -> dict[str, Any]:
    gig = Gig.objects.filter(pk=gig_id).first()
    if gig is None:
        raise ProtocolError("gig_not_found", _("找不到该零工。"))
    if gig.area != area:
        raise ProtocolError("gig_other_board", _("该零工不在本县的零工市场。"))
    result: dict[str, Any] = {"type": "claim_result", "gig": gig_id}
    try:
        claim = gig_claim(by=user, gig=gig)
    except ValidationError as exc:
        code, message = _first_message(exc)
        return {**result, "ok": False, "code": code, "message": message}
    except PermissionDenied as exc:
        return {**result, "ok": False, "code": "permission_denied", "message": str(exc)}
    return {**result, "ok": True, "claim": claim.pk, "code": "", "message": _("抢到了！请按时到集合地点。")}


class GigBoardConsumer(AsyncJsonWebsocketConsumer):
    area: str
    group: str

    async def connect(self) -> None:
        self.area = self.scope["url_route"]["kwargs"]["area"]
        self.limiter = FrameRateLimiter()
        if not AREA_PATTERN.match(self.area):
            await self.close(code=CLOSE_BAD_AREA)
            return
        self.group = board_group(self.area)
        self.pending: dict[int, dict[str, Any]] = {}
        self.gap_filler: asyncio.Task | None = None
        self.sending = asyncio.Lock()
        await self.channel_layer.group_add(self.group, self.channel_name)
        await self.accept()
        self.last_sent = await _last_seq(self.area)
        await self.send_json({"type": "hello", "area": self.area, "last_seq": self.last_sent})

    async def disconnect(self, code: int) -> None:
        if getattr(self, "gap_filler", None):
            self.gap_filler.cancel()
        if getattr(self, "group", None):
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
        elif command == "claim":
            await self.claim(message)
        else:
            raise ProtocolError("unknown_command", _("不支持的操作：%(command)s") % {"command": command[:40]})

    async def claim(self, message: dict[str, Any]) -> None:
        user = self.scope.get("user")
        if user is None or not user.is_authenticated:
            await self.send_json(ProtocolError("login_required", _("请先登录再抢单。")).frame())
            await self.close(code=CLOSE_LOGIN_REQUIRED)
            return
        gig_id = message.get("gig")
        if not isinstance(gig_id, int) or isinstance(gig_id, bool) or gig_id <= 0:
            raise ProtocolError("bad_gig", _("请指明要报名的零工。"))
        await self.send_json(await _claim(user, gig_id, self.area))

    async def board_event(self, event: dict[str, Any]) -> None:
        frame = event["frame"]
        if frame["seq"] <= self.last_sent:
            return  # the client has it: from the hello's number, or the table filled it in
        self.pending[frame["seq"]] = frame
        await self._send_in_order()
        if self.pending and self.gap_filler is None:
            self.gap_filler = asyncio.ensure_future(self._fill_gap())

    async def _send_in_order(self) -> None:
        async with self.sending:
            while self.last_sent + 1 in self.pending:
                self.last_sent += 1
                await self.send_json(self.pending.pop(self.last_sent))

    async def _fill_gap(self) -> None:
        try:
            await asyncio.sleep(GAP_WAIT)
            while self.pending:
                first_held = min(self.pending)
                for frame in await _events_between(self.area, self.last_sent, first_held):
                    self.pending.setdefault(frame["seq"], frame)
                if self.last_sent + 1 not in self.pending:
                    self.last_sent = first_held - 1  # never expected: numbers have no gaps; do not stall
                await self._send_in_order()
        finally:
            self.gap_filler = None
