"""An employer on the wage-arrears blacklist cannot publish, and its jobs vanish from public view."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from marketplace.employers import services as emp
from marketplace.employers.selectors import employer_list_blacklisted
from marketplace.enums import PostingStatus
from marketplace.postings import services as svc
from marketplace.postings.selectors import posting_is_public, posting_list_public
from tests.factories import JobPostingFactory

pytestmark = pytest.mark.django_db


def test_blacklisting_hides_published_jobs_at_once_and_lifting_brings_them_back(world):
    posting = JobPostingFactory(employer=world.employer)
    other = JobPostingFactory(employer=world.other_employer)

    entry = emp.employer_blacklist(by=world.bureau, employer=world.employer, reason="拖欠农民工工资12万元")

    assert not posting_is_public(posting)
    assert list(posting_list_public()) == [other]
    assert list(employer_list_blacklisted()) == [world.employer]

    emp.employer_blacklist_lift(by=world.bureau, entry=entry)
    assert posting_is_public(posting)


def test_a_blacklisted_employer_cannot_publish_or_resume(world):
    draft = JobPostingFactory(employer=world.employer, status=PostingStatus.DRAFT)
    paused = JobPostingFactory(employer=world.employer, status=PostingStatus.PAUSED)
    emp.employer_blacklist(by=world.bureau, employer=world.employer, reason="拖欠工资")

    with pytest.raises(ValidationError, match="黑名单"):
        svc.posting_submit(by=world.employer_member, posting=draft)
    with pytest.raises(ValidationError, match="黑名单"):
        svc.posting_resume(by=world.employer_member, posting=paused)


def test_an_entry_applies_only_between_its_dates(world):
    posting = JobPostingFactory(employer=world.employer)
    today = timezone.localdate()

    emp.employer_blacklist(
        by=world.bureau, employer=world.employer, reason="旧案", starts_on=today - datetime.timedelta(days=400),
        ends_on=today - datetime.timedelta(days=35),
    )  # fmt: skip
    assert posting_is_public(posting)

    emp.employer_blacklist(
        by=world.bureau, employer=world.employer, reason="新案", starts_on=today + datetime.timedelta(days=3)
    )
    assert posting_is_public(posting)


def test_blacklisting_needs_a_reason_and_sane_dates(world):
    with pytest.raises(ValidationError):
        emp.employer_blacklist(by=world.bureau, employer=world.employer, reason=" ")
    with pytest.raises(ValidationError):
        emp.employer_blacklist(
            by=world.bureau, employer=world.employer, reason="欠薪", starts_on=datetime.date(2026, 5, 1),
            ends_on=datetime.date(2026, 4, 1),
        )  # fmt: skip


def test_verification_by_bureau_with_a_reason_for_rejection(world):
    world.employer.verification = "pending"
    world.employer.save()

    with pytest.raises(ValidationError):
        emp.employer_verify(by=world.bureau, employer=world.employer, approve=False)
    emp.employer_verify(by=world.bureau, employer=world.employer, approve=False, note="营业执照照片不清晰")
    assert world.employer.verification == "rejected"
    assert world.employer.verification_note == "营业执照照片不清晰"

    emp.employer_verify(by=world.bureau, employer=world.employer, approve=True)
    assert world.employer.is_verified
