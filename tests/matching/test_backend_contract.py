"""The contract every search backend keeps: same documents in, same answers out.

Run once against the embedded backend and once against the real Elasticsearch server. Where
scoring engines differ (BM25 details), the contract promises only what users notice: which
documents match, that a title match beats a description match, and the exact order of the
newest, pay and distance sorts.
"""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from marketplace.places import resolve_place, workplace_codes
from matching.pay import monthly
from matching.search.query import PostingQuery, QueryError, parse_posting_query
from matching.text import analyze, query_tokens

pytestmark = pytest.mark.django_db

KAILI = resolve_place("凯里").position  # the seats the gazetteer measures typed names from
HUANGPING = resolve_place("黄平").position
DONGGUAN = resolve_place("东莞").position


def posting(id: int, title: str, **extra) -> dict:
    description = extra.pop("description", "")
    occupation_words = extra.pop("occupation_words", "")
    lat, lon = extra.pop("at", KAILI)
    pay = extra.pop("pay", (4000, 6000, "month"))
    days_ago = extra.pop("days_ago", id)
    doc = {
        "id": id,
        "version": f"v{id}",
        "title": title,
        "title_tokens": analyze(title),
        "description_tokens": analyze(description),
        "occupation_tokens": analyze(occupation_words),
        "occupation_id": None,
        "occupation_name": "",
        "family_code": "",
        "family_name": "",
        "job_type": "full_time",
        "county": "凯里市",
        "town": "",
        "location": {"lat": lat, "lon": lon},
        "pay_min": pay[0],
        "pay_max": pay[1],
        "pay_unit": pay[2],
        "pay_min_month": monthly(pay[0], pay[2]),
        "pay_max_month": monthly(pay[1], pay[2]),
        "benefits": [],
        "headcount": 1,
        "published_at": (timezone.now() - datetime.timedelta(days=days_ago)).isoformat(),
        "employer_id": 1,
        "employer_name": "测试单位",
        "employer_verified": True,
        "integrity_grade": "B",
    }
    doc.update(extra)
    doc["place_codes"] = workplace_codes(doc["county"], doc["town"], lat, lon)  # as documents.py builds them
    return doc


def corpus() -> list[dict]:
    return [
        posting(1, "电焊工", occupation_words="电焊工 焊工 烧电焊 二保焊", family_code="F01", occupation_id=10,
                pay=(300, 400, "day"), benefits=["包吃住"], job_type="gig"),
        posting(2, "电子厂普工", description="流水线作业，需要会看图纸，偶尔焊接", family_code="F02", occupation_id=20,
                benefits=["包吃住", "五险一金"], at=DONGGUAN, county="东莞市", days_ago=40),
        posting(3, "保洁员", family_code="F03", occupation_id=30, pay=(2200, 2600, "month"), benefits=["五险"],
                at=HUANGPING, county="黄平县", job_type="public_welfare", employer_verified=False),
        posting(4, "月嫂", occupation_words="育婴员 月嫂 带孩子", family_code="F04", occupation_id=40,
                pay=(6000, 9000, "month"), benefits=["包吃住"], job_type="part_time"),
        posting(5, "茶叶采摘工", family_code="F05", occupation_id=50, pay=(100, 150, "day"), county="雷山县",
                at=(26.378, 108.077), job_type="gig"),
        posting(6, "服装计件缝纫工", family_code="F02", occupation_id=21, pay=(2, 5, "piece"), at=DONGGUAN,
                county="东莞市", benefits=["包住"]),
    ]  # fmt: skip


def search(backend, **params):
    return backend.search_postings(parse_posting_query(params))


def ids(result) -> list[int]:
    return [hit.id for hit in result.hits]


@pytest.fixture
def loaded(backend):
    backend.ensure_index("postings")
    backend.index_documents("postings", corpus())
    return backend


def test_text_finds_titles_and_colloquial_occupation_names(loaded):
    assert ids(search(loaded, q="焊工")) == [1]
    assert set(ids(search(loaded, q="焊接"))) == {2}
    assert ids(search(loaded, q="烧电焊")) == [1]
    assert ids(search(loaded, q="带孩子")) == [4]
    assert search(loaded, q="挖掘机").total == 0


def test_a_title_match_ranks_above_a_description_match(loaded):
    assert ids(search(loaded, q="焊接 焊工"))[0] == 1


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"job_type": "gig"}, {1, 5}),
        ({"job_type": "gig,part_time"}, {1, 4, 5}),
        ({"county": "东莞市"}, {2, 6}),
        ({"family": "F02"}, {2, 6}),
        ({"occupation": "40"}, {4}),
        ({"benefits": "包吃住"}, {1, 2, 4}),
        ({"benefits": "包吃住,五险一金"}, {2}),
        # 300–400 元/天 is 7,800–10,400 a month; piece rates cannot be compared and are left out.
        ({"pay_min": "7000"}, {1, 4}),
        ({"within_days": "30"}, {1, 3, 4, 5, 6}),
        ({"verified": "1"}, {1, 2, 4, 5, 6}),
        ({"near": "凯里", "radius_km": "50"}, {1, 3, 4, 5}),
        ({"lat": str(DONGGUAN[0]), "lon": str(DONGGUAN[1]), "radius_km": "5"}, {2, 6}),
        ({"q": "缝纫 普工", "county": "东莞市", "benefits": "包住"}, {6}),
    ],
)
def test_filters_select_the_same_documents(loaded, params, expected):
    result = search(loaded, **params)
    assert set(ids(result)) == expected
    assert result.total == len(expected)


def test_newest_first_is_the_same_exact_order(loaded):
    assert ids(search(loaded, sort="newest")) == [1, 3, 4, 5, 6, 2]
    assert ids(search(loaded)) == [1, 3, 4, 5, 6, 2]  # no text: relevance falls back to newest


def test_pay_sort_puts_the_best_monthly_equivalent_first_and_piece_rates_last(loaded):
    assert ids(search(loaded, sort="pay")) == [1, 4, 2, 5, 3, 6]


def test_distance_sort_from_a_typed_place_name(loaded):
    result = search(loaded, near="凯里", sort="distance")

    assert ids(result) == [4, 1, 5, 3, 6, 2]
    assert result.hits[0].distance_km == pytest.approx(0.0, abs=0.5)
    assert result.hits[2].distance_km == pytest.approx(22.0, abs=3.0)  # 雷山


@pytest.mark.parametrize(
    ("near", "expected"),
    [("广东", {2, 6}), ("珠三角", {2, 6}), ("外省", {2, 6}), ("贵州省", {1, 3, 4, 5}), ("江浙沪", set())],
)
def test_a_province_or_region_filters_to_the_places_inside_it(loaded, near, expected):
    assert set(ids(search(loaded, near=near, page_size="50"))) == expected


def test_an_unknown_place_name_is_refused_with_names_we_know(loaded):
    with pytest.raises(QueryError) as refused:
        search(loaded, near="凯理")
    assert "凯里" in refused.value.message and refused.value.field == "near"


def test_facets_count_the_filtered_set(loaded):
    facets = search(loaded, county="东莞市").facets

    assert facets["county"] == [("东莞市", 2)]
    assert dict(facets["family_code"]) == {"F02": 2}
    assert dict(facets["benefits"]) == {"包吃住": 1, "五险一金": 1, "包住": 1}
    assert dict(search(loaded).facets["job_type"]) == {"full_time": 2, "gig": 2, "part_time": 1, "public_welfare": 1}


def test_pages_are_disjoint_and_complete(loaded):
    pages = [ids(search(loaded, sort="newest", page=str(n), page_size="4")) for n in (1, 2, 3)]

    assert pages[0] + pages[1] == [1, 3, 4, 5, 6, 2]
    assert pages[2] == []


def test_replacing_and_deleting_documents(loaded):
    loaded.index_documents("postings", [posting(1, "电焊工", version="v1b", county="黄平县")])
    loaded.delete_documents("postings", [5, 999])

    assert set(ids(search(loaded))) == {1, 2, 3, 4, 6}
    assert ids(search(loaded, county="黄平县", q="电焊")) == [1]
    assert loaded.document_versions("postings")[1] == "v1b"


def test_a_rebuild_swaps_in_the_new_documents_at_once(loaded):
    loaded.rebuild("postings", [posting(7, "叉车司机"), posting(8, "挖掘机司机")])

    assert set(ids(search(loaded))) == {7, 8}
    assert set(loaded.document_versions("postings")) == {7, 8}


@pytest.mark.parametrize(
    "text", ['焊工" OR 1=1', "title_tokens:焊工^100", '{"query": {"match_all": {}}}', "焊工 AND NOT *", "🔥焊工🔥"]
)
def test_query_syntax_in_user_text_is_just_text(loaded, text):
    result = search(loaded, q=text)

    assert {1, 2} >= set(ids(result))


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"q": "焊" * 10_000}, "q"),
        ({"lat": "91", "lon": "100"}, "lat"),
        ({"lat": "26.5"}, "lat"),
        ({"lat": "nan", "lon": "1"}, "lat"),
        ({"job_type": "astronaut"}, "job_type"),
        ({"near": "火星基地"}, "near"),
        ({"radius_km": "10"}, "radius_km"),
        ({"sort": "distance"}, "sort"),
        ({"page_size": "1000"}, "page_size"),
        ({"pay_min": "很多"}, "pay_min"),
    ],
)
def test_bad_input_is_refused_before_any_backend_sees_it(params, field):
    with pytest.raises(QueryError) as excinfo:
        parse_posting_query(params)
    assert excinfo.value.field == field
    assert any("\u4e00" <= ch <= "\u9fff" for ch in excinfo.value.message)


def test_searching_an_index_that_does_not_exist_yet_finds_nothing(backend):
    assert search(backend, q="焊工").total == 0


def test_recommendations_may_leave_out_words_most_postings_share_but_people_s_searches_never_do(tmp_path):
    from matching.search.embedded import EmbeddedSearchBackend

    embedded = EmbeddedSearchBackend(alias="t", params={"PATH": str(tmp_path)})
    docs = [posting(n, f"岗位{n}", description="包吃住") for n in range(1, 9)]
    docs.append(posting(9, "电焊工", description="包吃住"))
    embedded.rebuild("postings", docs)
    words = tuple(query_tokens("电焊工 包吃住"))

    typed = embedded.search_postings(PostingQuery(tokens=words, page_size=50))
    pruned = embedded.search_postings(PostingQuery(tokens=words, page_size=50, common_token_share=0.2))
    common = tuple(query_tokens("包吃住"))
    only_common = embedded.search_postings(PostingQuery(tokens=common, page_size=50, common_token_share=0.2))

    assert typed.total == 9
    assert ids(pruned) == [9]
    assert only_common.total == 9  # the one word left is kept, however common
