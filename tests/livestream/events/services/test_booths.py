"""Booths need staff approval (never the employer's own); outcomes count what happened per event and employer."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from livestream.events.enums import BoothStatus
from livestream.events.selectors import booths_approved, event_recommended, outcomes_by_employer, outcomes_by_event
from livestream.events.services.booths import booth_decide, booth_register, event_apply
from livestream.models import Booth, EventApplication
from marketplace.enums import PostingStatus
from marketplace.models import Application
from tests.factories import EmployerMemberFactory, JobPostingFactory, RecruitmentEventFactory

pytestmark = pytest.mark.django_db


def test_an_employer_registers_a_booth_with_its_published_jobs_and_staff_approve_it(
    employer_user, employer, posting, bureau_user, event
):
    booth = booth_register(by=employer_user, event=event, postings=[posting])
    assert booth.status == BoothStatus.PENDING and booths_approved(event) == []

    with pytest.raises(PermissionDenied):
        booth_decide(by=employer_user, booth=booth, approve=True)
    booth_decide(by=bureau_user, booth=booth, approve=True)

    [shown] = booths_approved(event)
    assert shown.employer == employer and [j.title for j in shown.jobs] == ["食品包装工"]
    assert booths_approved(event, q="电焊") == [] and booths_approved(event, q="包装")


def test_booth_refusals_leave_nothing_behind(employer_user, employer, bureau_user, event):
    other_job = JobPostingFactory(title="别家的岗位")
    draft = JobPostingFactory(employer=employer, title="草稿岗位", status=PostingStatus.DRAFT)
    for postings, word in (([], "至少选择"), ([other_job], "只能选择本单位"), ([draft], "不在招聘中")):
        with pytest.raises(ValidationError) as caught:
            booth_register(by=employer_user, event=event, postings=postings)
        assert word in caught.value.message_dict["postings"][0]
    unverified = EmployerMemberFactory(employer__verification="pending")
    with pytest.raises(ValidationError, match="认证"):
        booth_register(by=unverified, event=event, postings=[JobPostingFactory(employer=unverified.employer)])
    cancelled = RecruitmentEventFactory(status="cancelled")
    with pytest.raises(ValidationError, match="已取消"):
        booth_register(by=employer_user, event=cancelled, postings=[JobPostingFactory(employer=employer)])
    assert not Booth.objects.exists()
    booth = booth_register(by=employer_user, event=event, postings=[JobPostingFactory(employer=employer)])
    with pytest.raises(ValidationError) as caught:
        booth_decide(by=bureau_user, booth=booth, approve=False, note="")
    assert "原因" in caught.value.message_dict["note"][0]
    assert Booth.objects.get().status == BoothStatus.PENDING


def test_a_station_decides_booths_of_its_own_events_only(employer_user, posting, station, station_user):
    theirs, ours = RecruitmentEventFactory(), RecruitmentEventFactory(station=station)
    for event in (theirs, ours):
        booth_register(by=employer_user, event=event, postings=[posting])
    with pytest.raises(PermissionDenied):
        booth_decide(by=station_user, booth=Booth.objects.get(event=theirs), approve=True)
    assert booth_decide(by=station_user, booth=Booth.objects.get(event=ours), approve=True).status == "approved"


def test_applying_from_the_event_needs_a_job_at_an_approved_booth(seeker, employer_user, posting, bureau_user, event):
    with pytest.raises(ValidationError, match="不在本场招聘会"):
        event_apply(by=seeker, event=event, posting=posting)
    booth = booth_register(by=employer_user, event=event, postings=[posting])
    booth_decide(by=bureau_user, booth=booth, approve=True)
    application = event_apply(by=seeker, event=event, posting=posting)
    assert application.source == "event" and EventApplication.objects.get().event == event


def test_recommended_among_the_events_jobs_puts_the_seekers_trade_first(
    seeker, employer_user, employer, bureau_user, occupations
):
    event = RecruitmentEventFactory()
    packer = JobPostingFactory(employer=employer, title="食品包装工", occupation=occupations["电子厂普工"])
    welder = JobPostingFactory(
        employer=employer, title="电焊工", description="招熟练电焊工", occupation=occupations["电焊工"]
    )
    booth_decide(by=bureau_user, booth=booth_register(by=employer_user, event=event, postings=[packer, welder]),
                 approve=True)  # fmt: skip
    seeker.profile.wanted_occupations.add(occupations["电焊工"])

    picks = event_recommended(event, seeker.profile)

    assert [p.posting for p in picks] == [welder, packer]
    assert any("电焊工" in reason for reason in picks[0].reasons)


def test_outcomes_per_event_and_per_employer_match_what_happened(fair):
    [row] = outcomes_by_event([fair["event"]])
    assert (row.sign_ups, row.check_ins, row.applications, row.interviews, row.hires, row.key_group_hires) == (
        3, 2, 3, 3, 2, 1,
    )  # fmt: skip
    assert dict(row.groups) == {"graduate": 1}
    by_employer = {r.label: r for r in outcomes_by_employer([fair["event"]])}
    a, b = by_employer[fair["employer"].name], by_employer[fair["other"].name]
    assert (a.applications, a.interviews, a.hires, a.key_group_hires) == (2, 2, 1, 1)
    assert (b.applications, b.interviews, b.hires, b.key_group_hires) == (1, 1, 1, 0)
    assert a.sign_ups is None  # sign-ups belong to the event, not to a booth
    assert Application.objects.count() == 4
