"""The profile wizard saves part by part; the ID number fills in what it states."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from marketplace.models import Occupation
from marketplace.occupations.services import occupations_load
from marketplace.profiles.services import profile_completeness, profile_update
from tests.factories import id_number

pytestmark = pytest.mark.django_db


def test_an_id_number_gives_birth_year_and_sex(world):
    profile = profile_update(
        by=world.seeker,
        profile=world.seeker.profile,
        data={"id_number": id_number(birth="19680315"), "sensitive_consent": True},
    )

    assert profile.birth_year == 1968
    assert profile.gender in ("male", "female")
    assert profile.masked_id_number.startswith("5226") and "*" in profile.masked_id_number


def test_one_person_one_profile(world):
    number = id_number()
    profile_update(by=world.seeker, profile=world.seeker.profile, data={"id_number": number, "sensitive_consent": True})

    with pytest.raises(ValidationError) as excinfo:
        profile_update(
            by=world.other_seeker,
            profile=world.other_seeker.profile,
            data={"id_number": number, "sensitive_consent": True},
        )
    assert "已被其他账号使用" in excinfo.value.message_dict["id_number"][0]


def test_a_step_saves_only_its_fields_and_a_bad_value_changes_nothing(world):
    profile = world.seeker.profile
    profile_update(by=world.seeker, profile=profile, data={"current_county": "黄平县", "skills": ["插秧", "砌砖"]})

    with pytest.raises(ValidationError) as excinfo:
        profile_update(by=world.seeker, profile=profile, data={"current_county": "凯里市", "birth_year": 2020})

    profile.refresh_from_db()
    assert profile.current_county == "黄平县"
    assert profile.skills == ["插秧", "砌砖"]
    assert "16" in excinfo.value.message_dict["birth_year"][0]


def test_nobody_edits_someone_elses_profile(world):
    with pytest.raises(PermissionDenied):
        profile_update(by=world.other_seeker, profile=world.seeker.profile, data={"name": "冒名"})
    with pytest.raises(PermissionDenied):
        profile_update(by=world.employer_member, profile=world.seeker.profile, data={"name": "冒名"})


def test_completeness_rises_as_the_profile_fills_and_says_what_is_missing(world):
    occupations_load()
    profile = world.seeker.profile
    before = profile_completeness(profile)

    profile_update(
        by=world.seeker, profile=profile,
        data={"wanted_occupations": [Occupation.objects.get(name="电焊工").pk], "current_county": "凯里市"},
    )  # fmt: skip
    after = profile_completeness(profile)

    assert after.score == before.score + 25
    assert "选择想做的工种，推荐更准" in before.missing
    assert "选择想做的工种，推荐更准" not in after.missing


def test_an_id_number_is_refused_until_the_person_agrees_to_its_use_and_the_agreement_is_dated(world):
    profile = world.seeker.profile

    with pytest.raises(ValidationError) as refused:
        profile_update(by=world.seeker, profile=profile, data={"id_number": id_number()})
    assert "请先勾选同意" in refused.value.message_dict["id_number"][0]
    profile.refresh_from_db()
    assert profile.id_number == "" and profile.sensitive_consent_at is None

    profile_update(by=world.seeker, profile=profile, data={"id_number": id_number(), "sensitive_consent": True})
    profile.refresh_from_db()
    assert profile.id_number and profile.sensitive_consent_at is not None


def test_withdrawing_the_agreement_erases_the_id_number(world):
    profile = world.seeker.profile
    profile_update(by=world.seeker, profile=profile, data={"id_number": id_number(), "sensitive_consent": True})

    profile_update(by=world.seeker, profile=profile, data={"sensitive_consent": False})

    profile.refresh_from_db()
    assert (profile.id_number, profile.id_number_digest, profile.sensitive_consent_at) == ("", None, None)


def test_choosing_to_be_found_by_employers_is_recorded_and_so_is_taking_it_back(world):
    profile = world.seeker.profile

    profile_update(by=world.seeker, profile=profile, data={"visibility": "open"})
    profile.refresh_from_db()
    opened_at = profile.findable_consent_at
    profile_update(by=world.seeker, profile=profile, data={"visibility": "open", "intro": "会开叉车"})
    profile.refresh_from_db()
    assert opened_at is not None and profile.findable_consent_at == opened_at  # dated when given, not re-dated

    profile_update(by=world.seeker, profile=profile, data={"visibility": "applications_only"})
    profile.refresh_from_db()
    assert profile.findable_consent_at is None
