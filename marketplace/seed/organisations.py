"""Stations, the bureau's and stations' staff, employers with their members, and the blacklist."""

from __future__ import annotations

import datetime
import json

from django.contrib.auth.hashers import make_password

from marketplace.enums import IntegrityGrade, Role, VerificationStatus
from marketplace.models import BlacklistEntry, CooperationStation, Employer, User
from marketplace.places import COUNTIES, COUNTY_BY_NAME
from marketplace.seed.catalogue import BRANDS, INDUSTRIES, INDUSTRY_BY_KEY
from marketplace.seed.core import CREDIT_MARK, SeedContext, SeedEmployer, bulk_insert, new_user, weighted
from marketplace.seed.handcrafted import DEMO_PATH
from marketplace.seed.people import BUREAU_PHONE, member_phone, station_phone, surname
from marketplace.seed.places import DESTINATION_BY_CITY, DESTINATIONS, city_point, local_point, pick_county
from marketplace.validators import credit_code_check_char

_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
# The first few employers are fixed kinds, so even a tiny run has a verified factory, a public
# unit for 公益性岗位, a station-linked coastal employer and each verification status.
_FIRST_KINDS = (
    ("manufacturing", False, VerificationStatus.VERIFIED),
    ("construction", False, VerificationStatus.VERIFIED),
    ("public", False, VerificationStatus.VERIFIED),
    ("manufacturing", True, VerificationStatus.VERIFIED),
    ("agriculture", False, VerificationStatus.PENDING),
    ("services", False, VerificationStatus.REJECTED),
)
_REJECT_NOTES = (
    "营业执照照片模糊，无法核实，请重新上传清晰照片。",
    "单位名称与营业执照登记名称不一致，请核对。",
    "联系人与单位无劳动关系证明，请补充授权委托书。",
    "统一社会信用代码与营业执照不符，请核对后重新提交。",
)
_BLACKLIST_REASONS = (
    "拖欠农民工工资，经劳动保障监察责令限期支付后逾期仍未支付",
    "拖欠{n}名农民工工资共计{amount}万元，拒不支付",
    "以转移财产、逃匿等方法逃避支付农民工劳动报酬",
)
_ROADS = ("人民路", "民主路", "文化路", "北京东路", "宁波路", "营盘路", "环城路", "新城大道", "迎宾大道", "滨江路")
_VILLAGES = ("大寨", "新寨", "上寨", "下寨", "平寨", "高坡", "岩寨", "坪坝", "党扭", "乌东")
_ADDRESS = {
    "manufacturing": "工业园区{n}号标准厂房",
    "construction": "{road}{n}号{floor}楼",
    "public": "便民服务中心",
    "logistics": "物流园{n}号仓",
    "agriculture": "{village}村生产基地",
    "crafts": "安置点就业帮扶车间",
    "tourism": "景区游客服务中心旁",
    "retail": "{road}{n}号商铺",
}


def seed_stations_and_staff(ctx: SeedContext) -> list[User]:
    """Stations are upserted by name (reference data, kept by --reset); the staff are new users."""
    staff = [
        new_user(
            BUREAU_PHONE,
            password=ctx.password_hash,
            joined=ctx.ago(400),
            role=Role.BUREAU,
            is_staff=True,
            display_name=f"州人社局{surname(ctx.rng)}科长",
        )
    ]
    for index, dest in enumerate(DESTINATIONS):
        station, _ = CooperationStation.objects.update_or_create(
            name=dest.station,
            defaults={"city": dest.city, "address": dest.station_address, "lat": dest.lat, "lon": dest.lon},
        )
        ctx.stations[dest.city] = station
        user = new_user(
            station_phone(index),
            password=ctx.password_hash,
            joined=ctx.ago(380),
            role=Role.STATION,
            station=station,
            display_name=f"{surname(ctx.rng)}站长（{dest.city[:-1]}站）",
        )
        ctx.station_staff[dest.city] = user
        staff.append(user)
    bulk_insert(User, staff)
    ctx.bureau = staff[0]
    ctx.logins.append(("人社局工作人员", BUREAU_PHONE, staff[0].display_name))
    first = DESTINATIONS[0]
    ctx.logins.append(("劳务协作站", station_phone(0), f"{ctx.station_staff[first.city].display_name} {first.station}"))
    return staff


def _credit_code(prefix: str, region: str, index: int) -> str:
    serial = (index * 104729 + 12345) % 31**4  # a bijection on 0…31⁴-1: distinct per index
    chars = ""
    for _ in range(4):
        serial, rest = divmod(serial, 31)
        chars = _CODE_CHARS[rest] + chars
    first17 = f"{prefix}{region}{CREDIT_MARK}{chars}"
    return first17 + credit_code_check_char(first17)


def _employer(
    ctx: SeedContext, index: int, industry_key: str, coastal: bool, verification: str, taken: set[str]
) -> SeedEmployer:
    rng = ctx.rng
    industry = INDUSTRY_BY_KEY[industry_key]
    county = dest = None
    if coastal:
        dest = DESTINATIONS[index % len(DESTINATIONS)] if index < 12 else rng.choice(DESTINATIONS)
        town = rng.choice(dest.districts)
        place, region = dest.city[:-1], dest.code
        lat, lon = city_point(rng, dest)
    else:
        county = COUNTIES[index % len(COUNTIES)] if index < len(COUNTIES) else pick_county(rng, urban_bias=2.5)
        town = rng.choice(county.towns[:2]) if rng.random() < 0.6 else rng.choice(county.towns)
        place = rng.choice((county.name[:-1], county.name[:-1], "黔东南州", "贵州"))
        region = county.code
        lat, lon = local_point(rng, county, town)
    for _attempt in range(50):
        template, prefix = rng.choice(industry.names)
        name = template.format(place=place, brand=rng.choice(BRANDS), county=county.name if county else "", town=town)
        if name not in taken:
            break
    taken.add(name)
    city_or_county = dest.city if dest else county.name  # type: ignore[union-attr]
    suffix = _ADDRESS.get(industry_key, "{road}{n}号").format(
        n=rng.randint(1, 199), road=rng.choice(_ROADS), floor=rng.randint(2, 12), village=rng.choice(_VILLAGES)
    )
    if verification == VerificationStatus.VERIFIED:
        grade = IntegrityGrade.A if industry.public else weighted(rng, [("A", 60), ("B", 35), ("C", 5)])
        verified_at = ctx.ago(rng.uniform(30, 700))
        created_at = verified_at - datetime.timedelta(days=rng.uniform(1, 10))
    else:
        grade, verified_at = IntegrityGrade.B, None
        created_at = ctx.ago(rng.uniform(1, 20) if verification == VerificationStatus.PENDING else rng.uniform(5, 60))
    title = "主任" if industry.public else "社长" if "合作社" in name else rng.choice(("经理", "主管", "女士", "先生"))
    contact = surname(rng) + title
    employer = Employer(
        name=name,
        credit_code=_credit_code(prefix, region, index),
        county=city_or_county,
        town=town,
        address=f"{city_or_county}{town}{suffix}",
        lat=lat,
        lon=lon,
        contact_name=contact,
        station=ctx.stations[dest.city] if dest else None,
        verification=verification,
        verification_note=rng.choice(_REJECT_NOTES) if verification == VerificationStatus.REJECTED else "",
        verified_at=verified_at,
        integrity_grade=grade,
        created_at=created_at,
    )
    weight = rng.uniform(0.5, 3.0) * (1.5 if industry_key == "manufacturing" else 1.0)
    if verification != VerificationStatus.VERIFIED:
        weight = 0.3
    return SeedEmployer(employer, industry_key, county, dest, public=industry.public, weight=weight)


def seed_employers(ctx: SeedContext, count: int) -> list[SeedEmployer]:
    rng = ctx.rng
    taken = set(Employer.objects.values_list("name", flat=True))
    result: list[SeedEmployer] = []
    with ctx.progress("用人单位", count) as bar:
        for index in range(count):
            if index < len(_FIRST_KINDS):
                industry_key, coastal, verification = _FIRST_KINDS[index]
            else:
                industry = rng.choices(INDUSTRIES, [i.weight for i in INDUSTRIES])[0]
                industry_key = industry.key
                coastal = industry.destination and rng.random() < 0.3
                verification = weighted(
                    rng,
                    [
                        (VerificationStatus.VERIFIED, 80),
                        (VerificationStatus.PENDING, 12),
                        (VerificationStatus.REJECTED, 8),
                    ],
                )
            result.append(_employer(ctx, index, industry_key, coastal, verification, taken))
            bar.update(1)
    _blacklist(ctx, result)
    return result


def _blacklist(ctx: SeedContext, employers: list[SeedEmployer]) -> None:
    """2–3 employers in force on the wage-arrears blacklist (1 in tiny runs), one more whose entry ended."""
    rng = ctx.rng
    candidates = [e for e in employers[1:] if e.verified and not e.public]
    size = len(employers)
    active = rng.sample(candidates, min(len(candidates), 1 if size < 10 else 2 if size < 60 else 3))
    former = [e for e in candidates if e not in active]
    ended = rng.choice(former) if size >= 10 and former else None
    entries = []
    for seed_employer in [*active, ended] if ended else active:
        if seed_employer is ended:
            starts = ctx.today - datetime.timedelta(days=rng.randint(400, 700))
            reason, years = _BLACKLIST_REASONS[0], 1
            seed_employer.employer.integrity_grade = IntegrityGrade.B  # paid up, but the record lowers the grade
        else:
            starts = ctx.today - datetime.timedelta(days=rng.randint(10, 200))
            reason = rng.choice(_BLACKLIST_REASONS).format(n=rng.randint(6, 48), amount=rng.randint(8, 160))
            years = rng.choice((1, 3))
            seed_employer.blacklisted = True
            seed_employer.employer.integrity_grade = IntegrityGrade.C
        entries.append(
            BlacklistEntry(
                employer=seed_employer.employer,
                reason=reason,
                starts_on=starts,
                ends_on=starts + datetime.timedelta(days=365 * years),
                created_by=ctx.bureau,
                created_at=ctx.ago((ctx.today - starts).days),
            )
        )
    bulk_insert(Employer, [e.employer for e in employers])
    bulk_insert(BlacklistEntry, entries)


def demo_employers() -> list[SeedEmployer]:
    """The handcrafted employers of demo.json, so seekers apply to their postings too."""
    codes = [row["credit_code"] for row in json.loads(DEMO_PATH.read_text(encoding="utf-8"))["employers"]]
    by_code = Employer.objects.in_bulk(codes, field_name="credit_code")
    result = []
    for employer in (by_code[code] for code in codes if code in by_code):  # the file's order: 黔丰电子 first
        county, dest = COUNTY_BY_NAME.get(employer.county), DESTINATION_BY_CITY.get(employer.county)
        result.append(SeedEmployer(employer, "demo", county, dest, demo=True))
    return result


def seed_members(ctx: SeedContext, employers: list[SeedEmployer]) -> None:
    """1–2 accounts per employer; the first is the contact person. A few get the demo password."""
    rng = ctx.rng
    users: list[User] = []
    known = {0}  # the first handcrafted employer: realistic postings to log in to
    known.add(next((i for i, e in enumerate(employers) if not e.demo and e.verified and not e.blacklisted), 0))
    known.add(next((i for i, e in enumerate(employers) if not e.demo and e.destination and e.verified), 0))
    for index, seed_employer in enumerate(employers):
        employer = seed_employer.employer
        for position in range(rng.choice((1, 1, 2))):
            phone = member_phone(len(users))
            password = ctx.password_hash if (index in known and position == 0) else make_password(None)
            name = employer.contact_name if position == 0 else f"{surname(rng)}（人事）"
            joined = max(employer.created_at or ctx.ago(300), ctx.ago(700))
            user = new_user(
                phone, password=password, joined=joined, role=Role.EMPLOYER, employer=employer, display_name=name[:30]
            )
            users.append(user)
            seed_employer.members.append(user)
            if password == ctx.password_hash:
                ctx.logins.append(("用人单位", phone, employer.name))
    bulk_insert(User, users)
    # The contact phone is the first member's: a seeded number in the reserved block, never a stranger's.
    seeded = [e.employer for e in employers if not e.demo]
    for employer, seed_employer in zip(seeded, [e for e in employers if not e.demo], strict=True):
        employer.contact_phone = seed_employer.members[0].phone
    Employer.objects.bulk_update(seeded, ["contact_phone"], batch_size=500)
