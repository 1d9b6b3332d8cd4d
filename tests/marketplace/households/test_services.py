"""零就业家庭: registered by staff, refused when someone already works, cleared by a member's hire."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from marketplace.applications.services import application_advance, application_submit
from marketplace.enums import ApplicationStatus, Role
from marketplace.households import services
from marketplace.models import Household, Notification
from tests.factories import (
    EmployerMemberFactory,
    EmploymentOutcomeFactory,
    JobPostingFactory,
    RosterEntryFactory,
    SeekerFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def bureau():
    return UserFactory(role=Role.BUREAU, display_name="州人社局老杨")


def register(bureau, *members):
    return services.household_register(by=bureau, head_name="潘老三", county="榕江县", members=list(members),
                                       township="古州镇", next_action="推荐公益性岗位")  # fmt: skip


def hire(seeker) -> None:
    member = EmployerMemberFactory()
    posting = JobPostingFactory(employer=member.employer, county="榕江县")
    application = application_submit(by=seeker, posting=posting)
    for step in (ApplicationStatus.OFFERED, ApplicationStatus.HIRED):
        application = application_advance(by=member, application=application, to=step)


def test_a_members_hire_clears_the_household_and_tells_its_owner(bureau):
    son, daughter = SeekerFactory(profile__name="潘小明"), SeekerFactory(profile__name="潘小燕")
    household = register(bureau, son.profile, daughter.profile)

    hire(daughter)

    household.refresh_from_db()
    assert household.cleared and household.cleared_by == daughter.profile
    assert Notification.objects.filter(user=bureau, kind="household_cleared").count() == 1


def test_a_member_going_to_work_away_through_a_station_clears_it_too(bureau):
    worker = SeekerFactory(profile__name="潘小明")
    household = register(bureau, worker.profile)
    RosterEntryFactory(profile=worker.profile, name="潘小明")
    assert Household.objects.get(pk=household.pk).cleared


def test_a_household_where_someone_works_is_not_a_zero_employment_household(bureau):
    working = SeekerFactory(profile__name="潘小燕")
    EmploymentOutcomeFactory(application__profile=working.profile, profile=working.profile)
    with pytest.raises(ValidationError) as refused:
        register(bureau, SeekerFactory().profile, working.profile)
    assert "潘小燕已就业" in refused.value.message_dict["members"][0]


def test_a_person_belongs_to_one_household(bureau):
    member = SeekerFactory(profile__name="潘小明")
    register(bureau, member.profile)
    with pytest.raises(ValidationError):
        register(bureau, member.profile)


def test_employers_cannot_register_households():
    with pytest.raises(PermissionDenied):
        register(EmployerMemberFactory(), SeekerFactory().profile)
