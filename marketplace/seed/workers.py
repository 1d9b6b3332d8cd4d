"""Job seekers: accounts, profiles, key-group tags, certificates and work histories.

Proportions follow the prefecture's labour force: mostly rural, many who worked on the coast,
a large poverty-relieved population, and older workers who look for work near home.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.contrib.auth.hashers import make_password

from marketplace.enums import (
    EDUCATION_RANK,
    Availability,
    Education,
    Gender,
    JobType,
    KeyGroup,
    PayUnit,
    ProfileVisibility,
    Role,
)
from marketplace.models import Certificate, GroupTag, Occupation, User, WorkerProfile, WorkExperience
from marketplace.places import COUNTIES
from marketplace.profiles.models import id_number_digest
from marketplace.seed import catalogue, jobs, people
from marketplace.seed.core import SeedContext, bulk_insert, new_user, weighted
from marketplace.seed.places import DESTINATIONS, local_point, pick_county

E, K = Education, KeyGroup
_AGES = [
    ((16, 19), 5),
    ((20, 24), 14),
    ((25, 29), 13),
    ((30, 34), 12),
    ((35, 39), 11),
    ((40, 44), 11),
    ((45, 49), 12),
    ((50, 54), 11),
    ((55, 59), 7),
    ((60, 62), 4),
]
_EDUCATION = {  # by age bracket upper bound
    24: [(E.PRIMARY, 5), (E.JUNIOR, 35), (E.SENIOR, 40), (E.COLLEGE, 15), (E.BACHELOR, 5)],
    39: [(E.NONE, 1), (E.PRIMARY, 8), (E.JUNIOR, 42), (E.SENIOR, 30), (E.COLLEGE, 12), (E.BACHELOR, 7)],
    49: [(E.NONE, 3), (E.PRIMARY, 25), (E.JUNIOR, 50), (E.SENIOR, 18), (E.COLLEGE, 4)],
    99: [(E.NONE, 15), (E.PRIMARY, 45), (E.JUNIOR, 32), (E.SENIOR, 8)],
}
# Which trades people look for: (male weight, female weight) per occupation family.
_FAMILY_TASTE = {
    "F01": (10, 1),
    "F02": (10, 10),
    "F03": (5, 8),
    "F04": (1, 6),
    "F05": (6, 1),
    "F06": (4, 4),
    "F07": (2, 5),
    "F08": (2, 3),
    "F09": (0.3, 4),
    "F10": (2, 3),
    "F11": (1, 1),
    "F12": (4, 0.5),
}
_SCHOOLS = (
    "凯里学院",
    "黔东南民族职业技术学院",
    "贵州大学",
    "贵州民族大学",
    "黔南民族师范学院",
    "贵州师范大学",
    "贵州交通职业技术学院",
    "贵州电子信息职业技术学院",
)
_MAJORS = ("会计", "电子商务", "护理", "学前教育", "计算机应用技术", "旅游管理", "汉语言文学", "市场营销", "机电一体化")
_TRAITS = (
    "能吃苦",
    "做事踏实",
    "身体好，能加班",
    "会说苗语和普通话",
    "会说侗话",
    "会骑电动车",
    "手脚勤快",
    "听从安排",
    "学东西快",
)
# Former employers' name endings by the trade worked there; coastal ones only for trades people migrate for.
_PAST_EMPLOYER = {
    "F01": ("建筑劳务有限公司", "建设工程有限公司"),
    "F02": ("电子有限公司", "服饰有限公司", "鞋业有限公司", "五金制品厂", "塑胶制品有限公司"),
    "F03": ("餐饮管理有限公司", "物业服务有限公司", "酒店"),
    "F04": ("家政服务有限公司", "养老院"),
    "F05": ("物流有限公司", "运输有限公司", "快递服务部"),
    "F06": ("种植专业合作社", "农业开发有限公司", "养殖场"),
    "F07": ("商贸有限公司", "电子商务有限公司", "超市"),
    "F08": ("信息技术有限公司", "教育咨询有限公司", "会计服务有限公司"),
    "F09": ("民族工艺品有限公司", "刺绣专业合作社"),
    "F10": ("酒店管理有限公司", "旅游开发有限公司"),
    "F11": ("村民委员会",),
    "F12": ("机电设备安装有限公司", "汽车维修厂"),
}
_MIGRANT_TRADES = ("F01", "F02", "F03", "F04", "F05", "F12")


@dataclass
class SeedWorker:
    profile: WorkerProfile
    user: User
    age: int
    groups: list[str]
    occupations: list[Occupation]
    places: list[str]
    tags: list[GroupTag] = field(default_factory=list)

    def snapshot(self) -> dict:
        """What an employer sees with an application. Never the ID number or the phone."""
        # The shape of applications.services.profile_snapshot, labels and all: pages show it as it is.
        p = self.profile
        return {
            "name": p.name,
            "gender": p.get_gender_display() if p.gender else "",
            "age": self.age,
            "education": p.get_education_display() if p.education else "",
            "current_place": " ".join(x for x in (p.current_county, p.current_town) if x),
            "skills": list(p.skills),
            "wanted_occupations": [o.name for o in self.occupations],
            "certificates": [],
            "experiences": [],
            "key_groups": list(self.groups),
            "intro": "",
        }


def _groups(ctx: SeedContext, archetype: str | None, age: int, education: str) -> list[str]:
    rng = ctx.rng
    college = EDUCATION_RANK[education] >= EDUCATION_RANK[E.COLLEGE]
    chosen = {archetype} if archetype else set()
    if age <= 26 and college and rng.random() < 0.85:
        chosen.add(K.GRADUATE)
    if age >= 50 and rng.random() < 0.85:
        chosen.add(K.OLDER_WORKER)
    graduate = K.GRADUATE in chosen
    for group, share in (
        (K.RURAL_MIGRANT, 0.15 if graduate else 0.40),
        (K.POVERTY_RELIEVED, 0.22),
        (K.RELOCATED, 0.07),
        (K.LOW_INCOME, 0.05),
        (K.ZERO_EMPLOYMENT_HOUSEHOLD, 0.012),
        (K.HARD_TO_EMPLOY, 0.12 if age >= 45 else 0.03),
    ):
        if rng.random() < share:
            chosen.add(group)
    if K.RELOCATED in chosen and rng.random() < 0.7:
        chosen.add(K.POVERTY_RELIEVED)  # 易地扶贫搬迁 moved mostly registered poor households
    return [g for g in KeyGroup.values if g in chosen]


def _wanted(ctx: SeedContext, gender: str, age: int, education: str, groups: list[str]) -> list[Occupation]:
    rng = ctx.rng
    rank = EDUCATION_RANK[education]
    weights = {}
    for family, (male, female) in _FAMILY_TASTE.items():
        w = male if gender == Gender.MALE else female
        if family == "F08":
            w *= 4 if rank >= EDUCATION_RANK[E.COLLEGE] else 1 if rank >= EDUCATION_RANK[E.SENIOR] else 0.05
        if K.GRADUATE in groups and family not in ("F07", "F08", "F10", "F02"):
            w *= 0.1
        if age >= 50:
            w *= 2.5 if family in ("F03", "F06", "F11", "F04") else 0.3 if family in ("F07", "F08", "F02") else 1
        if family == "F11" and ({K.HARD_TO_EMPLOY, K.LOW_INCOME, K.ZERO_EMPLOYMENT_HOUSEHOLD} & set(groups)):
            w *= 8
        weights[family] = w
    family = weighted(rng, weights.items())
    chosen: list[Occupation] = []
    for _ in range(rng.choice((1, 1, 2, 2, 3))):
        if chosen and rng.random() > 0.6:
            family = weighted(rng, weights.items())
        occupation = rng.choice(ctx.by_family[family])
        if occupation not in chosen:
            chosen.append(occupation)
    return chosen


def _experiences(ctx: SeedContext, profile: WorkerProfile, age: int, wanted: list[Occupation]) -> list[WorkExperience]:
    rng = ctx.rng
    count = 0 if age < 20 else rng.choice((0, 1)) if age < 25 else rng.choice((0, 1, 1, 2, 2, 3))
    cursor, earliest = ctx.today.year - rng.randint(0, 2), ctx.today.year - age + 16
    result = []
    for _ in range(count):
        occupation = rng.choice(wanted) if rng.random() < 0.7 else rng.choice(ctx.occupations)
        end = cursor
        start = max(earliest, end - rng.randint(1, 5))
        if start > end:
            break
        family = occupation.family.code
        if family in _MIGRANT_TRADES and rng.random() < 0.6:
            dest = rng.choice(DESTINATIONS)
            place, company = dest.city, f"{dest.city}{rng.choice(dest.districts)}{rng.choice(catalogue.BRANDS)}"
        else:
            county = pick_county(rng, urban_bias=2)
            town = rng.choice(county.towns) if family == "F11" else ""
            place, company = county.name, f"{county.name[:-1]}{town}{rng.choice(catalogue.BRANDS)}"
        result.append(
            WorkExperience(
                profile=profile,
                employer_name=company + rng.choice(_PAST_EMPLOYER[family]),
                occupation=occupation,
                title=occupation.name,
                place=place,
                start_year=start,
                end_year=end,
            )
        )
        cursor = start - rng.randint(0, 1)
    return result


def _intro(ctx: SeedContext, age: int, groups: list[str], wanted: list[Occupation], places: list[str]) -> str:
    rng = ctx.rng
    trait = rng.choice(_TRAITS)
    if rng.random() < 0.3:
        return ""
    if K.GRADUATE in groups:
        return f"{rng.choice(_SCHOOLS)}{rng.choice(_MAJORS)}专业毕业，{trait}，想先找个见习岗位积累经验。"
    if age >= 50:
        return f"年纪大了，想在家附近找点活干，{trait}。"
    if len(places) > 1 and rng.random() < 0.5:
        city = rng.choice(DESTINATIONS).city
        return f"在{city}做过{rng.randint(1, 8)}年{wanted[0].name}，{trait}，跟老乡一起出去也可以。"
    return f"{trait}，希望找一份{wanted[0].name}的工作。"


def _worker(ctx: SeedContext, index: int, taken: set[str]) -> tuple[SeedWorker, list, list]:
    rng = ctx.rng
    archetype = KeyGroup.values[index] if index < len(KeyGroup.values) else None
    if archetype is None and rng.random() < 0.06:
        archetype = K.GRADUATE  # 离校未就业 graduates register in numbers the age pyramid alone misses
    if archetype == K.GRADUATE:
        age, education = rng.randint(21, 25), weighted(rng, [(E.COLLEGE, 55), (E.BACHELOR, 40), (E.MASTER, 5)])
    else:
        low, high = (50, 62) if archetype == K.OLDER_WORKER else weighted(rng, _AGES)
        age = rng.randint(low, high)
        education = weighted(rng, next(v for bound, v in _EDUCATION.items() if age <= bound))
        if age < 21 and EDUCATION_RANK[education] > EDUCATION_RANK[E.SENIOR]:
            education = E.SENIOR  # too young to have finished college
    gender = Gender.MALE if rng.random() < 0.53 else Gender.FEMALE
    birth_year = ctx.today.year - age
    home = COUNTIES[index] if index < len(COUNTIES) else pick_county(rng)
    home_town = rng.choice(home.towns)
    groups = _groups(ctx, archetype, age, education)
    away = K.GRADUATE not in groups and 20 <= age <= 45 and rng.random() < (0.35 if K.RURAL_MIGRANT in groups else 0.1)
    station = None
    if away:
        dest = rng.choice(DESTINATIONS)
        county_name, town = dest.city, rng.choice(dest.districts)
        lat, lon = round(dest.lat + rng.uniform(-0.2, 0.2), 5), round(dest.lon + rng.uniform(-0.2, 0.2), 5)
        station = ctx.stations[dest.city] if rng.random() < 0.5 else None
    else:
        county = COUNTIES[0] if home is not COUNTIES[0] and rng.random() < 0.12 else home
        town = home.towns[0] if K.RELOCATED in groups or rng.random() < 0.3 else home_town
        town = town if county is home else rng.choice(county.towns[:6])
        county_name = county.name
        lat, lon = local_point(rng, county, town)
    places = [home.name]
    if home is not COUNTIES[0] and (rng.random() < 0.25 or K.GRADUATE in groups):
        places.append(COUNTIES[0].name)
    if away:
        places.append(county_name)
    elif K.RURAL_MIGRANT in groups and age <= 50 and rng.random() < 0.6:
        places.append(rng.choice(DESTINATIONS).city)
    wanted = _wanted(ctx, gender, age, education, groups)
    pool = [s for o in wanted for s in o.skills]
    skills = list(dict.fromkeys(rng.sample(pool, min(len(pool), rng.randint(1, 4)))))
    if K.GRADUATE in groups:
        availability = Availability.FULL_TIME
    else:
        availability = weighted(
            rng,
            [
                (Availability.FULL_TIME, 35 if age >= 50 else 55),
                (Availability.GIG, 35 if age >= 50 else 15),
                (Availability.BOTH, 30),
            ],
        )
    types = {
        Availability.FULL_TIME: {JobType.FULL_TIME},
        Availability.GIG: {JobType.GIG, JobType.PART_TIME},
        Availability.BOTH: {JobType.FULL_TIME, JobType.GIG},
    }[availability]
    if K.GRADUATE in groups:
        types.add(JobType.INTERNSHIP)
    if {K.HARD_TO_EMPLOY, K.LOW_INCOME, K.ZERO_EMPLOYMENT_HOUSEHOLD, K.OLDER_WORKER} & set(
        groups
    ) and rng.random() < 0.5:
        types.add(JobType.PUBLIC_WELFARE)
    family = wanted[0].family.code
    coastal = 1.3 if any(p.endswith("市") and p != COUNTIES[0].name for p in places) else 1.0
    if availability == Availability.GIG:
        unit, band, step = PayUnit.DAY, jobs.PAY[family].day, 10
    else:
        unit, band, step = PayUnit.MONTH, jobs.PAY[family].month, 100
    expected = round(rng.uniform(band[0], (band[0] + band[1]) / 2) * coastal / step) * step
    created = ctx.ago(rng.uniform(0.5, 365))
    name = people.person_name(rng, gender, birth_year)
    phone = people.seeker_phone(index)
    password = ctx.password_hash if index < 3 else make_password(None)
    user = new_user(phone, password=password, joined=created, role=Role.SEEKER, display_name=name)
    if index < 3:
        ctx.logins.append(
            ("求职者", phone, f"{name}（{', '.join(str(KeyGroup(g).label) for g in groups) or '无重点群体'}）")
        )
    number = people.id_number(rng, home.code, birth_year, gender, taken)
    profile = WorkerProfile(
        user=user,
        station=station,
        name=name,
        gender=gender,
        birth_year=birth_year,
        id_number=number,
        id_number_digest=id_number_digest(number),
        hukou_township=f"{home.name}{home_town}",
        current_county=county_name,
        current_town=town,
        lat=lat,
        lon=lon,
        education=education,
        skills=skills,
        wanted_places=places,
        wanted_job_types=[t for t in JobType.values if t in types],
        expected_pay=expected,
        expected_pay_unit=unit,
        availability=availability,
        gig_days=sorted(rng.sample(range(7), rng.randint(2, 7))) if availability != Availability.FULL_TIME else [],
        visibility=ProfileVisibility.OPEN if rng.random() < 0.6 else ProfileVisibility.APPLICATIONS_ONLY,
        intro=_intro(ctx, age, groups, wanted, places),
        created_at=created,
        updated_at=created,
        sensitive_consent_at=created,  # they gave the number, agreeing as the profile page asks
    )
    profile.findable_consent_at = created if profile.visibility == ProfileVisibility.OPEN else None
    worker = SeedWorker(profile, user, age, groups, wanted, places)
    for group in groups:
        declared = ctx.later(created, 0, 72)
        confirmed = rng.random() < 0.45
        worker.tags.append(
            GroupTag(
                profile=profile,
                group=group,
                declared_at=declared,
                confirmed_by=ctx.bureau if confirmed else None,
                confirmed_at=ctx.later(declared, 24, 480) if confirmed else None,
            )
        )
    certificates = [
        Certificate(
            profile=profile,
            name=skill[:60],
            number=people.certificate_number(rng, rng.randint(2015, 2023)),
            valid_until=(ctx.today + datetime.timedelta(days=rng.randint(200, 2000))) if rng.random() < 0.7 else None,
        )
        for skill in jobs.certificate_skills(skills)
        if rng.random() < 0.7
    ]
    return worker, certificates, _experiences(ctx, profile, age, wanted)


def seed_workers(ctx: SeedContext, count: int) -> list[SeedWorker]:
    taken: set[str] = set()
    workers: list[SeedWorker] = []
    certificates: list[Certificate] = []
    experiences: list[WorkExperience] = []
    with ctx.progress("求职者", count) as bar:
        for index in range(count):
            worker, certs, exps = _worker(ctx, index, taken)
            workers.append(worker)
            certificates.extend(certs)
            experiences.extend(exps)
            bar.update(1)
    # bulk_create copies the pk of an already-inserted related object into the FK (user_id, profile_id).
    bulk_insert(User, [w.user for w in workers])
    bulk_insert(WorkerProfile, [w.profile for w in workers])
    through = WorkerProfile.wanted_occupations.through
    bulk_insert(
        through, [through(workerprofile_id=w.profile.pk, occupation_id=o.pk) for w in workers for o in w.occupations]
    )
    bulk_insert(GroupTag, [t for w in workers for t in w.tags])
    bulk_insert(Certificate, certificates)
    bulk_insert(WorkExperience, experiences)
    return workers
