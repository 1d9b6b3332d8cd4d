"""`manage.py search_index`: what operators run to rebuild, repair and inspect the index."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from django.core.management import call_command
from django.utils import timezone

from marketplace.enums import PostingStatus
from marketplace.models import JobPosting, WorkerProfile
from matching.models import IndexOutbox
from matching.search.base import BaseSearchBackend
from matching.search.documents import build_documents, source_versions
from matching.search.elasticsearch import ElasticsearchSearchBackend
from matching.search.query import parse_posting_query
from tests.factories import JobPostingFactory, SeekerFactory

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = io.StringIO()
    call_command("search_index", *args, "-v0", stdout=out)
    return out.getvalue()


def physical(backend: BaseSearchBackend, kind: str) -> str:
    """The physical index readers are sent to: the alias target, or the file the pointer names."""
    if isinstance(backend, ElasticsearchSearchBackend):
        (name,) = backend.client.indices.get_alias(name=backend.index_name(kind)).body
        return name
    return (Path(backend.params["PATH"]) / f"{kind}.current").read_text().strip()


def physical_exists(backend: BaseSearchBackend, name: str) -> bool:
    if isinstance(backend, ElasticsearchSearchBackend):
        return bool(backend.client.indices.exists(index=name))
    return any(Path(backend.params["PATH"]).glob(f"{name}*"))


def found(backend, q: str = "") -> set[int]:
    return {h.id for h in backend.search_postings(parse_posting_query({"q": q, "page_size": "50"})).hits}


@pytest.fixture
def marketplace(world):
    """Three public postings, one draft, two open profiles and one private one."""
    postings = [JobPostingFactory(employer=world.employer, title=t) for t in ("电焊工", "搬运工", "保洁员")]
    JobPostingFactory(employer=world.employer, status=PostingStatus.DRAFT, title="叉车司机")
    WorkerProfile.objects.filter(pk=world.seeker.profile.pk).update(visibility="open", skills=["电焊"])
    opened = SeekerFactory(profile__name="王大哥", profile__visibility="open", profile__skills=["砌墙"])
    return {"postings": postings, "profiles": [world.seeker.profile, opened.profile]}


def test_rebuild_swaps_in_a_new_index_holding_every_document_and_drops_the_old_one(live_backend, marketplace):
    run("--rebuild")
    before = {kind: physical(live_backend, kind) for kind in ("postings", "profiles")}

    out = run("--rebuild")

    for kind in ("postings", "profiles"):
        now = physical(live_backend, kind)
        assert now != before[kind]
        assert not physical_exists(live_backend, before[kind])
        assert set(live_backend.document_versions(kind)) == {o.pk for o in marketplace[kind]}
        assert f"{kind}: {len(marketplace[kind])} documents in {now}, now live" in out
    assert found(live_backend) == {p.pk for p in marketplace["postings"]}
    assert found(live_backend, "搬运") == {marketplace["postings"][1].pk}


def test_reconcile_finds_and_fixes_missing_stale_and_extra_documents(live_backend, marketplace):
    welder, porter, cleaner = marketplace["postings"]
    run("--rebuild")
    # Drift of the kind a restored snapshot or a hand-edited row leaves (updates send no signal):
    live_backend.delete_documents("postings", [welder.pk])  # missing
    JobPosting.objects.filter(pk=porter.pk).update(title="装卸工", updated_at=timezone.now())  # stale
    JobPosting.objects.filter(pk=cleaner.pk).update(status=PostingStatus.CLOSED)  # extra
    live_backend.delete_documents("profiles", [marketplace["profiles"][1].pk])  # missing
    IndexOutbox.objects.all().delete()

    out = run("--reconcile")

    assert f"postings: 1 missing, 1 stale, 1 extra — fixed\n  missing: [{welder.pk}]\n  stale: [{porter.pk}]\n" in out
    assert f"  extra: [{cleaner.pk}]" in out
    assert f"profiles: 1 missing, 0 stale, 0 extra — fixed\n  missing: [{marketplace['profiles'][1].pk}]" in out
    for kind in ("postings", "profiles"):
        assert live_backend.document_versions(kind) == source_versions(kind)
    assert found(live_backend) == {welder.pk, porter.pk}
    assert found(live_backend, "装卸工") == {porter.pk}
    assert found(live_backend, "搬运工") == set()
    assert "0 missing, 0 stale, 0 extra" in run("--reconcile", "--kind", "postings")


def test_status_counts_the_database_the_index_and_the_outbox(live_backend, marketplace):
    live_backend.index_documents("postings", list(build_documents("postings", [marketplace["postings"][0].pk])))
    IndexOutbox.objects.all().delete()
    IndexOutbox.objects.create(kind="postings", object_id=marketplace["postings"][1].pk)

    out = run("--status")

    assert out.splitlines() == [
        f"postings: 3 in database, 1 in {live_backend.name} index — 2 missing, 0 extra, 0 stale (reconcile to fix)",
        f"profiles: 2 in database, 0 in {live_backend.name} index — 2 missing, 0 extra, 0 stale (reconcile to fix)",
        "outbox: 1 pending",
    ]


def test_status_says_in_step_only_when_ids_and_versions_agree_and_lists_refused_documents(live_backend, marketplace):
    run("--reconcile")
    IndexOutbox.objects.all().delete()
    posting = marketplace["postings"][0]
    IndexOutbox.objects.create(kind="postings", object_id=posting.pk, refused_at=timezone.now(),
                               last_error="document_parsing_exception: illegal latitude value [999.0]")  # fmt: skip

    out = run("--status")

    assert f"postings: 3 in database, 3 in {live_backend.name} index — in step" in out
    assert "outbox: 0 pending" in out
    assert "refused by the engine: 1" in out and f"postings {posting.pk} at " in out and "illegal latitude" in out
