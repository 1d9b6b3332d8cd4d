"""This process's sockets of live rooms: one group member per process, counts at most once a second.

Fan-out. A room's Channels group holds one member per server process (a relay channel), not one
per socket: a pushed card is one Redis message per process, which the relay hands to each local
socket in memory. With a member per socket, channels-redis pops every copy from Redis one by one,
and a 2,000-viewer push spent most of its second there.

Counts. One ticker task per process wakes every second, reads each of its rooms' counts from the
database (which all processes write: presence rows, applications per card), and when a count
changed sends it straight to its own sockets: no channel-layer traffic, two queries per room per
process per second however many people join, leave or tap 一键报名 at once; the same code in the
embedded mode (one process, SQLite) and in production (several daphne processes, PostgreSQL).
Every HEARTBEAT_TICKS it refreshes its sockets' presence rows, so the sockets of a process that
died stop counting, and renews the relay's group membership before channels-redis expires it.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from typing import Any, Protocol

from channels.db import database_sync_to_async
from channels.layers import get_channel_layer

from livestream.models.live import room_group
from livestream.services.live import LIVE_MESSAGE_TYPE, RoomCounts, presence_touch, room_counts

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


async def _send_all(viewers: list[Viewer], frames: list[dict[str, Any]]) -> None:
    for viewer in viewers:
        for frame in frames:
            with contextlib.suppress(Exception):  # a socket closing meanwhile
                await viewer.send_json(frame)


class LocalRooms:
    def __init__(self) -> None:
        self._reset(None)

    def _reset(self, loop: asyncio.AbstractEventLoop | None) -> None:
        self.rooms: dict[int, set[Viewer]] = {}
        self.last_sent: dict[int, int] = {}
        self.last_cards: dict[int, dict[int, int]] = {}
        self.task: asyncio.Task | None = None
        self.relay_task: asyncio.Task | None = None
        self.relay_channel = ""
        self.loop = loop
        # Two sockets joining at once must not make two relays, nor skip the group_add of a new room.
        self.lock = asyncio.Lock()

    async def join(self, room_id: int, viewer: Viewer) -> None:
        """From now on the socket gets the room's frames; call before reading the state it is sent."""
        loop = asyncio.get_running_loop()
        if self.loop is not loop:  # a new event loop (a test, a restarted server): start afresh
            self._reset(loop)
        layer = get_channel_layer()
        async with self.lock:
            if not self.relay_channel:
                # The layer's default prefix: channels-redis reads all of a process's channels with one
                # BZPOPMIN loop on one key, and a channel under another prefix would wait on it forever.
                self.relay_channel = await layer.new_channel()
            if self.relay_task is None or self.relay_task.done():
                self.relay_task = loop.create_task(self._relay(layer, self.relay_channel))
            if room_id not in self.rooms:
                await layer.group_add(room_group(room_id), self.relay_channel)
            self.rooms.setdefault(room_id, set()).add(viewer)
        if self.task is None or self.task.done():
            self.task = loop.create_task(self._run())

    async def leave(self, room_id: int, viewer: Viewer) -> None:
        if asyncio.get_running_loop() is not self.loop:
            return
        async with self.lock:
            viewers = self.rooms.get(room_id)
            if viewers is None:
                return
            viewers.discard(viewer)
            if viewers:
                return
            del self.rooms[room_id]
            self.last_sent.pop(room_id, None)
            self.last_cards.pop(room_id, None)
            with contextlib.suppress(Exception):  # membership also lapses by itself (group expiry)
                await get_channel_layer().group_discard(room_group(room_id), self.relay_channel)
        if not self.rooms:
            for task in (self.task, self.relay_task):
                if task is not None:
                    task.cancel()
            self.task = self.relay_task = None

    def mark_sent(self, room_id: int, count: int) -> None:
        """The hello frame told a new socket the count: no need to repeat an unchanged one."""
        self.last_sent.setdefault(room_id, count)

    async def _relay(self, layer: Any, channel: str) -> None:
        """Hand each frame broadcast to a room to this process's sockets in it."""
        me = asyncio.current_task()
        while self.rooms:
            try:
                message = await layer.receive(channel)
                if message.get("type") == LIVE_MESSAGE_TYPE:
                    await _send_all(list(self.rooms.get(message["room"], ())), [message["frame"]])
            except asyncio.CancelledError:
                raise
            except Exception:
                # A cancelled receive may surface as a connection error: stop, do not loop on.
                if me is not None and me.cancelling():
                    raise asyncio.CancelledError from None
                logger.exception("live relay could not deliver a frame; carrying on")
                await asyncio.sleep(0.5)

    async def _run(self) -> None:
        ticks = 0
        while self.rooms:
            await asyncio.sleep(TICK_SECONDS)
            ticks += 1
            try:
                if ticks % HEARTBEAT_TICKS == 0:
                    await _touch([v.channel_name for viewers in self.rooms.values() for v in viewers])
                    layer = get_channel_layer()
                    for room_id in list(self.rooms):
                        await layer.group_add(room_group(room_id), self.relay_channel)
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
        if frames:
            await _send_all(list(self.rooms.get(room_id, ())), frames)


local_rooms = LocalRooms()
