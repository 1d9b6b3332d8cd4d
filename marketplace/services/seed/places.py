"""Where the seeded people and jobs are: 黔东南州's 16 counties with their towns, and the
destination cities where the prefecture keeps labour-cooperation stations.

Coordinates are approximate county seats; each town gets a fixed offset derived from its name
(not from the RNG), so a town sits in the same spot whatever seed is used.
"""

from __future__ import annotations

import random
import zlib
from dataclasses import dataclass

LAT_RANGE = (25.6, 27.5)
LON_RANGE = (107.5, 109.6)


@dataclass(frozen=True)
class County:
    name: str
    code: str  # GB/T 2260 region code: the first six digits of a local 身份证号 and 信用代码
    lat: float
    lon: float
    population: int  # 万人, rough 2020 census: weights where people live
    towns: tuple[str, ...]


COUNTIES: tuple[County, ...] = (
    County(
        "凯里市",
        "522601",
        26.566,
        107.981,
        69,
        (
            "大十字街道",
            "西门街道",
            "城西街道",
            "洗马河街道",
            "鸭塘街道",
            "开怀街道",
            "炉山镇",
            "龙场镇",
            "湾水镇",
            "万潮镇",
            "旁海镇",
            "三棵树镇",
            "舟溪镇",
            "大风洞镇",
        ),
    ),
    County(
        "黄平县",
        "522622",
        26.905,
        107.917,
        25,
        ("新州镇", "旧州镇", "重安镇", "谷陇镇", "平溪镇", "野洞河镇", "纸房乡", "一碗水乡"),
    ),
    County("施秉县", "522623", 27.033, 108.124, 12, ("城关镇", "杨柳塘镇", "双井镇", "牛大场镇", "马号镇", "甘溪乡")),
    County(
        "三穗县", "522624", 26.952, 108.675, 15, ("八弓镇", "台烈镇", "瓦寨镇", "桐林镇", "雪洞镇", "长吉镇", "款场乡")
    ),
    County(
        "镇远县",
        "522625",
        27.049,
        108.429,
        20,
        ("舞阳镇", "蕉溪镇", "青溪镇", "羊场镇", "都坪镇", "金堡镇", "江古镇", "涌溪乡"),
    ),
    County(
        "岑巩县",
        "522626",
        27.174,
        108.816,
        15,
        ("思旸镇", "水尾镇", "天马镇", "龙田镇", "大有镇", "注溪镇", "客楼镇", "平庄镇"),
    ),
    County(
        "天柱县",
        "522627",
        26.909,
        109.212,
        28,
        ("凤城街道", "邦洞街道", "高酿镇", "石洞镇", "远口镇", "坌处镇", "白市镇", "瓮洞镇", "蓝田镇", "渡马镇"),
    ),
    County(
        "锦屏县",
        "522628",
        26.676,
        109.200,
        15,
        ("三江镇", "敦寨镇", "启蒙镇", "平秋镇", "茅坪镇", "隆里乡", "河口乡", "大同乡"),
    ),
    County(
        "剑河县",
        "522629",
        26.653,
        108.441,
        18,
        ("革东镇", "岑松镇", "柳川镇", "南加镇", "南明镇", "久仰镇", "太拥镇", "磻溪镇", "观么镇"),
    ),
    County(
        "台江县",
        "522630",
        26.667,
        108.321,
        11,
        ("台拱街道", "萃文街道", "施洞镇", "南宫镇", "方召镇", "革一镇", "排羊乡", "老屯乡", "台盘乡"),
    ),
    County(
        "黎平县",
        "522631",
        26.231,
        109.137,
        39,
        ("德凤街道", "高屯街道", "中潮镇", "孟彦镇", "敖市镇", "水口镇", "肇兴镇", "尚重镇", "洪州镇", "龙额镇"),
    ),
    County(
        "榕江县",
        "522632",
        25.931,
        108.521,
        29,
        ("古州镇", "忠诚镇", "寨蒿镇", "平永镇", "乐里镇", "栽麻镇", "朗洞镇", "两汪乡"),
    ),
    County(
        "从江县",
        "522633",
        25.754,
        108.905,
        29,
        ("丙妹镇", "贯洞镇", "洛香镇", "下江镇", "宰便镇", "西山镇", "停洞镇", "往洞镇", "加榜乡"),
    ),
    County(
        "雷山县",
        "522634",
        26.378,
        108.078,
        11,
        ("丹江镇", "西江镇", "永乐镇", "郎德镇", "大塘镇", "望丰乡", "方祥乡", "达地水族乡"),
    ),
    County(
        "麻江县",
        "522635",
        26.491,
        107.589,
        17,
        ("杏山街道", "谷硐镇", "宣威镇", "龙山镇", "贤昌镇", "下司镇", "坝芒布依族乡"),
    ),
    County(
        "丹寨县",
        "522636",
        26.198,
        107.788,
        13,
        ("龙泉镇", "金钟街道", "兴仁镇", "排调镇", "扬武镇", "雅灰乡", "南皋乡"),
    ),
)
COUNTY_BY_NAME = {county.name: county for county in COUNTIES}


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
