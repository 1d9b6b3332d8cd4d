"""This process's sockets of live rooms: one group member per process, counts at most once a second.

Fan-out. A room's Channels group holds one member per server process (a `RoomRelay`, see
livestream.relay), not one per socket: a pushed card is one Redis message per process, which the
relay encodes once and hands to each local socket in memory. With a member per socket,
channels-redis pops every copy from Redis one by one, and a 2,000-viewer push spent most of its
second there.

Counts. One ticker task per process wakes every second, reads each of its rooms' counts from the
database (which all processes write: presence rows, applications per card), and when a count
changed sends it straight to its own sockets: no channel-layer traffic, two queries per room per
process per second however many people join, leave or tap 一键报名 at once; the same code in the
embedded mode (one process, SQLite) and in production (several daphne processes, PostgreSQL).
Every HEARTBEAT_TICKS it refreshes its sockets' presence rows, so the sockets of a process that
died stop counting.
"""

from __future__ import annotations

import asyncio
import json
import logging
from typing import Any, Protocol

from channels.db import database_sync_to_async

from livestream import relay
from livestream.live.models import room_group
from livestream.live.services import LIVE_MESSAGE_TYPE, RoomCounts, presence_touch, room_counts

logger = logging.getLogger(__name__)

TICK_SECONDS = 1.0
HEARTBEAT_TICKS = 30


class Viewer(relay.Subscriber, Protocol):
    channel_name: str


@database_sync_to_async
def _counts(room_id: int) -> RoomCounts:
    return room_counts(room_id)


@database_sync_to_async
def _touch(channel_names: list[str]) -> None:
    presence_touch(channel_names=channel_names)


class RoomRelay(relay.GroupRelay):
    """One live room's broadcasts for this process's sockets, encoded once for all of them."""

    async def handle(self, message: dict[str, Any]) -> None:
        if message.get("type") == LIVE_MESSAGE_TYPE:
            await self.send_text(json.dumps(message["frame"]))


class LocalRooms:
    def __init__(self) -> None:
        self._reset(None)

    def _reset(self, loop: asyncio.AbstractEventLoop | None) -> None:
        self.rooms: dict[int, RoomRelay] = {}
        self.last_sent: dict[int, int] = {}
        self.last_cards: dict[int, dict[int, int]] = {}
        self.task: asyncio.Task | None = None
        self.loop = loop

    async def join(self, room_id: int, viewer: Viewer) -> None:
        """From now on the socket gets the room's frames; call before reading the state it is sent."""
        loop = asyncio.get_running_loop()
        if self.loop is not loop:  # a new event loop (a test, a restarted server): start afresh
            self._reset(loop)
        self.rooms[room_id] = await relay.join(viewer, room_group(room_id), RoomRelay)
        if self.task is None or self.task.done():
            self.task = loop.create_task(self._run())

    async def leave(self, room_id: int, viewer: Viewer) -> None:
        if asyncio.get_running_loop() is not self.loop:
            return
        room = self.rooms.get(room_id)
        if room is None:
            return
        await relay.leave(viewer, room)  # never raises: a failed group_discard lapses at group expiry
        if room.subscribers or self.rooms.get(room_id) is not room:
            return  # others still watch, or a new viewer started the room's relay afresh meanwhile
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
                    await _touch([v.channel_name for room in self.rooms.values() for v in room.subscribers])
                for room_id in list(self.rooms):
                    await self._send_counts(room_id, await _counts(room_id))
            except asyncio.CancelledError:
                raise
            except Exception:
                logger.exception("live room tick failed; trying again next second")

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
        room = self.rooms.get(room_id)
        if room is not None:
            for frame in frames:
                await room.send_text(json.dumps(frame))


local_rooms = LocalRooms()
