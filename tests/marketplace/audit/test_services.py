"""The personal-data audit log: staff views of full numbers, exports and changes, kept and searchable."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from marketplace.audit.selectors import audit_search
from marketplace.enums import Role
from marketplace.models import PersonalDataAccess
from marketplace.permissions import personal_numbers
from marketplace.retention import retention_sweep
from tests.factories import EmployerMemberFactory, SeekerFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_bureau_staff_reading_a_full_phone_is_logged_and_the_person_themself_is_not():
    bureau, seeker = UserFactory(role=Role.BUREAU, display_name="州人社局老杨"), SeekerFactory()

    assert personal_numbers(bureau, seeker.profile).full
    assert personal_numbers(seeker, seeker.profile).full
    assert not personal_numbers(EmployerMemberFactory(), seeker.profile).full  # masked: nothing to log

    logged = PersonalDataAccess.objects.get()
    assert (logged.actor, logged.action, logged.record, logged.record_id) == (bureau, "view", "profile",
                                                                            str(seeker.profile.pk))  # fmt: skip
    assert "州人社局老杨" in logged.actor_label


def test_the_log_is_searched_by_who_and_what_and_kept_past_six_months():
    bureau, seeker = UserFactory(role=Role.BUREAU, display_name="州人社局老杨"), SeekerFactory()
    personal_numbers(bureau, seeker.profile)
    personal_numbers(UserFactory(role=Role.BUREAU, display_name="小王"), seeker.profile)
    personal_numbers(UserFactory(role=Role.BUREAU, display_name="老张"), seeker.profile)
    ago = {"小王": 200, "老张": 1200}
    for name, days in ago.items():
        PersonalDataAccess.objects.filter(actor_label__startswith=name).update(
            at=timezone.now() - datetime.timedelta(days=days)
        )

    assert [e.actor for e in audit_search(who="老杨")] == [bureau]
    assert audit_search(record="profile", record_id=str(seeker.profile.pk)).count() == 3

    assert retention_sweep()["audit_log"] == 1  # three years by default: only the 1,200-day-old row goes
    assert sorted(e.actor_label.split()[0] for e in PersonalDataAccess.objects.all()) == ["小王", "州人社局老杨"]
