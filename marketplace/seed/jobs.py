"""What jobs pay and ask for here: pay per trade and pay unit, education, age, benefits, titles.

Pay levels follow 2023 reality in 黔东南 (minimum wage 1,790–1,890 元/月, factory work about
3,500–5,500, skilled construction 250–400 元/天) and are about 30 % higher in the coastal cities.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from marketplace.enums import BENEFITS, Education, JobType, PayUnit
from marketplace.seed import catalogue

E = Education


@dataclass(frozen=True)
class PayScale:
    month: tuple[int, int]
    day: tuple[int, int]
    hour: tuple[int, int]
    education: tuple[tuple[str, int], ...]
    age_max: tuple[int, ...]


_BASIC = ((E.NONE, 5), (E.JUNIOR, 3), (E.SENIOR, 1))
PAY: dict[str, PayScale] = {
    "F01": PayScale((4500, 8500), (180, 400), (25, 40), ((E.NONE, 6), (E.PRIMARY, 1), (E.JUNIOR, 2)), (50, 55, 58, 60)),
    "F02": PayScale((3200, 6500), (130, 220), (18, 28), _BASIC, (40, 45, 48, 50)),
    "F03": PayScale((2400, 5000), (100, 180), (14, 25), _BASIC, (45, 50, 55, 60)),
    "F04": PayScale((2800, 7000), (150, 300), (25, 45), _BASIC, (50, 55, 60)),
    "F05": PayScale((3800, 8000), (150, 280), (20, 35), _BASIC, (45, 50, 55)),
    "F06": PayScale((2500, 4200), (80, 150), (12, 20), ((E.NONE, 8), (E.PRIMARY, 1), (E.JUNIOR, 1)), (55, 60, 65)),
    "F07": PayScale(
        (2800, 6000), (120, 200), (15, 25), ((E.NONE, 2), (E.JUNIOR, 3), (E.SENIOR, 4), (E.COLLEGE, 1)), (35, 40, 45)
    ),
    "F08": PayScale((2800, 6500), (150, 300), (30, 60), ((E.SENIOR, 2), (E.COLLEGE, 5), (E.BACHELOR, 4)), (35, 40, 45)),
    "F09": PayScale((2500, 4800), (100, 180), (15, 25), ((E.NONE, 8), (E.PRIMARY, 1)), (50, 55, 60)),
    "F10": PayScale((2500, 4800), (100, 200), (15, 25), _BASIC, (35, 40, 45, 50)),
    "F11": PayScale((1700, 2200), (80, 120), (12, 16), ((E.NONE, 8), (E.PRIMARY, 1), (E.JUNIOR, 1)), (55, 60)),
    "F12": PayScale((3800, 8000), (200, 350), (30, 50), ((E.JUNIOR, 4), (E.SENIOR, 3), (E.NONE, 2)), (45, 50, 55)),
}
PAY_FACTOR = {
    "月嫂": 1.8,
    "塔吊司机": 1.5,
    "带货主播": 1.4,
    "临床医师": 1.7,
    "软件开发工程师": 1.5,
    "货车司机": 1.2,
    "高压电工": 1.3,
    "挖掘机司机": 1.4,
    "汽车吊司机": 1.4,
    "数控操机员": 1.2,
    "施工员": 1.1,
    "厨师": 1.2,
}
PIECE = {
    "外卖骑手": (4, 8),
    "快递员": (1, 3),
    "缝纫工": (1, 5),
    "制鞋工": (1, 4),
    "包装工": (1, 2),
    "绣娘": (80, 400),
    "蜡染工": (40, 200),
    "织锦工": (60, 300),
    "竹编工": (20, 120),
}
_ROUND = {PayUnit.MONTH: 100, PayUnit.DAY: 10, PayUnit.HOUR: 1, PayUnit.PIECE: 1}


def pay_unit(rng: random.Random, job_type: str, family: str, occupation: str) -> str:
    piece_ok = occupation in PIECE
    if job_type in (JobType.INTERNSHIP, JobType.PUBLIC_WELFARE):
        return PayUnit.MONTH
    if job_type == JobType.GIG:
        return rng.choices([PayUnit.DAY, PayUnit.HOUR, PayUnit.PIECE], [7, 2, 2 if piece_ok else 0])[0]
    if job_type == JobType.PART_TIME:
        return rng.choices([PayUnit.HOUR, PayUnit.DAY, PayUnit.PIECE], [6, 2, 2 if piece_ok else 0])[0]
    day_weight = 5 if family in ("F01", "F06") else 0
    return rng.choices([PayUnit.MONTH, PayUnit.DAY, PayUnit.PIECE], [10, day_weight, 3 if piece_ok else 0])[0]


def pay_range(
    rng: random.Random, *, family: str, occupation: str, unit: str, job_type: str, coastal: bool
) -> tuple[int, int]:
    """A plausible (min, max): a base inside the family's band, a spread of 0–50 %, rounded as ads round."""
    if job_type == JobType.INTERNSHIP:
        low = rng.choice((1800, 1900, 2000, 2200))  # 见习补贴: about the local minimum wage
        return low, low + rng.choice((0, 0, 300, 500))
    if job_type == JobType.PUBLIC_WELFARE:
        low = rng.choice((1700, 1790, 1800, 1890, 2000))
        return low, low + rng.choice((0, 0, 0, 200))
    if unit == PayUnit.PIECE:
        low, high = PIECE[occupation]
    else:
        scale = PAY[family]
        low, high = {PayUnit.MONTH: scale.month, PayUnit.DAY: scale.day, PayUnit.HOUR: scale.hour}[unit]
    factor = PAY_FACTOR.get(occupation, 1.0) * (1.3 if coastal else 1.0)
    base = rng.uniform(low, low + (high - low) * 0.6) * factor
    step = _ROUND[unit]
    pay_min = max(step, round(base / step) * step)
    if rng.random() < 0.12:
        return pay_min, pay_min
    pay_max = max(pay_min, round(pay_min * rng.uniform(1.1, 1.4) / step) * step)
    return pay_min, pay_max


def education_min(rng: random.Random, family: str, job_type: str) -> str:
    if job_type == JobType.INTERNSHIP:
        return rng.choice((E.COLLEGE, E.COLLEGE, E.BACHELOR))
    values, weights = zip(*PAY[family].education, strict=True)
    return rng.choices(values, weights)[0]


def age_range(rng: random.Random, family: str, job_type: str) -> tuple[int | None, int | None]:
    if job_type == JobType.INTERNSHIP:
        return 18, rng.choice((24, 30, 35))
    if job_type == JobType.PUBLIC_WELFARE:
        return rng.choice((None, 35, 40)), 60
    if rng.random() < 0.2:
        return None, None
    return rng.choice((18, 18, 18, 20)), rng.choice(PAY[family].age_max)


_BENEFIT_BIAS = {
    "F01": ("包住", "包吃", "加班费"),
    "F02": ("包吃住", "五险", "加班费", "节日福利", "技能培训"),
    "F03": ("包吃", "节日福利", "五险"),
    "F05": ("五险", "交通补贴", "加班费"),
    "F08": ("五险一金", "年终奖", "节日福利"),
    "F10": ("包吃住", "节日福利"),
}


def benefits(rng: random.Random, family: str, job_type: str) -> list[str]:
    if job_type == JobType.GIG:
        chosen = {"日结"} | ({"包吃"} if rng.random() < 0.4 else set())
    elif job_type == JobType.PART_TIME:
        chosen = {rng.choice(("周结", "日结", "交通补贴"))}
    elif job_type == JobType.PUBLIC_WELFARE:
        chosen = {"五险"}
    elif job_type == JobType.INTERNSHIP:
        chosen = set(rng.sample(("技能培训", "交通补贴", "节日福利", "包吃"), 2))
    else:
        bias = _BENEFIT_BIAS.get(family, ("五险", "节日福利"))
        chosen = set(rng.sample(bias, min(len(bias), rng.randint(2, 4))))
        if rng.random() < 0.3:
            chosen.add(rng.choice([b for b in BENEFITS if b not in ("日结", "周结")]))
        if "包吃住" in chosen:
            chosen -= {"包吃", "包住"}
        if "五险一金" in chosen:
            chosen.discard("五险")
    return [b for b in BENEFITS if b in chosen]  # the catalogue's order, as forms show them


def title_and_schedule(
    rng: random.Random, *, job_type: str, family: str, occupation: str, unit: str, coastal: bool
) -> tuple[str, str]:
    """Templates ({occ}, {town}, …) for the title and the working hours, kept consistent with each other."""
    if job_type == JobType.PUBLIC_WELFARE:
        hours = catalogue.SCHEDULES[job_type]
        schedule = (
            hours[0] if occupation in catalogue.PATROL else hours[2] if occupation in catalogue.SWEEP else hours[1]
        )
        return rng.choice(catalogue.TITLES[job_type]), schedule
    if job_type == JobType.GIG:
        hours = [h for h in catalogue.SCHEDULES[job_type] if (unit == PayUnit.HOUR) == ("小时" in h)]
        return rng.choice(catalogue.TITLES[job_type]), rng.choice(hours)
    if job_type != JobType.FULL_TIME:
        return rng.choice(catalogue.TITLES[job_type]), rng.choice(catalogue.SCHEDULES[job_type])
    schedules = catalogue.SCHEDULES_FULL_TIME[family]
    titles = catalogue.TITLES_FULL_TIME + catalogue.TITLES_BY_FAMILY.get(family, ())
    if coastal and rng.random() < 0.5:
        titles = catalogue.COASTAL_TITLES
    title = rng.choice(titles)
    for shift in ("长白班", "两班倒"):
        if shift in title:
            return title, next(s for s in schedules if shift in s)
    return title, rng.choice(schedules)


CERT_WORDS = ("证", "驾照", "资格", "职称")


def certificate_skills(skills: list[str]) -> list[str]:
    return [s for s in skills if any(word in s for word in CERT_WORDS)]
