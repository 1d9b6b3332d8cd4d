"""The Redis channel layer, made to outlive a Redis restart without a server restart.

channels-redis raises from ``receive`` when Redis goes away, and Channels lets that end the
consumer: every phone's socket closed at once. And a Redis restarted without persistence has
forgotten every group, so a socket that survived (or a long-lived relay) stayed subscribed to
nothing, with the page still saying 实时更新中. This layer

* keeps ``receive`` waiting through an outage instead of raising;
* remembers the groups this process's channels joined, and joins them again as soon as Redis
  answers (one recovery per event loop, however many sockets noticed);
* tells whoever asked (``watch_recovery``) once it is back, so a relay can fetch from the
  database what was published while nobody could hear it.
"""

from __future__ import annotations

import asyncio
import logging
import weakref
from collections import defaultdict
from typing import Any, Protocol

from channels_redis.core import RedisChannelLayer
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

REDIS_DOWN = (RedisConnectionError, RedisTimeoutError, OSError)
RETRY_EVERY = 0.5


class RecoveryWatcher(Protocol):
    async def channel_layer_recovered(self) -> None: ...


class RecoveringRedisChannelLayer(RedisChannelLayer):
    """channels-redis's layer, with receive that waits out an outage and groups that come back."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._members: defaultdict[str, set[str]] = defaultdict(set)
        self._recoveries: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Task] = (
            weakref.WeakKeyDictionary()
        )
        self._watchers: weakref.WeakSet[RecoveryWatcher] = weakref.WeakSet()

    async def group_add(self, group: str, channel: str) -> None:
        self._members[group].add(channel)
        await super().group_add(group, channel)

    async def group_discard(self, group: str, channel: str) -> None:
        members = self._members.get(group)
        if members is not None:
            members.discard(channel)
            if not members:
                del self._members[group]
        await super().group_discard(group, channel)

    def watch_recovery(self, watcher: RecoveryWatcher) -> None:
        """Call ``watcher.channel_layer_recovered()`` after each outage (held weakly)."""
        self._watchers.add(watcher)

    async def receive(self, channel: str) -> dict[str, Any]:
        while True:
            try:
                return await super().receive(channel)
            except REDIS_DOWN:
                task = asyncio.current_task()
                if task is not None and task.cancelling():
                    # Cancelled (a socket closing, a server stopping) and the client answered the
                    # cancel with a connection error: that is the end of this receive, not an outage
                    # to wait out, or the task would never finish.
                    raise asyncio.CancelledError from None
                await self._recovered()

    async def _recovered(self) -> None:
        """Wait until Redis answers and this process's groups are joined again."""
        loop = asyncio.get_running_loop()
        task = self._recoveries.get(loop)
        if task is None or task.done():
            task = self._recoveries[loop] = loop.create_task(self._recover())
        await asyncio.shield(task)

    async def _recover(self) -> None:
        logger.warning("channel layer lost Redis; waiting for it to come back")
        attempts = 0
        while True:
            await asyncio.sleep(RETRY_EVERY)
            attempts += 1
            try:
                joined = await self._join_again()
            except REDIS_DOWN as exc:
                logger.debug("channel layer: Redis still unreachable (%s)", exc)
                continue
            break
        logger.warning("channel layer reached Redis again after %d attempts; rejoined %d memberships", attempts, joined)
        for watcher in list(self._watchers):
            try:
                await watcher.channel_layer_recovered()
            except Exception:
                logger.exception("channel layer: a recovery watcher failed")

    async def _join_again(self) -> int:
        joined = 0
        for group, channels in list(self._members.items()):
            for channel in list(channels):
                await super().group_add(group, channel)
                joined += 1
        return joined
