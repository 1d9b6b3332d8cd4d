"""Elasticsearch going down loses nothing: users' writes succeed, the outbox keeps them, and the
index catches up once the server is back.

This stops and starts the real server with the project's own script, so the outage window is kept
to a few writes; `finally` always starts it again.
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.utils import timezone

from marketplace.enums import PostingStatus
from marketplace.models import JobPosting
from marketplace.postings import services as svc
from marketplace.profiles import services as prof
from matching.models import IndexOutbox
from matching.search import get_search_backend
from matching.search.base import BaseSearchBackend, SearchUnavailable
from matching.search.documents import source_versions
from matching.search.query import ProfileQuery, parse_posting_query, query_tokens
from matching.sync import outbox_drain_all, outbox_pending

from .conftest import make_backend

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
# Two seconds per request, as the test backend is built: a down server must fail fast, not hang.
TIMEOUT = 2


def services(action: str) -> None:
    # Without ELASTICSEARCH_URL the script manages its own server (the one that URL points at here);
    # with it set, the script would treat the server as external and leave it alone.
    env = {k: v for k, v in os.environ.items() if k != "ELASTICSEARCH_URL"}
    subprocess.run(["bash", "scripts/services.sh", action, "elasticsearch"], cwd=ROOT, env=env, check=True,
                   timeout=240)  # fmt: skip


@pytest.fixture
def es(tmp_path, settings) -> Iterator[BaseSearchBackend]:
    """The real Elasticsearch server as the product's search backend, with a short request timeout."""
    assert os.environ["ELASTICSEARCH_URL"].rstrip("/") == "http://127.0.0.1:9200", "not the script's own server"
    backend = make_backend("elasticsearch", tmp_path, TIMEOUT=TIMEOUT)
    settings.SEARCH_BACKENDS = {"default": {"BACKEND": "matching.search.elasticsearch", **backend.params}}
    get_search_backend.cache_clear()
    live = get_search_backend()
    yield live
    for kind in ("postings", "profiles"):
        live.drop(kind)
    get_search_backend.cache_clear()


def found(backend, q: str = "") -> set[int]:
    return {h.id for h in backend.search_postings(parse_posting_query({"q": q, "page_size": "50"})).hits}


def publish(world, title: str, employer=None, member=None) -> JobPosting:
    member, employer = member or world.employer_member, employer or world.employer
    data = {"title": title, "county": "凯里市", "pay_min": 4000, "pay_max": 6000}
    posting = svc.posting_submit(by=member, posting=svc.posting_create(by=member, employer=employer, data=data))
    assert posting.status == PostingStatus.PUBLISHED
    return posting


def test_writes_made_while_elasticsearch_is_down_all_reach_the_index_when_it_is_back(es, world):
    welder, porter, doomed = publish(world, "电焊工"), publish(world, "搬运工"), publish(world, "保洁员")
    outbox_drain_all()
    assert found(es) == {welder.pk, porter.pk, doomed.pk}

    services("stop")
    try:
        with pytest.raises(SearchUnavailable):
            es.health()

        # Users keep working; none of this waits for, or fails because of, the search engine.
        started = time.monotonic()
        driver = publish(world, "叉车司机")
        other = publish(world, "电子厂普工", world.other_employer, world.other_employer_member)
        svc.posting_update(by=world.employer_member, posting=welder, data={"title": "钢筋工"})
        svc.posting_close(by=world.employer_member, posting=porter, note="已招满")
        JobPosting.objects.get(pk=doomed.pk).delete()  # staff delete it in the admin
        profile = world.seeker.profile
        prof.profile_update(by=world.seeker, profile=profile, data={"visibility": "open", "skills": ["砌墙"]})
        assert time.monotonic() - started < 5
        pending = outbox_pending()
        assert pending >= 6

        # The worker's attempt meanwhile (the task `matching.index_outbox`): it fails fast and keeps every row.
        started = time.monotonic()
        with pytest.raises(SearchUnavailable):
            outbox_drain_all()
        assert time.monotonic() - started < 4 * TIMEOUT
        assert outbox_pending() == pending
        kept = IndexOutbox.objects.first()
        assert kept.attempts == 1
        assert "9200" in kept.last_error
    finally:
        services("start")  # waits for cluster health

    # The retry comes once its back-off has passed; by then the server's restart has taken longer.
    wait = (IndexOutbox.objects.latest("next_attempt_at").next_attempt_at - timezone.now()).total_seconds()
    time.sleep(max(0.0, wait))
    outbox_drain_all()  # what the retried or periodic task runs, honouring the back-off

    assert outbox_pending() == 0
    assert found(es) == {welder.pk, driver.pk, other.pk}
    assert found(es, "钢筋工") == {welder.pk}
    assert found(es, "电焊工") == set()
    assert found(es, "叉车") == {driver.pk}
    assert found(es, "保洁员") == set()  # deleted while the server was down
    profiles = es.search_profiles(ProfileQuery(text="砌墙", tokens=tuple(query_tokens("砌墙"))))
    assert [h.id for h in profiles.hits] == [profile.pk]
    # Nothing lost, nothing extra: the index holds exactly what the database says, at its versions.
    for kind in ("postings", "profiles"):
        assert es.document_versions(kind) == source_versions(kind)
