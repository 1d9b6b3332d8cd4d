"""The search index follows the database: every change made through the services reaches it.

Each test runs once on the embedded backend and once on the real Elasticsearch server, with real
commits (transactional database): a signal records an outbox row inside the writer's transaction,
`transaction.on_commit` kicks the Celery task `matching.index_outbox` onto the Redis broker, and
the worker drains the outbox. No worker consumes this test database's tasks, so `drained()` runs
the very function the worker runs (`outbox_drain_all`) at the point where it would.
"""

from __future__ import annotations

import datetime
import json
import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils import timezone

from marketplace.employers import services as emp
from marketplace.enums import PostingStatus, Role, VerificationStatus
from marketplace.models import BlacklistEntry, JobPosting, User, WorkerProfile
from marketplace.postings import services as svc
from marketplace.postings.selectors import posting_is_public
from marketplace.profiles import services as prof
from matching.models import IndexOutbox
from matching.search.query import ProfileQuery, parse_posting_query, query_tokens
from matching.sync import blacklist_sweep, outbox_drain, outbox_drain_all, outbox_pending
from tests.factories import EmployerFactory, UserFactory, id_number

pytestmark = pytest.mark.django_db(transaction=True)


def today() -> datetime.date:
    """Read per test, not at import: a run that crosses midnight (Asia/Shanghai) must not use yesterday."""
    return timezone.localdate()


DAY = datetime.timedelta(days=1)


def drained() -> None:
    """What the Celery worker does with the task each commit kicked: apply the outbox to the index."""
    outbox_drain_all()
    assert outbox_pending() == 0


def found(backend, q: str = "", **params: str) -> set[int]:
    """Ids of the postings a job seeker's search finds (one page is plenty here)."""
    result = backend.search_postings(parse_posting_query({"q": q, "page_size": "50", **params}))
    return {hit.id for hit in result.hits}


def posting_doc(backend, posting: JobPosting) -> dict:
    (hit,) = [h for h in backend.search_postings(parse_posting_query({"page_size": "50"})).hits if h.id == posting.pk]
    return hit.doc


def found_profiles(backend, q: str = "") -> set[int]:
    result = backend.search_profiles(ProfileQuery(text=q, tokens=tuple(query_tokens(q)), page_size=100))
    return {hit.id for hit in result.hits}


def new_posting(by: User, employer, title: str = "电焊工", **data) -> JobPosting:
    """A draft written through the service, as the employer's app does."""
    fields = {"title": title, "description": "持证上岗，包吃住", "county": "凯里市", "pay_min": 4000, "pay_max": 6000}
    return svc.posting_create(by=by, employer=employer, data={**fields, **data})


def published(world, title: str = "电焊工", **data) -> JobPosting:
    """Submitted by a verified employer with nothing flagged: published at once."""
    posting = svc.posting_submit(by=world.employer_member, posting=new_posting(world.employer_member, world.employer,
                                                                                title, **data))  # fmt: skip
    assert posting.status == PostingStatus.PUBLISHED
    return posting


def test_when_a_posting_is_approved_it_enters_the_index(live_backend, world):
    employer = EmployerFactory(verification=VerificationStatus.PENDING)
    member = UserFactory(role=Role.EMPLOYER, employer=employer)
    posting = svc.posting_submit(by=member, posting=new_posting(member, employer, "叉车司机"))
    drained()
    assert posting.status == PostingStatus.PENDING
    assert found(live_backend, "叉车") == set()  # waiting for review: not public, not findable

    svc.posting_approve(by=world.bureau, posting=posting)
    drained()

    assert found(live_backend, "叉车") == {posting.pk}


def test_when_a_posting_title_is_edited_the_new_words_find_it_and_the_old_ones_no_longer_do(live_backend, world):
    posting = published(world, "电焊工")
    drained()
    assert found(live_backend, "电焊工") == {posting.pk}

    svc.posting_update(by=world.employer_member, posting=posting, data={"title": "叉车司机"})
    drained()

    assert found(live_backend, "叉车") == {posting.pk}
    assert found(live_backend, "电焊工") == set()
    assert posting_doc(live_backend, posting)["title"] == "叉车司机"


def test_a_write_that_fails_validation_leaves_no_outbox_row_and_the_index_as_it_was(live_backend, world):
    posting = published(world, "电焊工")
    drained()

    with pytest.raises(ValidationError):
        svc.posting_update(by=world.employer_member, posting=posting, data={"title": "叉车司机", "pay_max": 100})

    assert IndexOutbox.objects.count() == 0  # rolled back with the change it described
    drained()
    assert found(live_backend, "电焊工") == {posting.pk}
    assert found(live_backend, "叉车") == set()


def test_when_a_posting_is_paused_it_leaves_the_index_and_resuming_brings_it_back(live_backend, world):
    posting = published(world)
    other = published(world, "电子厂普工")
    drained()

    svc.posting_pause(by=world.employer_member, posting=posting)
    drained()
    assert found(live_backend) == {other.pk}

    svc.posting_resume(by=world.employer_member, posting=posting)
    drained()
    assert found(live_backend) == {posting.pk, other.pk}


def test_when_a_posting_is_closed_it_leaves_the_index(live_backend, world):
    posting = published(world)
    other = published(world, "电子厂普工")
    drained()

    svc.posting_close(by=world.employer_member, posting=posting, note="已招满")
    drained()

    assert found(live_backend) == {other.pk}
    assert posting.pk not in live_backend.document_versions("postings")


def test_when_a_posting_expires_it_leaves_the_index(live_backend, world):
    lasts_today = published(world, "采茶工", valid_until=today())
    lasts_longer = published(world, "电子厂普工", valid_until=today() + 30 * DAY)
    drained()
    assert found(live_backend) == {lasts_today.pk, lasts_longer.pk}

    # The nightly beat task `marketplace.postings_expire`, on the first day after the validity.
    assert svc.posting_expire_due(today=today() + DAY) == 1
    drained()

    assert found(live_backend) == {lasts_longer.pk}


def test_when_a_posting_is_deleted_it_leaves_the_index(live_backend, world):
    posting = published(world)
    other = published(world, "电子厂普工")
    drained()

    # There is no service for it: staff delete postings in the Django admin, i.e. Model.delete().
    JobPosting.objects.get(pk=posting.pk).delete()
    drained()

    assert found(live_backend) == {other.pk}
    assert set(live_backend.document_versions("postings")) == {other.pk}


def test_when_an_employer_is_blacklisted_its_postings_leave_the_index_and_lifting_brings_them_back(live_backend, world):
    welder, porter = published(world, "电焊工"), published(world, "搬运工")
    bystander = svc.posting_submit(
        by=world.other_employer_member,
        posting=new_posting(world.other_employer_member, world.other_employer, "电子厂普工"),
    )
    drained()

    entry = emp.employer_blacklist(by=world.bureau, employer=world.employer, reason="拖欠农民工工资12万元")
    drained()
    assert found(live_backend) == {bystander.pk}
    assert found(live_backend, "电焊工") == set()

    emp.employer_blacklist_lift(by=world.bureau, entry=entry)
    drained()
    assert found(live_backend) == {welder.pk, porter.pk, bystander.pk}


def test_when_an_employer_is_verified_its_posting_documents_say_so(live_backend, world):
    employer = EmployerFactory(verification=VerificationStatus.PENDING)
    member = UserFactory(role=Role.EMPLOYER, employer=employer)
    posting = svc.posting_approve(by=world.bureau, posting=svc.posting_submit(by=member, posting=new_posting(
        member, employer)))  # fmt: skip
    drained()
    assert posting_doc(live_backend, posting)["employer_verified"] is False
    assert found(live_backend, verified="1") == set()

    emp.employer_verify(by=world.bureau, employer=employer, approve=True)
    emp.employer_set_grade(by=world.bureau, employer=employer, grade="A")
    drained()

    assert posting_doc(live_backend, posting)["employer_verified"] is True
    assert posting_doc(live_backend, posting)["integrity_grade"] == "A"
    assert found(live_backend, verified="1") == {posting.pk}


def test_when_a_profile_is_made_application_only_it_leaves_the_index_and_reopening_brings_it_back(live_backend, world):
    profile = world.seeker.profile
    prof.profile_update(by=world.seeker, profile=profile, data={"visibility": "open", "skills": ["电焊", "叉车"]})
    drained()
    assert found_profiles(live_backend, "电焊") == {profile.pk}

    prof.profile_update(by=world.seeker, profile=profile, data={"visibility": "applications_only"})
    drained()
    assert found_profiles(live_backend, "电焊") == set()
    assert live_backend.document_versions("profiles") == {}

    prof.profile_update(by=world.seeker, profile=profile, data={"visibility": "open"})
    drained()
    assert found_profiles(live_backend, "电焊") == {profile.pk}


def test_id_and_phone_numbers_never_appear_in_an_indexed_profile_document(live_backend, world):
    seeker = world.seeker
    number = id_number("19880512")
    mobile = seeker.phone
    prof.profile_update(
        by=seeker,
        profile=seeker.profile,
        data={
            "visibility": "open",
            "id_number": number,
            "sensitive_consent": True,
            "skills": ["电焊", f"电话{mobile}"],
            # People do type their numbers into free text; employers must not find them by it.
            "intro": f"能吃苦，会电焊。身份证{number}，手机 {mobile[:3]} {mobile[3:7]} {mobile[7:]}，微信同号。",
        },
    )
    drained()

    assert found_profiles(live_backend, "电焊") == {seeker.profile.pk}
    (hit,) = live_backend.search_profiles(ProfileQuery(page_size=100)).hits
    text = json.dumps(hit.doc, ensure_ascii=False)
    for secret in (number, number[-8:], mobile, mobile[-8:]):
        assert secret not in text
    # Not even the groups of a spaced-out number: the free text above has no other digits.
    assert not any(ch.isdigit() for ch in hit.doc["skills_tokens"] + hit.doc["intro_tokens"])
    assert "电焊" in hit.doc["intro_tokens"]
    assert found_profiles(live_backend, mobile) == set()
    assert found_profiles(live_backend, number) == set()
    assert WorkerProfile.objects.get(pk=seeker.profile.pk).id_number == number  # kept, just never indexed


def test_when_a_blacklist_entry_runs_out_its_employers_postings_come_back_without_any_write(live_backend, world):
    posting = published(world)
    emp.employer_blacklist(
        by=world.bureau, employer=world.employer, reason="拖欠工资", starts_on=today() - 10 * DAY, ends_on=today()
    )
    drained()
    assert blacklist_sweep() == 1  # the first sweep notes the employer (a harmless extra reindex)
    drained()
    assert found(live_backend) == set()

    # A day passes: the entry's last day was yesterday. Nothing is written when that happens, so
    # shift the entry's dates instead of the clock (a queryset update sends no signal either).
    BlacklistEntry.objects.filter(employer=world.employer).update(starts_on=today() - 11 * DAY, ends_on=today() - DAY)
    assert posting_is_public(posting)
    drained()
    assert found(live_backend) == set()  # the index alone is still behind

    assert blacklist_sweep() == 1  # the periodic task `matching.blacklist_sweep`
    drained()
    assert found(live_backend) == {posting.pk}
    assert blacklist_sweep() == 0  # idempotent: nothing changed since


def test_when_a_blacklist_entry_dated_ahead_begins_its_employers_postings_leave_the_index(live_backend, world):
    posting = published(world)
    emp.employer_blacklist(by=world.bureau, employer=world.employer, reason="拖欠工资", starts_on=today() + 3 * DAY)
    blacklist_sweep()
    drained()
    assert found(live_backend) == {posting.pk}

    # Three days pass, and the entry comes into force with nobody writing anything.
    BlacklistEntry.objects.filter(employer=world.employer).update(starts_on=today())
    assert not posting_is_public(posting)

    assert blacklist_sweep() == 1
    drained()
    assert found(live_backend) == set()


def test_two_workers_draining_at_once_never_leave_an_older_document_in_the_index(live_backend, world, monkeypatch):
    posting = published(world, "电焊工")
    drained()
    svc.posting_update(by=world.employer_member, posting=posting, data={"title": "钢筋工"})

    # Worker A reads the database (title 钢筋工) and is held just before its write reaches the
    # index. The wrapper only controls timing; the real backend still does the writing.
    real_write = live_backend.index_documents
    a_holds, a_go = threading.Event(), threading.Event()

    def held_write(kind, docs):
        if threading.current_thread().name == "worker-a":
            a_holds.set()
            assert a_go.wait(20)
        return real_write(kind, docs)

    monkeypatch.setattr(live_backend, "index_documents", held_write)

    def worker(drain) -> None:
        try:
            drain()
        finally:
            connection.close()

    a = threading.Thread(target=worker, args=(outbox_drain,), name="worker-a")
    a.start()
    assert a_holds.wait(20)
    # Meanwhile the employer edits again, and worker B takes the task that edit kicked.
    svc.posting_update(by=world.employer_member, posting=posting, data={"title": "叉车司机"})
    b = threading.Thread(target=worker, args=(outbox_drain_all,), name="worker-b")
    b.start()
    b.join(3)  # without serialised drains, B writes 叉车司机 now and A overwrites it below
    a_go.set()
    a.join(20)
    b.join(20)
    drained()

    assert found(live_backend, "叉车") == {posting.pk}
    assert found(live_backend, "钢筋工") == set()
    assert posting_doc(live_backend, posting)["title"] == "叉车司机"


def test_an_impossible_coordinate_left_in_an_old_row_never_stops_indexing(live_backend, world):
    """Rows written before coordinates were checked may hold anything; the engine refuses a
    latitude of 999, and that refusal once held every later change back (a closed post stayed up)."""
    odd, closing = published(world, "电焊工"), published(world, "搬运工")
    drained()
    JobPosting.objects.filter(pk=odd.pk).update(lat=999.0, lon=999.0, title="电焊工 氩弧焊")
    IndexOutbox.objects.create(kind="postings", object_id=odd.pk)
    svc.posting_close(by=world.employer_member, posting=closing)

    drained()

    assert found(live_backend, "氩弧焊") == {odd.pk}  # indexed, without a place it cannot have
    assert posting_doc(live_backend, odd)["location"] is None
    assert closing.pk not in found(live_backend)


def test_a_document_the_engine_refuses_is_set_aside_and_holds_back_nothing(world, tmp_path, settings, monkeypatch):
    """Whatever makes Elasticsearch refuse one document (here a location it cannot parse), the
    documents beside it and behind it are written, and the refused one waits, with its reason,
    until the record changes."""
    from matching import sync
    from matching.search import get_search_backend

    from .conftest import make_backend

    es = make_backend("elasticsearch", tmp_path)
    settings.SEARCH_BACKENDS = {"default": {"BACKEND": "matching.search.elasticsearch", **es.params}}
    get_search_backend.cache_clear()
    try:
        poisoned, fine = published(world, "电焊工"), published(world, "搬运工")
        build = sync.build_documents

        def one_bad(kind, ids, **kw):
            for doc in build(kind, ids, **kw):
                yield {**doc, "location": {"lat": 999.0, "lon": 999.0}} if doc["id"] == poisoned.pk else doc

        monkeypatch.setattr(sync, "build_documents", one_bad)
        result = outbox_drain_all()
        later = published(world, "保洁员")
        outbox_drain_all()

        assert result.refused == 1
        assert found(es) == {fine.pk, later.pk}
        assert outbox_pending() == 0
        (row,) = sync.outbox_refused()
        assert (row.kind, row.object_id) == ("postings", poisoned.pk) and "latitude" in row.last_error

        monkeypatch.setattr(sync, "build_documents", build)  # the record is fixed and saved again
        svc.posting_update(by=world.employer_member, posting=poisoned, data={"title": "电焊工（持证）"})
        outbox_drain_all()

        assert found(es) == {poisoned.pk, fine.pk, later.pk}
        assert sync.outbox_refused() == []
    finally:
        for kind in ("postings", "profiles"):
            es.drop(kind)
        get_search_backend.cache_clear()
