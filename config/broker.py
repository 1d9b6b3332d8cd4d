"""The Celery broker transport: kombu's Redis transport, closed safely when Redis drops the worker.

kombu 5.7 leaves a worker that lost Redis mid-poll unable to reconnect. The worker's consumer
waits on Redis with a BRPOP; when Redis goes away (restart, failover, a killed connection),
Celery closes the broken connection in two passes. The first pass reads the reply of that BRPOP
before closing the channel, the read raises a connection error, and the channel is left half-open
while kombu detaches it from its transport. The second pass then tries again, reaches the
unacknowledged tasks with no transport to connect through, and raises ``AttributeError``, which
Celery does not expect there: the consumer stops and the worker runs on without taking tasks,
until someone restarts it. A fault test caught this (Redis stopped under traffic, search never
caught up). The same path was reported upstream several times (celery/kombu #582, #970).

Here the channel finishes closing in the first pass: a BRPOP whose reply cannot be read is over,
so the close goes on as if no BRPOP was in flight, while the transport is still there to hand the
unacknowledged tasks back to their queue (or, with Redis down, to leave them in Redis's
unacknowledged set, from where kombu restores them after the visibility timeout).
"""

from __future__ import annotations

from kombu.transport import redis


class Channel(redis.Channel):
    def close(self) -> None:
        try:
            super().close()
        except self.connection_errors:
            if self.closed:
                raise  # closed, then restoring unacknowledged tasks failed: the caller ignores it
            # The in-flight BRPOP's reply could not be read (``_brpop_read`` has now cleared
            # ``_in_poll``); close the rest of the channel now.
            super().close()


class Transport(redis.Transport):
    Channel = Channel
