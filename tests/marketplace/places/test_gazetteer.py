"""The gazetteer reads names the way people type them, across the whole country."""

from __future__ import annotations

import pytest

from marketplace.places import COUNTIES, divisions, locate, nearest_county, resolve_place, sounds_like, suggest_places


@pytest.mark.parametrize(
    ("typed", "name", "level"),
    [
        ("凯里", "凯里市", "county"),
        ("浙江", "浙江省", "province"),
        ("浙江省", "浙江省", "province"),
        ("宁波", "宁波市", "prefecture"),
        ("黔东南", "黔东南苗族侗族自治州", "prefecture"),
        ("黔东南州", "黔东南苗族侗族自治州", "prefecture"),
        ("广西", "广西壮族自治区", "province"),
        ("义乌", "义乌市", "county"),
        ("上海", "上海市", "province"),
    ],
)
def test_short_and_full_names_resolve_to_the_division_people_mean(typed, name, level):
    place = resolve_place(typed)
    assert (place.name, place.level) == (name, level)


def test_a_name_with_its_parent_in_front_is_read_inside_the_parent():
    assert resolve_place("浙江宁波").name == "宁波市"
    beilun = resolve_place("宁波北仑区")
    assert beilun.name == "北仑区" and resolve_place("宁波").code in beilun.codes
    assert resolve_place("北京朝阳").province == "110000"  # not 辽宁's 朝阳市
    assert resolve_place("贵州省黔东南州凯里市").code == "522601"


def test_every_province_and_county_is_known_with_its_parents():
    levels = [p.level for p in divisions().values()]
    assert levels.count("province") == 34  # 23 provinces, 5 autonomous regions, 4 municipalities, 2 SARs
    assert levels.count("county") > 2800
    kaili = resolve_place("凯里")
    assert kaili.codes == {"520000", "522600", "522601"}


def test_the_home_prefectures_counties_come_from_the_gazetteer():
    assert len(COUNTIES) == 16
    for county in COUNTIES:
        assert resolve_place(county.name).code == county.code
        assert county.towns, county.name


def test_an_unknown_name_resolves_to_nothing_and_gets_near_names():
    assert resolve_place("火星市") is None
    assert "凯里" in suggest_places("凯理")
    assert "麻江" in suggest_places("麻将县")


def test_a_workplace_is_located_by_its_names_and_its_point():
    assert locate("深圳", "龙岗区").name == "龙岗区"
    assert locate("宁波", "", 29.90, 121.84).name == "北仑区"  # the city, narrowed by the point
    assert locate("", "", 26.49, 107.59).name == "麻江县"
    # A county name hundreds of kilometres from the pin loses to the pin.
    assert locate("凯里", "", 29.87, 121.55).prefecture == "330200"
    assert nearest_county(0.0, 0.0) is None  # the Gulf of Guinea is in no county


@pytest.mark.parametrize(
    ("typed", "meant"), [("东关", "东莞市"), ("惠洲", "惠州市"), ("凯立", "凯里市"), ("剑和", "剑河县")]
)
def test_a_place_typed_with_a_character_that_sounds_the_same_is_that_place(typed, meant):
    assert sounds_like(typed).name == meant


@pytest.mark.parametrize("typed", ["附近", "打工", "东莞", "xyz", ""])
def test_ordinary_words_and_known_names_are_not_read_as_a_place_by_sound(typed):
    assert sounds_like(typed) is None  # 附近 sounds like 富锦 but shares no character with it


def test_the_name_that_sounds_the_same_is_suggested_first():
    assert suggest_places("东关")[0] == "东莞"
