"""The Celery application. Broker and eagerness come from the Django settings of the run mode."""

from __future__ import annotations

import os
import socket

from celery import Celery

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


@app.task(name="health.ping", ignore_result=False)
def ping(payload: str = "") -> dict:
    """Answer with where the task ran, so a caller can tell a real worker from inline execution.

    The only task whose result is kept: the others report through the database, and
    production ignores results so a Redis outage cannot hold a web request.
    """
    return {"payload": payload, "pid": os.getpid(), "host": socket.gethostname()}
