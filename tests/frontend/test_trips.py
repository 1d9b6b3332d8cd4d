"""返岗直通车 pages: a worker signs up and shows a pass; the escort boards, departs and arrives."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from marketplace.models import Trip, WorkerProfile
from marketplace.trips import services
from tests.factories import EmployerFactory, JobPostingFactory, SeekerFactory, TripFactory

pytestmark = pytest.mark.django_db


def seeker(name="吴小兰"):
    return SeekerFactory(profile__name=name, profile__current_county="凯里市")


def test_a_worker_finds_a_trip_signs_up_and_gets_a_boarding_pass(client):
    trip = TripFactory()
    assert "春节后凯里—宁波返岗专车" in client.get("/trips/").content.decode()
    anonymous = client.post(f"/trips/{trip.pk}/", {"pickup_point": "凯里火车站广场"})
    assert anonymous.status_code == 302 and anonymous["Location"].startswith("/login/")

    client.force_login(seeker())
    page = client.post(f"/trips/{trip.pk}/", {"pickup_point": "凯里火车站广场"}, follow=True).content.decode()
    assert "已确认座位" in page and "出示乘车码" in page

    seat = trip.seat_list.get()
    pass_page = client.get(f"/trips/seats/{seat.pk}/pass/").content.decode()
    assert services.boarding_token(seat) in pass_page and 'alt="乘车码' in pass_page
    png = client.get(f"/trips/seats/{seat.pk}/pass.png")
    assert png["Content-Type"] == "image/png" and png.content.startswith(b"\x89PNG")

    client.force_login(seeker("别人"))
    assert client.get(f"/trips/seats/{seat.pk}/pass/").status_code == 404


def test_a_full_trip_offers_the_wait_list_and_says_the_place_in_line(client):
    trip = TripFactory(seats=1)
    services.seat_sign_up(by=seeker("先到的"), trip=trip)
    client.force_login(seeker("后到的"))
    assert "座位已满，报名候补" in client.get(f"/trips/{trip.pk}/").content.decode()
    page = client.post(f"/trips/{trip.pk}/", {"pickup_point": "凯里火车站广场"}, follow=True).content.decode()
    assert "候补第1位" in page


def test_station_staff_publish_a_trip_and_run_it_from_roll_call_to_arrival(client, station_user):
    partner = EmployerFactory(name="东莞某电子厂", station=station_user.station)
    job = JobPostingFactory(employer=partner, title="东莞电子厂普工")
    client.force_login(station_user)
    assert "东莞电子厂普工" in client.get("/station/trips/new/").content.decode()
    now = timezone.localtime()
    response = client.post("/station/trips/new/", {
        "title": "2027年春节后凯里—东莞返岗专车", "home_county": "凯里市", "seats": 40,
        "departs_at": (now + datetime.timedelta(days=5)).strftime("%Y-%m-%dT%H:%M"),
        "signup_deadline": (now + datetime.timedelta(days=4)).strftime("%Y-%m-%dT%H:%M"),
        "pickup_points": "凯里火车站广场 07:30\n三棵树镇政府 08：10", "vehicles": "贵H·12345 45座",
        "postings": [job.pk],
    })  # fmt: skip
    trip = Trip.objects.get()
    assert response.status_code == 302
    assert trip.pickup_points == [
        {"place": "凯里火车站广场", "time": "07:30"},
        {"place": "三棵树镇政府", "time": "08:10"},
    ]
    assert trip.vehicles == [{"plate": "贵H·12345", "seats": 45}]
    assert list(trip.postings.all()) == [job]

    rider = seeker("上车的")
    seat = services.seat_sign_up(by=rider, trip=trip)
    roll = client.get(f"/station/trips/{trip.pk}/").content.decode()
    assert "上车的" in roll and rider.phone not in roll

    client.post(f"/station/trips/{trip.pk}/", {"action": "board_token", "board-token": services.boarding_token(seat)})
    client.post(f"/station/trips/{trip.pk}/", {"action": "depart"})
    page = client.post(f"/station/trips/{trip.pk}/", {"action": "arrive"}, follow=True).content.decode()
    assert "1人已进入协作站名册" in page
    assert station_user.station.roster.get().name == "上车的"


def test_a_bad_trip_form_says_what_is_wrong_in_chinese(client, station_user):
    client.force_login(station_user)
    form = {"title": "专车", "home_county": "凯里市", "seats": 40, "departs_at": "2020-01-01T08:00",
            "signup_deadline": "2020-01-01T07:00", "pickup_points": "就在村口"}  # fmt: skip
    response = client.post("/station/trips/new/", form)
    html = response.content.decode()
    assert response.status_code == 400
    assert "应写成“地点 时间”" in html
    assert not Trip.objects.exists()


def test_a_forged_pass_is_refused_on_the_roll_call(client, station_user):
    trip = TripFactory(station=station_user.station)
    client.force_login(station_user)
    response = client.post(f"/station/trips/{trip.pk}/", {"action": "board_token", "board-token": "1-forged"})
    assert response.status_code == 400 and "乘车码无效" in response.content.decode()


def test_staff_sign_up_a_worker_they_organise_by_phone_but_not_a_stranger(client, station_user):
    trip = TripFactory(station=station_user.station)
    theirs, stranger = seeker("本站的"), seeker("别处的")
    WorkerProfile.objects.filter(user=theirs).update(station=station_user.station)
    client.force_login(station_user)

    page = client.post(f"/station/trips/{trip.pk}/", {"action": "sign_up", "signup-phone": theirs.phone},
                       follow=True).content.decode()  # fmt: skip
    assert "已为本站的报名：已确认座位" in page

    refused = client.post(f"/station/trips/{trip.pk}/", {"action": "sign_up", "signup-phone": stranger.phone})
    assert refused.status_code == 400 and "只能为本站组织的务工人员报名" in refused.content.decode()
    unknown = client.post(f"/station/trips/{trip.pk}/", {"action": "sign_up", "signup-phone": "13700009999"})
    assert unknown.status_code == 400 and "还没有求职者账号" in unknown.content.decode()
    assert [seat.profile.name for seat in trip.seat_list.all()] == ["本站的"]
