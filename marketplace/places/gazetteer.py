"""China's administrative divisions as people type them, so 附近的工作 works from 凯里, 宁波 or 浙江.

The divisions come from the `cpca` package (MIT): every province, prefecture-level city and
county of China with its GB/T 2260 code and coordinates (the table cpca ships for its address
parser). We read the table only; cpca's parser is not imported, so pandas never loads. A
maintained package beats a hand-written list: the last hand-written one knew 48 places and not
浙江. A few local names the table lacks (凯里经济开发区, 黔东南州) are aliases in
`marketplace/data/place_aliases.json`.

A user types the short name (凯里, not 凯里市; 黔东南, not 黔东南苗族侗族自治州); the gazetteer
resolves full names, short names and aliases, and a name with its parents in front of it
(浙江宁波, 宁波北仑区). Where a short name is shared (鼓楼区 is in four cities), the place in the
home province wins, then the higher level. An unknown place is an error the user sees, with the
nearest names we know, never a filter that silently matches nothing.
"""

from __future__ import annotations

import csv
import difflib
import importlib.metadata
import json
import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

DATA = Path(__file__).resolve().parent.parent / "data"
ALIASES_PATH = DATA / "place_aliases.json"
EARTH_RADIUS_KM = 6371.0088
HOME_PROVINCE = "520000"  # 贵州省
HOME_PREFECTURE = "522600"  # 黔东南苗族侗族自治州
LEVELS = ("province", "prefecture", "county")
# Provinces whose districts and counties sit directly under them (直辖市), and the 省直辖县级
# units (仙桃, 琼海, 石河子 …) whose second pair of digits is 90: their "prefecture" is the province.
_MUNICIPALITIES = {"110000", "120000", "310000", "500000"}
_PLACEHOLDERS = {"市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划"}
_SUFFIXES = (
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "地区",
    "林区",
    "省",
    "市",
    "县",
    "区",
    "州",
    "盟",
    "旗",
)


@dataclass(frozen=True)
class Place:
    """One division: its official name, where it is, and the codes of the divisions it lies in."""

    name: str
    lat: float
    lon: float
    level: str  # province · prefecture · county
    code: str = ""
    province: str = ""
    prefecture: str = ""

    @property
    def codes(self) -> frozenset[str]:
        """This division and every division it lies in: what an area filter matches on."""
        return frozenset(c for c in (self.code, self.province, self.prefecture) if c)

    @property
    def position(self) -> tuple[float, float]:
        return self.lat, self.lon

    @property
    def short(self) -> str:
        return short_name(self.name)


def _nations() -> tuple[str, ...]:
    path = _cpca_file("56_nations.csv")
    names = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return tuple(sorted(names, key=len, reverse=True))


@cache
def _ethnic_suffix() -> re.Pattern[str]:
    nations = "|".join(re.escape(n) for n in _nations())
    return re.compile(rf"^(.+?)(?:{nations})+自治(?:州|县|区|旗)$")


def short_name(name: str) -> str:
    """黔东南苗族侗族自治州 → 黔东南, 凯里市 → 凯里, 广西壮族自治区 → 广西; names of two characters stay."""
    match = _ethnic_suffix().match(name)
    if match and len(match.group(1)) >= 2:
        return match.group(1)
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def _cpca_file(name: str) -> Path:
    return Path(str(importlib.metadata.distribution("cpca").locate_file(f"cpca/resources/{name}")))


def _level(code: str) -> str:
    if code.endswith("0000"):
        return "province"
    if code.endswith("00"):
        return "prefecture"
    return "county"


@cache
def divisions() -> dict[str, Place]:
    """Every division by its six-digit code."""
    places: dict[str, Place] = {}
    with _cpca_file("adcodes.csv").open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            if not row["latitude"] or not row["longitude"] or row["name"] in _PLACEHOLDERS:
                continue  # 市辖区 placeholders carry no place and no meaning for a user
            code = row["adcode"][:6]
            province = code[:2] + "0000"
            level = _level(code)
            if level == "province":
                prefecture = ""
            elif province in _MUNICIPALITIES or code[2:4] == "90":
                prefecture = province
            else:
                prefecture = code[:4] + "00"
            places[code] = Place(
                name=row["name"],
                lat=float(row["latitude"]),
                lon=float(row["longitude"]),
                level=level,
                code=code,
                province=province,
                prefecture=prefecture if prefecture != code else "",
            )
    return places


def _preference(place: Place) -> tuple[int, int, int, str]:
    """Which of several places sharing a name a user here most likely means."""
    return (
        0 if place.prefecture == HOME_PREFECTURE or place.code == HOME_PREFECTURE else 1,
        LEVELS.index(place.level),
        0 if place.province == HOME_PROVINCE else 1,
        place.code,
    )


@cache
def _index() -> dict[str, list[Place]]:
    index: dict[str, list[Place]] = {}
    for place in sorted(divisions().values(), key=_preference):
        for key in {place.name, place.short}:
            index.setdefault(key, []).append(place)
    aliases = json.loads(ALIASES_PATH.read_text(encoding="utf-8"))["aliases"]
    for alias, code in aliases.items():
        index.setdefault(alias, []).insert(0, divisions()[code])
    return index


def resolve_place(name: str) -> Place | None:
    """The place a typed name means, or None. 凯里 → 凯里市; 浙江 → 浙江省; 浙江宁波 → 宁波市."""
    name = re.sub(r"\s+", "", name or "")
    if not name or len(name) > 40:
        return None
    index = _index()
    found = index.get(name) or index.get(short_name(name))
    if found:
        return found[0]
    return _resolve_compound(name)


@cache
def _by_sound() -> dict[str, Place]:
    """Each place name's sound (pinyin without tones) to the place a user here most likely means."""
    from pypinyin import lazy_pinyin

    sounds: dict[str, Place] = {}
    for key, places in _index().items():
        if len(key) >= 2:
            sound = " ".join(lazy_pinyin(key))
            best = places[0]
            if sound not in sounds or _preference(best) < _preference(sounds[sound]):
                sounds[sound] = best
    return sounds


def sounds_like(name: str) -> Place | None:
    """The place a name typed by its sound means: 东关 is 东莞, 惠洲 惠州, 凯立 凯里.

    Phone keyboards offer characters by pinyin, and a place typed with the wrong one of two
    characters that sound alike is still that place. Only for a name no place has.
    """
    from pypinyin import lazy_pinyin

    name = re.sub(r"\s+", "", name or "")
    if len(name) < 2 or len(name) > 8 or not re.fullmatch(r"[\u4e00-\u9fff]+", name) or resolve_place(name):
        return None
    place = _by_sound().get(" ".join(lazy_pinyin(name)))
    # One character in common, as a slip of the keyboard leaves: 附近 sounds like 富锦 and means neither.
    if place is None or not (set(name) & set(place.short or place.name)):
        return None
    return place


def _resolve_compound(name: str) -> Place | None:
    """A parent's name in front of a child's (浙江宁波, 宁波市北仑区, 贵州省黔东南州凯里市): the child,
    read inside its parent, so 宁波鄞州 is not mistaken for another 鄞州."""
    index = _index()
    for cut in range(len(name) - 1, 1, -1):
        head, tail = name[:cut], name[cut:]
        parents = index.get(head) or index.get(short_name(head))
        if not parents or len(tail) < 2:
            continue
        for parent in parents:
            child = _child_named(parent, tail)
            if child is not None:
                return child
        return parents[0]  # 宁波某某街道: at least the city
    return None


def _child_named(parent: Place, name: str) -> Place | None:
    candidates = _index().get(name) or _index().get(short_name(name))
    if not candidates:
        deeper = _resolve_compound(name)
        candidates = [deeper] if deeper else []
    for place in candidates:
        if parent.code in place.codes and place.code != parent.code:
            return place
    return None


def locate(name: str, detail: str = "", lat: float | None = None, lon: float | None = None) -> Place | None:
    """The most specific division a workplace lies in, from its city, its district and its point.

    The typed names decide where they resolve; a point decides where they do not, or narrows a
    city or province to the county it is in; a name far from the point loses to the point, since
    a form's default county is likelier than a pin dropped in the wrong place.
    """
    named = None
    if name and detail:
        named = resolve_place(f"{name}{detail}")
    named = named or resolve_place(name) or (resolve_place(detail) if detail else None)
    point = nearest_county(lat, lon) if lat is not None and lon is not None else None
    if named is None:
        return point
    if point is None:
        return named
    if named.code in point.codes:
        return point  # 宁波 with a point in 北仑: the county it is in
    # A county is some 30 km across and a province hundreds: a point farther than that from the
    # named place was put on the map on purpose, and the name is a stale default.
    limit = 60.0 if named.level == "county" else 400.0
    if distance_km(named.lat, named.lon, lat, lon) > limit:  # type: ignore[arg-type]
        return point
    return named


def workplace_codes(name: str, detail: str = "", lat: float | None = None, lon: float | None = None) -> list[str]:
    """The divisions a workplace lies in (county, prefecture, province), so 浙江 or 珠三角 finds it."""
    place = locate(name or "", detail or "", lat, lon)
    return sorted(place.codes) if place else []


@cache
def _seats() -> tuple[list[Place], np.ndarray]:
    counties = [p for p in divisions().values() if p.level == "county"]
    return counties, np.radians(np.array([(p.lat, p.lon) for p in counties]))


def nearest_county(lat: float, lon: float, *, within_km: float = 120.0) -> Place | None:
    """The county whose seat is nearest a point: where a posting with coordinates but no known
    county name lies. Seats, not borders, so a point near a border may land next door."""
    if not valid_coordinates(lat, lon):
        return None
    counties, seats = _seats()
    p1, l1 = math.radians(lat), math.radians(lon)
    # equirectangular distance is enough to rank seats a few hundred kilometres apart
    squared = ((seats[:, 1] - l1) * np.cos((seats[:, 0] + p1) / 2)) ** 2 + (seats[:, 0] - p1) ** 2
    best = int(np.argmin(squared))
    if math.sqrt(float(squared[best])) * EARTH_RADIUS_KM > within_km:
        return None
    return counties[best]


def children(code: str, level: str = "county") -> list[Place]:
    """Divisions of `level` inside the division `code`, by code."""
    return sorted((p for p in divisions().values() if p.level == level and code in p.codes and p.code != code),
                  key=lambda p: p.code)  # fmt: skip


def seat_of(code: str) -> Place | None:
    """The county that seats a prefecture (凯里市 for 黔东南州): the one nearest its centre."""
    prefecture = divisions().get(code)
    if prefecture is None:
        return None
    counties = children(code)
    if not counties:
        return prefecture
    return min(counties, key=lambda c: distance_km(c.lat, c.lon, prefecture.lat, prefecture.lon))


def suggest_places(name: str, limit: int = 3) -> list[str]:
    """Known names nearest what was typed, for the message of a name we do not know."""
    name = (name or "").strip()[:20]
    if not name:
        return []
    index = _index()
    scored = []
    for key in index:
        if len(key) >= 2 and set(key) & set(name):
            ratio = difflib.SequenceMatcher(None, name, key).ratio()
            if ratio >= 0.5:
                scored.append((-ratio, _preference(index[key][0]), key))
    close = [key for *_rank, key in sorted(scored)]
    heard = sounds_like(name)  # 凯理 sounds like 凯里: that is the one they meant
    if heard is not None:
        close.insert(0, heard.short or heard.name)
    names: list[str] = []
    for key in close:
        short = _index()[key][0].short
        if short not in names:
            names.append(short)
    return names[:limit]


def place_names(codes: Iterable[str] = ()) -> list[str]:
    """Official names of the given division codes (every division when none are given)."""
    table = divisions()
    chosen = [table[c] for c in codes if c in table] if codes else list(table.values())
    return sorted({p.name for p in chosen})


def valid_coordinates(lat: float, lon: float) -> bool:
    return -90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0 and not (math.isnan(lat) or math.isnan(lon))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine), the same formula Elasticsearch's arc distance uses."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))
