"""Where the seeded people and jobs are: the prefecture's counties and towns (marketplace.places),
and the destination cities where the prefecture keeps labour-cooperation stations.

Each town gets a fixed offset from its county seat derived from its name (not from the RNG), so a
town sits in the same spot whatever seed is used.
"""

from __future__ import annotations

import random
import zlib
from dataclasses import dataclass

from marketplace.places.prefecture import COUNTIES, LAT_RANGE, LON_RANGE, County


@dataclass(frozen=True)
class Destination:
    """A city migrant workers from the prefecture go to, with the bureau's station there."""

    city: str
    station: str
    code: str  # city-level region code, used in the credit codes of employers there
    lat: float
    lon: float
    station_address: str
    districts: tuple[str, ...]


DESTINATIONS: tuple[Destination, ...] = (
    Destination(
        "东莞市",
        "驻东莞劳务协作站",
        "441900",
        23.021,
        113.752,
        "东莞市南城街道鸿福路106号人力资源大厦3楼",
        ("长安镇", "虎门镇", "寮步镇", "塘厦镇", "松山湖", "凤岗镇"),
    ),
    Destination(
        "宁波市",
        "驻宁波劳务协作站",
        "330200",
        29.868,
        121.544,
        "宁波市鄞州区宁东路901号人力资源服务产业园",
        ("北仑区", "鄞州区", "慈溪市", "余姚市", "镇海区"),
    ),
    Destination(
        "苏州市",
        "驻苏州劳务协作站",
        "320500",
        31.299,
        120.585,
        "苏州市姑苏区三香路120号",
        ("昆山市", "吴江区", "工业园区", "相城区", "高新区"),
    ),
    Destination(
        "广州市",
        "驻广州劳务协作站",
        "440100",
        23.129,
        113.264,
        "广州市天河区天河北路183号",
        ("白云区", "番禺区", "花都区", "黄埔区", "增城区"),
    ),
    Destination(
        "深圳市",
        "驻深圳劳务协作站",
        "440300",
        22.543,
        114.057,
        "深圳市福田区深南中路1099号",
        ("宝安区", "龙华区", "龙岗区", "光明区", "坪山区"),
    ),
    Destination(
        "杭州市",
        "驻杭州劳务协作站",
        "330100",
        30.274,
        120.155,
        "杭州市上城区解放东路45号",
        ("萧山区", "余杭区", "临平区", "钱塘区", "滨江区"),
    ),
)
DESTINATION_BY_CITY = {dest.city: dest for dest in DESTINATIONS}


def _clamp(value: float, bounds: tuple[float, float]) -> float:
    return round(min(max(value, bounds[0]), bounds[1]), 5)


def town_point(county: County, town: str) -> tuple[float, float]:
    """The town's fixed spot: the county seat moved by an offset derived from the town's name."""
    h = zlib.crc32(f"{county.name}{town}".encode())
    if town == county.towns[0]:
        return county.lat, county.lon
    spread = 0.04 if town.endswith("街道") else 0.2  # urban subdistricts hug the seat; townships lie out
    dlat = ((h & 0xFFFF) / 0xFFFF - 0.5) * spread
    dlon = ((h >> 16) / 0xFFFF - 0.5) * spread
    return _clamp(county.lat + dlat, LAT_RANGE), _clamp(county.lon + dlon, LON_RANGE)


def local_point(rng: random.Random, county: County, town: str) -> tuple[float, float]:
    """A building in or near the town: its spot plus up to ~1 km, still inside the prefecture."""
    lat, lon = town_point(county, town)
    return _clamp(lat + rng.uniform(-0.01, 0.01), LAT_RANGE), _clamp(lon + rng.uniform(-0.01, 0.01), LON_RANGE)


def city_point(rng: random.Random, dest: Destination) -> tuple[float, float]:
    """Somewhere in the destination's industrial districts (tens of kilometres around the centre)."""
    return round(dest.lat + rng.uniform(-0.2, 0.2), 5), round(dest.lon + rng.uniform(-0.2, 0.2), 5)


def pick_county(rng: random.Random, *, urban_bias: float = 1.0) -> County:
    """A county weighted by population; `urban_bias` > 1 favours 凯里市, where most jobs are."""
    weights = [c.population * (urban_bias if c.name == "凯里市" else 1.0) for c in COUNTIES]
    return rng.choices(COUNTIES, weights=weights)[0]
