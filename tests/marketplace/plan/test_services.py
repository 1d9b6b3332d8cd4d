"""Targets as data: set by bureau staff only, checked, and every change kept with its reason."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from marketplace.enums import Role
from marketplace.plan import services
from marketplace.plan.enums import Measure
from marketplace.plan.selectors import target_changes
from tests.factories import StationStaffFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def bureau():
    return UserFactory(role=Role.BUREAU, display_name="州人社局老杨")


def test_a_target_changed_mid_year_keeps_its_history_with_who_and_why(bureau):
    year = timezone.localdate().year
    services.target_set(by=bureau, year=year, measure=Measure.TRAINING, value="48000", note="2023年工作计划")
    services.target_set(by=bureau, year=year, measure=Measure.TRAINING, value="50000", reason="省厅下达追加任务")

    changes = list(target_changes(year))
    assert [(c.old_value, c.new_value, c.reason, c.by) for c in changes] == [
        (48000, 50000, "省厅下达追加任务", bureau),
        (None, 48000, "设定目标", bureau),
    ]


def test_changing_a_target_needs_a_reason(bureau):
    services.target_set(by=bureau, year=2026, measure=Measure.TRAINING, value="48000")
    with pytest.raises(ValidationError) as refused:
        services.target_set(by=bureau, year=2026, measure=Measure.TRAINING, value="1")
    assert "原因" in refused.value.message_dict["reason"][0]


@pytest.mark.parametrize(
    ("measure", "county", "value", "field"),
    [
        (Measure.TRAINING, "", "-5", "value"),
        (Measure.TRAINING, "", "四万八", "value"),
        (Measure.TRAINING, "", "NaN", "value"),
        (Measure.ORGANISED_SHARE, "", "170", "value"),
        (Measure.ORGANISED_SHARE, "火星市", "70", "county"),
        ("bogus", "", "1", "measure"),
    ],
)
def test_bad_targets_are_refused_in_chinese(bureau, measure, county, value, field):
    with pytest.raises(ValidationError) as refused:
        services.target_set(by=bureau, year=2026, measure=measure, county=county, value=value)
    assert field in refused.value.message_dict


def test_only_bureau_staff_set_targets():
    with pytest.raises(PermissionDenied):
        services.target_set(by=StationStaffFactory(), year=2026, measure=Measure.TRAINING, value="1")


def test_a_county_target_is_its_own_row_beside_the_prefectures(bureau):
    services.target_set(by=bureau, year=2026, measure=Measure.ORGANISED_SHARE, value="70")
    own = services.target_set(by=bureau, year=2026, measure=Measure.ORGANISED_SHARE, county="榕江县", value="75")
    assert (own.county, own.value) == ("榕江县", 75)
