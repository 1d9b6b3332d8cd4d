"""Postings: the public list and detail, who sees what, creating and editing."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from marketplace.enums import PostingStatus, Role
from marketplace.models import BlacklistEntry, JobPosting, Occupation
from marketplace.occupations.services import occupations_load
from tests.factories import EmployerFactory, EmployerMemberFactory, JobPostingFactory, StationFactory, UserFactory
from tests.rest import error_of

pytestmark = pytest.mark.django_db


def _ids(response) -> list[int]:
    return [item["id"] for item in response.json()["results"]]


@pytest.fixture
def taxonomy():
    occupations_load()


def test_public_list_shows_published_postings_only(anon, employer):
    published = JobPostingFactory(employer=employer, pay_min=6000, pay_max=8000)
    JobPostingFactory(employer=employer, status=PostingStatus.DRAFT)
    JobPostingFactory(employer=employer, status=PostingStatus.PENDING)
    JobPostingFactory(employer=employer, status=PostingStatus.CLOSED)

    response = anon.get("/api/postings/")

    assert response.status_code == 200
    assert _ids(response) == [published.pk]
    item = response.json()["results"][0]
    assert item["employer"]["name"] == employer.name
    assert item["pay_display"] == "6000–8000 元/月"
    assert "status" not in item and "flags" not in item


def test_public_list_is_paginated(anon, employer):
    for _ in range(25):
        JobPostingFactory(employer=employer)

    first = anon.get("/api/postings/").json()

    assert first["count"] == 25
    assert len(first["results"]) == 20
    assert len(anon.get("/api/postings/", {"page": 2}).json()["results"]) == 5


def test_a_page_past_the_end_is_empty_with_the_true_count_as_search_answers(anon, employer):
    for _ in range(3):
        JobPostingFactory(employer=employer)

    past = anon.get("/api/postings/", {"page": 7})

    assert past.status_code == 200
    assert (past.json()["count"], past.json()["results"], past.json()["next"]) == (3, [], None)


def test_the_page_size_is_the_callers_within_the_same_bounds_as_search(anon, employer):
    for _ in range(7):
        JobPostingFactory(employer=employer)

    body = anon.get("/api/postings/", {"page_size": 5, "page": 2}).json()

    assert (body["count"], len(body["results"])) == (7, 2)


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"page": "-1"}, "page", "页码必须是从1开始的整数。"),
        ({"page": "abc"}, "page", "页码必须是从1开始的整数。"),
        ({"page": "0"}, "page", "页码必须是从1开始的整数。"),
        ({"page_size": "0"}, "page_size", "每页数量应在1到50之间。"),
        ({"page_size": "1000"}, "page_size", "每页数量应在1到50之间。"),
        # Digits to str.isdigit() but not to int(): schemathesis found page_size=² answered 500.
        ({"page_size": "²"}, "page_size", "每页数量应在1到50之间。"),
        ({"page": "①"}, "page", "页码必须是从1开始的整数。"),
    ],
)
def test_a_page_that_is_not_a_whole_number_from_one_is_a_400_naming_the_field(anon, params, field, message):
    response = anon.get("/api/postings/", params)

    assert response.status_code == 400
    assert error_of(response)["fields"] == {field: [message]}


def test_public_list_filters_by_county_job_type_and_pay_unit(anon):
    duyun = EmployerFactory(county="都匀市")
    libo = EmployerFactory(county="荔波县")
    wanted = JobPostingFactory(employer=duyun, job_type="gig", pay_unit="day", pay_min=200, pay_max=260)
    JobPostingFactory(employer=duyun, job_type="full_time")
    JobPostingFactory(employer=libo, job_type="gig", pay_unit="day", pay_min=200, pay_max=260)

    response = anon.get("/api/postings/", {"county": "都匀市", "job_type": "gig", "pay_unit": "day"})

    assert _ids(response) == [wanted.pk]


def test_public_list_filters_by_occupation_and_family(anon, employer, taxonomy):
    welder = Occupation.objects.get(name="电焊工")
    other_family = Occupation.objects.exclude(family=welder.family).first()
    welding = JobPostingFactory(employer=employer, occupation=welder)
    JobPostingFactory(employer=employer, occupation=other_family)

    assert _ids(anon.get("/api/postings/", {"occupation": welder.pk})) == [welding.pk]
    assert _ids(anon.get("/api/postings/", {"family": welder.family_id})) == [welding.pk]


def test_unknown_filter_value_is_400(anon):
    response = anon.get("/api/postings/", {"job_type": "slavery"})

    assert response.status_code == 400
    assert "job_type" in error_of(response)["fields"]


def test_blacklisted_employers_postings_leave_the_list_and_their_detail_is_404(anon):
    listed = EmployerFactory()
    hidden = JobPostingFactory(employer=listed)
    visible = JobPostingFactory()
    BlacklistEntry.objects.create(employer=listed, reason="拖欠工资", starts_on=timezone.localdate())

    assert _ids(anon.get("/api/postings/")) == [visible.pk]
    assert anon.get(f"/api/postings/{hidden.pk}/").status_code == 404


def test_expired_validity_hides_a_published_posting(anon, employer):
    stale = JobPostingFactory(employer=employer, valid_until=timezone.localdate() - datetime.timedelta(days=1))

    assert _ids(anon.get("/api/postings/")) == []
    assert anon.get(f"/api/postings/{stale.pk}/").status_code == 404


def test_public_detail_is_open_to_anyone(anon, posting):
    response = anon.get(f"/api/postings/{posting.pk}/")

    assert response.status_code == 200
    assert response.json()["title"] == posting.title
    assert "status" not in response.json()


def test_draft_is_404_for_strangers(make_client, anon, employer, seeker):
    draft = JobPostingFactory(employer=employer, status=PostingStatus.DRAFT)
    other_member = EmployerMemberFactory()

    assert anon.get(f"/api/postings/{draft.pk}/").status_code == 404
    assert make_client(seeker).get(f"/api/postings/{draft.pk}/").status_code == 404
    assert make_client(other_member).get(f"/api/postings/{draft.pk}/").status_code == 404


def test_draft_is_visible_to_its_employer_and_the_bureau_with_status(make_client, employer, employer_user, bureau_user):
    draft = JobPostingFactory(employer=employer, status=PostingStatus.DRAFT)

    for user in (employer_user, bureau_user):
        response = make_client(user).get(f"/api/postings/{draft.pk}/")
        assert response.status_code == 200
        assert response.json()["status"] == "draft"
        assert response.json()["status_label"] == "草稿"


def test_employer_member_creates_a_draft_for_own_employer(make_client, employer_user, employer):
    response = make_client(employer_user).post(
        "/api/postings/",
        {"title": "钢筋工", "county": "都匀市", "pay_min": 7000, "pay_max": 9000, "benefits": ["包吃住"]},
        format="json",
    )

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["status"] == "draft"
    assert body["employer"]["id"] == employer.pk
    assert JobPosting.objects.get(pk=body["id"]).created_by == employer_user


def test_created_posting_gets_a_suggested_occupation(make_client, employer_user, taxonomy):
    response = make_client(employer_user).post(
        "/api/postings/", {"title": "招烧电焊师傅", "county": "都匀市", "pay_min": 7000, "pay_max": 9000}, format="json"
    )

    assert response.json()["occupation"]["name"] == "电焊工"


def test_creating_with_pay_range_upside_down_is_400_on_pay_max(make_client, employer_user):
    response = make_client(employer_user).post(
        "/api/postings/", {"title": "钢筋工", "county": "都匀市", "pay_min": 9000, "pay_max": 7000}, format="json"
    )

    assert response.status_code == 400
    assert error_of(response)["fields"] == {"pay_max": ["最高薪资不能低于最低薪资。"]}


@pytest.mark.parametrize(
    ("where", "field", "message"),
    [
        ({"lat": 999, "lon": 999}, "lat", "纬度应在 3 到 54 之间（中国境内）。"),
        ({"lat": 26.58, "lon": 10.0}, "lon", "经度应在 73 到 136 之间（中国境内）。"),
        ({"lat": 26.58}, "lon", "请同时填写纬度和经度。"),
    ],
)
def test_a_position_outside_china_or_half_given_is_400_naming_the_field(make_client, employer_user, where, field,
                                                                         message):  # fmt: skip
    body = {"title": "钢筋工", "county": "凯里市", "pay_min": 5000, "pay_max": 7000, **where}

    response = make_client(employer_user).post("/api/postings/", body, format="json")

    assert response.status_code == 400
    assert error_of(response)["fields"][field] == [message]


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"age_max": 200}, "age_max", "年龄不能超过75周岁。"),
        ({"headcount": 2147483647}, "headcount", "招聘人数须在1到10000之间。"),
        ({"county": "火星市"}, "county", "找不到“火星市”这个县市，请填写如“凯里市”“东莞市”。"),
        ({"county": "浙江省"}, "county", "找不到“浙江省”这个县市，请填写如“凯里市”“东莞市”。"),
        ({"benefits": ["包吃住", "bogus"]}, "benefits", "福利“bogus”看不懂，请从列表中选择或用中文填写。"),
    ],
)
def test_values_no_real_job_has_are_400_naming_the_field(make_client, employer_user, change, field, message):
    body = {"title": "钢筋工", "county": "凯里市", "pay_min": 5000, "pay_max": 7000, **change}

    response = make_client(employer_user).post("/api/postings/", body, format="json")

    assert response.status_code == 400
    assert error_of(response)["fields"][field] == [message]


def test_benefits_written_freely_in_chinese_are_kept_once_each(make_client, employer_user):
    body = {"title": "钢筋工", "county": "东莞", "pay_min": 5000, "pay_max": 7000,
            "benefits": ["包吃住", " 月休4天 ", "包吃住"]}  # fmt: skip

    response = make_client(employer_user).post("/api/postings/", body, format="json")

    assert response.status_code == 201, response.content
    assert response.json()["benefits"] == ["包吃住", "月休4天"]


def test_creating_without_required_fields_is_400_in_chinese(make_client, employer_user):
    response = make_client(employer_user).post("/api/postings/", {}, format="json")

    assert response.status_code == 400
    fields = error_of(response)["fields"]
    assert fields["title"] == ["该字段是必填项。"]
    assert set(fields) >= {"title", "county", "pay_min", "pay_max"}


def test_employer_member_cannot_post_for_another_employer(make_client, employer_user):
    other = EmployerFactory()

    response = make_client(employer_user).post(
        "/api/postings/",
        {"employer": other.pk, "title": "钢筋工", "county": "都匀市", "pay_min": 1, "pay_max": 2},
        format="json",
    )

    assert response.status_code == 403


def test_seeker_and_bureau_cannot_create_postings(make_client, seeker, bureau_user):
    for user in (seeker, bureau_user):
        response = make_client(user).post("/api/postings/", {"title": "x"}, format="json")
        assert response.status_code == 403
        assert error_of(response)["code"] == "permission_denied"


def test_anonymous_cannot_create_postings(anon):
    assert anon.post("/api/postings/", {"title": "x"}, format="json").status_code == 401


def test_station_posts_for_an_employer_of_its_city(make_client):
    station = StationFactory()
    staff = UserFactory(role=Role.STATION, station=station)
    partner = EmployerFactory(station=station)
    stranger = EmployerFactory()
    body = {"title": "普工", "county": "宁波市", "pay_min": 5000, "pay_max": 6000}
    client = make_client(staff)

    created = client.post("/api/postings/", {**body, "employer": partner.pk}, format="json")
    missing = client.post("/api/postings/", body, format="json")
    foreign = client.post("/api/postings/", {**body, "employer": stranger.pk}, format="json")

    assert created.status_code == 201
    assert created.json()["station_id"] == station.pk
    assert (missing.status_code, list(error_of(missing)["fields"])) == (400, ["employer"])
    assert foreign.status_code == 403


def test_employer_edits_its_posting(make_client, employer_user, employer):
    draft = JobPostingFactory(employer=employer, status=PostingStatus.DRAFT)

    response = make_client(employer_user).patch(
        f"/api/postings/{draft.pk}/", {"pay_max": 9500, "headcount": 5}, format="json"
    )

    assert response.status_code == 200
    draft.refresh_from_db()
    assert (draft.pay_max, draft.headcount) == (9500, 5)


def test_editing_someone_elses_public_posting_is_403(make_client, seeker, posting):
    response = make_client(seeker).patch(f"/api/postings/{posting.pk}/", {"pay_max": 1}, format="json")

    assert response.status_code == 403


def test_edit_that_trips_a_moderation_rule_sends_a_published_posting_back_to_review(
    make_client, employer_user, posting
):
    response = make_client(employer_user).patch(
        f"/api/postings/{posting.pk}/", {"description": "入职需交押金500元"}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["status"] == "pending"
    assert response.json()["flags"]
