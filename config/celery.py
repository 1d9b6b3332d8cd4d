"""The Celery application. Broker and eagerness come from the Django settings of the run mode."""

from __future__ import annotations

import os
import socket

from celery import Celery
from celery.signals import worker_init, worker_process_init

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.embedded")

app = Celery("jiuyetong")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.on_after_finalize.connect
def _beat_schedule(sender: Celery, **kwargs) -> None:
    # Each app declares its periodic work next to its tasks; beat reads the union.
    from livestream.tasks import BEAT_SCHEDULE as livestream_schedule
    from marketplace.tasks import BEAT_SCHEDULE as marketplace_schedule
    from matching.tasks import BEAT_SCHEDULE as matching_schedule

    sender.conf.beat_schedule = {**marketplace_schedule, **matching_schedule, **livestream_schedule}


@worker_init.connect
def _import_torch(**kwargs) -> None:
    """Import torch (7 s here) once in the worker's main process; its pool processes inherit it.

    Only the import: torch starts its thread pools on first use, and those do not survive a fork,
    so the model itself is loaded in each pool process (below).
    """
    from django.conf import settings

    if settings.MATCHING_WARM_UP:
        import sentence_transformers  # noqa: F401


@worker_process_init.connect
def _warm_up(**kwargs) -> None:
    """Each pool process loads the model and dictionaries before it takes a task.

    Indexing embeds every document: without this, the first drain after a worker (re)start waited
    about 8 s per process, and search fell that far behind the writes.
    (CELERY_WORKER_PROC_ALIVE_TIMEOUT gives the child the time.)
    """
    from django.conf import settings

    if settings.MATCHING_WARM_UP:
        from matching.warmup import warm_up

        warm_up()


@app.task(name="health.ping", ignore_result=False)
def ping(payload: str = "") -> dict:
    """Answer with where the task ran, so a caller can tell a real worker from inline execution.

    The only task whose result is kept: the others report through the database, and
    production ignores results so a Redis outage cannot hold a web request.
    """
    return {"payload": payload, "pid": os.getpid(), "host": socket.gethostname()}
