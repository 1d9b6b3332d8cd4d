"""The socket fuzzer's frames through a production-mode daphne, where transport limits apply.

WebsocketCommunicator hands frames straight to the application; daphne first has autobahn read
them off the wire, with its own size limit (`--websocket-max-message-size`, 1 MiB by default in
daphne 4.2). So the big frames are checked here, on daphne with the production settings, the test
database and the Redis layer, as deployed: a frame of exactly 1 MiB gets the application's Chinese
`too_large` error and the socket stays open; one byte more and daphne drops the connection before
the application sees the frame (no close frame: a browser reports 1006), and a new socket works.
A sample of the in-process catalogue (binary frames, deep nesting, NUL, unknown commands…) is sent
through the real transport too, and the server's log must hold no traceback and nothing at ERROR.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from django.conf import settings
from websockets.exceptions import ConnectionClosed
from websockets.sync.client import ClientConnection, connect

from bench.harness.servers import Server, server_env, start_servers
from tests.conftest import subprocess_database_url
from tests.livestream.sockets import session_cookie
from tests.livestream.test_socket_fuzz import (
    CASES_PER_SOCKET,
    MIB,
    PING,
    Case,
    assert_refused,
    build_stage,
    catalogue,
    generator,
    one_mib_frame,
    sockets,
    strict_json,
)

pytestmark = pytest.mark.django_db(transaction=True)

# What a client reports when the connection ends without a close frame, as daphne ends one that sent
# a message over its size limit.
CLOSE_ABNORMAL = 1006
SAMPLE = 12  # catalogue frames per socket through the real transport
TIMEOUT = 10


@pytest.fixture(scope="module")
def server(django_db_setup, django_db_blocker, tmp_path_factory) -> Iterator[Server]:
    """One daphne process on the test database and the Redis channel layer, started as production starts it."""
    with django_db_blocker.unblock():
        database_url = subprocess_database_url()
    env = server_env(settings=settings.SETTINGS_MODULE, database_url=database_url, redis_url=settings.REDIS_URL)
    with start_servers(1, env=env, log_dir=tmp_path_factory.mktemp("fuzz-daphne")) as pool:
        yield pool.servers[0]


@contextmanager
def open_socket(server: Server, path: str, cookie: str | None) -> Iterator[ClientConnection]:
    headers = {"Origin": "http://127.0.0.1"} | ({"Cookie": cookie} if cookie else {})
    # No compression: the frame on the wire is as big as the test says.
    with connect(server.ws_url(path), additional_headers=headers, compression=None, open_timeout=TIMEOUT) as socket:
        assert strict_json(socket.recv(timeout=TIMEOUT))["type"] == "hello"
        yield socket


def answers(socket: ClientConnection, case: Case | None) -> tuple[list[dict[str, Any]], int | None]:
    """As the in-process helper: send the case and a ping, return what came before the pong or the close code."""
    frames: list[dict[str, Any]] = []
    try:
        if case is not None:
            socket.send(case.data if case.data is not None else case.text)
        socket.send(PING)
        while True:
            frame = strict_json(socket.recv(timeout=TIMEOUT))
            if frame["type"] == "pong":
                return frames, None
            if frame["type"] not in {"viewers", "applications"}:
                frames.append(frame)
    except ConnectionClosed as closed:
        return frames, closed.rcvd.code if closed.rcvd else CLOSE_ABNORMAL


def test_big_and_bad_frames_on_a_real_daphne_get_chinese_errors_and_over_1_mib_is_dropped(server: Server):
    stage = build_stage()
    cookie = session_cookie(stage.people["worker"])[1].decode()
    for socket_name, spec in sockets(stage).items():
        signed_in = cookie if socket_name == "me" else None

        with open_socket(server, spec.path, signed_in) as socket:
            exactly = one_mib_frame()
            assert len(exactly.encode()) == MIB
            frames, closed = answers(socket, Case("1 MiB text frame", exactly))
            assert closed is None, f"{socket_name}: daphne closed a 1 MiB frame with {closed}"
            assert [frame["code"] for frame in frames] == ["too_large"], frames
            assert "消息太长" in frames[0]["message"]

            frames, closed = answers(socket, Case("1 MiB + 1 byte", exactly[:-2] + "x" + exactly[-2:]))
            assert (frames, closed) == ([], CLOSE_ABNORMAL), f"{socket_name}: daphne took a frame over 1 MiB"

        rng = generator(f"daphne-{socket_name}")
        sample = rng.sample([case for case in catalogue(spec, stage, rng) if "1 MiB" not in case.label], SAMPLE)
        for start in range(0, SAMPLE, CASES_PER_SOCKET):
            with open_socket(server, spec.path, signed_in) as socket:
                for case in sample[start : start + CASES_PER_SOCKET]:
                    frames, closed = answers(socket, case)
                    assert_refused(case, frames, closed, {4401} if socket_name == "gigs" else set())
                    if closed is not None:
                        break

    server_log = server.log_tail(chars=1_000_000)
    assert "Traceback" not in server_log and " ERROR " not in server_log, server_log[-3000:]
    # After everything, the server still does what a phone asks.
    with open_socket(server, "/ws/health/", None) as socket:
        socket.send(json.dumps({"command": "echo", "payload": "凯里"}))
        assert strict_json(socket.recv(timeout=TIMEOUT)) == {"type": "echo", "payload": "凯里"}
