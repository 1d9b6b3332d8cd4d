"""Region words and relative words become areas a posting is in or not."""

from __future__ import annotations

from marketplace.places import Home, resolve_area, resolve_areas, resolve_place


def codes(name: str) -> frozenset[str]:
    return resolve_place(name).codes


def test_regions_people_name_cover_their_cities():
    delta = resolve_area("珠三角")
    assert delta.contains(codes("东莞")) and delta.contains(codes("深圳龙岗区"))
    assert not delta.contains(codes("汕头"))
    assert resolve_area("江浙沪").contains(codes("宁波")) and not resolve_area("江浙沪").contains(codes("合肥"))
    assert resolve_area("长三角").contains(codes("合肥"))
    assert resolve_area("沿海").contains(codes("厦门")) and not resolve_area("沿海").contains(codes("长沙"))


def test_a_province_written_loosely_still_names_it():
    for typed in ("浙江", "浙江省", "浙江那边", "去浙江", "广东一带"):
        assert resolve_area(typed) is not None, typed
    assert resolve_area("浙江那边").contains(codes("温州"))


def test_outside_the_province_is_relative_to_home():
    home = Home.of(26.58, 107.98)  # 凯里
    away = resolve_area("外省", home)
    assert away.contains(codes("东莞")) and not away.contains(codes("贵阳"))
    assert resolve_area("省内", home).contains(codes("遵义"))


def test_local_words_are_read_against_the_seekers_own_county():
    home = Home.of(26.20, 107.79)  # a village in 丹寨
    county_town = resolve_area("县城", home)
    assert "丹寨" in county_town.label and county_town.near_home
    danzhai = resolve_place("丹寨")
    assert county_town.contains(danzhai.codes, danzhai.lat, danzhai.lon)
    kaili = resolve_place("凯里")
    assert not county_town.contains(kaili.codes, kaili.lat, kaili.lon)
    seat = resolve_area("州府", home)
    assert seat.contains(kaili.codes, kaili.lat, kaili.lon) and "凯里" in seat.label
    assert resolve_area("州内", home).contains(kaili.codes)
    near = resolve_area("家附近", home)
    assert near.contains(frozenset(), 26.25, 107.80) and not near.contains(frozenset(), 26.58, 107.98)


def test_a_student_in_guiyang_who_says_zhou_means_our_prefecture_not_guiyang():
    """州内 and 州府 name a 自治州; 贵阳 is a 市, so they mean 黔东南 and 凯里 for someone there."""
    home = Home.of(26.445, 106.67)  # 花溪, the university town
    assert resolve_area("州内", home).contains(codes("麻江")) and not resolve_area("州内", home).contains(codes("贵阳"))
    assert "凯里" in resolve_area("州府", home).label
    downtown = resolve_area("市里", home)  # but 市里 is the city they are in: its districts
    assert downtown.contains(codes("贵阳云岩区")) and downtown.contains(codes("观山湖区"))
    assert not downtown.contains(codes("开阳县")) and not downtown.contains(codes("凯里"))


def test_without_a_home_the_prefecture_this_product_serves_stands_in():
    assert "凯里" in resolve_area("州府").label
    assert resolve_area("县城") is not None


def test_a_typed_list_is_split_and_unknown_words_are_reported():
    areas, unknown = resolve_areas(["浙江、广东或者州府", "火星"], Home())
    assert [a.label for a in areas][:2] == ["浙江省", "广东省"] and len(areas) == 3
    assert unknown == ["火星"]


def test_anywhere_in_the_country_accepts_every_place():
    anywhere = resolve_area("全国哪里都行") or resolve_area("哪里都行")
    assert anywhere.contains(codes("东莞")) and anywhere.contains(codes("凯里"))


def test_a_wanted_place_typed_by_sound_is_the_place_they_meant():
    areas, unknown = resolve_areas(["东关", "惠洲"], by_sound=True)

    assert [area.label for area in areas] == ["东莞市", "惠州市"]
    assert unknown == []


def test_a_form_still_asks_rather_than_guess_a_place_by_its_sound():
    areas, unknown = resolve_areas(["东关"])

    assert areas == [] and unknown == ["东关"]
