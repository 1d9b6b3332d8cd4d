"""A job posting moves draft → pending → published → paused/closed/expired, and only so."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from marketplace.enums import IntegrityGrade, PostingStatus, VerificationStatus
from marketplace.occupations.services import occupations_load
from marketplace.postings import services as svc
from marketplace.postings.selectors import moderation_queue, posting_list_public
from marketplace.tasks import postings_expire
from tests.factories import JobPostingFactory

pytestmark = pytest.mark.django_db
S = PostingStatus

DATA = {"title": "电子厂普工", "county": "凯里市", "pay_min": 4200, "pay_max": 5500, "pay_unit": "month",
        "job_type": "full_time", "description": "长白班，包吃住。"}  # fmt: skip


def statuses(posting) -> list[str]:
    return [t.to_status for t in posting.transitions.all()]


def test_a_verified_employers_clean_posting_is_published_on_submit_and_logged(world):
    posting = svc.posting_create(by=world.employer_member, employer=world.employer, data=DATA)
    assert posting.status == S.DRAFT

    svc.posting_submit(by=world.employer_member, posting=posting)

    posting.refresh_from_db()
    assert posting.status == S.PUBLISHED
    assert posting.published_at is not None
    assert statuses(posting) == [S.DRAFT, S.PENDING, S.PUBLISHED]
    assert posting in posting_list_public()


@pytest.mark.parametrize(
    ("employer_change", "text"),
    [
        ({"verification": VerificationStatus.PENDING}, ""),
        ({"integrity_grade": IntegrityGrade.C}, ""),
        ({}, "入职需交押金200元"),
        ({}, "限男性，女士勿扰"),
        ({}, "要求未婚"),
        ({}, "不招河南人"),
        ({}, "入职体检查乙肝"),
    ],
)
def test_risky_postings_wait_in_the_moderation_queue_with_the_reason(world, employer_change, text):
    for field, value in employer_change.items():
        setattr(world.employer, field, value)
    world.employer.save()
    posting = svc.posting_create(
        by=world.employer_member, employer=world.employer, data={**DATA, "description": DATA["description"] + text}
    )

    svc.posting_submit(by=world.employer_member, posting=posting)

    posting.refresh_from_db()
    assert posting.status == S.PENDING
    assert posting in moderation_queue()
    assert posting not in posting_list_public()
    if text:
        assert posting.flags and posting.flags[0]["match"] in text


def test_moderator_approves_or_rejects_with_a_reason_the_employer_can_act_on(world):
    world.employer.verification = VerificationStatus.PENDING
    world.employer.save()
    first = svc.posting_create(by=world.employer_member, employer=world.employer, data=DATA)
    second = svc.posting_create(by=world.employer_member, employer=world.employer, data={**DATA, "title": "质检员"})
    svc.posting_submit(by=world.employer_member, posting=first)
    svc.posting_submit(by=world.employer_member, posting=second)

    svc.posting_approve(by=world.bureau, posting=first)
    with pytest.raises(ValidationError):
        svc.posting_reject(by=world.bureau, posting=second, reason="  ")
    svc.posting_reject(by=world.bureau, posting=second, reason="薪资写法不清楚")

    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == S.PUBLISHED
    assert second.status == S.REJECTED
    assert second.status_note == "薪资写法不清楚"
    # Fixed and sent again, it is back in review.
    svc.posting_submit(by=world.employer_member, posting=second)
    second.refresh_from_db()
    assert second.status == S.PENDING


def test_only_bureau_staff_moderate(world):
    posting = JobPostingFactory(employer=world.employer, status=S.PENDING)

    for user in (world.employer_member, world.station_staff, world.seeker):
        with pytest.raises(PermissionDenied):
            svc.posting_approve(by=user, posting=posting)


def test_pause_resume_close(world):
    posting = JobPostingFactory(employer=world.employer)

    svc.posting_pause(by=world.employer_member, posting=posting)
    assert posting not in posting_list_public()
    svc.posting_resume(by=world.employer_member, posting=posting)
    assert posting in posting_list_public()
    svc.posting_close(by=world.employer_member, posting=posting)
    posting.refresh_from_db()

    assert posting.status == S.CLOSED
    with pytest.raises(ValidationError, match="不能变为"):
        svc.posting_pause(by=world.employer_member, posting=posting)
    with pytest.raises(ValidationError, match="已结束"):
        svc.posting_update(by=world.employer_member, posting=posting, data={"title": "新标题"})


ALLOWED = {
    S.DRAFT: {S.PENDING},
    S.PENDING: {S.PUBLISHED, S.REJECTED, S.DRAFT},
    S.REJECTED: {S.PENDING, S.DRAFT},
    S.PUBLISHED: {S.PAUSED, S.CLOSED, S.EXPIRED, S.PENDING},
    S.PAUSED: {S.PUBLISHED, S.CLOSED, S.EXPIRED, S.PENDING},
    S.EXPIRED: {S.PENDING},
    S.CLOSED: set(),
}


def test_the_transition_table_is_the_documented_lifecycle():
    assert svc.TRANSITIONS == ALLOWED


@pytest.mark.parametrize("start", list(S))
@pytest.mark.parametrize("target", list(S))
def test_every_transition_is_allowed_or_refused_as_documented(world, start, target):
    posting = JobPostingFactory(employer=world.employer, status=start)

    if target in ALLOWED[start]:
        svc._move(posting, target, by=world.bureau)
        posting.refresh_from_db()
        assert posting.status == target
    else:
        with pytest.raises(ValidationError) as excinfo:
            svc._move(posting, target, by=world.bureau)
        assert excinfo.value.code == "posting_bad_transition"
        posting.refresh_from_db()
        assert posting.status == start


def test_a_station_posts_for_an_employer_of_its_city_but_not_for_others(world):
    posting = svc.posting_create(by=world.station_staff, employer=world.employer, data=DATA)

    assert posting.station == world.station
    with pytest.raises(PermissionDenied):
        svc.posting_create(by=world.station_staff, employer=world.other_employer, data=DATA)


def test_invalid_postings_are_refused_with_chinese_field_messages(world):
    bad = {**DATA, "pay_min": 6000, "pay_max": 5000, "age_min": 14, "valid_until": datetime.date(2000, 1, 1)}

    with pytest.raises(ValidationError) as excinfo:
        svc.posting_create(by=world.employer_member, employer=world.employer, data=bad)

    errors = excinfo.value.message_dict
    assert "最高薪资不能低于最低薪资" in errors["pay_max"][0]
    assert "16" in errors["age_min"][0]
    assert "有效期" in errors["valid_until"][0]


def test_the_occupation_is_suggested_from_the_title_when_not_chosen(world):
    occupations_load()

    posting = svc.posting_create(
        by=world.employer_member, employer=world.employer, data={**DATA, "title": "招烧电焊师傅", "description": ""}
    )

    assert posting.occupation.name == "电焊工"


def test_editing_a_published_posting_into_a_flagged_one_sends_it_back_to_review(world):
    posting = JobPostingFactory(employer=world.employer)

    svc.posting_update(by=world.employer_member, posting=posting, data={"description": "先交培训费500元"})

    posting.refresh_from_db()
    assert posting.status == S.PENDING
    assert posting.flags[0]["code"] == "fee"


def test_the_daily_task_expires_postings_past_their_validity_once(world):
    today = timezone.localdate()
    old = JobPostingFactory(employer=world.employer, valid_until=today - datetime.timedelta(days=1))
    paused_old = JobPostingFactory(
        employer=world.employer, status=S.PAUSED, valid_until=today - datetime.timedelta(days=3)
    )
    current = JobPostingFactory(employer=world.employer, valid_until=today)

    assert postings_expire.apply().get() == 2
    assert postings_expire.apply().get() == 0

    for posting, status in ((old, S.EXPIRED), (paused_old, S.EXPIRED), (current, S.PUBLISHED)):
        posting.refresh_from_db()
        assert posting.status == status


def test_an_expired_posting_is_renewed_through_review(world):
    posting = JobPostingFactory(employer=world.employer, status=S.EXPIRED)

    svc.posting_renew(
        by=world.employer_member, posting=posting, valid_until=timezone.localdate() + datetime.timedelta(days=30)
    )

    posting.refresh_from_db()
    assert posting.status == S.PUBLISHED  # verified employer, nothing flagged
    assert posting.valid_until > timezone.localdate()
