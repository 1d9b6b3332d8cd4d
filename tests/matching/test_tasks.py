"""matching.tasks.index_outbox: after an outage the index catches up by itself, without beat
and without another write, and however many writes queued drains, one chain of follow-ups waits."""

from __future__ import annotations

import json

import pytest
import redis
from django.conf import settings as django_settings
from django.core.cache import cache

from matching.search import get_search_backend
from matching.sync import outbox_pending
from matching.tasks import FOLLOW_UP_KEY, index_outbox

from .conftest import make_backend
from .test_sync import found, published

pytestmark = pytest.mark.django_db(transaction=True)


def queued_follow_ups(broker: redis.Redis) -> int:
    """Follow-up runs of the drain waiting in the broker's default queue."""
    return sum(
        1
        for raw in broker.lrange("celery", 0, -1)
        if json.loads(raw)["headers"].get("task") == "matching.index_outbox"
        and "follow_up" in json.loads(raw)["headers"].get("kwargsrepr", "")
    )


@pytest.fixture
def broker() -> redis.Redis:
    client = redis.Redis.from_url(django_settings.CELERY_BROKER_URL)
    client.delete("celery")
    cache.delete(FOLLOW_UP_KEY)
    yield client
    client.delete("celery")
    cache.delete(FOLLOW_UP_KEY)


def use(settings, backend) -> None:
    settings.SEARCH_BACKENDS = {"default": {"BACKEND": "matching.search.elasticsearch", **backend.params}}
    get_search_backend.cache_clear()


def test_a_drain_that_finds_the_engine_down_comes_back_by_itself_once(world, tmp_path, settings, broker):
    down = make_backend("elasticsearch", tmp_path, TIMEOUT=1)
    down.params["URL"] = "http://127.0.0.1:9"  # nothing listens there: the engine is down
    use(settings, down)
    welder = published(world, "电焊工")
    broker.delete("celery")  # the publish's own drain request; the worker is us

    assert index_outbox() == 0
    assert index_outbox() == 0  # a second write's drain, in the same outage
    assert queued_follow_ups(broker) == 1  # one chain waits for both
    assert outbox_pending() >= 1  # the posting (and the world's profiles) wait

    up = make_backend("elasticsearch", tmp_path)
    use(settings, up)
    try:
        broker.delete("celery")
        assert index_outbox(follow_up=True) >= 1  # the follow-up's run, once the engine is back

        assert found(up) == {welder.pk}
        assert outbox_pending() == 0
        assert queued_follow_ups(broker) == 0  # nothing left waiting: the chain ends
    finally:
        for kind in ("postings", "profiles"):
            up.drop(kind)
        get_search_backend.cache_clear()
