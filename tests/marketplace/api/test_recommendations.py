"""GET /api/recommendations/jobs and /api/postings/<id>/candidates: ranked, explained, private."""

from __future__ import annotations

import pytest

from marketplace.enums import ProfileVisibility
from marketplace.models import Occupation
from marketplace.privacy import mask_phone
from marketplace.services.taxonomy import occupations_load
from matching.taxonomy import taxonomy_changed
from tests.factories import EmployerMemberFactory, JobPostingFactory, SeekerFactory, id_number
from tests.rest import error_of

pytestmark = pytest.mark.django_db

DUYUN = {"lat": 26.259, "lon": 107.518}


@pytest.fixture
def welding(search_index):
    occupations_load()
    taxonomy_changed()
    yield Occupation.objects.get(name="电焊工")
    taxonomy_changed()


@pytest.fixture
def welder(welding):
    user = SeekerFactory(
        profile__name="杨国强", profile__current_county="都匀市", profile__expected_pay=6000,
        profile__visibility=ProfileVisibility.OPEN, profile__id_number=id_number(), profile__skills=["二保焊"],
        profile__lat=DUYUN["lat"], profile__lon=DUYUN["lon"],
    )  # fmt: skip
    user.profile.wanted_occupations.add(welding)
    return user


def test_a_seeker_gets_jobs_of_their_trade_first_with_reasons(
    make_client, welder, employer, welding, search_index, embedding_model
):
    job = JobPostingFactory(employer=employer, title="钢构厂电焊工", description="工地电焊，持证优先。",
                            occupation=welding, pay_min=6000, pay_max=8000, **DUYUN)  # fmt: skip
    JobPostingFactory(
        employer=employer, title="超市理货员", description="整理货架", pay_min=6000, pay_max=8000, **DUYUN
    )
    search_index()

    body = make_client(welder).get("/api/recommendations/jobs").json()

    assert body[0]["posting"]["id"] == job.pk
    assert body[0]["reasons"][0] == "工种匹配：电焊工"
    assert body[0]["explanation"].startswith("工种匹配：电焊工 · 距离 0.0 公里")


def test_an_employer_sees_fitting_open_profiles_with_numbers_masked(
    make_client, welder, employer, employer_user, welding, search_index
):
    job = JobPostingFactory(employer=employer, title="电焊工", description="工地电焊，持证优先。", occupation=welding,
                            pay_min=6000, pay_max=8000, **DUYUN)  # fmt: skip
    search_index()

    response = make_client(employer_user).get(f"/api/postings/{job.pk}/candidates")

    (candidate,) = response.json()
    profile = candidate["profile"]
    assert profile["id"] == welder.profile.pk
    assert profile["phone"] == mask_phone(welder.phone) and profile["phone"] != welder.phone
    assert profile["id_number"].count("*") == 10
    assert profile["lat"] is None  # where a person lives is not an employer's business
    assert "工种匹配：电焊工" in candidate["reasons"]


def test_another_employer_may_not_ask_who_fits_someone_elses_posting(make_client, employer, search_index):
    job = JobPostingFactory(employer=employer)
    other = EmployerMemberFactory()

    response = make_client(other).get(f"/api/postings/{job.pk}/candidates")

    assert response.status_code == 403
    assert error_of(response)["code"] == "permission_denied"


def test_only_signed_in_seekers_get_job_recommendations(anon, make_client, employer_user):
    assert anon.get("/api/recommendations/jobs").status_code == 401
    response = make_client(employer_user).get("/api/recommendations/jobs")
    assert response.status_code == 403
    assert error_of(response)["message"] == "只有求职者账号有岗位推荐。"
