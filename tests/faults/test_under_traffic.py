"""Each real service killed or stopped under traffic, then started again: nothing an employer was
told was saved is lost, and search converges on the database within 30 s with no manual step.

The product runs as deployed (daphne and a Celery worker in processes of their own, see `stack.py`);
two employers publish and close jobs through the API and a phone searches all the while. Nobody
drains the index by hand: what converges, the running processes converged.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.db import connections

from marketplace.enums import PostingStatus
from marketplace.models import JobPosting
from matching.search import get_search_backend
from matching.search.documents import source_versions

from .conftest import stopped
from .stack import Stack, Traffic, searchable_ids, stack_env, wait_until

pytestmark = pytest.mark.django_db(transaction=True)

CONVERGE_S = 30
BEFORE_S, DURING_S, AFTER_S = 3.0, 4.0, 4.0


@pytest.fixture
def stack(request, world, search_index, embedding_model: Path, tmp_path: Path) -> Iterator[Stack]:
    """The same model in the stack and in this process, which compares the index's versions (they
    name the model) with the database's. A test may set more of the stack's environment through
    indirect parametrization."""
    prefix = django_settings.SEARCH_BACKENDS["default"]["INDEX_PREFIX"]
    env = stack_env(index_prefix=prefix, model_path=embedding_model, var_dir=tmp_path / "var")
    env.update(getattr(request, "param", None) or {})
    running = Stack(env=env, log_dir=tmp_path / "logs")
    running.log_dir.mkdir()
    try:
        running.start_worker()
        running.start_server()
        yield running
    finally:
        running.stop()


@pytest.fixture
def traffic(stack, world) -> Iterator[Traffic]:
    load = Traffic(stack.url, [world.employer_member, world.other_employer_member])
    yield load
    load.stop()


def public_in_database() -> set[int]:
    connections.close_all()  # the test's own connection may predate a database restart
    return set(JobPosting.objects.filter(status=PostingStatus.PUBLISHED).values_list("pk", flat=True))


def assert_converges(stack: Stack, traffic: Traffic) -> None:
    """Nothing acknowledged is lost, and within CONVERGE_S a phone's search shows exactly the
    database's public jobs, with the index holding each at the database's version."""
    public = public_in_database()
    acknowledged = traffic.published - traffic.closed
    assert acknowledged, f"the traffic published nothing: {dict(traffic.statuses)}"
    assert acknowledged <= public, f"published and then lost: {sorted(acknowledged - public)}"
    assert not traffic.closed & public, f"closed but public again: {sorted(traffic.closed & public)}"

    started = time.monotonic()
    seen = wait_until(lambda: searchable_ids(stack.url) == (len(public), public) or None, timeout=CONVERGE_S)
    count, ids = searchable_ids(stack.url)
    assert seen, (f"search did not converge within {CONVERGE_S} s: count {count} of {len(public)}, "
                  f"missing {sorted(public - ids)}, extra {sorted(ids - public)}\n{stack.logs()}")  # fmt: skip
    backend = get_search_backend()
    assert backend.document_versions("postings") == source_versions("postings")
    slowest = sorted(traffic.durations, key=lambda d: -d[1])[:3]
    print(f"converged {time.monotonic() - started:.1f} s after traffic stopped; {len(public)} public; "
          f"requests {dict(traffic.statuses)}; slowest {slowest}")  # fmt: skip


def run_traffic_through(traffic: Traffic, fault) -> tuple[float, float]:
    """Traffic before, during and after `fault` (a context manager); returns when the fault began
    and ended (monotonic), so errors can be placed inside or outside it."""
    traffic.start()
    time.sleep(BEFORE_S)
    began = time.monotonic()
    with fault():
        time.sleep(DURING_S)
    ended = time.monotonic()
    time.sleep(AFTER_S)
    traffic.stop()
    return began, ended


def errors_outside(traffic: Traffic, began: float, ended: float, grace: float = 0.0) -> list:
    return [e for e in traffic.server_errors if not began <= e[0] <= ended + grace]


def test_elasticsearch_stopped_under_traffic_loses_no_write_and_search_converges(stack, traffic):
    began, ended = run_traffic_through(traffic, lambda: stopped("elasticsearch"))

    # Writes never depend on the engine; only searching meets 503 (搜索服务暂时不可用) while it is away.
    assert not [e for e in traffic.server_errors if not e[1].startswith("GET")], traffic.server_errors
    assert {e[2] for e in traffic.server_errors} <= {503}
    assert not errors_outside(traffic, began, ended, grace=2.0)
    assert_converges(stack, traffic)


def test_celery_worker_killed_under_traffic_loses_no_write_and_search_converges(stack, traffic):
    from contextlib import contextmanager

    @contextmanager
    def worker_killed():
        stack.kill_worker()
        try:
            yield
        finally:
            stack.start_worker()

    run_traffic_through(traffic, worker_killed)

    assert not traffic.server_errors
    assert_converges(stack, traffic)


def test_daphne_killed_under_traffic_loses_no_acknowledged_write_and_search_converges(stack, traffic):
    from contextlib import contextmanager

    @contextmanager
    def server_killed():
        stack.kill_server()
        try:
            yield
        finally:
            stack.start_server()

    run_traffic_through(traffic, server_killed)

    assert not traffic.server_errors
    assert traffic.statuses[("POST", 0)] > 0, "the kill cut nothing off: it was not under traffic"
    assert_converges(stack, traffic)


# With the optional connection pool too: its reconnect back-off once kept requests failing for
# seconds after PostgreSQL was back (config/settings/production.py, DATABASE_POOL_MAX_SIZE).
@pytest.mark.parametrize(
    "stack", [{}, {"DATABASE_POOL_MAX_SIZE": "4"}], ids=["persistent-connections", "connection-pool"], indirect=True
)
def test_postgres_stopped_under_traffic_answers_503_in_chinese_and_recovers_by_itself(stack, traffic):
    began, ended = run_traffic_through(traffic, lambda: stopped("postgres"))

    assert traffic.server_errors, "nothing noticed the database was away: it was not under traffic"
    assert {e[2] for e in traffic.server_errors} == {503}, traffic.server_errors
    assert all("数据库" in e[3] or "暂时" in e[3] for e in traffic.server_errors), traffic.server_errors[:3]
    assert not errors_outside(traffic, began, ended, grace=2.0), "the server did not recover by itself"
    assert_converges(stack, traffic)


def test_redis_stopped_under_traffic_loses_no_write_and_search_converges(stack, traffic):
    run_traffic_through(traffic, lambda: stopped("redis"))

    assert not traffic.server_errors
    assert_converges(stack, traffic)
