"""Process-local fan-out: each server process joins a Channels group once, however many sockets watch.

Why: with one group member per socket, every broadcast costs the channel layer a delivery per
socket (a channel name per socket in the Redis message, a pop from Redis and a consumer wake-up
each) and every consumer encodes the same JSON again. With a thousand phones on one gig board
that, not the database, capped the board. Here a `GroupRelay` per process and group is the only
member; a subclass decides what a group message becomes on the wire (`handle`), encodes it once
and writes the same text to each local socket that subscribed.

Subscribers are consumers with an async `deliver(text, *details)`. Relays live per event loop (a
test's loop or the server's), start with their first subscriber and leave the group with their last.
"""

from __future__ import annotations

import asyncio
import logging
import weakref
from typing import Any, Protocol, TypeVar

from channels.layers import get_channel_layer

logger = logging.getLogger(__name__)

# channels-redis forgets group members after a day (group_expiry); a relay outliving that re-joins.
REJOIN_EVERY = 3600.0


class Subscriber(Protocol):
    async def deliver(self, text: str, *details: Any) -> None: ...


class GroupRelay:
    """The one member of `group` in this process; hands each message to `handle`."""

    def __init__(self, group: str) -> None:
        self.group = group
        self.subscribers: set[Subscriber] = set()
        self.layer = get_channel_layer()
        self.channel = ""
        self._tasks: list[asyncio.Task] = []
        self.started: asyncio.Future | None = None
        self.stopped = False

    async def start(self) -> None:
        # The layer's default prefix: channels-redis reads all of a process's channels with one
        # loop on one key, and a channel under another prefix would wait on it forever.
        channel = await self.layer.new_channel()
        await self.layer.group_add(self.group, channel)
        self.channel = channel
        if self.stopped:  # its last subscriber left while it was joining
            await self.layer.group_discard(self.group, channel)
            return
        await self.prepare()
        self._tasks = [asyncio.ensure_future(self._receive()), asyncio.ensure_future(self._rejoin())]

    async def stop(self) -> None:
        self.stopped = True
        for task in self._tasks:
            task.cancel()
        if self.channel:
            try:
                await self.layer.group_discard(self.group, self.channel)
            except Exception:
                # The group forgets the channel at group_expiry anyway; a failed discard costs nothing.
                logger.warning("relay %s could not leave its group", self.group, exc_info=True)

    async def prepare(self) -> None:
        """Runs once in the group, before the first message is handled (e.g. read where a log stands)."""

    async def handle(self, message: dict[str, Any]) -> None:
        raise NotImplementedError

    async def _receive(self) -> None:
        while True:
            try:
                message = await self.layer.receive(self.channel)
            except asyncio.CancelledError:
                raise
            except Exception:
                # Redis went away for a moment: wait, then read again (what was lost, a subclass repairs).
                logger.exception("relay %s could not read from the channel layer; retrying", self.group)
                await asyncio.sleep(0.5)
                continue
            try:
                await self.handle(message)
            except Exception:
                logger.exception("relay %s could not relay a message", self.group)

    async def _rejoin(self) -> None:
        while True:
            await asyncio.sleep(REJOIN_EVERY)
            try:
                await self.layer.group_add(self.group, self.channel)
            except Exception:
                logger.exception("relay %s could not renew its group membership", self.group)

    async def send_text(self, text: str, *details: Any) -> None:
        """Write one encoded frame to every subscriber; one that fails is dropped, not the rest."""
        for subscriber in list(self.subscribers):
            try:
                await subscriber.deliver(text, *details)
            except Exception:
                self.subscribers.discard(subscriber)
                logger.warning("relay %s dropped a subscriber that could not take a frame", self.group, exc_info=True)


R = TypeVar("R", bound=GroupRelay)

_relays: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict[str, GroupRelay]] = weakref.WeakKeyDictionary()


async def join(subscriber: Subscriber, group: str, make: type[R], **kwargs: Any) -> R:
    """Subscribe to this process's relay of `group`, starting it (`make(group, **kwargs)`) if needed.

    The subscriber is registered before the relay's start is awaited, so nothing the relay
    receives once it is in the group can pass the subscriber by.
    """
    relays = _relays.setdefault(asyncio.get_running_loop(), {})
    relay = relays.get(group)
    if relay is None or relay.stopped:
        relay = relays[group] = make(group, **kwargs)
        relay.started = asyncio.ensure_future(relay.start())
    relay.subscribers.add(subscriber)
    try:
        await asyncio.shield(relay.started)
    except BaseException:
        relay.subscribers.discard(subscriber)
        if not relay.subscribers and relays.get(group) is relay:
            del relays[group]
        raise
    return relay


async def leave(subscriber: Subscriber, relay: GroupRelay) -> None:
    """Unsubscribe; the last subscriber out stops the relay and takes it out of the group."""
    relay.subscribers.discard(subscriber)
    if relay.subscribers:
        return
    relays = _relays.get(asyncio.get_running_loop(), {})
    if relays.get(relay.group) is relay:
        del relays[relay.group]
    await relay.stop()


async def stop_all() -> None:
    """Stop every relay of the running loop (a test's loop ends with its relays, subscribers or not)."""
    relays = _relays.pop(asyncio.get_running_loop(), {})
    for relay in relays.values():
        relay.subscribers.clear()
        await relay.stop()
