"""今天可接活 and notices over the API."""

from __future__ import annotations

import pytest
from django.utils import timezone

from livestream.gigs.models import WorkerAvailability
from marketplace.enums import Role
from marketplace.models import OccupationFamily
from marketplace.notifications.services import notify
from tests.factories import SeekerFactory, UserFactory
from tests.rest import error_of

pytestmark = pytest.mark.django_db


def test_a_worker_marks_availability_reads_it_and_clears_it(make_client):
    worker = SeekerFactory()
    OccupationFamily.objects.create(code="T9", name="家政服务")
    api = make_client(worker)

    put = api.put("/api/me/availability", {"county": "凯里市", "town": "舟溪镇", "lat": 26.49, "lon": 108.04,
                                           "families": ["T9"]}, format="json")  # fmt: skip
    assert put.status_code == 200, put.json()
    body = put.json()
    assert (body["day"], body["county"], body["families"], body["family_names"]) == (
        timezone.localdate().isoformat(),
        "凯里市",
        ["T9"],
        ["家政服务"],
    )
    assert [row["town"] for row in api.get("/api/me/availability").json()] == ["舟溪镇"]

    assert api.delete("/api/me/availability").status_code == 204
    assert api.get("/api/me/availability").json() == []


def test_bad_availability_bodies_get_chinese_field_errors_and_change_nothing(make_client):
    api = make_client(SeekerFactory())
    answer = api.put("/api/me/availability", {"county": "凯里市", "families": ["不存在"], "lat": 91}, format="json")
    assert answer.status_code == 400
    error = error_of(answer)
    assert set(error["fields"]) >= {"families"}
    assert not WorkerAvailability.objects.exists()

    half = api.put("/api/me/availability", {"county": "凯里市", "lat": 26.5}, format="json")
    assert error_of(half)["fields"]["lat"] == ["请同时提供纬度和经度。"]
    assert error_of(api.delete("/api/me/availability?day=明天"))["fields"]["day"] == ["日期格式应为 YYYY-MM-DD。"]


def test_an_employer_cannot_mark_availability(make_client):
    answer = make_client(UserFactory(role=Role.EMPLOYER)).put(
        "/api/me/availability", {"county": "凯里市"}, format="json"
    )
    assert answer.status_code == 403


def test_notices_are_listed_newest_first_with_the_unread_count_and_can_be_read(make_client):
    worker = SeekerFactory()
    first = notify(user=worker, kind="test", title="第一条", body="一")
    notify(user=worker, kind="test", title="第二条", body="二")
    api = make_client(worker)
    listing = api.get("/api/me/notifications").json()
    assert [n["title"] for n in listing["results"]] == ["第二条", "第一条"] and listing["unread"] == 2

    read = api.post("/api/me/notifications/read", {"ids": [first.pk]}, format="json").json()
    assert read == {"changed": 1, "unread": 1}
    bad = api.post("/api/me/notifications/read", {"ids": "all"}, format="json")
    assert bad.status_code == 400 and "ids" in error_of(bad)["fields"]
    assert make_client().get("/api/me/notifications").status_code in (401, 403)
