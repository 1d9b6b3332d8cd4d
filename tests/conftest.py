"""Fixtures shared across the suite: processes the product runs as (server, Celery worker), the search
index and embedding model, and the people and organisations of the service tests (`world`)."""

from __future__ import annotations

import copy
import os
import socket
import subprocess
import sys
import time
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from marketplace.enums import Role
from marketplace.models import CooperationStation, Employer, User
from tests.factories import EmployerFactory, SeekerFactory, StationFactory, UserFactory

# The REST API tests' clients and people, shared by every folder that tests an API.
pytest_plugins = ["tests.rest", "tests.livestream.sockets"]

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = "config.settings.test"
ARTIFACTS = Path(os.environ.get("JYT_TEST_ARTIFACTS", ROOT / "tests" / "artifacts"))


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def wait_http(url: str, *, timeout: float, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"server exited with {process.returncode}; log:\n{log.read_text()[-3000:]}")
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - loopback URL built here
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {timeout} s; log:\n{log.read_text()[-3000:]}")


def subprocess_database_url() -> str:
    """The test database as a URL, for processes a test starts (they cannot share its connection)."""
    from django.db import connection

    s = connection.settings_dict
    return f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


@dataclass
class RunningServer:
    url: str
    var_dir: Path


@pytest.fixture(scope="session")
def embedded_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    """The product as the README's first command serves it: embedded settings, daphne, demo data."""
    # Not created here: a fresh clone has no var/ folder either.
    var_dir = tmp_path_factory.mktemp("embedded") / "var"
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL", "DJANGO_SETTINGS_MODULE"}
    }
    env.update({"DJANGO_SETTINGS_MODULE": "config.settings.embedded", "JYT_VAR_DIR": str(var_dir)})
    manage = [sys.executable, str(ROOT / "manage.py")]
    subprocess.run([*manage, "migrate", "--no-input", "-v0"], env=env, cwd=ROOT, check=True)
    subprocess.run([*manage, "build_embedding_model", "-v0"], env=env, cwd=ROOT, check=True)
    subprocess.run([*manage, "seed_demo", "--if-missing", "-v0"], env=env, cwd=ROOT, check=True)
    subprocess.run([*manage, "search_index", "--rebuild", "-v0"], env=env, cwd=ROOT, check=True)
    port = free_port()
    log = var_dir.parent / "daphne.log"
    daphne = str(Path(sys.executable).parent / "daphne")
    with log.open("w") as out:
        process = subprocess.Popen(
            [daphne, "-b", "127.0.0.1", "-p", str(port), "config.asgi:application"],
            env=env,
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_http(f"{url}/healthz", timeout=60, process=process, log=log)
        yield RunningServer(url=url, var_dir=var_dir)
    finally:
        process.terminate()
        process.wait(timeout=20)


@pytest.fixture(scope="session")
def celery_worker_process(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real Celery worker process on the Redis broker, as production runs it. Yields its queue.

    It consumes only its own queue: the suite's other writes enqueue index work that belongs to
    the test database, which this worker (on the configured database) must not run.
    """
    log = tmp_path_factory.mktemp("celery") / "worker.log"
    name = f"test-{os.getpid()}@localhost"
    queue = f"test-worker-{os.getpid()}"
    celery = str(Path(sys.executable).parent / "celery")
    with log.open("w") as out:
        process = subprocess.Popen(
            [celery, "-A", "config", "worker", "--pool=solo", "--loglevel=INFO", "-n", name, "-Q", queue],
            cwd=ROOT,
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**os.environ, "DJANGO_SETTINGS_MODULE": os.environ.get("DJANGO_SETTINGS_MODULE", SETTINGS)},
        )
    from config.celery import app

    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            if process.poll() is not None:
                raise RuntimeError(f"celery worker exited; log:\n{log.read_text()[-3000:]}")
            replies = app.control.ping(destination=[name], timeout=1.0)
            if replies:
                break
        else:
            raise RuntimeError(f"celery worker did not answer within 60 s; log:\n{log.read_text()[-3000:]}")
        yield queue
    finally:
        process.terminate()
        process.wait(timeout=30)


@pytest.fixture
def search_index(settings) -> Iterator:
    """A fresh, empty index on the configured engine (Elasticsearch under the test settings).

    Call the fixture's value to bring the index up to date. Writes reach the index through the
    outbox once their transaction commits; a test's transaction never commits, so the test drains
    the outbox itself, exactly where the Celery task would.
    """
    from matching.search import get_search_backend
    from matching.sync import outbox_drain_all

    backends = copy.deepcopy(settings.SEARCH_BACKENDS)
    backends["default"]["INDEX_PREFIX"] = f"jyt-t-{uuid.uuid4().hex[:8]}"
    settings.SEARCH_BACKENDS = backends
    get_search_backend.cache_clear()
    backend = get_search_backend()

    def refresh() -> None:
        outbox_drain_all(ignore_backoff=True)

    try:
        yield refresh
    finally:
        for kind in ("postings", "profiles"):
            backend.drop(kind)
        get_search_backend.cache_clear()


@pytest.fixture(scope="session")
def embedding_model_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The project's offline model, built once per run (a few seconds) into a folder of its own."""
    from matching.model_building import build_model

    return build_model(tmp_path_factory.mktemp("embedding-model") / "jiuyetong-zh-static").path


@pytest.fixture
def embedding_model(embedding_model_path: Path, settings) -> Iterator[Path]:
    """The offline model installed as the configured one, as `make run` has it."""
    from matching import embeddings

    settings.MATCHING_EMBEDDING_MODEL = str(embedding_model_path)
    embeddings.clear_encoder()
    yield embedding_model_path
    embeddings.clear_encoder()


@dataclass
class World:
    station: CooperationStation
    other_station: CooperationStation
    employer: Employer
    other_employer: Employer
    seeker: User
    other_seeker: User
    employer_member: User
    other_employer_member: User
    station_staff: User
    other_station_staff: User
    bureau: User


@pytest.fixture
def world(db) -> World:
    """One of each role, and a stranger of each: two stations, their employers, members and staff."""
    station = StationFactory(name="驻东莞劳务协作站", city="东莞")
    other_station = StationFactory(name="驻宁波劳务协作站", city="宁波")
    employer = EmployerFactory(station=station)
    other_employer = EmployerFactory(station=other_station)
    return World(
        station=station,
        other_station=other_station,
        employer=employer,
        other_employer=other_employer,
        seeker=SeekerFactory(),
        other_seeker=SeekerFactory(profile__name="吴老二"),
        employer_member=UserFactory(role=Role.EMPLOYER, employer=employer),
        other_employer_member=UserFactory(role=Role.EMPLOYER, employer=other_employer),
        station_staff=UserFactory(role=Role.STATION, station=station),
        other_station_staff=UserFactory(role=Role.STATION, station=other_station),
        bureau=UserFactory(role=Role.BUREAU),
    )
