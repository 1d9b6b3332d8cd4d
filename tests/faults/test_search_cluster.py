"""Elasticsearch as a cluster: a node stops under search traffic and searches keep answering.

Two nodes from `scripts/services.sh start es-cluster` (node 1 master and data, node 2 data only),
the index with one replica, so each node holds a full copy. A phone's search (the product's own
`posting_search`, through a client given both nodes' URLs) runs without pause while node 2 stops
and starts again; every search must answer with the right jobs, and the index must be green again
once the node is back.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Iterator

import pytest

from marketplace.models import JobPosting
from matching.search import get_search_backend
from matching.search.documents import build_documents
from matching.selectors import posting_search
from tests.factories import JobPostingFactory

from .conftest import services

pytestmark = pytest.mark.django_db

CLUSTER_URLS = "http://127.0.0.1:9201,http://127.0.0.1:9202"


@pytest.fixture(scope="module")
def cluster() -> Iterator[str]:
    services("start", "es-cluster")
    yield CLUSTER_URLS
    services("stop", "es-cluster")


@pytest.fixture
def cluster_backend(cluster, settings):
    settings.SEARCH_BACKENDS = {
        "default": {
            "BACKEND": "matching.search.elasticsearch",
            "URL": cluster,
            "INDEX_PREFIX": f"jyt-cluster-{uuid.uuid4().hex[:8]}",
            "REPLICAS": 1,
        }
    }
    get_search_backend.cache_clear()
    backend = get_search_backend()
    yield backend
    backend.drop("postings")
    get_search_backend.cache_clear()


def _searching_while(action, *, then_seconds: float) -> tuple[int, list[str]]:
    """Search without pause while `action` runs in a thread, and `then_seconds` after it ended.

    Returns how many searches answered, and what went wrong with the others.
    """
    expected = {p.pk for p in JobPosting.objects.filter(title__contains="电工")}
    worker = threading.Thread(target=action)
    worker.start()
    answered, problems = 0, []
    deadline = None
    while deadline is None or time.monotonic() < deadline:
        if deadline is None and not worker.is_alive():
            deadline = time.monotonic() + then_seconds
        try:
            found = {p.pk for p in posting_search({"q": "电工"}).postings}
        except Exception as exc:  # whatever went wrong is what the test reports
            problems.append(f"{type(exc).__name__}: {exc}"[:200])
            continue
        if found == expected:
            answered += 1
        else:
            problems.append(f"wrong jobs: {sorted(found)} instead of {sorted(expected)}")
    worker.join()
    return answered, problems


def test_searches_keep_answering_while_a_node_stops_and_the_index_is_green_when_it_returns(cluster_backend):
    JobPostingFactory.create_batch(5, title="电工（持证）")
    JobPostingFactory.create_batch(15, title="电子厂普工")
    cluster_backend.index_documents("postings", list(build_documents("postings")))
    index = cluster_backend.index_name("postings")
    health = cluster_backend.client.cluster.health(index=index, wait_for_status="green", timeout="60s")
    assert health["status"] == "green"
    copies = cluster_backend.client.cat.shards(index=index, format="json")
    assert sorted(c["node"] for c in copies) == ["jiuyetong-c1", "jiuyetong-c2"], "a copy on each node"

    answered, problems = _searching_while(lambda: services("stop", "es-cluster-2"), then_seconds=5)
    assert problems == []
    assert answered > 10
    # One copy is gone with its node: the index is yellow, not lost.
    assert cluster_backend.client.cluster.health(index=index)["status"] == "yellow"

    answered, problems = _searching_while(lambda: services("start", "es-cluster-2"), then_seconds=2)
    assert problems == []
    assert answered > 10
    health = cluster_backend.client.cluster.health(index=index, wait_for_status="green", timeout="60s")
    assert health["status"] == "green", "the returned node holds its copy again"
