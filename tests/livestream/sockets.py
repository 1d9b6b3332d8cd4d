"""What socket tests share: the Origin and session cookie a phone's socket carries, and a clean ending.

Loaded for the whole suite from tests/conftest.py (`pytest_plugins`); a socket test module asks for
`sockets_closed` through `pytest.mark.usefixtures`.
"""

from __future__ import annotations

import pytest
from asgiref.sync import sync_to_async
from channels.layers import get_channel_layer
from django.conf import settings
from django.db import connections
from django.test import Client

from livestream import relay
from marketplace.models import User

ORIGIN = (b"origin", b"http://testserver")


def session_cookie(user: User) -> tuple[bytes, bytes]:
    client = Client()
    client.force_login(user)
    return (b"cookie", f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}".encode())


@pytest.fixture
async def sockets_closed():
    """After the test: no relay left running, no database connection left in asgiref's worker thread.

    A consumer the test never disconnected leaves its board's or room's relay running, and the
    consumers' ORM work runs in the worker thread, whose connection must not outlive the test.

    channels-redis keeps one lock for the process's receive channel, bound to the event loop that
    first waited on it, and a consumer stopped while waiting for it leaves the lock behind (its
    wait count is never taken back). A server has one loop; each test has its own, so the next test
    that waits would find the lock bound to a loop that is gone. Locks nobody holds are dropped here;
    one still held belongs to a consumer of this test and is left alone.
    """
    yield
    await relay.stop_all()
    await sync_to_async(connections.close_all)()
    locks = getattr(get_channel_layer(), "receive_clean_locks", None)
    if locks is not None:
        for channel, lock in list(locks.locks.items()):
            if not lock.locked() and not getattr(lock, "_waiters", None):
                del locks.locks[channel]
                locks.wait_counts.pop(channel, None)
