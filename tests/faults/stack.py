"""The product as deployed, for fault tests: a daphne server and a Celery worker in processes of
their own, on the test database, Redis and Elasticsearch, with employers posting jobs through the
API all the while.

A fault test kills or stops one part under that traffic, starts it again, and asserts what a user
would see: nothing they were told was saved is lost, no request meets a server error it should not,
and search converges on the database with no manual step.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import requests
from django.test import Client

from bench.harness.servers import Server, start_servers
from tests.conftest import ROOT, subprocess_database_url

CELERY = str(Path(sys.executable).parent / "celery")


@dataclass
class Stack:
    """daphne + Celery worker on their own task queue, so no other test's tasks reach them."""

    env: dict[str, str]
    log_dir: Path
    server: Server | None = None
    worker: subprocess.Popen | None = None
    port: int | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start_server(self) -> None:
        """Start daphne (on the same port as before, so clients need no new address)."""
        pool = start_servers(1, env=self.env, log_dir=self.log_dir, ports=[self.port] if self.port else None)
        self.server = pool.servers[0]
        self.port = self.server.port

    def kill_server(self) -> None:
        """SIGKILL: no graceful shutdown, requests in flight are cut."""
        self.server.process.send_signal(signal.SIGKILL)
        self.server.process.wait(timeout=10)

    def start_worker(self) -> None:
        log = (self.log_dir / "worker.log").open("a")
        queue = self.env["CELERY_TASK_DEFAULT_QUEUE"]
        self.worker = subprocess.Popen(
            [CELERY, "-A", "config", "worker", "--loglevel=INFO", "--concurrency=2", "-Q", queue,
             "-n", f"fault-{os.getpid()}@localhost"],
            cwd=ROOT, env=self.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
        )  # fmt: skip

    def kill_worker(self) -> None:
        """SIGKILL the worker's whole process group (the main process and its pool children)."""
        os.killpg(self.worker.pid, signal.SIGKILL)
        self.worker.wait(timeout=10)

    def stop(self) -> None:
        if self.server and self.server.process.poll() is None:
            self.server.process.terminate()
            self.server.process.wait(timeout=20)
        if self.worker and self.worker.poll() is None:
            os.killpg(self.worker.pid, signal.SIGTERM)
            try:
                self.worker.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(self.worker.pid, signal.SIGKILL)

    def logs(self, chars: int = 4000) -> str:
        return "\n".join(f"== {p.name}\n{p.read_text(errors='replace')[-chars:]}" for p in self.log_dir.glob("*.log"))


def stack_env(*, index_prefix: str, model_path: Path, var_dir: Path) -> dict[str, str]:
    queue = f"faults-{os.getpid()}-{time.monotonic_ns()}"
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.test",
        DATABASE_URL=subprocess_database_url(),
        ELASTICSEARCH_INDEX_PREFIX=index_prefix,
        MATCHING_EMBEDDING_MODEL=str(model_path),
        JYT_VAR_DIR=str(var_dir),
        CELERY_TASK_DEFAULT_QUEUE=queue,
        MATCHING_WARM_UP="1",  # as deployed: the model is loaded before the server says it is ready
    )
    return env


def session_cookies(user) -> dict[str, str]:
    client = Client()
    client.force_login(user)
    csrf = "f" * 32
    return {"sessionid": client.cookies["sessionid"].value, "csrftoken": csrf}


@dataclass
class Traffic:
    """Employers publishing jobs (and now and then closing one) while phones search, until stopped.

    `published` holds only postings the server said were published; `closed` those it said were
    closed. A request that failed or got no answer is counted under its status (0: no answer) and
    never assumed either way: a posting created without its submit answered stays whatever the
    database says, which is what the index must converge on.
    """

    url: str
    employers: list
    pause: float = 0.15
    published: set[int] = field(default_factory=set)
    closed: set[int] = field(default_factory=set)
    statuses: Counter = field(default_factory=Counter)
    server_errors: list[tuple[float, str, int, str]] = field(default_factory=list)
    durations: list[tuple[float, float, str, int]] = field(default_factory=list)  # (at, seconds, call, status)
    _stop: threading.Event = field(default_factory=threading.Event)
    _threads: list[threading.Thread] = field(default_factory=list)

    def start(self) -> Traffic:
        for n, user in enumerate(self.employers):
            thread = threading.Thread(target=self._employer, args=(n, session_cookies(user)), daemon=True)
            self._threads.append(thread)
        self._threads.append(threading.Thread(target=self._searcher, daemon=True))
        for thread in self._threads:
            thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()
        for thread in self._threads:
            thread.join(timeout=30)

    def _call(self, session: requests.Session, method: str, path: str, **kwargs) -> requests.Response | None:
        started = time.monotonic()
        try:
            response = session.request(method, f"{self.url}{path}", timeout=10, **kwargs)
        except requests.RequestException:
            self.statuses[(method, 0)] += 1
            self.durations.append((started, time.monotonic() - started, f"{method} {path}", 0))
            return None
        self.statuses[(method, response.status_code)] += 1
        self.durations.append((started, time.monotonic() - started, f"{method} {path}", response.status_code))
        if response.status_code >= 500:
            self.server_errors.append((time.monotonic(), f"{method} {path}", response.status_code, response.text[:300]))
        return response

    def _employer(self, n: int, cookies: dict[str, str]) -> None:
        session = requests.Session()
        session.cookies.update(cookies)
        session.headers.update({"X-CSRFToken": cookies["csrftoken"], "Referer": self.url})
        serial = 0
        while not self._stop.is_set():
            serial += 1
            body = {"title": ("电焊工", "叉车司机", "保洁员", "电子厂普工")[serial % 4], "county": "凯里市",
                    "pay_min": 4000, "pay_max": 6000 + serial}  # fmt: skip
            created = self._call(session, "POST", "/api/postings/", json=body)
            if created is not None and created.status_code == 201:
                pk = created.json()["id"]
                submitted = self._call(session, "POST", f"/api/postings/{pk}/submit")
                if submitted is not None and submitted.status_code == 200 and submitted.json()["status"] == "published":
                    self.published.add(pk)
                    if serial % 5 == 0:
                        closed = self._call(session, "POST", f"/api/postings/{pk}/close", json={"note": "已招满"})
                        if closed is not None and closed.status_code == 200:
                            self.closed.add(pk)
            self._stop.wait(self.pause)

    def _searcher(self) -> None:
        session = requests.Session()
        while not self._stop.is_set():
            self._call(session, "GET", "/api/search/postings", params={"q": "电焊工"})
            self._stop.wait(self.pause)


def searchable_ids(url: str) -> tuple[int, set[int]]:
    """What a phone sees: the search's count and the ids on every page of an empty-query search."""
    ids: set[int] = set()
    page, count = 1, 0
    while True:
        response = requests.get(f"{url}/api/search/postings", params={"page": page, "page_size": 50}, timeout=10)
        response.raise_for_status()
        body = response.json()
        count = body["count"]
        ids |= {hit["id"] for hit in body["results"]}
        if page >= body["num_pages"]:
            return count, ids
        page += 1


def wait_until(predicate, *, timeout: float, every: float = 0.5):
    """The predicate's last value once true, or None after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        try:
            value = predicate()
        except (requests.RequestException, KeyError, ValueError):
            value = None
        if value:
            return value
        if time.monotonic() >= deadline:
            return None
        time.sleep(every)
