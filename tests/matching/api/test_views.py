"""matching.api.views: the job search (GET /api/search/postings, on the real Elasticsearch), and
recommendations (GET /api/recommendations/jobs and /api/postings/<id>/candidates): ranked, explained, private."""

from __future__ import annotations

import copy

import pytest

from marketplace.enums import ProfileVisibility
from marketplace.models import Occupation
from marketplace.occupations.services import occupations_load
from marketplace.occupations.taxonomy import taxonomy_changed
from marketplace.places import resolve_place
from marketplace.privacy import mask_phone
from matching.search import get_search_backend
from tests.factories import EmployerFactory, EmployerMemberFactory, JobPostingFactory, SeekerFactory, id_number
from tests.rest import error_of

pytestmark = pytest.mark.django_db

URL = "/api/search/postings"
DUYUN = {"lat": 26.259, "lon": 107.518}
KAILI = resolve_place("凯里").position  # where a search near 凯里 measures from

# --- search ---------------------------------------------------------------------------------------


@pytest.fixture
def jobs(employer, search_index):
    unverified = EmployerFactory(name="未认证的小作坊", verification="pending")
    made = {
        "welder": JobPostingFactory(employer=employer, title="招电焊师傅", description="钢结构焊接。", county="凯里市",
                                    lat=KAILI[0], lon=KAILI[1], pay_min=300, pay_max=350, pay_unit="day",
                                    benefits=["包吃住"]),
        "packer": JobPostingFactory(employer=employer, title="食品包装工", description="流水线包装。", county="凯里市",
                                    lat=26.60, lon=107.95, pay_min=3500, pay_max=4000, benefits=["五险一金"]),
        "far": JobPostingFactory(employer=unverified, title="从江砌砖工", description="工地砌墙。", county="从江县",
                                 lat=25.753, lon=108.906, pay_min=5000, pay_max=6000, pay_unit="month"),
    }  # fmt: skip
    search_index()
    return made


def test_text_search_answers_cards_with_pay_place_employer_badge_and_highlight(anon, jobs):
    body = anon.get(URL, {"q": "电焊"}).json()

    assert body["count"] == 1
    hit = body["results"][0]
    assert hit["id"] == jobs["welder"].pk
    assert hit["title_highlight"] == "招<mark>电焊</mark>师傅"
    assert hit["pay_display"] == "300–350 元/天"
    assert hit["county"] == "凯里市"
    assert hit["employer"]["verified"] is True
    assert hit["benefits"] == ["包吃住"]


def test_filters_facets_and_pages(anon, jobs):
    everything = anon.get(URL, {"page_size": 2}).json()
    counties = {f["value"]: f["count"] for f in everything["facets"]["county"]}
    verified = anon.get(URL, {"verified": "1"}).json()
    well_paid = anon.get(URL, {"pay_min": 6000}).json()  # 300–350 a day is about 7,000 a month
    second = anon.get(URL, {"page_size": 2, "page": 2}).json()

    assert everything["count"] == 3 and everything["num_pages"] == 2 and len(everything["results"]) == 2
    assert counties == {"凯里市": 2, "从江县": 1}
    assert {hit["id"] for hit in verified["results"]} == {jobs["welder"].pk, jobs["packer"].pk}
    assert {hit["id"] for hit in well_paid["results"]} == {jobs["welder"].pk, jobs["far"].pk}
    assert {hit["id"] for hit in everything["results"] + second["results"]} == {p.pk for p in jobs.values()}


def test_near_a_place_name_sorts_by_distance_and_says_which_place_it_measured_from(anon, jobs):
    body = anon.get(URL, {"near": "东莞"}).json()  # a cooperation-station city, far from all of them
    kaili = anon.get(URL, {"near": "凯里", "radius_km": 20}).json()

    assert body["place"]["name"] == "东莞市" and body["sort"] == "distance"
    assert [hit["distance_km"] > 500 for hit in body["results"]] == [True, True, True]
    assert [hit["id"] for hit in kaili["results"]] == [jobs["welder"].pk, jobs["packer"].pk]
    assert kaili["results"][0]["distance_km"] == 0.0


def test_nothing_found_suggests_a_wider_radius(anon, jobs):
    body = anon.get(URL, {"q": "砌砖", "near": "凯里", "radius_km": 10}).json()

    assert body["count"] == 0 and body["results"] == []
    assert body["suggestions"]["wider_radius_km"] == 300
    assert body["suggestions"]["wider_total"] == 1


def test_a_search_that_finds_nothing_suggests_work_of_the_same_kind_not_the_same_broad_family(
    anon, employer, welding, search_index
):
    """护士 and 会计 share the taxonomy's 办公与专业; only the pharmacy is work a nurse would take."""
    for name in ("药剂师", "会计", "会计"):
        JobPostingFactory(employer=employer, title=f"招{name}", county="凯里市", lat=KAILI[0], lon=KAILI[1],
                          occupation=Occupation.objects.get(name=name))  # fmt: skip
    search_index()

    body = anon.get(URL, {"q": "护士"}).json()

    assert body["count"] == 0
    assert [o["name"] for o in body["suggestions"]["occupations"]] == ["药剂师"]


@pytest.mark.parametrize(
    "text",
    [
        'title:"电焊" OR *',
        '{"match_all": {}}',
        "电焊) AND NOT (普工",
        "🔥🔥招工🔥",
        "电焊 && || !(){}[]^~*?:/",
        "'; DROP",
    ],
)
def test_query_syntax_and_emoji_are_plain_text_never_an_error(anon, jobs, text):
    response = anon.get(URL, {"q": text})

    assert response.status_code == 200
    assert response.json()["count"] <= 1  # nothing like match_all: at most the welder, for the word 电焊


def test_a_query_of_nothing_but_symbols_is_an_empty_search_not_an_error(anon, jobs):
    body = anon.get(URL, {"q": '\\/+-&&||!(){}[]^"~*?:'}).json()

    assert body["count"] == 3 and body["sort"] == "relevance"


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"q": "焊" * 10_000}, "q", "搜索词太长了"),
        ({"lat": "95", "lon": "107"}, "lat", "位置坐标不正确"),
        ({"lat": "26.5"}, "lat", "位置坐标不正确"),
        ({"job_type": "slavery"}, "job_type", "用工类型不正确"),
        ({"benefits": "天天放假"}, "benefits", "福利选项不正确"),
        ({"family": "Z99"}, "family", "工种大类不正确"),
        ({"near": "火星"}, "near", "找不到地名“火星”"),
        ({"sort": "distance"}, "sort", "按距离排序需要提供位置或地名"),
        ({"pay_min": "NaN"}, "pay_min", "最低月薪必须是数字"),
        ({"page_size": "1000"}, "page_size", "每页数量应在1到50之间"),
        ({"page_size": "0"}, "page_size", "每页数量应在1到50之间"),
        ({"page": "0"}, "page", "页码超出范围"),
        ({"page": "-1"}, "page", "页码超出范围"),
        ({"verified": "maybe"}, "verified", "只看已认证单位只能填 true 或 false"),
        ({"facets": "sometimes"}, "facets", "分面统计只能填 true 或 false"),
        ({"occupation": "²"}, "occupation", "工种不正确"),  # a digit to str.isdigit(), not to int()
    ],
)
def test_bad_input_is_a_clear_400_in_chinese_naming_the_field(anon, jobs, params, field, message):
    response = anon.get(URL, params)

    assert response.status_code == 400
    error = error_of(response)
    assert error["code"] == "invalid_query"
    assert message in error["message"]
    assert message in error["fields"][field][0]


def test_a_stale_index_never_shows_a_job_the_public_may_no_longer_see(anon, jobs, bureau_user):
    from marketplace.employers.services import employer_blacklist

    employer_blacklist(by=bureau_user, employer=jobs["welder"].employer, reason="拖欠工资")  # index not drained yet

    ids = {hit["id"] for hit in anon.get(URL).json()["results"]}

    assert ids == {jobs["far"].pk}


def test_when_the_engine_is_unreachable_the_answer_is_a_503_saying_so(anon, jobs, settings):
    backends = copy.deepcopy(settings.SEARCH_BACKENDS)
    backends["default"].update(URL="http://127.0.0.1:9", TIMEOUT=2)  # nothing listens on the discard port
    settings.SEARCH_BACKENDS = backends
    get_search_backend.cache_clear()
    try:
        response = anon.get(URL, {"q": "电焊"})
    finally:
        get_search_backend.cache_clear()

    assert response.status_code == 503
    assert error_of(response) == {"code": "search_unavailable", "message": "搜索暂时不可用，请稍后再试。", "fields": {}}


# --- recommendations ------------------------------------------------------------------------------


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
    assert body[0]["posting"]["title_highlight"] == "钢构厂电焊工"  # no query, nothing marked, but there
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


def test_recommendations_are_remembered_until_the_index_or_the_profile_changes(
    make_client, welder, employer, welding, search_index, embedding_model, monkeypatch
):
    import matching.selectors

    computed = []
    real = matching.selectors.recommend
    monkeypatch.setattr(matching.selectors, "recommend", lambda *a, **k: computed.append(1) or real(*a, **k))
    JobPostingFactory(employer=employer, title="钢构厂电焊工", occupation=welding, **DUYUN)
    search_index()
    client = make_client(welder)

    first = [item["posting"]["id"] for item in client.get("/api/recommendations/jobs").json()]
    again = [item["posting"]["id"] for item in client.get("/api/recommendations/jobs").json()]
    assert again == first and len(computed) == 1  # the second visit costs no search

    new = JobPostingFactory(employer=employer, title="船厂电焊工 急招", occupation=welding, **DUYUN)
    search_index()  # the index moved on: the new job is there at once
    assert new.pk in [item["posting"]["id"] for item in client.get("/api/recommendations/jobs").json()]
    assert len(computed) == 2

    welder.profile.expected_pay = 20000
    welder.profile.save()  # what the matcher knows of them changed: so does the answer
    reasons = client.get("/api/recommendations/jobs").json()[0]["reasons"]
    assert len(computed) == 3 and any("低于期望" in reason for reason in reasons)


def test_recommendations_are_computed_when_the_cache_is_away(
    make_client, welder, employer, welding, search_index, embedding_model, settings
):
    nowhere = {"LOCATION": "redis://127.0.0.1:1/0", "OPTIONS": {"socket_connect_timeout": 0.2}}
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", **nowhere}}
    job = JobPostingFactory(employer=employer, title="钢构厂电焊工", occupation=welding, **DUYUN)
    search_index()

    response = make_client(welder).get("/api/recommendations/jobs")

    assert response.status_code == 200 and response.json()[0]["posting"]["id"] == job.pk


def test_the_cost_of_a_candidate_list_does_not_grow_with_its_length(
    make_client, employer, employer_user, welding, search_index
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    job = JobPostingFactory(employer=employer, title="电焊工", occupation=welding, **DUYUN)
    client = make_client(employer_user)

    def queries_for(candidates: int) -> int:
        while job.applications.count() < candidates:  # applicants are candidates whoever they are
            seeker = SeekerFactory(profile__lat=DUYUN["lat"], profile__lon=DUYUN["lon"])
            seeker.profile.experiences.create(employer_name="钢构厂", title="焊工", start_year=2019)
            job.applications.create(profile=seeker.profile)
        search_index()
        with CaptureQueriesContext(connection) as captured:
            assert len(client.get(f"/api/postings/{job.pk}/candidates").json()) == candidates
        return len(captured)

    few = queries_for(2)
    assert queries_for(8) <= few  # one query per kind of thing, not per person


def test_a_candidate_list_is_remembered_until_someone_applies_or_the_posting_changes(
    make_client, welder, employer, employer_user, welding, search_index, monkeypatch
):
    import matching.selectors

    computed = []
    real = matching.selectors.rank_candidates
    monkeypatch.setattr(matching.selectors, "rank_candidates", lambda *a, **k: computed.append(1) or real(*a, **k))
    job = JobPostingFactory(employer=employer, title="电焊工", occupation=welding, **DUYUN)
    search_index()
    client = make_client(employer_user)

    first = [c["profile"]["id"] for c in client.get(f"/api/postings/{job.pk}/candidates").json()]
    assert [c["profile"]["id"] for c in client.get(f"/api/postings/{job.pk}/candidates").json()] == first
    assert len(computed) == 1

    newcomer = SeekerFactory(profile__lat=DUYUN["lat"], profile__lon=DUYUN["lon"])  # private, but applies
    job.applications.create(profile=newcomer.profile)
    assert newcomer.profile.pk in [c["profile"]["id"] for c in client.get(f"/api/postings/{job.pk}/candidates").json()]

    job.pay_max = 9000
    job.save()
    client.get(f"/api/postings/{job.pk}/candidates")
    assert len(computed) == 3
