"""/api/trips/: a worker signs up on a phone; the station runs the trip from roll-call to arrival."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from tests.factories import SeekerFactory, StationStaffFactory, TripFactory
from tests.rest import error_of

pytestmark = pytest.mark.django_db


def seeker(name="吴小兰"):
    return SeekerFactory(profile__name=name, profile__current_county="凯里市")


def test_anyone_sees_open_trips_and_a_signed_in_worker_gets_a_seat_with_a_pass(anon, make_client):
    trip = TripFactory(seats=1)
    listed = anon.get("/api/trips/").json()
    assert [t["title"] for t in listed["results"]] == ["春节后凯里—宁波返岗专车"]
    assert listed["results"][0]["seats_left"] == 1
    assert anon.post(f"/api/trips/{trip.pk}/sign-up", {}, format="json").status_code == 401

    client = make_client(seeker())
    seat = client.post(f"/api/trips/{trip.pk}/sign-up", {"pickup_point": "凯里火车站广场"}, format="json")
    assert seat.status_code == 201
    assert (seat.json()["status_label"], bool(seat.json()["boarding_pass"])) == ("已确认座位", True)
    again = client.post(f"/api/trips/{trip.pk}/sign-up", {}, format="json")
    assert again.json()["id"] == seat.json()["id"]  # a double tap keeps the one seat

    late = make_client(seeker("龙二")).post(f"/api/trips/{trip.pk}/sign-up", {}, format="json").json()
    assert (late["status_label"], late["waitlist_position"], late["boarding_pass"]) == ("候补", 1, "")
    detail = client.get(f"/api/trips/{trip.pk}/").json()
    assert (detail["seats_left"], detail["waiting"], detail["my_seat"]["number"]) == (0, 1, 1)


def test_a_worker_cancels_their_own_seat_but_not_someone_elses(make_client):
    trip = TripFactory()
    owner = make_client(seeker())
    seat = owner.post(f"/api/trips/{trip.pk}/sign-up", {}, format="json").json()

    assert make_client(seeker("别人")).post(f"/api/trips/seats/{seat['id']}/cancel").status_code == 404
    cancelled = owner.post(f"/api/trips/seats/{seat['id']}/cancel")
    assert cancelled.status_code == 200 and cancelled.json()["status_label"] == "已取消"


def test_an_unknown_pickup_point_is_refused_in_chinese(make_client):
    trip = TripFactory()
    response = make_client(seeker()).post(f"/api/trips/{trip.pk}/sign-up", {"pickup_point": "火星"}, format="json")
    assert response.status_code == 400
    assert "上车点" in error_of(response)["fields"]["pickup_point"][0]


def test_station_staff_publish_a_trip_board_by_pass_and_arrive_with_riders_on_the_roster(make_client):
    staff = StationStaffFactory(station__name="驻宁波劳务协作站", station__city="宁波")
    client = make_client(staff)
    now = timezone.now()
    created = client.post("/api/trips/", {
        "title": "2027年春节后凯里—宁波返岗专车", "home_county": "凯里市", "seats": 2,
        "departs_at": (now + datetime.timedelta(days=5)).isoformat(),
        "signup_deadline": (now + datetime.timedelta(days=4)).isoformat(),
        "pickup_points": [{"place": "凯里火车站广场", "time": "07:30"}, {"place": "三棵树镇政府", "time": "08:10"}],
        "vehicles": [{"plate": "贵H·12345", "seats": 45}],
    }, format="json")  # fmt: skip
    assert created.status_code == 201, created.json()
    trip_id = created.json()["id"]

    rider = seeker("上车的")
    pass_token = make_client(rider).post(f"/api/trips/{trip_id}/sign-up", {}, format="json").json()["boarding_pass"]
    make_client(seeker("没来的")).post(f"/api/trips/{trip_id}/sign-up", {}, format="json")

    roll = client.get(f"/api/trips/{trip_id}/seats/").json()["results"]
    assert [(r["name"], r["phone"][:3], r["phone"][3:7]) for r in roll] == [
        ("上车的", "138", "****"),
        ("没来的", "138", "****"),
    ]
    boarded = client.post(f"/api/trips/{trip_id}/board", {"token": pass_token}, format="json")
    assert boarded.json()["status_label"] == "已上车"
    assert client.post(f"/api/trips/{trip_id}/depart").json()["status_label"] == "已发车"
    assert client.post(f"/api/trips/{trip_id}/arrive").json()["status_label"] == "已到达"

    roster = client.get(f"/api/stations/{staff.station.pk}/roster/").json()["results"]
    assert [(r["name"], r["route_label"]) for r in roster] == [("上车的", "返岗直通车")]


def test_other_stations_and_workers_cannot_run_a_trip(make_client):
    trip = TripFactory()
    for user in (StationStaffFactory(), seeker()):
        client = make_client(user)
        assert client.get(f"/api/trips/{trip.pk}/seats/").status_code in (403, 404)
        assert client.post(f"/api/trips/{trip.pk}/depart").status_code in (403, 404)
