"""The gig market's REST endpoints: a board's list, posting, claiming, cancelling, in the one error shape."""

from __future__ import annotations

import pytest

from marketplace.employers.services import employer_blacklist
from marketplace.enums import Role
from tests.factories import SeekerFactory, UserFactory
from tests.rest import error_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def gig_body(tomorrow):
    return {"title": "工地小工", "county": "凯里市", "town": "鸭塘街道", "work_date": tomorrow.isoformat(),
            "start_time": "08:00", "end_time": "17:30", "pay": 200, "pay_unit": "day", "places": 2,
            "skills": ["搬运"], "meeting_point": "鸭塘街道办门口"}  # fmt: skip


def test_an_employer_posts_a_gig_and_anyone_sees_it_on_the_board(make_client, anon, employer_user, gig_body):
    response = make_client(employer_user).post("/api/gigs/", gig_body, format="json")

    assert response.status_code == 201, response.json()
    gig = response.json()
    assert (gig["area"], gig["places_left"], gig["status"], gig["poster"]) == ("522601", 2, "open", gig["poster"])
    listed = anon.get("/api/gigs/", {"area": "522601"}).json()["results"]
    assert [g["id"] for g in listed] == [gig["id"]]
    assert anon.get("/api/gigs/", {"area": "522622"}).json()["results"] == []


def test_the_board_list_needs_a_proper_area(anon):
    for query in ({}, {"area": "凯里"}):
        response = anon.get("/api/gigs/", query)
        assert response.status_code == 400
        assert "area" in error_of(response)["fields"]


def test_posting_needs_a_sign_in_and_a_blacklisted_employer_hears_why(
    anon, make_client, employer_user, employer, bureau_user, gig_body
):
    assert error_of(anon.post("/api/gigs/", gig_body, format="json"))["code"] == "not_authenticated"
    employer_blacklist(by=bureau_user, employer=employer, reason="拖欠农民工工资")

    response = make_client(employer_user).post("/api/gigs/", gig_body, format="json")

    assert response.status_code == 409
    assert error_of(response)["code"] == "employer_blacklisted"
    assert "黑名单" in error_of(response)["message"]


def test_a_monthly_pay_is_refused_for_a_gig(make_client, employer_user, gig_body):
    response = make_client(employer_user).post("/api/gigs/", {**gig_body, "pay_unit": "month"}, format="json")

    assert response.status_code == 400
    assert "pay_unit" in error_of(response)["fields"]


def test_claiming_twice_is_one_claim_full_is_409_and_cancelling_gives_the_place_back(
    make_client, employer_user, gig_body
):
    gig = make_client(employer_user).post("/api/gigs/", {**gig_body, "places": 1}, format="json").json()
    first, late = make_client(SeekerFactory()), make_client(SeekerFactory(profile__name="王阿姨"))

    claim = first.post(f"/api/gigs/{gig['id']}/claim").json()
    again = first.post(f"/api/gigs/{gig['id']}/claim").json()
    full = late.post(f"/api/gigs/{gig['id']}/claim")

    assert claim["id"] == again["id"] and claim["status"] == "claimed"
    assert claim["gig"]["places_left"] == 0 and claim["gig"]["status"] == "full"
    assert full.status_code == 409
    assert error_of(full)["code"] == "gig_full" and "名额已满" in error_of(full)["message"]

    assert late.post(f"/api/gig-claims/{claim['id']}/cancel").status_code == 403
    cancelled = first.post(f"/api/gig-claims/{claim['id']}/cancel").json()
    assert cancelled["status"] == "cancelled" and cancelled["gig"]["status"] == "open"
    assert late.post(f"/api/gigs/{gig['id']}/claim").status_code == 200


def test_staff_release_a_claimer_and_the_poster_cancels_the_gig(make_client, employer_user, gig_body):
    poster = make_client(employer_user)
    gig = poster.post("/api/gigs/", gig_body, format="json").json()
    claim = make_client(SeekerFactory()).post(f"/api/gigs/{gig['id']}/claim").json()

    stranger = make_client(UserFactory(role=Role.BUREAU))
    assert stranger.post(f"/api/gig-claims/{claim['id']}/release").status_code == 200  # bureau staff may
    assert poster.post(f"/api/gigs/{gig['id']}/cancel").json()["status"] == "cancelled"
    assert error_of(poster.post(f"/api/gigs/{gig['id']}/cancel"))["code"] == "gig_bad_transition"
    assert error_of(poster.post("/api/gigs/999999/claim"))["code"] == "not_found"
