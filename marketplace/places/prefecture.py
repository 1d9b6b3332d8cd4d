"""The home prefecture (黔东南州): its counties with their towns, from the national gazetteer.

What every form offers as 县市 and 乡镇, what a gig's board is named after, and where the demo's
people live. Names, codes and seats come from the gazetteer (one source of places for the whole
product); only what it does not hold is kept here: each county's towns and a rough population
(2020 census, 万人) that weights where the demo's people live.
"""

from __future__ import annotations

from dataclasses import dataclass

from marketplace.places.gazetteer import HOME_PREFECTURE, children

# The prefecture's extent, for checks that a point is at home (and for the demo's scatter).
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


# code → (population, towns)
_LOCAL: dict[str, tuple[int, tuple[str, ...]]] = {
    "522601": (
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
    ),  # 凯里市
    "522622": (
        25,
        (
            "新州镇",
            "旧州镇",
            "重安镇",
            "谷陇镇",
            "平溪镇",
            "野洞河镇",
            "纸房乡",
            "一碗水乡",
        ),
    ),  # 黄平县
    "522623": (
        12,
        (
            "城关镇",
            "杨柳塘镇",
            "双井镇",
            "牛大场镇",
            "马号镇",
            "甘溪乡",
        ),
    ),  # 施秉县
    "522624": (
        15,
        (
            "八弓镇",
            "台烈镇",
            "瓦寨镇",
            "桐林镇",
            "雪洞镇",
            "长吉镇",
            "款场乡",
        ),
    ),  # 三穗县
    "522625": (
        20,
        (
            "舞阳镇",
            "蕉溪镇",
            "青溪镇",
            "羊场镇",
            "都坪镇",
            "金堡镇",
            "江古镇",
            "涌溪乡",
        ),
    ),  # 镇远县
    "522626": (
        15,
        (
            "思旸镇",
            "水尾镇",
            "天马镇",
            "龙田镇",
            "大有镇",
            "注溪镇",
            "客楼镇",
            "平庄镇",
        ),
    ),  # 岑巩县
    "522627": (
        28,
        (
            "凤城街道",
            "邦洞街道",
            "高酿镇",
            "石洞镇",
            "远口镇",
            "坌处镇",
            "白市镇",
            "瓮洞镇",
            "蓝田镇",
            "渡马镇",
        ),
    ),  # 天柱县
    "522628": (
        15,
        (
            "三江镇",
            "敦寨镇",
            "启蒙镇",
            "平秋镇",
            "茅坪镇",
            "隆里乡",
            "河口乡",
            "大同乡",
        ),
    ),  # 锦屏县
    "522629": (
        18,
        (
            "革东镇",
            "岑松镇",
            "柳川镇",
            "南加镇",
            "南明镇",
            "久仰镇",
            "太拥镇",
            "磻溪镇",
            "观么镇",
        ),
    ),  # 剑河县
    "522630": (
        11,
        (
            "台拱街道",
            "萃文街道",
            "施洞镇",
            "南宫镇",
            "方召镇",
            "革一镇",
            "排羊乡",
            "老屯乡",
            "台盘乡",
        ),
    ),  # 台江县
    "522631": (
        39,
        (
            "德凤街道",
            "高屯街道",
            "中潮镇",
            "孟彦镇",
            "敖市镇",
            "水口镇",
            "肇兴镇",
            "尚重镇",
            "洪州镇",
            "龙额镇",
        ),
    ),  # 黎平县
    "522632": (
        29,
        (
            "古州镇",
            "忠诚镇",
            "寨蒿镇",
            "平永镇",
            "乐里镇",
            "栽麻镇",
            "朗洞镇",
            "两汪乡",
        ),
    ),  # 榕江县
    "522633": (
        29,
        (
            "丙妹镇",
            "贯洞镇",
            "洛香镇",
            "下江镇",
            "宰便镇",
            "西山镇",
            "停洞镇",
            "往洞镇",
            "加榜乡",
        ),
    ),  # 从江县
    "522634": (
        11,
        (
            "丹江镇",
            "西江镇",
            "永乐镇",
            "郎德镇",
            "大塘镇",
            "望丰乡",
            "方祥乡",
            "达地水族乡",
        ),
    ),  # 雷山县
    "522635": (
        17,
        (
            "杏山街道",
            "谷硐镇",
            "宣威镇",
            "龙山镇",
            "贤昌镇",
            "下司镇",
            "坝芒布依族乡",
        ),
    ),  # 麻江县
    "522636": (
        13,
        (
            "龙泉镇",
            "金钟街道",
            "兴仁镇",
            "排调镇",
            "扬武镇",
            "雅灰乡",
            "南皋乡",
        ),
    ),  # 丹寨县
}


def _counties() -> tuple[County, ...]:
    counties = []
    for place in children(HOME_PREFECTURE):
        population, towns = _LOCAL.get(place.code, (10, ()))
        counties.append(County(place.name, place.code, place.lat, place.lon, population, towns))
    return tuple(counties)


COUNTIES: tuple[County, ...] = _counties()
COUNTY_BY_NAME = {county.name: county for county in COUNTIES}
