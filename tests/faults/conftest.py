"""Faults injected into the real services: stopped and started with the project's own script.

Each stop is undone in `finally`, and the script waits until the service answers again, so a
failing test never leaves the next one without its services.
"""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def services(action: str, name: str) -> None:
    # Without the *_URL variables the script manages its own servers (the ones they point at here);
    # with them set, it would treat the servers as external and leave them alone.
    env = {k: v for k, v in os.environ.items() if k not in {"ELASTICSEARCH_URL", "REDIS_URL", "DATABASE_URL"}}
    subprocess.run(["bash", "scripts/services.sh", action, name], cwd=ROOT, env=env, check=True, timeout=240,
                   capture_output=True)  # fmt: skip


@contextmanager
def stopped(name: str) -> Iterator[None]:
    """The service is down inside the block, and up again (answering) after it, whatever happened."""
    services("stop", name)
    try:
        yield
    finally:
        services("start", name)
        if name == "postgres":  # this process's own connections died with the server
            from django.db import connections

            connections.close_all()
