"""Names, phone numbers and ID numbers of seeded people.

Phone numbers: every seeded account uses the block 199 0000 0000 – 199 0009 9999, which no
real person in the demo database can hold. Seekers get 19900000000 + n (n < 90 000), staff
get 1990009xxxx (bureau 19900090000, stations 1990009000x, employer members from 19900091000).
Because phone numbers are stored encrypted, `--reset` finds seeded accounts by recomputing the
digests of this block instead of by a range query.

ID numbers are valid 18-digit 身份证号 (GB 11643) with the hukou county's region code and the
birth date the profile's birth year implies, so validators and age filters accept them.
"""

from __future__ import annotations

import datetime
import random
from collections.abc import Iterator

from marketplace.accounts.models import phone_digest
from marketplace.enums import Gender
from marketplace.validators import id_number_check_char

PHONE_BLOCK_START = 19900000000
PHONE_BLOCK_SIZE = 100_000
MAX_SEEKERS = 90_000
BUREAU_PHONE = "19900090000"
STATION_PHONE_BASE = 19900090001
MEMBER_PHONE_BASE = 19900091000


def seeker_phone(index: int) -> str:
    return str(PHONE_BLOCK_START + index)


def station_phone(index: int) -> str:
    return str(STATION_PHONE_BASE + index)


def member_phone(index: int) -> str:
    return str(MEMBER_PHONE_BASE + index)


def seeded_phone_digests(chunk: int = 5000) -> Iterator[list[str]]:
    """Digests of the whole reserved block, in chunks small enough for one `IN (...)` query."""
    for start in range(PHONE_BLOCK_START, PHONE_BLOCK_START + PHONE_BLOCK_SIZE, chunk):
        yield [phone_digest(str(number)) for number in range(start, start + chunk)]


# Miao and Dong surnames dominate 黔东南 (杨, 吴, 龙, 石, 潘, 欧, 姜, 邰, 粟 …), then the Han common ones.
SURNAMES = (
    ("杨", 14),
    ("吴", 11),
    ("龙", 7),
    ("王", 6),
    ("石", 5),
    ("潘", 5),
    ("张", 5),
    ("李", 5),
    ("刘", 3),
    ("陈", 3),
    ("欧", 2),
    ("姜", 2),
    ("罗", 2),
    ("邰", 1),
    ("粟", 1),
    ("韦", 2),
    ("田", 2),
    ("胡", 1),
    ("黄", 2),
    ("顾", 1),
    ("万", 1),
    ("蒋", 1),
    ("文", 1),
    ("邓", 1),
    ("姚", 1),
    ("宋", 1),
    ("赵", 1),
    ("周", 1),
    ("梁", 1),
    ("唐", 1),
    ("舒", 1),
    ("彭", 1),
    ("金", 1),
    ("余", 1),
    ("向", 1),
    ("滚", 1),
)
_SURNAME_VALUES = [name for name, _ in SURNAMES]
_SURNAME_WEIGHTS = [weight for _, weight in SURNAMES]

# Given names follow fashions: grouped by the decade people were born in.
_GIVEN = {
    ("old", Gender.MALE): (
        "光明",
        "国华",
        "正文",
        "德贵",
        "开富",
        "金生",
        "昌林",
        "通和",
        "志强",
        "建国",
        "永福",
        "再兴",
        "文贵",
        "德明",
        "昌武",
        "老四",
        "先富",
        "承才",
        "光荣",
        "应龙",
        "正伟",
    ),
    ("old", Gender.FEMALE): (
        "秀英",
        "桂芝",
        "玉兰",
        "秀珍",
        "桂香",
        "春花",
        "金莲",
        "银花",
        "玉梅",
        "老妹",
        "小妹",
        "月英",
        "兰英",
        "秀花",
        "仁妹",
        "满妹",
        "银秀",
    ),
    ("mid", Gender.MALE): (
        "文军",
        "海军",
        "勇",
        "刚",
        "军",
        "伟",
        "斌",
        "强",
        "明",
        "红军",
        "小平",
        "永红",
        "正华",
        "德勇",
        "昌盛",
        "建华",
        "光辉",
        "家兴",
        "胜利",
        "小龙",
        "志刚",
        "成林",
    ),
    ("mid", Gender.FEMALE): (
        "丽",
        "芳",
        "燕",
        "红梅",
        "金梅",
        "丽萍",
        "小琴",
        "美玲",
        "玉芬",
        "桂英",
        "海燕",
        "秀梅",
        "春梅",
        "红英",
        "晓梅",
        "应芬",
        "琴",
        "丽华",
        "英",
    ),
    ("young", Gender.MALE): (
        "浩然",
        "子豪",
        "宇航",
        "俊杰",
        "子轩",
        "鑫",
        "磊",
        "杰",
        "宇",
        "浩",
        "文杰",
        "明宇",
        "天佑",
        "嘉豪",
        "家乐",
        "志远",
        "博文",
        "帅",
        "俊熙",
        "锦程",
        "宇轩",
    ),
    ("young", Gender.FEMALE): (
        "欣怡",
        "梓涵",
        "雨婷",
        "思雨",
        "佳怡",
        "诗琪",
        "婷婷",
        "丽娟",
        "梦瑶",
        "雅琪",
        "晓燕",
        "敏",
        "慧",
        "丹丹",
        "春燕",
        "雨欣",
        "可欣",
        "紫涵",
        "美琪",
        "金凤",
    ),
}


def person_name(rng: random.Random, gender: str, birth_year: int) -> str:
    era = "old" if birth_year < 1968 else "mid" if birth_year < 1990 else "young"
    return rng.choices(_SURNAME_VALUES, weights=_SURNAME_WEIGHTS)[0] + rng.choice(_GIVEN[(era, gender)])


def surname(rng: random.Random) -> str:
    return rng.choices(_SURNAME_VALUES, weights=_SURNAME_WEIGHTS)[0]


def id_number(rng: random.Random, region_code: str, birth_year: int, gender: str, taken: set[str]) -> str:
    """A valid, unused 身份证号: region, birth date in `birth_year`, sequence (odd = male), check digit."""
    while True:
        birth = datetime.date(birth_year, 1, 1) + datetime.timedelta(days=rng.randrange(365))
        seq = rng.randrange(0, 100) * 10 + rng.choice((1, 3, 5, 7, 9) if gender == Gender.MALE else (0, 2, 4, 6, 8))
        first17 = f"{region_code}{birth:%Y%m%d}{seq:03d}"
        number = first17 + id_number_check_char(first17)
        if number not in taken:
            taken.add(number)
            return number


def certificate_number(rng: random.Random, year: int) -> str:
    """Looks like a 职业资格/特种作业 certificate number: issuing region, year, serial."""
    return f"T5226{year}{rng.randrange(10**7):07d}"
