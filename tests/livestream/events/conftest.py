"""People and events the event tests share; people come from the page tests' helpers."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from livestream.models import RecruitmentEvent
from marketplace.enums import Role
from tests.frontend.conftest import (  # noqa: F401 - fixtures re-exported for this folder
    bureau_user,
    employer,
    employer_user,
    make_employer,
    make_posting,
    make_user,
    posting,
    seeker,
    station,
    station_user,
)


def make_event(**extra) -> RecruitmentEvent:
    start = extra.pop("starts_at", timezone.now() + datetime.timedelta(days=2))
    defaults = {
        "kind": "weekly",
        "title": "凯里市周周招聘",
        "venue_name": "凯里市人力资源市场",
        "address": "凯里市宁波路",
        "county": "凯里市",
        "capacity": 100,
        "starts_at": start,
        "ends_at": start + datetime.timedelta(hours=3),
    }
    return RecruitmentEvent.objects.create(**{**defaults, **extra})


@pytest.fixture
def event() -> RecruitmentEvent:
    return make_event()


@pytest.fixture
def other_seeker():
    return make_user(Role.SEEKER, display_name="吴同学")
