"""Side effects after commit: the one road from a state change to the world outside the database.

A Celery send, a channel-layer broadcast or an index write must follow the commit that caused it:
before commit, a worker or a phone could read a row that is then rolled back; inside the request,
a broker or Redis outage would fail a change the user already made. So services never call
`delay`, `group_send` or an index directly. They ask for the effect here, and it runs once the
surrounding transaction commits (at once outside one). A failed effect is logged with what it was
for and never reaches the user's request: whatever it would have delivered is in the database, and
each caller says how it is caught up (the board's event table, the index outbox, a periodic task).

    services ──after_commit / task_after_commit / broadcast_after_commit──▶ transaction.on_commit
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Callable, Mapping
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.db import transaction

logger = logging.getLogger(__name__)


def after_commit(effect: Callable[[], object], *, what: str) -> None:
    """Run `effect` once the current transaction commits; `what` names it in the log if it fails."""

    def run() -> None:
        try:
            effect()
        except Exception:
            logger.exception("after-commit effect failed: %s", what)

    transaction.on_commit(run)


def task_after_commit(task: Any, *args: Any, eta: datetime.datetime | None = None, what: str = "") -> None:
    """Queue a Celery task with `args` after commit (at `eta` when given).

    Tasks take identifiers, never objects: they re-read the rows, so a late or repeated run is harmless.
    """
    if eta is None:
        after_commit(lambda: task.delay(*args), what=what or f"queue {task.name}{args}")
    else:
        after_commit(lambda: task.apply_async(args, eta=eta), what=what or f"queue {task.name}{args} at {eta}")


def broadcast_after_commit(
    group: str, message: Mapping[str, Any] | Callable[[], Mapping[str, Any]], *, what: str = ""
) -> None:
    """Send a channel-layer message to `group` after commit.

    `message` may be a callable, built only after commit: counts it reads then include the change.
    """

    def send() -> None:
        body = message() if callable(message) else message
        async_to_sync(get_channel_layer().group_send)(group, dict(body))

    after_commit(send, what=what or f"broadcast to {group}")
