"""The gig board of one county: watch places go in real time, claim one with a tap.

    server → client   {"type": "hello", "area": "522601", "last_seq": 41}
                      {"type": "event", "area": ..., "seq": 42, "kind": "places_changed", "gig": {...}}
                      {"type": "events", "area": ..., "first_seq": 43, "last_seq": 60, "events": [<event>, ...]}
                      {"type": "claim_result", "ok": true, "gig": 7, "claim": 12, "code": "", "message": ...}
                      {"type": "error", "code": "...", "message": "<中文>"}
    client → server   {"command": "claim", "gig": 7}   {"command": "ping"}

Anyone may watch. The board's relay (one group member per server process) joins the group before
the socket's `last_seq` is read, so nothing committed in between is lost; anything missed while
disconnected comes from `GET /api/gig-boards/<area>/events?since=N`.

A burst (a popular gig filling up) comes as `events`: one frame standing for every number from
first_seq to last_seq, holding the latest event of each gig changed in that range. Nobody reads
300 changes a second off a phone, and a thousand sockets cannot be written 300 times a second.

Frames leave in number order without gaps. Writers of a board commit in number order, but each
broadcasts from its own process after its commit, so event 7 may reach Redis after event 8, and
the channel layer drops messages past its capacity. The relay holds 8 back until 7 arrives or,
after `REORDER_WAIT`, reads the gap from the table (7 is committed: 8 could not take its number
before 7 committed); `TAIL_CHECK` after a burst it asks the table whether it missed the end.
"""

from __future__ import annotations

import asyncio
import json
import logging
import math
from typing import Any

from channels.db import database_sync_to_async
from django.utils import timezone
from django.utils.translation import gettext as _

from livestream import relay
from livestream.gigs.board import BOARD_MESSAGE_TYPE, board_last_seq, events_after
from livestream.gigs.claim_queue import claim_queue
from livestream.gigs.models import AREA_PATTERN, board_group
from livestream.protocol import ProtocolError, parse_message
from livestream.ratelimit import FrameRateLimiter
from livestream.sockets import JsonSocket

logger = logging.getLogger(__name__)

# A burst reaches a phone as one frame per this many seconds at most; the first event after a
# quiet spell goes out at once.
BATCH_INTERVAL = 0.05
# Writing a frame to every socket costs in proportion to their number: after a write that took t,
# the next waits at least t * (1 / WRITE_SHARE - 1), so fan-out takes at most this share of the
# process and claims keep the rest.
WRITE_SHARE = 0.25
# How long an event that overtook a lower-numbered one waits before the gap is read from the table.
REORDER_WAIT = 0.25
# After writing a burst the relay asks the table this long after whether it missed the tail (a
# broadcast the channel layer dropped at capacity or lost with Redis), instead of waiting for
# the board's next event.
TAIL_CHECK = 1.0

CLOSE_LOGIN_REQUIRED = 4401
CLOSE_BAD_AREA = 4404


@database_sync_to_async
def _last_seq(area: str) -> int:
    return board_last_seq(area)


@database_sync_to_async
def _events_after(area: str, after: int, before: int | None = None) -> list[dict[str, Any]]:
    return [event.frame() for event in events_after(area, after, before=before)]


class BoardRelay(relay.GroupRelay):
    """One board's events for this process's sockets: in number order, bursts folded into one frame."""

    def __init__(self, group: str, *, area: str) -> None:
        super().__init__(group)
        self.area = area
        self.last_seq = 0
        self.pending: dict[int, tuple[dict[str, Any], float]] = {}  # seq → (frame, arrival)
        self.next_flush = -math.inf  # the earliest moment of the next write (BATCH_INTERVAL, WRITE_SHARE)
        self.timer: asyncio.TimerHandle | None = None
        self.flushing: asyncio.Task | None = None
        self.tail_timer: asyncio.TimerHandle | None = None
        self.tail_check: asyncio.Task | None = None

    async def prepare(self) -> None:
        # In the group already: every event after this number reaches the relay.
        self.last_seq = await _last_seq(self.area)

    async def handle(self, message: dict[str, Any]) -> None:
        if message.get("type") != BOARD_MESSAGE_TYPE:
            return
        now = asyncio.get_running_loop().time()
        for frame in message["frames"]:
            if frame["seq"] > self.last_seq:
                self.pending.setdefault(frame["seq"], (frame, now))
        if self.pending:
            self._arm(max(now, self.next_flush))

    def _arm(self, at: float) -> None:
        if self.timer is not None:
            if self.timer.when() <= at:
                return
            self.timer.cancel()
        self.timer = asyncio.get_running_loop().call_at(at, self._fire)

    def _fire(self) -> None:
        self.timer = None
        if self.flushing is None or self.flushing.done():
            self.flushing = asyncio.ensure_future(self._flush())
        # else the running flush re-arms when it is done

    def _oldest(self) -> float:
        return min(arrived for _frame, arrived in self.pending.values())

    def _next_run(self, now: float) -> list[int]:
        """The numbers to send now: those continuing the last one sent, or, after REORDER_WAIT, the next run."""
        numbers = sorted(self.pending)
        start = self.last_seq + 1
        if numbers[0] != start:
            if now - self._oldest() < REORDER_WAIT:
                return []
            start = numbers[0]  # not in the table either (never expected): send with the gap, phones catch up
        run = []
        for seq in numbers:
            if seq != start + len(run):
                break
            run.append(seq)
        return run

    async def rejoined(self) -> None:
        await self._from_log()
        if self.pending:
            self._arm(asyncio.get_running_loop().time())

    async def _from_log(self, before: int | None = None) -> None:
        """Put the events after the last one sent (and below `before`) into pending, from the table."""
        now = asyncio.get_running_loop().time()
        for frame in await _events_after(self.area, self.last_seq, before):
            if frame["seq"] > self.last_seq:
                self.pending.setdefault(frame["seq"], (frame, now))

    async def _flush(self) -> None:
        try:
            await self._write_ready()
        except Exception:
            logger.exception("board relay %s could not write a burst; trying again", self.area)
            self._arm(asyncio.get_running_loop().time() + REORDER_WAIT)

    async def _write_ready(self) -> None:
        loop = asyncio.get_running_loop()
        now = loop.time()
        if self.pending and min(self.pending) != self.last_seq + 1 and now - self._oldest() >= REORDER_WAIT:
            await self._from_log(before=min(self.pending))
            now = loop.time()
        run = self._next_run(now) if self.pending else []
        if run:
            frames = [self.pending.pop(seq)[0] for seq in run]
            self.last_seq = run[-1]
            await self.send_text(self._encode(frames), frames[0]["seq"], frames[-1]["seq"])
            took = loop.time() - now
            self.next_flush = now + max(BATCH_INTERVAL, took / WRITE_SHARE)
        if self.pending:
            at = self.next_flush
            if min(self.pending) != self.last_seq + 1:
                at = max(at, self._oldest() + REORDER_WAIT)
            self._arm(max(at, loop.time()))
        elif run:
            if self.tail_timer is not None:
                self.tail_timer.cancel()
            self.tail_timer = loop.call_later(TAIL_CHECK, self._start_tail_check)

    def _start_tail_check(self) -> None:
        self.tail_timer = None
        self.tail_check = asyncio.ensure_future(self._check_tail())

    async def _check_tail(self) -> None:
        try:
            await self._from_log()
        except Exception:
            logger.exception("board relay %s could not read the table's tail", self.area)
            return
        if self.pending:
            self._arm(asyncio.get_running_loop().time())

    def _encode(self, frames: list[dict[str, Any]]) -> str:
        if len(frames) == 1:
            return json.dumps(frames[0])
        latest = {frame["gig"]["id"]: frame for frame in frames}  # in number order: the last one stays
        events = sorted(latest.values(), key=lambda frame: frame["seq"])
        return json.dumps({"type": "events", "area": self.area, "first_seq": frames[0]["seq"],
                           "last_seq": frames[-1]["seq"], "events": events})  # fmt: skip

    async def stop(self) -> None:
        for handle in (self.timer, self.tail_timer, self.flushing, self.tail_check):
            if handle is not None:
                handle.cancel()
        await super().stop()


class GigBoardConsumer(JsonSocket):
    area: str
    board: BoardRelay | None = None

    async def connect(self) -> None:
        self.area = self.scope["url_route"]["kwargs"]["area"]
        self.limiter = FrameRateLimiter()
        if not AREA_PATTERN.match(self.area):
            await self.close(code=CLOSE_BAD_AREA)
            return
        # Frames the relay hands over before the hello is out wait here, so hello always comes first.
        self.backlog: list[tuple[str, int, int]] | None = []
        self.last_seq = 0
        self.board = await relay.join(self, board_group(self.area), BoardRelay, area=self.area)
        await self.accept()
        self.last_seq = await _last_seq(self.area)
        await self.send_json({"type": "hello", "area": self.area, "last_seq": self.last_seq})
        backlog, self.backlog = self.backlog, None
        for text, first_seq, last_seq in backlog:
            await self.deliver(text, first_seq, last_seq)

    async def deliver(self, text: str, first_seq: int, last_seq: int) -> None:
        """A board frame from the relay, encoded once for every socket of the process."""
        if self.backlog is not None:
            self.backlog.append((text, first_seq, last_seq))
        elif last_seq > self.last_seq:  # not already covered by the hello's number
            self.last_seq = last_seq
            await self.send(text_data=text)

    async def disconnect(self, code: int) -> None:
        await self._leave_board()

    async def close(self, code: int | bool | None = None, reason: str | None = None) -> None:
        # A socket this server closes (rate limit, login required) stops taking board frames now.
        await self._leave_board()
        await super().close(code=code, reason=reason)

    async def _leave_board(self) -> None:
        if self.board is not None:
            board, self.board = self.board, None
            await relay.leave(self, board)

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
        try:
            result = await claim_queue().claim(user, gig_id, self.area)
        except ProtocolError:
            raise
        except Exception:
            logger.exception("claim of gig %s failed", gig_id)
            raise ProtocolError("claim_failed", _("报名暂时没有成功，请稍后再试。")) from None
        await self.send_json(result)
