"""/api/households/: bureau staff list and register zero-employment households."""

from __future__ import annotations

import pytest

from marketplace.enums import Role
from tests.factories import SeekerFactory, StationStaffFactory, UserFactory
from tests.rest import error_of

pytestmark = pytest.mark.django_db


def test_bureau_staff_register_a_household_by_phones_and_list_the_uncleared(make_client):
    bureau = UserFactory(role=Role.BUREAU)
    SeekerFactory(phone="13700009999", profile__name="潘小明")
    client = make_client(bureau)
    body = {"head_name": "潘老三", "county": "榕江县", "member_phones": ["13700009999"], "next_action": "上门走访"}

    created = client.post("/api/households/", body, format="json")
    unknown = client.post("/api/households/", {**body, "member_phones": ["13700001234"]}, format="json")

    assert created.status_code == 201 and created.json()["members"] == ["潘小明"]
    assert unknown.status_code == 400 and "还没有求职者账号" in str(error_of(unknown))
    listed = client.get("/api/households/?cleared=false").json()
    assert [h["head_name"] for h in listed["results"]] == ["潘老三"]


def test_stations_cannot_read_the_household_register(make_client):
    assert make_client(StationStaffFactory()).get("/api/households/").status_code == 403
