"""The personal-data audit log: staff views of full numbers, exports and changes, kept and searchable."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from marketplace.audit.selectors import audit_search
from marketplace.enums import Role
from marketplace.models import PersonalDataAccess
from marketplace.permissions import personal_numbers
from marketplace.profiles.services import group_tag_confirm, profile_update, profile_verify_identity
from marketplace.retention import retention_sweep
from tests.factories import EmployerMemberFactory, SeekerFactory, UserFactory, id_number

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


def test_staff_verifying_an_identity_or_confirming_a_group_is_a_logged_change():
    bureau = UserFactory(role=Role.BUREAU)
    profile = SeekerFactory().profile
    profile_update(by=profile.user, profile=profile, data={"name": "龙秀英"})
    profile.id_number = id_number()
    profile.save()
    tag = profile.group_tags.create(group="poverty_relieved")
    assert not PersonalDataAccess.objects.exists()  # the person's own edits are not staff access

    profile_verify_identity(by=bureau, profile=profile)
    group_tag_confirm(by=bureau, tag=tag)

    logged = list(PersonalDataAccess.objects.order_by("pk").values_list("actor", "action", "record_id", "why"))
    assert [row[:3] for row in logged] == [(bureau.pk, "change", str(profile.pk))] * 2
    assert "实名核验" in logged[0][3] and "脱贫" in logged[1][3]


def test_staff_filling_in_a_profile_for_the_person_is_logged_with_the_fields_changed():
    bureau = UserFactory(role=Role.BUREAU)
    profile = SeekerFactory().profile

    profile_update(by=bureau, profile=profile, data={"name": "龙秀英"})

    logged = PersonalDataAccess.objects.get()
    assert (logged.actor, logged.action, logged.record) == (bureau, "change", "profile") and "姓名" in logged.why
