"""What the matcher knows about a seeker and a posting, whatever they came from.

The product builds these from the database (a WorkerProfile, a posting's index document); the
evaluation harness builds them from JSONL files. One shape for both means the matcher under
evaluation is exactly the matcher users get.

Free text is read through the taxonomy: "想找烧电焊的活" names 电焊工 because 烧电焊 is one of its
colloquial names, the same lookup that suggests a posting's occupation from its title.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from marketplace.occupations.taxonomy import occupation_families, occupation_info, suggest_occupations
from marketplace.places import Area, Home, areas_in_text, distance_km, resolve_areas
from marketplace.postings import red_flags
from matching import effort, experience, gender, hours, licences, speech
from matching.pay import monthly

# Certificates named in free text: 焊工证, 叉车证, 电工证, 健康证, A2驾照, 教师资格证 …
_CERTIFICATE = re.compile(r"([\u4e00-\u9fffA-Za-z0-9]{1,8}?(?:证|驾照|执照|资格))")
_CERT_NOISE = ("持", "有", "需", "要", "须", "必须", "具备", "优先", "相关", "和", "或")
# 帮厨需健康证: the name starts after the last word that asks for it.
_CERT_ASKED = re.compile(r"^.*(?:需要|需|须|要求|要|持有|具备|具有)")
# Papers everyone has or that are not qualifications: 身份证原件 is asked of every new hire.
_NOT_CERTIFICATES = ("身份证", "户口", "居住证", "暂住证", "银行卡", "学生证", "毕业证", "结婚证", "准生证")
_AGE_RANGE = re.compile(r"(\d{2})\s*(?:岁)?\s*[-—–~～至到]\s*(\d{2})\s*(?:周)?岁")
# 50岁以下, 60岁以内, 55周岁以内, 不超过55岁, 45岁以上
_AGE_MAX = re.compile(r"(?:(\d{2})\s*周?岁\s*(?:以下|以内|之内|内)|(?:不超过|不大于|低于|小于)\s*(\d{2})\s*周?岁)")
_AGE_MIN = re.compile(r"(\d{2})\s*周?岁\s*(?:以上|或以上)")
# 男60女55周岁以下: the limit for each sex, the men's number without 岁
_AGE_BY_SEX = re.compile(
    r"[男女]\s*(\d{2})\s*(?:周?岁)?\s*[、，,/]?\s*[男女]\s*(\d{2})\s*(?:周?岁)?\s*(?:以下|以内|之内)"
)
# Without 岁, as titles and requirement lines write ages (女 18-40, 18-45 夫妻房, 55以内): two digits
# alone, not part of a wage (4500-5500), a time (8:00-17:30), a count (20-30人) or a size.
_NOT_AGE_AFTER = (
    r"(?!\s*(?:[\d.:：/]|人|名|位|元|块|k|K|天|日|号|月|点|时|小时|h|公里|km|个|%|万|度|分|斤|层|楼|米|cm|码|期))"
)
_BARE_RANGE = re.compile(rf"(?<![\d.:：/])([1-6]\d)\s*[-—–~～至到]\s*([2-7]\d){_NOT_AGE_AFTER}")
_BARE_MAX = re.compile(r"(?<![\d.:：/])([2-7]\d)\s*(?:以下|以内|之内)")
_AGE_CONTEXT = re.compile(r"年龄|年纪|岁数")
_TIME_BEFORE = re.compile(r"[班时点间业月号]\s*$")  # 晚班17-21, 营业时间10-22: hours, not ages
# A want split into its parts: 保安或者门卫，保洁也行 → 保安 / 门卫 / 保洁
_WANT_SEPARATORS = re.compile(r"[，,、；;/|。.\s]+|或者|还有|以及|或(?!者)|也行|也可以|都行|都可以|都能")
# Wants that name no trade: the person will take what suits what they did before, or anything.
_ANYTHING = ("什么都", "啥都", "都可以", "都行", "不挑", "不限", "随便", "能干就行", "有活就行", "找工作", "找个工作",
             "找点事", "找事做", "打工", "能赚钱")  # fmt: skip
# Said about place in free text rather than in the place field: they want to stay close.
_STAY_CLOSE = ("家附近", "离家近", "离家不远", "附近", "不想出远门", "不出远门", "不能出远门", "照顾老人", "照顾家",
               "接送孩子", "带孩子", "在家门口", "家门口", "镇上", "县城", "安置点", "就近", "本地")  # fmt: skip
# 不想进厂, 不进厂, 不要夜班, 不想一直做普工: what follows a refusal, up to the next pause, is not a want.
# (不会 is "cannot", said of skills, and 不想出去 is about place: closeness reads the whole text.)
_REFUSAL = re.compile(
    r"(?:不想|不要|不愿意?|不做|不干|不喜欢|不考虑|不再|不上|不能上|不(?=进厂|进工厂|去厂))(?:再|一直|老是|总是)?"
    r"([^，,。；;！!？?、\s]{1,12})"
)
# Posts of the bureau's own organised migration, where no station is linked (imports, evaluation).
_ORGANISED = re.compile(r"劳务协作站|劳务工作站|劳务协作工作站|返岗直通车|东西部劳务协作|东西部协作")
_EDUCATION_WORDS = (
    ("master", ("硕士", "研究生")),
    ("bachelor", ("本科",)),
    ("college", ("大专", "专科")),
    ("senior", ("高中", "中专", "技校", "职高")),
    ("junior", ("初中",)),
)
_EDUCATION_ASKED = tuple(
    (
        code,
        re.compile(
            rf"(?:学历[:：]?\s*(?:{'|'.join(words)})|(?:{'|'.join(words)})(?:及|或)?以上|(?:{'|'.join(words)})学历"
            rf"|(?:^|[\s，,；;。:：、])(?:{'|'.join(words)})(?=[\s，,；;。、]|$))(?!\s*优先)"
        ),
    )
    for code, words in _EDUCATION_WORDS
)


@dataclass(frozen=True)
class Seeker:
    key: str
    text: str
    occupation_ids: frozenset[int]
    #: occupation id → the words that named it ("烧电焊"), for the explanation
    occupation_words: dict[int, str]
    family_codes: frozenset[str]
    #: families named as a line of work (进厂, 服务行业): the whole family is what they asked for
    sector_codes: frozenset[str] = frozenset()
    #: of those, the ones not said but read from going away with no trade (first_work_away): 进厂
    first_work_codes: frozenset[str] = frozenset()
    certificates: tuple[str, ...] = ()
    #: where they accept to work: divisions (宁波), regions (珠三角), relative words (外省, 县城)
    areas: tuple[Area, ...] = ()
    home: Home = field(default_factory=Home)
    #: they said to stay close (家附近, 镇上, 照顾老人): distance decides more than anything
    near_home: bool = False
    #: how far "close" reaches: 25 km for who said 家附近 or 县城, wider for who is only older or
    #: after a day's work (they did not say how close, and a bus ride further is still home)
    near_home_km: float = 25.0
    #: the want names no trade (什么都可以) or is empty: the trades were read from past work, or none
    vague: bool = False
    lat: float | None = None
    lon: float | None = None
    expected_pay_month: int | None = None
    education: str = ""
    age: int | None = None
    groups: frozenset[str] = frozenset()
    availability: str = "both"
    job_types: tuple[str, ...] = ()
    #: trades and lines of work they said they do not want (不想进厂 → 制造业)
    refused_occupation_ids: frozenset[int] = frozenset()
    refused_sector_codes: frozenset[str] = frozenset()
    #: hours they said they cannot work (matching.hours): 不上夜班, 只能上午
    hours_limits: frozenset[str] = frozenset()
    #: "male", "female" or "" (the profile's field; said in their words where a record has none)
    gender: str = ""
    #: they said their body rules out heavy work (matching.effort): 腰不好, 重活干不了, 轻松点的
    light_work: bool = False
    #: driving licence classes they may drive (matching.licences): C1照 → C1, C2 …
    licences: frozenset[str] = frozenset()
    #: they said they cannot hear or speak well (matching.speech): 听力残疾，不能接打电话
    cannot_talk: bool = False
    #: they asked to learn a trade (学门技术, 学个手艺): a post that teaches is what they want
    learning: bool = False
    #: trades they have done, read from their past and skills, not their wants (matching.experience)
    done_occupation_ids: frozenset[int] = frozenset()


@dataclass
class Posting:
    """A posting as the index holds it (see matching.search.documents), plus what requirements say."""

    id: int | str
    doc: dict[str, Any]
    certificates: tuple[str, ...] = ()
    education_min: str = ""
    age_min: int | None = None
    age_max: int | None = None
    #: the shifts its words offer (matching.hours): 长白班, 两班倒, 夜班
    hours: frozenset[str] = frozenset()
    #: money asked of the worker, fraud, or no job at all (marketplace.postings.red_flags)
    red_flags: frozenset[str] = frozenset()
    #: the post as a whole asks for men or for women (matching.gender): "male", "female" or ""
    gender_required: str = ""
    #: organised migration: a cooperation station's post, a 返岗直通车 (the plan's 组织化 target)
    organised: bool = False
    #: how heavy the work is (matching.effort): "heavy", "light" or "" when nothing says
    effort: str = ""
    #: driving licence classes it asks for, any one of them enough (matching.licences): A1/A3照
    licences: frozenset[str] = frozenset()
    #: its work is done by talking (matching.speech): 客服, 电话销售, 导购
    talking: bool = False
    #: it takes learners on (学徒, 包教包会, 有师傅带)
    teaches: bool = False
    #: it asks for experience in the work (熟练工, 两年以上经验), not merely prefers it
    experience_required: bool = False
    extra: dict[str, Any] = field(default_factory=dict)


def certificates_in(text: str) -> tuple[str, ...]:
    """Certificate names mentioned in text, as a requirement or as something held."""
    found = []
    for match in _CERTIFICATE.findall(text or ""):
        name = _CERT_ASKED.sub("", match) or match
        if any(paper in name for paper in _NOT_CERTIFICATES):
            continue
        for noise in _CERT_NOISE:
            if name.startswith(noise) and len(name) > len(noise) + 1:
                name = name[len(noise) :]
        if len(name) >= 2 and name not in found:
            found.append(name)
    return tuple(found)


def age_range_in(text: str, *, bare: bool = False) -> tuple[int | None, int | None]:
    """The ages a posting asks for: 18-50岁, 50岁以下, 不超过55周岁, 45岁以上.

    `bare`: the text is a title or a requirements line, where 18-45 and 55以内 are ages without
    岁; elsewhere they count only after 年龄. A post with several jobs (普工18-45岁；保安50岁以下)
    names several ranges: the widest is the gate, since one of its jobs may take the seeker.
    """
    text = text or ""
    lows: list[int | None] = []
    highs: list[int | None] = []
    for match in _AGE_RANGE.finditer(text):
        low, high = sorted((int(match.group(1)), int(match.group(2))))
        lows.append(low)
        highs.append(high)
    for match in _AGE_MAX.finditer(text):
        lows.append(None)
        highs.append(int(match.group(1) or match.group(2)))
    for match in _AGE_MIN.finditer(text):
        lows.append(int(match.group(1)))
        highs.append(None)
    for match in _AGE_BY_SEX.finditer(text):
        lows.extend([None, None])
        highs.extend([int(match.group(1)), int(match.group(2))])
    if not lows:
        for match in _BARE_RANGE.finditer(text):
            low, high = int(match.group(1)), int(match.group(2))
            before = text[max(0, match.start() - 6) : match.start()]
            hours = high <= 24 and _TIME_BEFORE.search(before)  # 长白班 18-50 is an age; 晚班17-21 is not
            if 15 <= low < high <= 70 and not hours and (bare or _AGE_CONTEXT.search(before)):
                lows.append(low)
                highs.append(high)
        for match in _BARE_MAX.finditer(text):
            if bare or _AGE_CONTEXT.search(text[max(0, match.start() - 6) : match.start()]):
                lows.append(None)
                highs.append(int(match.group(1)))
    if not lows:
        return None, None
    low = None if None in lows else min(v for v in lows if v is not None)
    high = None if None in highs else max(v for v in highs if v is not None)
    return low, high


def education_in(text: str) -> str:
    """The least schooling a posting asks for: 大专及以上, 学历本科, 本科学历, or 本科 alone as a
    requirement (本科，计算机专业); never 本科优先, which is a preference."""
    for code, pattern in _EDUCATION_ASKED:
        if pattern.search(text or ""):
            return code
    return ""


def occupations_in(*, primary: str, secondary: str = "") -> tuple[frozenset[int], dict[int, str]]:
    """Occupations the taxonomy recognises in what a seeker wrote.

    Each part of a list of wants (保安或者门卫，保洁也行) counts on its own, so the third want is
    not crowded out by the first; when the wants name no trade, what they did before and can do
    (`secondary`: self-description, skills) names them instead.
    """
    words: dict[int, str] = {}
    for part in split_wants(without_aspect(primary)):
        suggestions = suggest_occupations(title=part, limit=2)
        for suggestion in suggestions:
            words.setdefault(suggestion.occupation_id, suggestion.matched)
        if not suggestions and len(part) >= 2:  # 保洁 is the start of 保洁员: a name cut short
            for info in occupation_info().values():
                if info.name.startswith(part):
                    words.setdefault(info.id, part)
    if not words and secondary:
        for suggestion in suggest_occupations(title=without_aspect(secondary), limit=3):
            words.setdefault(suggestion.occupation_id, suggestion.matched)
    # 车工 inside 叉车工 is not a second want: a name read inside a longer name that was read goes.
    words = {i: w for i, w in words.items() if not any(w != other and w in other for other in words.values())}
    return frozenset(words), words


NEAR_SAID_KM = 25.0
NEAR_IMPLIED_KM = 40.0
OLDER_AGE = 50  # 大龄劳动者: the plan's older workers, for whom distance decides first
SECTOR_WORDS_PATH = Path(__file__).resolve().parent / "data" / "sector_words.json"
# 扎过钢筋, 做了两年服务员: the aspect particle splits a trade's words apart.
_ASPECT = re.compile(r"(?<=[\u4e00-\u9fff])[过了着](?=[\u4e00-\u9fff])")


@cache
def _sector_words() -> tuple[tuple[str, str], ...]:
    data = json.loads(SECTOR_WORDS_PATH.read_text(encoding="utf-8"))["sectors"]
    pairs = [(word, family) for family, words in data.items() for word in words]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


def sectors_in(text: str) -> frozenset[str]:
    """Taxonomy families named as a line of work: 想进厂 → 制造业, 服务行业 → 生活服务."""
    text = without_aspect(text)
    return frozenset(family for word, family in _sector_words() if word in text)


def without_aspect(text: str) -> str:
    return _ASPECT.sub("", text or "")


def split_wants(text: str) -> list[str]:
    return [part for part in _WANT_SEPARATORS.split(text or "") if part.strip()]


def refusals_in(text: str) -> tuple[str, str]:
    """The text without what it refuses, and the refused phrases: 日结，不想进厂被管着 → ("日结，", "进厂被管着").

    Read as a want, 不想进厂 put factory jobs first for someone who said the opposite.
    """
    refused = [match.group(1) for match in _REFUSAL.finditer(text or "")]
    return _REFUSAL.sub(" ", text or ""), " ".join(refused)


def refused_wants(*texts: str) -> tuple[frozenset[int], frozenset[str]]:
    """Trades and sectors named in refusals (不想做服务员, 不进厂), to be ranked down, not up."""
    refused = " ".join(refusals_in(text)[1] for text in texts).strip()
    if not refused:
        return frozenset(), frozenset()
    ids = frozenset(s.occupation_id for s in suggest_occupations(title=without_aspect(refused), limit=3))
    # 不想做普工 refuses that trade, not every factory job (a CNC apprenticeship is what he wants).
    return ids, sectors_in(refused) if not ids else frozenset()


def wants_anything(text: str) -> bool:
    """什么都可以, 找工作, or nothing at all: the want names no trade."""
    text = (text or "").strip()
    return not text or (any(word in text for word in _ANYTHING) and len(text) <= 12)


def closeness(
    text: str, areas: tuple[Area, ...], home: Home, *, short_work: bool = False, older: bool = False
) -> tuple[bool, float]:
    """Whether the seeker stays close to home, and how far close reaches.

    Close at 25 km for who asked for somewhere near (县城, 家附近) or said so (照顾老人, 离家近); at
    40 km for gig and part-time seekers and older workers, who did not say how close: a day's work
    or a few hours is a commute, never a move, and at 55 few leave home for work. Nobody who named
    somewhere far stays close.
    """
    far = going_far(areas, home)
    said = any(area.near_home for area in areas) or any(word in (text or "") for word in _STAY_CLOSE)
    if far or not (said or short_work or older):
        return False, NEAR_SAID_KM
    return True, NEAR_SAID_KM if said else NEAR_IMPLIED_KM


def going_far(areas: tuple[Area, ...] | list[Area], home: Home) -> bool:
    """Whether any place they accept is a move: another province, a region, or over 100 km off."""
    point = home.point
    return any(
        area.kind in ("outside", "region")
        or (area.place is not None and area.place.level == "province" and area.place.code != home.province)
        or (area.place is not None and point is not None and distance_km(*point, *area.place.position) > 100)
        for area in areas
    )


MIGRANT_AGE = 45  # below this, who leaves with no trade is most often taken on in a factory


def first_work_away(
    *,
    vague: bool,
    ids: frozenset[int],
    areas: tuple[Area, ...] | list[Area],
    home: Home,
    age: int | None,
    refused: frozenset[str],
    refused_ids: frozenset[int] = frozenset(),
    said_sectors: frozenset[str] = frozenset(),
) -> frozenset[str]:
    """The line of work a young seeker going away with no trade is most often taken on in: 进厂.

    去沿海打工 with no trade named means, as every judge on the hand-written sets read it, the
    factory floor (普工, 流水线) the prefecture's migrants mostly start on, unless they said 不进厂.
    """
    away = going_far(areas, home) or any(area.kind == "anywhere" for area in areas)
    # 工地 哪里钱多就去哪里: who names a line of work is going to it, not to the factory.
    if not vague or ids or said_sectors or (age is not None and age >= MIGRANT_AGE) or not away:
        return frozenset()
    # 不进厂 refuses the line of work, 不想一直做普工 its first rung: either way, not the factory.
    return sectors_in("进厂") - refused - occupation_families(refused_ids)


def without_heavy_past(
    ids: frozenset[int], words: dict[int, str], sectors: frozenset[str], wanted: str
) -> tuple[frozenset[int], dict[int, str], frozenset[str]]:
    """What they did before, less the heavy work they said they can no longer do.

    在工地干过几年 现在腰不好 重活干不了: the site is their past, not their want. Read as a trade,
    it put 工地杂工 first for a man who had just said he cannot do it.
    """
    info = occupation_info()
    wanted_ids, _ = occupations_in(primary=wanted) if wanted.strip() else (frozenset(), {})
    heavy = {i for i in ids - wanted_ids if i in info and info[i].name in effort.HEAVY_OCCUPATIONS}
    heavy_families = sectors_in("工地") - sectors_in(wanted)
    return ids - heavy, {i: w for i, w in words.items() if i not in heavy}, sectors - heavy_families


def seeker_from_record(row: dict[str, Any]) -> Seeker:
    """A seeker from the evaluation format (Q.jsonl)."""
    desired = str(row.get("desired_occupations") or "")
    described = str(row.get("self_description") or "")
    skills = [str(s) for s in row.get("skills") or []]
    refused_ids, refused_sectors = refused_wants(desired, described)
    wanted_text, _ = refusals_in(desired)
    past_text, _ = refusals_in(described)
    ids, words = occupations_in(primary=wanted_text, secondary=" ".join([past_text, *skills]))
    sectors = sectors_in(wanted_text) or (sectors_in(" ".join([past_text, *skills])) if not ids else frozenset())
    light_work = effort.cannot_do_heavy(" ".join([desired, described]))
    if light_work:
        ids, words, sectors = without_heavy_past(ids, words, sectors, wanted_text)
    lat, lon = finite_number(row.get("lat")), finite_number(row.get("lng", row.get("lon")))
    home = Home.of(lat, lon)
    wanted = row.get("desired_cities") or []
    areas, _unknown = resolve_areas(
        [str(name) for name in (wanted if isinstance(wanted, list) else [wanted])], home, by_sound=True
    )
    if not areas:  # no place field: where they said they want to go, in their own words
        areas = areas_in_text(" ".join([desired, described]), home)
    near_home, near_home_km = closeness(
        " ".join([desired, described]),
        tuple(areas),
        home,
        short_work=str(row.get("availability") or "") in ("gig", "part_time"),
        older=(_int(row.get("age")) or 0) >= OLDER_AGE or "older_worker" in (row.get("groups") or []),
    )
    vague = wants_anything(desired) or not any(suggest_occupations(title=p, limit=1) for p in split_wants(desired))
    first_work = first_work_away(
        vague=vague,
        ids=ids,
        areas=areas,
        home=home,
        age=_int(row.get("age")),
        refused=refused_sectors,
        refused_ids=refused_ids,
        said_sectors=sectors_in(wanted_text),
    )
    sectors |= first_work
    certificates = tuple(str(c) for c in row.get("certificates") or []) + certificates_in(described)
    availability = str(row.get("availability") or "both")
    education = str(row.get("education") or "")
    education = {"vocational": "senior"}.get(education, education)  # 中专/技校 rank with 高中 here
    return Seeker(
        key=str(row["id"]),
        text=" ".join([wanted_text, past_text, *skills]).strip(),
        occupation_ids=ids,
        occupation_words=words,
        family_codes=occupation_families(ids) | sectors,
        sector_codes=sectors,
        first_work_codes=first_work,
        certificates=certificates,
        areas=tuple(areas),
        home=home,
        near_home=near_home,
        near_home_km=near_home_km,
        vague=vague,
        lat=lat,
        lon=lon,
        expected_pay_month=monthly(
            finite_number(row.get("expected_salary_min")), str(row.get("expected_salary_unit") or "month")
        ),
        education=education,
        age=_int(row.get("age")),
        groups=frozenset(str(g) for g in row.get("groups") or []),
        availability=availability,
        refused_occupation_ids=refused_ids - ids,
        refused_sector_codes=refused_sectors - sectors,
        hours_limits=hours.limits(" ".join([desired, described])),
        gender=str(row.get("gender") or "") or gender.stated(described),
        light_work=light_work,
        licences=licences.held(" ".join([*certificates, described, *skills])),
        done_occupation_ids=occupations_in(primary=" ".join([past_text, *skills]))[0],
        cannot_talk=speech.cannot_talk(" ".join([desired, described, *certificates])),
        learning=experience.wants_to_learn(" ".join([desired, described])),
    )


def seeker_from_profile(profile) -> Seeker:
    """A seeker from their WorkerProfile: chosen occupations, plus any the taxonomy reads in their words.

    Only confirmed key-group tags count: priority is policy, and staff confirm who it applies to.
    """
    chosen = {o.pk: o.name for o in profile.wanted_occupations.all()}
    skills = [str(s) for s in profile.skills or []]
    certificates = tuple(c.name for c in profile.certificates.all())
    intro, _ = refusals_in(profile.intro or "")
    refused_ids, refused_sectors = refused_wants(profile.intro or "")
    _ids, inferred = occupations_in(primary=" ".join(skills), secondary=intro)
    words = {**{i: w for i, w in inferred.items() if not chosen}, **chosen}
    light_work = effort.cannot_do_heavy(profile.intro or "")
    if light_work:
        _, words, _ = without_heavy_past(frozenset(words), words, frozenset(), " ".join(chosen.values()))
    home = Home.of(profile.lat, profile.lon, profile.current_county or "")
    wanted = [str(p) for p in profile.wanted_places or []]
    areas, _unknown = resolve_areas(wanted, home, by_sound=True)
    if not areas:
        areas = areas_in_text(profile.intro or "", home)
    if home.county is not None and not any(a.near_home or a.place == home.county for a in areas):
        county = home.county  # their own county is always somewhere they accept
        areas.append(Area(label=county.name, kind="place", codes=frozenset({county.code}), place=county))
    lat, lon = home.point if home.point else (None, None)  # the county seat stands in for a home point
    ids = frozenset(words)
    sectors = sectors_in(" ".join(skills)) if not ids else frozenset()
    first_work = first_work_away(
        vague=not chosen and not inferred,
        ids=ids,
        areas=areas,
        home=home,
        age=profile.age,
        refused=refused_sectors,
        refused_ids=refused_ids,
    )
    sectors |= first_work
    near_home, near_home_km = closeness(
        profile.intro or "",
        tuple(areas),
        home,
        short_work=profile.availability == "gig"
        or (bool(profile.wanted_job_types) and set(profile.wanted_job_types) <= {"gig", "part_time"}),
        older=(profile.age or 0) >= OLDER_AGE,
    )
    return Seeker(
        key=str(profile.pk),
        text=" ".join([*chosen.values(), *skills, intro, *certificates]).strip(),
        occupation_ids=ids,
        occupation_words=words,
        family_codes=occupation_families(ids) | sectors,
        sector_codes=sectors,
        first_work_codes=first_work,
        certificates=certificates,
        areas=tuple(areas),
        home=home,
        near_home=near_home,
        near_home_km=near_home_km,
        vague=not chosen and not inferred,
        lat=lat,
        lon=lon,
        expected_pay_month=monthly(profile.expected_pay, profile.expected_pay_unit) if profile.expected_pay else None,
        education=profile.education or "",
        age=profile.age,
        groups=frozenset(t.group for t in profile.group_tags.all() if t.confirmed_at is not None),
        availability={"both": "both"}.get(profile.availability, profile.availability),
        job_types=tuple(profile.wanted_job_types or ()),
        refused_occupation_ids=refused_ids - ids,
        refused_sector_codes=refused_sectors - sectors,
        hours_limits=hours.limits(profile.intro or ""),
        gender=profile.gender or gender.stated(profile.intro or ""),
        light_work=light_work,
        licences=licences.held(" ".join([*certificates, profile.intro or "", *skills])),
        cannot_talk=speech.cannot_talk(" ".join([profile.intro or "", *certificates])),
        learning=experience.wants_to_learn(" ".join([profile.intro or "", *chosen.values()])),
        done_occupation_ids=_done(profile, skills, intro),
    )


def _done(profile, skills: list[str], intro: str) -> frozenset[int]:
    """Trades a profile has done: its work history (the trade chosen, or the job's title), its
    skills, and what its introduction says; not the trades it wants."""
    history = list(profile.experiences.all())
    done = {e.occupation_id for e in history if e.occupation_id}
    titles = [e.title for e in history if e.title]
    return frozenset(done) | occupations_in(primary=" ".join([*titles, *skills, intro]))[0]


def posting_from_document(doc: dict[str, Any], requirements: str = "") -> Posting:
    """A posting from its index document; `requirements` is free text where fields are missing."""
    age_min, age_max = doc.get("age_min"), doc.get("age_max")
    if age_min is None and age_max is None:
        title_and_requirements = " ".join([str(doc.get("title") or ""), requirements])
        age_min, age_max = age_range_in(title_and_requirements, bare=True)
        description = str(doc.get("description") or "")
        if age_min is None and age_max is None and not _several_jobs(doc, description):
            age_min, age_max = age_range_in(description)
    words = " ".join(str(doc.get(k) or "") for k in ("title", "description", "schedule")) + " " + requirements
    return Posting(
        id=doc["id"],
        doc=doc,
        certificates=tuple(doc.get("certificates_required") or ()) or certificates_in(requirements),
        education_min=str(doc.get("education_min") or "") or education_in(requirements),
        age_min=age_min,
        age_max=age_max,
        hours=hours.offered(words),
        red_flags=red_flags.found(words),
        gender_required=gender.required(
            str(doc.get("title") or ""), " ".join([str(doc.get("description") or ""), requirements])
        ),
        licences=licences.classes_in(" ".join([str(doc.get("title") or ""), requirements])),
        effort=effort.posting_effort(
            occupation=str(doc.get("occupation_name") or ""), title=str(doc.get("title") or ""), text=words
        ),
        experience_required=experience.demanded(words),
        teaches=experience.apprenticeship(words),
        talking=speech.talking_work(
            occupation=str(doc.get("occupation_name") or ""), title=str(doc.get("title") or "")
        ),
        organised=bool(doc.get("station_id"))
        or bool(_ORGANISED.search(f"{doc.get('employer_name') or ''} {doc.get('title') or ''}")),
    )


_NUMBERED = re.compile(r"(?:^|[\s。；;])[1-9一二三四五六七八九][、.．)）]")


def _several_jobs(doc: dict[str, Any], description: str) -> bool:
    """A fair's list or an agency's round-up: an age in its body belongs to one of its jobs."""
    return bool(doc.get("other_occupation_ids")) or len(_NUMBERED.findall(description)) >= 2


def finite_number(value: Any) -> float | None:
    """A number from loosely typed input (JSON, forms), or None for anything not a finite number."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number == number and abs(number) != float("inf") else None


def _int(value: Any) -> int | None:
    number = finite_number(value)
    return int(number) if number is not None else None
