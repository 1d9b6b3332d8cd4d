"""Side effects leave after the commit that caused them, never with a rolled-back change, and a
failing one never reaches the person whose change it followed (marketplace.effects)."""

from __future__ import annotations

import logging

import pytest
from django.db import transaction

from marketplace.effects import after_commit, broadcast_after_commit, task_after_commit

pytestmark = pytest.mark.django_db(transaction=True)


def test_an_effect_runs_only_once_the_change_commits():
    ran = []
    with transaction.atomic():
        after_commit(lambda: ran.append("sent"), what="test effect")
        assert ran == []  # a worker or a phone must not see a row that may still roll back

    assert ran == ["sent"]


def test_a_rolled_back_change_sends_nothing():
    ran = []
    with pytest.raises(RuntimeError), transaction.atomic():
        after_commit(lambda: ran.append("sent"), what="test effect")
        raise RuntimeError("the change fails")

    assert ran == []


def test_a_failing_effect_is_logged_with_what_it_was_for_and_the_caller_carries_on(caplog):
    def broken() -> None:
        raise ConnectionError("Redis is down")

    with caplog.at_level(logging.ERROR, logger="marketplace.effects"), transaction.atomic():
        after_commit(broken, what="board events 3–4 of 522601")

    assert "after-commit effect failed: board events 3–4 of 522601" in caplog.text
    assert "Redis is down" in caplog.text


def test_a_broadcast_reaches_the_group_after_commit_built_from_committed_state():
    from asgiref.sync import async_to_sync
    from channels.layers import get_channel_layer

    layer = get_channel_layer()
    channel = async_to_sync(layer.new_channel)()
    async_to_sync(layer.group_add)("effects.test", channel)
    seen = []
    try:
        with transaction.atomic():
            broadcast_after_commit("effects.test", lambda: {"type": "test.frame", "n": len(seen) + 1}, what="test")
            seen.append("committed")  # the message is built after this, at commit
        message = async_to_sync(layer.receive)(channel)
    finally:
        async_to_sync(layer.group_discard)("effects.test", channel)

    assert message == {"type": "test.frame", "n": 2}


class Recorder:
    """Stands for a Celery task: records what would have been queued (the broker is not under test)."""

    name = "test.recorder"

    def __init__(self) -> None:
        self.queued: list[tuple] = []

    def delay(self, *args) -> None:
        self.queued.append((args, None))

    def apply_async(self, args, eta=None) -> None:
        self.queued.append((tuple(args), eta))


def test_a_task_is_queued_with_its_ids_after_commit_and_at_its_moment_when_given():
    import datetime

    from django.utils import timezone

    task = Recorder()
    later = timezone.now() + datetime.timedelta(hours=2)
    with transaction.atomic():
        task_after_commit(task, 42)
        task_after_commit(task, 42, eta=later)
        assert task.queued == []

    assert task.queued == [((42,), None), ((42,), later)]
