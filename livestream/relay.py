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

# channels-redis forgets group members after a day (group_expiry), and a restarted Redis forgets
# them at once. A relay re-joins as soon as it can read again after a failed read, and on this
# period in any case (a restart it slept through costs at most this long).
REJOIN_EVERY = 30.0
RETRY_READ = 0.5


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
        watch_recovery = getattr(self.layer, "watch_recovery", None)
        if watch_recovery is not None:  # the Redis layer: it rejoins our group itself after an outage
            watch_recovery(self)
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
                # A layer that raises when its server went away (the Redis layer waits instead):
                # when it is back, join the group again and let the subclass repair what passed by.
                logger.warning("relay %s could not read from the channel layer; rejoining", self.group, exc_info=True)
                await self._rejoin_now()
                continue
            try:
                await self.handle(message)
            except Exception:
                logger.exception("relay %s could not relay a message", self.group)

    async def _rejoin_now(self) -> None:
        while not await self._join_and_catch_up(after_failure=True):  # still down: try again shortly
            pass

    async def _join_and_catch_up(self, *, after_failure: bool = False) -> bool:
        """Join the group (again) and let the subclass fetch what it missed; False while unreachable.

        After a failed read it retries every RETRY_READ (that failure was logged once already);
        otherwise it is the periodic renewal, every REJOIN_EVERY, which logs its own failures.
        """
        await asyncio.sleep(RETRY_READ if after_failure else REJOIN_EVERY)
        try:
            await self.layer.group_add(self.group, self.channel)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            level = logging.DEBUG if after_failure else logging.WARNING
            logger.log(level, "relay %s cannot join its group: %s", self.group, exc)
            return False
        try:  # a restart may have passed unseen between two reads: catch up all the same
            await self.rejoined()
        except asyncio.CancelledError:
            raise
        except Exception:
            logger.exception("relay %s could not catch up after joining again", self.group)
        return True

    async def rejoined(self) -> None:
        """Back in the group after an outage: fetch what was missed (the board reads its table)."""

    async def channel_layer_recovered(self) -> None:
        if not self.stopped:
            await self.rejoined()

    async def _rejoin(self) -> None:
        while True:
            await self._join_and_catch_up()

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
