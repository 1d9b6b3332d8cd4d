"""Viewer and application counts of live rooms across server processes, sent at most once a second.

Each process keeps the sockets it holds per room. One ticker task per process wakes every
second, reads each of its rooms' counts from the database (which all processes write: presence
rows, applications per card), and when a count changed sends it straight to its own sockets: no
channel-layer traffic, two queries per room per process per second however many people join,
leave or tap 一键报名 at once, and the same code in the embedded mode (one process, SQLite) and in
production (several daphne processes, PostgreSQL). Every HEARTBEAT_TICKS it also refreshes its
sockets' presence rows, so the sockets of a process that died stop counting.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any, Protocol

from channels.db import database_sync_to_async

from livestream.services.live import RoomCounts, presence_touch, room_counts

logger = logging.getLogger(__name__)

TICK_SECONDS = 1.0
HEARTBEAT_TICKS = 30


class Viewer(Protocol):
    channel_name: str

    async def send_json(self, content: Any, close: bool = False) -> None: ...


@database_sync_to_async
def _counts(room_id: int) -> RoomCounts:
    return room_counts(room_id)


@database_sync_to_async
def _touch(channel_names: list[str]) -> None:
    presence_touch(channel_names=channel_names)


class LocalRooms:
    def __init__(self) -> None:
        self.rooms: dict[int, set[Viewer]] = {}
        self.last_sent: dict[int, int] = {}
        self.last_cards: dict[int, dict[int, int]] = {}
        self.task: asyncio.Task | None = None
        self.loop: asyncio.AbstractEventLoop | None = None

    def add(self, room_id: int, viewer: Viewer) -> None:
        loop = asyncio.get_running_loop()
        if self.loop is not loop:  # a new event loop (a test, a restarted server): start afresh
            self.rooms, self.last_sent, self.last_cards, self.task, self.loop = {}, {}, {}, None, loop
        self.rooms.setdefault(room_id, set()).add(viewer)
        if self.task is None or self.task.done():
            self.task = loop.create_task(self._run())

    def remove(self, room_id: int, viewer: Viewer) -> None:
        viewers = self.rooms.get(room_id)
        if viewers is None:
            return
        viewers.discard(viewer)
        if not viewers:
            del self.rooms[room_id]
            self.last_sent.pop(room_id, None)
            self.last_cards.pop(room_id, None)
        if not self.rooms and self.task is not None:
            self.task.cancel()
            self.task = None

    def mark_sent(self, room_id: int, count: int) -> None:
        """The hello frame told a new socket the count: no need to repeat an unchanged one."""
        self.last_sent.setdefault(room_id, count)

    async def _run(self) -> None:
        ticks = 0
        while self.rooms:
            await asyncio.sleep(TICK_SECONDS)
            ticks += 1
            try:
                if ticks % HEARTBEAT_TICKS == 0:
                    await _touch([v.channel_name for viewers in self.rooms.values() for v in viewers])
                for room_id in list(self.rooms):
                    await self._send_counts(room_id, await _counts(room_id))
            except asyncio.CancelledError:
                raise
            except Exception:
                logger.exception("viewer count tick failed; trying again next second")

    async def _send_counts(self, room_id: int, counts: RoomCounts) -> None:
        frames = []
        if self.last_sent.get(room_id) != counts.viewers:
            self.last_sent[room_id] = counts.viewers
            frames.append({"type": "viewers", "count": counts.viewers})
        known = self.last_cards.setdefault(room_id, {})
        for card_id, count in sorted(counts.applications.items()):
            if known.get(card_id) != count:
                known[card_id] = count
                frames.append({"type": "applications", "card": card_id, "count": count, "total": counts.total})
        for viewer in list(self.rooms.get(room_id, ())):
            for frame in frames:
                with contextlib.suppress(Exception):  # a socket closing meanwhile
                    await viewer.send_json(frame)


local_rooms = LocalRooms()
