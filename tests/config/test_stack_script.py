"""`scripts/stack.sh` starts the product as deploy/systemd runs it, and stops it: every server
answers, pages render from collected static files, the worker takes tasks and beat ticks."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import time
import urllib.request
import uuid
from pathlib import Path

import pytest

from tests.conftest import ROOT, subprocess_database_url

pytestmark = pytest.mark.django_db(transaction=True)


def two_free_ports() -> int:
    for _ in range(50):
        first = 20000 + int.from_bytes(os.urandom(2), "big") % 30000
        try:
            for port in (first, first + 1):
                with socket.socket() as sock:
                    sock.bind(("127.0.0.1", port))
        except OSError:
            continue
        return first
    raise RuntimeError("no two free ports side by side")


def get(url: str) -> tuple[int, bytes]:
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - loopback URL built here
        return response.status, response.read()


def test_the_stack_script_starts_servers_worker_and_beat_and_stops_them(tmp_path: Path, embedding_model_path):
    port, prefix = two_free_ports(), f"jyt-stack-{uuid.uuid4().hex[:8]}"
    env = {k: v for k, v in os.environ.items() if k not in {"DJANGO_SETTINGS_MODULE"}}
    env.update(JYT_STACK_DIR=str(tmp_path / "stack"), JYT_STACK_SERVERS="2", JYT_STACK_PORT=str(port),
               JYT_STACK_QUEUE=f"stack-{uuid.uuid4().hex[:8]}", JYT_STACK_SKIP_SERVICES="1",
               DATABASE_URL=subprocess_database_url(), ELASTICSEARCH_INDEX_PREFIX=prefix,
               MATCHING_EMBEDDING_MODEL=str(embedding_model_path))  # fmt: skip

    def stack(action: str) -> subprocess.CompletedProcess:
        return subprocess.run(["bash", "scripts/stack.sh", action], cwd=ROOT, env=env, capture_output=True,
                              text=True, timeout=600)  # fmt: skip

    try:
        started = stack("start")
        assert started.returncode == 0, started.stderr[-3000:]

        for server in (port, port + 1):
            status, body = get(f"http://127.0.0.1:{server}/healthz")
            assert status == 200 and json.loads(body)["status"] == "ok"
            status, page = get(f"http://127.0.0.1:{server}/jobs/")
            assert status == 200 and "找工作" in page.decode()
        assert stack("status").returncode == 0
        beat_log = tmp_path / "stack" / "beat.log"
        deadline = time.monotonic() + 30
        while "beat: Starting" not in beat_log.read_text(errors="replace") and time.monotonic() < deadline:
            time.sleep(0.5)
        assert "beat: Starting" in beat_log.read_text(errors="replace")
    finally:
        stopped = stack("stop")
        subprocess.run(["curl", "-s", "-X", "DELETE", f"{os.environ['ELASTICSEARCH_URL']}/{prefix}-*"],
                       capture_output=True, timeout=30)  # fmt: skip

    assert stopped.returncode == 0, stopped.stderr
    assert stack("status").returncode != 0
    with pytest.raises(OSError):
        get(f"http://127.0.0.1:{port}/healthz")
