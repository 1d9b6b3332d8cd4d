"""A pytest plugin, loaded first (`-p tests.services`): find or start the real services.

`make test` starts them and exports their URLs; a bare `pytest` gets the same by running the
project's own script here, before Django reads its settings. A service that cannot start stops
the run with the script's one-line reason; there is no fallback to a fake.
"""

from __future__ import annotations

import os
import shlex
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "services.sh"
URL_VARIABLES = ("DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL")


def _ensure_services() -> None:
    if all(os.environ.get(name) for name in URL_VARIABLES):
        return
    started = subprocess.run(["bash", str(SCRIPT), "start"], capture_output=True, text=True)
    if started.returncode != 0:
        raise pytest.UsageError(f"services did not start:\n{started.stderr.strip()}")
    env = subprocess.run(["bash", str(SCRIPT), "env"], capture_output=True, text=True, check=True).stdout
    for line in env.splitlines():
        name, _, value = line.removeprefix("export ").partition("=")
        os.environ.setdefault(name, shlex.split(value)[0] if value else "")


_ensure_services()


def pytest_report_header(config: pytest.Config) -> list[str]:
    """Show, at the top of every run, which real servers the suite talks to."""
    import json
    import urllib.request

    url = os.environ["ELASTICSEARCH_URL"].rstrip("/")
    try:
        with urllib.request.urlopen(f"{url}/_nodes/_local?filter_path=nodes.*.version", timeout=5) as response:  # noqa: S310
            versions = {node["version"] for node in json.load(response)["nodes"].values()}
        search = f"Elasticsearch {', '.join(sorted(versions))} at {url}"
    except OSError as exc:
        search = f"Elasticsearch at {url} not answering ({exc})"
    return [
        f"services: {search}",
        f"services: PostgreSQL {os.environ['DATABASE_URL'].rsplit('@', 1)[-1]}, Redis {os.environ['REDIS_URL']}",
    ]
