"""People and events the event tests share; people come from the page tests' helpers."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from livestream.events.services.booths import booth_decide, booth_register, event_apply
from livestream.events.services.tickets import event_sign_up, ticket_check_in
from livestream.models import RecruitmentEvent
from marketplace.applications.services import application_advance, application_submit
from marketplace.enums import KeyGroup
from marketplace.models import GroupTag
from tests.factories import EmployerMemberFactory, JobPostingFactory, RecruitmentEventFactory, SeekerFactory
from tests.frontend.conftest import (  # noqa: F401 - fixtures re-exported for this folder
    bureau_user,
    employer,
    employer_user,
    occupations,
    posting,
    seeker,
    station,
    station_user,
)


@pytest.fixture
def event() -> RecruitmentEvent:
    return RecruitmentEventFactory()


@pytest.fixture
def other_seeker():
    return SeekerFactory(display_name="吴同学")


@pytest.fixture
def fair(employer_user, employer, bureau_user):  # noqa: F811 - the fixtures imported above
    """A fair that happened: two employers, three sign-ups (two checked in), three applications from it."""
    start = timezone.now() - datetime.timedelta(hours=1)
    event = RecruitmentEventFactory(title="高校毕业生专场", kind="special", target_groups=["graduate"],
                                    starts_at=start, ends_at=start + datetime.timedelta(hours=4))  # fmt: skip
    other_user = EmployerMemberFactory(employer__name="黔东南州某建设公司")
    job_a = JobPostingFactory(employer=employer, title="食品包装工")
    job_b = JobPostingFactory(employer=other_user.employer, title="施工员")
    for user, job in ((employer_user, job_a), (other_user, job_b)):
        booth_decide(by=bureau_user, booth=booth_register(by=user, event=event, postings=[job]), approve=True)
    seekers = [SeekerFactory(display_name=f"求职者{i}") for i in range(3)]
    GroupTag.objects.create(profile=seekers[0].profile, group=KeyGroup.GRADUATE, confirmed_at=timezone.now())
    tickets = [event_sign_up(by=s, event=event, now=start - datetime.timedelta(days=1)) for s in seekers]
    for ticket in tickets[:2]:
        ticket_check_in(by=bureau_user, event=event, code=ticket.ticket_code)
    a0 = event_apply(by=seekers[0], event=event, posting=job_a)
    a1 = event_apply(by=seekers[1], event=event, posting=job_a)
    a2 = event_apply(by=seekers[2], event=event, posting=job_b)
    for step in ("interview", "offered", "hired"):
        application_advance(by=employer_user, application=a0, to=step)
    for step in ("interview", "rejected"):
        application_advance(by=employer_user, application=a1, to=step)
    for step in ("offered", "hired"):  # no interview step recorded: still counted as interviewed
        application_advance(by=other_user, application=a2, to=step)
    # Applied on the website, not at the fair: not the fair's.
    application_submit(by=seekers[1], posting=JobPostingFactory(employer=employer, title="仓管员"))
    return {"event": event, "employer": employer, "other": other_user.employer}
