"""The Celery worker's broker connection survives Redis going away while the worker waits on it.

Each test runs its own Redis server (the distribution's, as in production) so that it can kill it
without touching the one the rest of the suite uses.
"""

from __future__ import annotations

import contextlib
import shutil
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import redis
from kombu import Connection, Consumer, Producer, Queue
from kombu.common import ignore_errors

from config.celery import app


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def own_redis(tmp_path: Path) -> Iterator[tuple[str, subprocess.Popen]]:
    """A Redis server of this test's own, on a free port, that it may kill."""
    port = _free_port()
    server = subprocess.Popen(
        [shutil.which("redis-server") or "redis-server", "--port", str(port), "--bind", "127.0.0.1",
         "--save", "", "--appendonly", "no", "--dir", str(tmp_path)],
        stdout=subprocess.DEVNULL,
    )  # fmt: skip
    url = f"redis://127.0.0.1:{port}/0"
    deadline = time.monotonic() + 10
    while True:
        try:
            redis.Redis.from_url(url).ping()
            break
        except redis.ConnectionError:
            if time.monotonic() > deadline:
                server.kill()
                raise
            time.sleep(0.05)
    yield url, server
    server.kill()
    server.wait(timeout=10)


def test_production_worker_uses_the_transport_that_closes_safely():
    assert app.conf.broker_url.startswith("redis://")
    assert app.connection_for_read().transport_cls == "config.broker:Transport"


def test_worker_that_loses_redis_mid_wait_closes_its_connection_without_crashing(own_redis):
    """What Celery's consumer does on a lost broker, in its order: collect, then close.

    The worker holds unacknowledged tasks on two channels and waits on Redis with BRPOP when Redis
    dies. With kombu's own transport the close raised AttributeError ('NoneType' object has no
    attribute 'hostname'), and the worker stopped taking tasks for good.
    """
    url, server = own_redis
    options = {"socket_timeout": 5, "socket_connect_timeout": 1, "max_retries": 0}
    jobs, notices = Queue("jobs", routing_key="jobs"), Queue("notices", routing_key="notices")
    with Connection(url) as sender:
        for queue in (jobs, notices):
            Producer(sender).publish({"task": queue.name}, routing_key=queue.name, declare=[queue])

    worker = Connection(url, transport_options=options, transport=app.conf.broker_transport)
    received = []
    Consumer(worker, queues=[jobs], callbacks=[lambda body, message: received.append(body)]).consume()
    Consumer(worker.channel(), queues=[notices], callbacks=[lambda body, message: received.append(body)]).consume()
    for _ in range(4):
        with contextlib.suppress(TimeoutError):
            worker.drain_events(timeout=0.5)
    assert len(received) == 2, "both tasks are delivered and left unacknowledged"
    waiting = worker.default_channel
    assert waiting._in_poll, "the worker is waiting on Redis when it dies"

    server.kill()
    server.wait(timeout=10)
    with contextlib.suppress(Exception):  # as Celery does
        worker.collect(socket_timeout=1.0)
    # kombu's own transport raised AttributeError here; Celery lets it through and the consumer
    # stops. Closing without an error is what lets Celery go on to reconnect.
    ignore_errors(worker, worker.close)
    assert waiting.closed
