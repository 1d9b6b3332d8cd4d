"""Viewer counts of live rooms across server processes, sent at most once a second.

Each process keeps the sockets it holds per room. One ticker task per process wakes every
second, reads each of its rooms' counts from the presence table (which all processes write), and
when a count changed sends it straight to its own sockets: no channel-layer traffic, one query
per room per process per second however many people join or leave, and the same code in the
embedded mode (one process, SQLite) and in production (several daphne processes, PostgreSQL).
Every HEARTBEAT_TICKS it also refreshes its sockets' rows, so a process that dies stops counting.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any, Protocol

from channels.db import database_sync_to_async

from livestream.services.live import presence_touch, viewer_count_and_peak

logger = logging.getLogger(__name__)

TICK_SECONDS = 1.0
HEARTBEAT_TICKS = 30


class Viewer(Protocol):
    channel_name: str

    async def send_json(self, content: Any, close: bool = False) -> None: ...


@database_sync_to_async
def _count(room_id: int) -> int:
    return viewer_count_and_peak(room_id)


@database_sync_to_async
def _touch(channel_names: list[str]) -> None:
    presence_touch(channel_names=channel_names)


class LocalRooms:
    def __init__(self) -> None:
        self.rooms: dict[int, set[Viewer]] = {}
        self.last_sent: dict[int, int] = {}
        self.task: asyncio.Task | None = None
        self.loop: asyncio.AbstractEventLoop | None = None

    def add(self, room_id: int, viewer: Viewer) -> None:
        loop = asyncio.get_running_loop()
        if self.loop is not loop:  # a new event loop (a test, a restarted server): start afresh
            self.rooms, self.last_sent, self.task, self.loop = {}, {}, None, loop
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
                    count = await _count(room_id)
                    if self.last_sent.get(room_id) == count:
                        continue
                    self.last_sent[room_id] = count
                    frame = {"type": "viewers", "count": count}
                    for viewer in list(self.rooms.get(room_id, ())):
                        with contextlib.suppress(Exception):  # a socket closing meanwhile
                            await viewer.send_json(frame)
            except asyncio.CancelledError:
                raise
            except Exception:
                logger.exception("viewer count tick failed; trying again next second")


local_rooms = LocalRooms()
