"""The occupation taxonomy: autocomplete by name or colloquial name, families, suggestions."""

from __future__ import annotations

import pytest

from marketplace.models import OccupationFamily
from marketplace.occupations.services import occupations_load

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def taxonomy():
    occupations_load()


def test_search_finds_an_occupation_by_its_colloquial_name(anon):
    response = anon.get("/api/occupations/", {"q": "烧电焊"})

    assert response.status_code == 200
    assert response.json()[0]["name"] == "电焊工"
    assert response.json()[0]["family"]["name"] == "建筑施工"


def test_search_ranks_name_matches_before_synonym_matches(anon):
    names = [o["name"] for o in anon.get("/api/occupations/", {"q": "电焊"}).json()]

    assert names[0] == "电焊工"


def test_search_is_limited_for_autocomplete(anon):
    assert len(anon.get("/api/occupations/", {"q": "工", "limit": 5}).json()) == 5


def test_search_without_a_match_is_empty(anon):
    assert anon.get("/api/occupations/", {"q": "宇航员"}).json() == []


def test_listing_a_family_returns_all_its_occupations(anon):
    family = OccupationFamily.objects.get(name="建筑施工")

    response = anon.get("/api/occupations/", {"family": family.pk})

    assert {o["family"]["id"] for o in response.json()} == {family.pk}
    assert len(response.json()) == family.occupations.count()


def test_families_come_with_their_occupation_counts(anon):
    response = anon.get("/api/occupations/families/")

    assert response.status_code == 200
    assert len(response.json()) == OccupationFamily.objects.count()
    assert all(family["occupation_count"] > 0 for family in response.json())


def test_suggest_reads_the_title_and_description(anon):
    response = anon.post("/api/occupations/suggest", {"title": "招开挖机师傅", "description": ""}, format="json")

    assert response.status_code == 200
    suggestion = response.json()["suggestions"][0]
    assert suggestion["name"] == "挖掘机司机"
    assert suggestion["matched"]


def test_suggest_needs_a_title(anon):
    assert anon.post("/api/occupations/suggest", {}, format="json").status_code == 400
