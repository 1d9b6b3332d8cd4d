"""What socket tests share: the Origin and session cookie a phone's socket carries, and a clean ending.

Loaded for the whole suite from tests/conftest.py (`pytest_plugins`); a socket test module asks for
`sockets_closed` through `pytest.mark.usefixtures`, and every test starts with a channel layer of its own
(`fresh_channel_layer`).
"""

from __future__ import annotations

import pytest
from asgiref.sync import sync_to_async
from channels import DEFAULT_CHANNEL_LAYER
from channels.layers import channel_layers
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


@pytest.fixture(autouse=True)
def fresh_channel_layer() -> None:
    """Each test gets a new channel layer object, as a server process gets one when it starts.

    channels-redis keeps receive state on the layer that is bound to the event loop that used it: a
    lock for the process's receive channel, held by a cleaner task until it finishes, a count of
    coroutines waiting to receive and the frames read for channels nobody waits on yet. A server
    has one loop for its life; each test has its own, and whatever a test's loop left behind when
    it closed would meet the next test's relay. A layer per test has no such past. The Redis server
    and its data are shared as before.
    """
    channel_layers.backends.pop(DEFAULT_CHANNEL_LAYER, None)


@pytest.fixture
async def sockets_closed():
    """After the test: no relay left running, no database connection left in asgiref's worker thread.

    A consumer the test never disconnected leaves its board's or room's relay running, and the
    consumers' ORM work runs in the worker thread, whose connection must not outlive the test.
    """
    yield
    await relay.stop_all()
    await sync_to_async(connections.close_all)()
