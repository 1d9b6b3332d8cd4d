"""One tap to apply; the employer moves it along; a hire is counted with the worker's groups."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from marketplace.applications import services as svc
from marketplace.employers.services import employer_blacklist
from marketplace.enums import ApplicationStatus, KeyGroup, PostingStatus
from marketplace.models import Application, EmploymentOutcome
from marketplace.profiles.services import group_tag_confirm, profile_declare_groups, profile_update
from tests.factories import JobPostingFactory, id_number

pytestmark = pytest.mark.django_db
A = ApplicationStatus


def test_applying_keeps_a_snapshot_without_id_or_phone_and_refuses_a_second_tap(world):
    posting = JobPostingFactory(employer=world.employer)
    number = id_number()
    intro = f"会开叉车，有事打{world.seeker.phone}，证件{number}"
    data = {"id_number": number, "sensitive_consent": True, "skills": ["叉车"], "intro": intro}
    profile_update(by=world.seeker, profile=world.seeker.profile, data=data)

    application = svc.application_submit(by=world.seeker, posting=posting)
    with pytest.raises(ValidationError) as excinfo:
        svc.application_submit(by=world.seeker, posting=posting)

    assert excinfo.value.code == "duplicate_application"
    assert Application.objects.filter(posting=posting).count() == 1
    assert application.snapshot["skills"] == ["叉车"]
    flat = str(application.snapshot)
    assert number not in flat and world.seeker.phone not in flat
    assert application.snapshot["intro"] == "会开叉车，有事打［号码已隐藏］，证件［号码已隐藏］"
    # Later edits to the profile do not rewrite what the employer received.
    profile_update(by=world.seeker, profile=world.seeker.profile, data={"skills": ["电焊"]})
    application.refresh_from_db()
    assert application.snapshot["skills"] == ["叉车"]


@pytest.mark.parametrize("status", [PostingStatus.DRAFT, PostingStatus.PAUSED, PostingStatus.CLOSED])
def test_a_posting_that_is_not_open_takes_no_applications(world, status):
    posting = JobPostingFactory(employer=world.employer, status=status)

    with pytest.raises(ValidationError, match="停止招聘"):
        svc.application_submit(by=world.seeker, posting=posting)


def test_a_blacklisted_employers_posting_takes_no_applications(world):
    posting = JobPostingFactory(employer=world.employer)
    employer_blacklist(by=world.bureau, employer=world.employer, reason="欠薪")

    with pytest.raises(ValidationError, match="停止招聘"):
        svc.application_submit(by=world.seeker, posting=posting)


def test_only_seekers_apply(world):
    posting = JobPostingFactory(employer=world.employer)

    with pytest.raises(PermissionDenied):
        svc.application_submit(by=world.employer_member, posting=posting)


def test_the_employer_takes_it_to_hired_and_the_outcome_counts_confirmed_groups_only(world):
    posting = JobPostingFactory(employer=world.employer, job_type="public_welfare")
    tags = profile_declare_groups(
        by=world.seeker, profile=world.seeker.profile, groups=[KeyGroup.POVERTY_RELIEVED, KeyGroup.OLDER_WORKER]
    )
    group_tag_confirm(by=world.bureau, tag=next(t for t in tags if t.group == KeyGroup.POVERTY_RELIEVED))
    application = svc.application_submit(by=world.seeker, posting=posting)

    svc.application_mark_viewed(by=world.employer_member, application=application)
    svc.application_mark_viewed(by=world.employer_member, application=application)  # opening again: no change
    for step in (A.INTERVIEW, A.OFFERED, A.HIRED):
        svc.application_advance(by=world.employer_member, application=application, to=step, note=f"{step}备注")

    application.refresh_from_db()
    assert [t.to_status for t in application.transitions.all()] == [
        A.SUBMITTED,
        A.VIEWED,
        A.INTERVIEW,
        A.OFFERED,
        A.HIRED,
    ]
    outcome = EmploymentOutcome.objects.get(application=application)
    assert outcome.key_groups == [KeyGroup.POVERTY_RELIEVED]
    assert (outcome.employer, outcome.county, outcome.job_type) == (world.employer, "凯里市", "public_welfare")
    assert "offered备注" in application.employer_note


def test_the_seeker_withdraws_and_nobody_else_can_for_them(world):
    application = svc.application_submit(by=world.seeker, posting=JobPostingFactory(employer=world.employer))

    with pytest.raises(PermissionDenied):
        svc.application_withdraw(by=world.employer_member, application=application)
    with pytest.raises(PermissionDenied):
        svc.application_withdraw(by=world.other_seeker, application=application)
    svc.application_withdraw(by=world.seeker, application=application)

    application.refresh_from_db()
    assert application.status == A.WITHDRAWN
    with pytest.raises(ValidationError, match="不能变为"):
        svc.application_advance(by=world.employer_member, application=application, to=A.INTERVIEW)


def test_another_employer_cannot_touch_the_application(world):
    application = svc.application_submit(by=world.seeker, posting=JobPostingFactory(employer=world.employer))

    with pytest.raises(PermissionDenied):
        svc.application_advance(by=world.other_employer_member, application=application, to=A.REJECTED)


ALLOWED = {
    A.SUBMITTED: {A.VIEWED, A.INTERVIEW, A.OFFERED, A.REJECTED, A.WITHDRAWN},
    A.VIEWED: {A.INTERVIEW, A.OFFERED, A.REJECTED, A.WITHDRAWN},
    A.INTERVIEW: {A.OFFERED, A.REJECTED, A.WITHDRAWN},
    A.OFFERED: {A.HIRED, A.REJECTED, A.WITHDRAWN},
    A.HIRED: set(),
    A.REJECTED: set(),
    A.WITHDRAWN: set(),
}


@pytest.mark.parametrize("start", list(A))
@pytest.mark.parametrize("target", list(A))
def test_every_application_transition_is_allowed_or_refused_as_documented(world, start, target):
    application = Application.objects.create(
        profile=world.seeker.profile, posting=JobPostingFactory(employer=world.employer), status=start
    )
    actor = world.seeker if target == A.WITHDRAWN else world.employer_member
    action = svc.application_withdraw if target == A.WITHDRAWN else svc.application_advance
    kwargs = {} if target == A.WITHDRAWN else {"to": target}

    if target in ALLOWED[start]:
        action(by=actor, application=application, **kwargs)
        application.refresh_from_db()
        assert application.status == target
    else:
        with pytest.raises(ValidationError):
            action(by=actor, application=application, **kwargs)
        application.refresh_from_db()
        assert application.status == start
