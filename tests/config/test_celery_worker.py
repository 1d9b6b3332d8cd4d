"""Celery tasks run in a real worker process, reached over the Redis broker."""

import os

from config.celery import app, ping


def test_task_sent_over_redis_runs_in_the_worker_process_and_returns_its_result(celery_worker_process):
    assert app.conf.broker_url.startswith("redis://")
    assert not app.conf.task_always_eager

    result = ping.apply_async(["你好"], queue=celery_worker_process).get(timeout=30)

    assert result["payload"] == "你好"
    # Ran in another process: the worker, not inline in the test.
    assert result["pid"] != os.getpid()
