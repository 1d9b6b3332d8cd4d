"""The places people name when they are not naming a division: 珠三角, 江浙沪, 外省, 县城, 家附近.

A seeker writes 想去江浙沪 or 就在镇上, not a list of cities. Each word becomes an `Area`: a
set of divisions (江浙沪 is 上海, 江苏 and 浙江), the rest of the country (外省 is everywhere
but the home province), or a circle around a point (县城 is the seat of the seeker's county,
家附近 is where they live). Relative words are read against the seeker's `Home`; without one
they fall back to the prefecture this product serves, so 州府 still means 凯里.

Region membership follows the documents people know: 珠三角 is the nine cities of Guangdong's
Pearl River Delta plan, 长三角 the four provinces of the 2019 integration outline, 京津冀 the
three, 沿海 the eleven coastal provinces.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from marketplace.places.gazetteer import (
    HOME_PREFECTURE,
    Place,
    children,
    distance_km,
    divisions,
    nearest_county,
    resolve_place,
    seat_of,
    sounds_like,
)

_COASTAL = ("210000", "130000", "120000", "370000", "320000", "310000", "330000", "350000", "440000", "450000",
            "460000")  # fmt: skip
_PEARL_RIVER_DELTA = ("440100", "440300", "440400", "440600", "440700", "441200", "441300", "441900", "442000")
REGIONS: dict[str, tuple[str, ...]] = {
    "珠三角": _PEARL_RIVER_DELTA,
    "珠江三角洲": _PEARL_RIVER_DELTA,
    "大湾区": (*_PEARL_RIVER_DELTA, "810000", "820000"),
    "粤港澳大湾区": (*_PEARL_RIVER_DELTA, "810000", "820000"),
    "长三角": ("310000", "320000", "330000", "340000"),
    "长江三角洲": ("310000", "320000", "330000", "340000"),
    "江浙沪": ("310000", "320000", "330000"),
    "苏浙沪": ("310000", "320000", "330000"),
    "江浙": ("320000", "330000"),
    "京津冀": ("110000", "120000", "130000"),
    "北上广深": ("110000", "310000", "440100", "440300"),
    "北上广": ("110000", "310000", "440100"),
    "成渝": ("500000", "510100"),
    "闽南": ("350200", "350500", "350600"),
    "沿海": _COASTAL,
    "东部沿海": _COASTAL,
    "沿海城市": _COASTAL,
    "沿海地区": _COASTAL,
    "东南沿海": ("310000", "330000", "350000", "440000"),
    "两广": ("440000", "450000"),
}
# Words around a place that add nothing to it: 广东那边, 浙江一带, 去深圳, 凯里都行.
_NOISE = re.compile(
    r"^(?:去|到|在|想去|想在|就在|留在)|(?:那边|那里|那儿|一带|地区|周边|附近的?|都行|都可以|也行|也可以|优先|方向|境内|内)$"
)
OUTSIDE_PROVINCE = ("外省", "省外", "出省", "外地", "外面", "出去打工", "外出")
IN_PROVINCE = ("省内", "本省", "省里")
IN_PREFECTURE = ("州内", "本州", "全州", "州里", "本地州", "黔东南州内", "州内各县")
PREFECTURE_SEAT = ("州府", "市里", "城里", "市区", "州上", "首府")
# Words that name a 自治州 by its title: they mean this product's prefecture for a seeker who
# lives (or studies) in a 市 such as 贵阳, not the 市 they happen to be in.
PREFECTURE_BY_TITLE = frozenset(IN_PREFECTURE) | {"州府", "州上", "首府"}
COUNTY_SEAT = ("县城", "县里", "县上", "城区", "县城附近", "县城里")
NEAR_HOME = (
    "镇上",
    "乡里",
    "乡镇",
    "附近",
    "家附近",
    "家门口",
    "离家近",
    "离家近的",
    "就近",
    "本地",
    "当地",
    "村里",
    "村附近",
    "安置点",
    "安置点附近",
    "小区附近",
    "社区附近",
    "家里附近",
    "周边",
    "近一点",
    "近点",
)
ANYWHERE = ("全国", "全国各地", "哪里都行", "哪都行", "哪里都可以", "去哪都行", "不限", "不限地点", "都可以", "随便")
SEAT_KM = 15.0  # 县城, 州府: the town around the seat, not the whole county
NEAR_HOME_KM = 25.0  # 镇上, 家附近: a daily commute by bus or motorbike


@dataclass(frozen=True)
class Home:
    """Where a seeker lives, as far as we know: a point, the county it lies in, or neither."""

    lat: float | None = None
    lon: float | None = None
    county: Place | None = None

    @classmethod
    def of(cls, lat: float | None, lon: float | None, county_name: str = "") -> Home:
        county = resolve_place(county_name) if county_name else None
        if county is not None and county.level != "county":
            county = None
        if county is None and lat is not None and lon is not None:
            county = nearest_county(lat, lon)
        return cls(lat=lat, lon=lon, county=county)

    @property
    def point(self) -> tuple[float, float] | None:
        if self.lat is not None and self.lon is not None:
            return self.lat, self.lon
        if self.county is not None:
            return self.county.lat, self.county.lon
        return None

    @property
    def prefecture(self) -> str:
        return (self.county.prefecture if self.county else "") or HOME_PREFECTURE

    @property
    def autonomous_prefecture(self) -> str:
        """The 自治州 州内 and 州府 refer to: the seeker's own if they live in one, else ours."""
        own = divisions().get(self.prefecture)
        if own is not None and own.name.endswith("州") and not own.name.endswith("市"):
            return own.code
        return HOME_PREFECTURE

    @property
    def province(self) -> str:
        return self.county.province if self.county else divisions()[HOME_PREFECTURE].province


@dataclass(frozen=True)
class Area:
    """Somewhere a seeker accepts to work. A posting is in it when one of its division codes is in
    `codes` (and none in `exclude`), or when it lies within `radius_km` of `center`."""

    label: str
    kind: str  # place · region · outside · local · anywhere
    codes: frozenset[str] = frozenset()
    exclude: frozenset[str] = frozenset()
    center: tuple[float, float] | None = None
    radius_km: float | None = None
    place: Place | None = field(default=None, compare=False)

    def contains(self, codes: frozenset[str] | set[str], lat: float | None = None, lon: float | None = None) -> bool:
        if self.kind == "anywhere":
            return True
        if self.exclude:
            return bool(codes) and not (codes & self.exclude)
        if self.codes and codes & self.codes:
            return True
        if self.center is not None and self.radius_km is not None and lat is not None and lon is not None:
            return distance_km(self.center[0], self.center[1], lat, lon) <= self.radius_km
        return False

    def middle(self) -> tuple[float, float] | None:
        """Where to measure distance from: the centre, or the mean of the divisions it covers."""
        if self.center is not None:
            return self.center
        table = divisions()
        points = [(table[c].lat, table[c].lon) for c in self.codes if c in table]
        if not points:
            return None
        return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)

    @property
    def near_home(self) -> bool:
        """镇上, 家附近, 县城: the seeker wants to stay close, so distance matters more than anything."""
        return self.kind == "local"


def _clean(word: str) -> str:
    word = re.sub(r"[\s，,。.、；;！!？?]+", "", word or "")
    for _ in range(2):
        word = _NOISE.sub("", word)
    return word


def resolve_area(word: str, home: Home | None = None, *, by_sound: bool = False) -> Area | None:
    """The area a wanted-place word means for this seeker, or None for a word we do not know.

    `by_sound` also takes a name typed by its sound (东关 for 东莞). Forms and search do not: the
    person is there to pick from the names suggested. The matcher does, reading what was saved or
    imported long ago, when nobody can be asked.
    """
    home = home or Home()
    raw = re.sub(r"\s+", "", word or "")
    if not raw:
        return None
    for candidate in (raw, _clean(raw)):
        area = _relative(candidate, home) or _region(candidate) or _division(candidate)
        if area is not None:
            return area
    return _division_by_sound(_clean(raw)) if by_sound else None


def _division_by_sound(word: str) -> Area | None:
    place = sounds_like(word)
    return _division(place.name) if place is not None else None


def _division(word: str) -> Area | None:
    place = resolve_place(word)
    if place is None:
        return None
    label = place.name if len(place.name) <= 6 else place.short  # 东莞市, 浙江省; 黔东南, 广西
    return Area(label=label, kind="place", codes=frozenset({place.code}), center=(place.lat, place.lon),
                radius_km=None, place=place)  # fmt: skip


def _region(word: str) -> Area | None:
    codes = REGIONS.get(word)
    if codes is None:
        return None
    return Area(label=word, kind="region", codes=frozenset(codes))


def _relative(word: str, home: Home) -> Area | None:
    if word in ANYWHERE:  # 全国哪里都行: every place is one they accept
        return Area(label=word, kind="anywhere")
    if word in OUTSIDE_PROVINCE:
        return Area(label=word, kind="outside", exclude=frozenset({home.province}))
    if word in IN_PROVINCE:
        return Area(label=word, kind="region", codes=frozenset({home.province}))
    prefecture = home.autonomous_prefecture if word in PREFECTURE_BY_TITLE else home.prefecture
    if word in IN_PREFECTURE:
        return Area(label=word, kind="region", codes=frozenset({prefecture}))
    if word in PREFECTURE_SEAT:
        city = divisions().get(prefecture)
        districts = [c for c in children(prefecture) if c.name.endswith("区")]
        if city is not None and city.name.endswith("市") and districts:  # 贵阳's 市里 is its districts
            return Area(label=f"{word}（{city.short}）", kind="region",
                        codes=frozenset(c.code for c in districts))  # fmt: skip
        seat = seat_of(prefecture)
        if seat is None:
            return None
        return Area(label=f"{word}（{seat.short}）", kind="place", codes=frozenset({seat.code}),
                    center=(seat.lat, seat.lon), radius_km=SEAT_KM, place=seat)  # fmt: skip
    if word in COUNTY_SEAT:
        county = home.county or seat_of(home.prefecture)
        if county is None:
            return None
        return Area(label=f"{word}（{county.short}）", kind="local", center=(county.lat, county.lon),
                    radius_km=SEAT_KM, place=county)  # fmt: skip
    if word in NEAR_HOME:
        point = home.point
        if point is None:
            seat = seat_of(home.prefecture)
            point = (seat.lat, seat.lon) if seat else None
        if point is None:
            return None
        return Area(label=word, kind="local", center=point, radius_km=NEAR_HOME_KM)
    return None


def split_places(text: str) -> list[str]:
    """The place words in a typed list: 浙江、广东或者州府 → [浙江, 广东, 州府]."""
    parts = re.split(r"[\s，,、；;/|]+|或者|还有|以及|或(?=[^者])", text or "")
    return [p for p in (part.strip() for part in parts) if p]


def resolve_areas(
    words: list[str] | tuple[str, ...], home: Home | None = None, *, by_sound: bool = False
) -> tuple[list[Area], list[str]]:
    """The areas of several typed words, and the words no area was found for."""
    areas: list[Area] = []
    unknown: list[str] = []
    for word in words:
        for part in split_places(str(word)) or [str(word)]:
            area = resolve_area(part, home, by_sound=by_sound)
            if area is None:
                unknown.append(part)
            elif area not in areas:
                areas.append(area)
    return areas, unknown


# In a self-description, a place is where they want to go when a verb of going or a word of
# direction stands next to it (想去浙江, 到东莞打工, 福建那边); 丹寨的 or 在温州干了十年 is where
# they are from or have been, and is not read.
_GOING_BEFORE = ("想去", "要去", "去", "到", "想到", "往", "回", "留在", "就在")
_GOING_AFTER = ("那边", "那里", "一带", "打工", "找活", "找工作", "上班", "发展")
_AWAY = ("想出去", "出去打工", "外出打工", "出门打工", "出远门", "去外面", "外面打工", "去外地", "出省")


def areas_in_text(text: str, home: Home | None = None) -> list[Area]:
    """Places a seeker wants to go to, read from what they wrote about themselves."""
    text = re.sub(r"\s+", "", text or "")
    home = home or Home()
    found: list[Area] = []
    last_end = -1  # where the last place read ended: 想去深圳东莞 goes to both
    i = 0
    while i < len(text):
        for length in range(min(8, len(text) - i), 1, -1):
            word = text[i : i + length]
            before, after = text[max(0, i - 2) : i], text[i + length : i + length + 3]
            listed = i == last_end or (i - 1 == last_end and text[i - 1] in "、，,和或跟")
            going = (
                listed
                or any(before.endswith(cue) for cue in _GOING_BEFORE)
                or any(after.startswith(cue) for cue in _GOING_AFTER)
            )
            if not going:
                continue
            area = _relative(word, home) or _region(word) or (_division(word) if len(word) >= 2 else None)
            if area is not None and area.place is not None and area.place.level == "county" and length < 3:
                area = None  # two-character county names (剑河, 台江) are too easily ordinary words
            if area is not None:
                if area not in found:
                    found.append(area)
                last_end = i + length
                i += length - 1
                break
        i += 1
    if not found and any(word in text for word in ("全国哪里都行", "全国各地", "哪里都行", "去哪都行", "哪都行")):
        found.append(Area(label="全国", kind="anywhere"))
    if not found and any(word in text for word in _AWAY):
        found.append(Area(label="外省", kind="outside", exclude=frozenset({home.province})))
    return found
