"""The posting lifecycle through the API: submit, review, pause, resume, close, renew; managers' lists."""

from __future__ import annotations

import pytest
from django.utils import timezone

from marketplace.enums import IntegrityGrade, PostingStatus, Role, VerificationStatus
from marketplace.models import BlacklistEntry
from tests.factories import EmployerFactory, JobPostingFactory, UserFactory
from tests.rest import error_of

pytestmark = pytest.mark.django_db


def test_verified_employer_submits_and_the_posting_is_published_at_once(make_client, employer_user, employer):
    draft = JobPostingFactory(employer=employer, status=PostingStatus.DRAFT)

    response = make_client(employer_user).post(f"/api/postings/{draft.pk}/submit")

    assert response.status_code == 200
    assert response.json()["status"] == "published"
    assert response.json()["published_at"]


def test_unverified_employer_submits_and_waits_for_review(make_client):
    employer = EmployerFactory(verification=VerificationStatus.PENDING)
    member = UserFactory(role=Role.EMPLOYER, employer=employer)
    draft = JobPostingFactory(employer=employer, status=PostingStatus.DRAFT)

    response = make_client(member).post(f"/api/postings/{draft.pk}/submit")

    assert response.json()["status"] == "pending"


def test_blacklisted_employer_cannot_submit(make_client, employer_user, employer):
    draft = JobPostingFactory(employer=employer, status=PostingStatus.DRAFT)
    BlacklistEntry.objects.create(employer=employer, reason="拖欠工资", starts_on=timezone.localdate())

    response = make_client(employer_user).post(f"/api/postings/{draft.pk}/submit")

    assert response.status_code == 409
    assert error_of(response)["code"] == "employer_blacklisted"


def test_bureau_sees_the_moderation_queue_with_flags_first(make_client, bureau_user, employer):
    plain = JobPostingFactory(employer=employer, status=PostingStatus.PENDING)
    flagged = JobPostingFactory(
        employer=EmployerFactory(integrity_grade=IntegrityGrade.C),
        status=PostingStatus.PENDING,
        flags=[{"code": "fee", "label": "向求职者收费", "match": "押金"}],
    )
    JobPostingFactory(employer=employer, status=PostingStatus.DRAFT)

    response = make_client(bureau_user).get("/api/moderation/postings/")

    assert response.status_code == 200
    results = response.json()["results"]
    assert [item["id"] for item in results] == [flagged.pk, plain.pk]
    assert results[0]["flags"] == [{"code": "fee", "label": "向求职者收费", "match": "押金"}]


def test_moderation_queue_is_for_the_bureau_only(make_client, employer_user, anon):
    assert make_client(employer_user).get("/api/moderation/postings/").status_code == 403
    assert anon.get("/api/moderation/postings/").status_code == 401


def test_bureau_approves_a_pending_posting(make_client, bureau_user, employer):
    pending = JobPostingFactory(employer=employer, status=PostingStatus.PENDING)

    response = make_client(bureau_user).post(f"/api/postings/{pending.pk}/approve", {"note": "可以"}, format="json")

    assert response.status_code == 200
    assert response.json()["status"] == "published"


def test_bureau_rejects_with_a_reason(make_client, bureau_user, employer):
    pending = JobPostingFactory(employer=employer, status=PostingStatus.PENDING)

    response = make_client(bureau_user).post(
        f"/api/postings/{pending.pk}/reject", {"reason": "请删除性别限制"}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["status"] == "rejected"
    assert response.json()["status_note"] == "请删除性别限制"


def test_rejecting_without_a_reason_is_400_on_reason(make_client, bureau_user, employer):
    pending = JobPostingFactory(employer=employer, status=PostingStatus.PENDING)

    response = make_client(bureau_user).post(f"/api/postings/{pending.pk}/reject", {}, format="json")

    assert response.status_code == 400
    assert error_of(response)["fields"] == {"reason": ["请填写不通过的原因，方便单位修改。"]}


def test_employer_cannot_approve_its_own_posting(make_client, employer_user, employer):
    pending = JobPostingFactory(employer=employer, status=PostingStatus.PENDING)

    response = make_client(employer_user).post(f"/api/postings/{pending.pk}/approve")

    assert response.status_code == 403


def test_employer_pauses_resumes_and_closes(make_client, employer_user, posting):
    client = make_client(employer_user)

    assert client.post(f"/api/postings/{posting.pk}/pause").json()["status"] == "paused"
    assert client.post(f"/api/postings/{posting.pk}/resume").json()["status"] == "published"
    closed = client.post(f"/api/postings/{posting.pk}/close", {"note": "招满了"}, format="json")
    assert closed.json()["status"] == "closed"


def test_closed_posting_cannot_be_edited(make_client, employer_user, employer):
    closed = JobPostingFactory(employer=employer, status=PostingStatus.CLOSED)

    response = make_client(employer_user).patch(f"/api/postings/{closed.pk}/", {"headcount": 2}, format="json")

    assert response.status_code == 409
    assert error_of(response)["code"] == "posting_closed"


def test_expired_posting_is_renewed_and_goes_through_review_again(make_client, employer_user, employer, tomorrow):
    expired = JobPostingFactory(employer=employer, status=PostingStatus.EXPIRED)

    response = make_client(employer_user).post(
        f"/api/postings/{expired.pk}/renew", {"valid_until": tomorrow.isoformat()}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["status"] == "published"  # verified employer: auto-approved
    assert response.json()["valid_until"] == tomorrow.isoformat()


def test_renew_needs_a_date(make_client, employer_user, employer):
    expired = JobPostingFactory(employer=employer, status=PostingStatus.EXPIRED)

    response = make_client(employer_user).post(f"/api/postings/{expired.pk}/renew", {}, format="json")

    assert response.status_code == 400
    assert error_of(response)["fields"] == {"valid_until": ["该字段是必填项。"]}


def test_seeker_cannot_pause_a_public_posting(make_client, seeker, posting):
    assert make_client(seeker).post(f"/api/postings/{posting.pk}/pause").status_code == 403


def test_actions_on_a_strangers_draft_are_404(make_client, seeker, employer):
    draft = JobPostingFactory(employer=employer, status=PostingStatus.DRAFT)

    assert make_client(seeker).post(f"/api/postings/{draft.pk}/submit").status_code == 404


def test_mine_lists_every_status_of_the_employers_own_postings(make_client, employer_user, employer):
    own = [JobPostingFactory(employer=employer, status=s) for s in (PostingStatus.DRAFT, PostingStatus.PUBLISHED)]
    JobPostingFactory()

    response = make_client(employer_user).get("/api/postings/mine/")

    assert response.status_code == 200
    assert sorted(item["id"] for item in response.json()["results"]) == sorted(p.pk for p in own)


def test_mine_is_not_for_seekers(make_client, seeker):
    assert make_client(seeker).get("/api/postings/mine/").status_code == 403
