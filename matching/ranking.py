"""Ranking a seeker's candidate jobs: signals combined, each one explained in Chinese.

Retrieval (matching.recommend) brings candidates in by words, by meaning and by occupation; this
module decides their order. Every signal is a number in [0, 1] with a weight from settings
(`MATCHING_WEIGHTS`), plus penalties for hard mismatches (a certificate the person lacks, a
public-welfare post for someone it is not meant for). The reasons a result carries are the
signals that moved it, so a seeker reads why, and staff can see the policy weights at work.
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from typing import Any

from django.conf import settings

from marketplace.enums import EDUCATION_RANK, KeyGroup
from marketplace.occupations.taxonomy import occupation_info, related_trade
from marketplace.places import Area, distance_km, workplace_codes
from marketplace.postings import red_flags
from matching import effort, gender, hours, licences
from matching.features import Posting, Seeker

DEFAULT_WEIGHTS: dict[str, float] = {
    "occupation": 1.25,  # the trade the person asked for, through the taxonomy
    "semantic": 3.0,  # embedding similarity of what they wrote and the posting
    "lexical": 1.2,  # BM25 of their words in the posting, normalised per request
    "place": 1.6,  # near home, or in a destination they accept
    "pay": 1.0,  # pay against expectation, both as monthly equivalents
    "job_type": 0.8,  # full-time, gig, part-time against availability
    "freshness": 0.2,
    "places_left": 0.1,
    "certificate_missing": -1.5,  # 持证上岗 and the person holds no such certificate
    "certificate_on_hire": -0.3,  # a 健康证: a medical check within days, often after the offer
    "education_short": -0.8,
    "experience_missing": -0.5,  # 熟练工 wanted, and they never did the work
    "learning_fit": 0.8,  # 学徒，包教 for who asked to learn a trade
    "age_outside": -2.5,  # a gate: employers turn them away, and every judge grades such a job 0
    "gender_outside": -2.5,  # 男，55岁以下 for a woman: the same gate as age
    "unverified_employer": -0.3,
    "far_away": -2.0,  # hundreds of kilometres off, in none of the places the seeker accepts
    "welfare_not_eligible": -3.0,  # public-welfare posts are for the groups policy names
    "welfare_not_local": -1.0,  # ... and for the people of their own county (本地户籍)
    "internship_not_eligible": -3.0,  # 就业见习 is for graduates
    "organised": 0.3,  # a station's post in a place they will go: the plan wants 70% to go organised
    "key_group_priority": 0.6,  # 重点群体 on posts meant for them (public welfare, 见习 for graduates)
    "refused": -1.5,  # the trade or line of work they said they do not want (不想进厂)
    "hours_clash": -1.5,  # nights for who said 晚上不行: as real a limit as age
    "hours_fit": 0.4,  # 长白班 for who asked for day shifts
    "effort_clash": -1.5,  # carrying and loading for who said 腰不好，重活干不了: the body's limit, as age
    "effort_fit": 0.4,  # 坐着做, 活不重 for who asked for light work
    "speech_clash": -1.5,  # 客服 for who said 听力残疾，不能接打电话: as real a limit as the back
    "red_flag": -3.0,  # a deposit asked of the worker, a known fraud, or no job at all: never worth showing
}
# Public-welfare posts (公益性岗位) place the hard-to-employ and people lifted out of poverty.
WELFARE_GROUPS = frozenset(
    {
        KeyGroup.HARD_TO_EMPLOY,
        KeyGroup.POVERTY_RELIEVED,
        KeyGroup.ZERO_EMPLOYMENT_HOUSEHOLD,
        KeyGroup.OLDER_WORKER,
        KeyGroup.LOW_INCOME,
        KeyGroup.RELOCATED,
    }
)
FAR_KM = 300.0  # beyond this, and not in a named destination, a job is a move the seeker did not ask for
FAR_KM_SHORT_WORK = 80.0  # gig and part-time work: a commute, never a move
NEAR_KM = 50.0  # within this of home counts as near, whatever destinations were named
# For people who stay close (Seeker.near_home_km: 25 km if they said so), beyond 2.4 times that is a move.
FAR_NEAR_HOME_FACTOR = 2.4
NAMED_FAR_FACTOR = 1.5  # ... and beyond 1.5 times it, for who also named where: 凯里城区, not 榕江
DESTINATION_KM = 40.0  # a posting this close to a named destination is in it
VAGUE_JOB_TYPE_BOOST = 2.0
SEMANTIC_FIT = 0.5  # cosine above which what they wrote and the posting are about the same work
NEAR_NOT_NAMED = 0.3  # share of the place signal for near home when they named only somewhere else
FILL_IN = "填写想做的工作和所在地，推荐会更准"
OTHER_TRADE_FIT = 0.85  # the trade is one of several a post names: a fit, a little less sure
SECTOR_FIT = 0.75  # 想进厂 and this is a factory job: what they asked for, if not a named trade
FIRST_WORK_FIT = 0.4  # 去沿海打工 with no trade: the factory most start in, read rather than said
TIE_BAND = 0.05  # scores this close are near-equal: demand may be spread among them
JOB_TYPE_FIT = {
    "full_time": {"full_time": 1.0, "internship": 0.9, "public_welfare": 0.9, "part_time": 0.4, "gig": 0.3},
    "gig": {"gig": 1.0, "part_time": 0.8, "public_welfare": 0.5, "full_time": 0.3, "internship": 0.2},
    "part_time": {"part_time": 1.0, "gig": 0.8, "public_welfare": 0.6, "full_time": 0.3, "internship": 0.3},
}


def weights() -> dict[str, float]:
    return {**DEFAULT_WEIGHTS, **getattr(settings, "MATCHING_WEIGHTS", {})}


@dataclass
class Ranked:
    posting: Posting
    score: float
    reasons: list[str]
    signals: dict[str, float] = field(default_factory=dict)
    distance_km: float | None = None

    @property
    def explanation(self) -> str:
        return " · ".join(self.reasons)


def rank(
    seeker: Seeker,
    postings: list[Posting],
    *,
    semantic: dict[Any, float] | None = None,
    lexical: dict[Any, float] | None = None,
    limit: int = 10,
    spread: bool = True,
) -> list[Ranked]:
    """Order candidates for a seeker, best first, each with its reasons."""
    semantic = semantic or {}
    lexical = lexical or {}
    top_lexical = max(lexical.values(), default=0.0) or 1.0
    w = weights()
    ranked = [_score(seeker, p, semantic.get(p.id), lexical.get(p.id, 0.0) / top_lexical, w) for p in postings]
    ranked.sort(key=lambda r: (-r.score, str(r.posting.id)))
    if spread:
        ranked = spread_demand(ranked, seed=seeker.key)
    return ranked[:limit]


def spread_demand(ranked: list[Ranked], *, seed: str, band: float = TIE_BAND) -> list[Ranked]:
    """Shuffle runs of near-equal scores, seeded per seeker, so equal jobs share the attention.

    Bounded: an item moves only within its run of scores no more than `band` below the run's
    first; a clearly better job is never put below a worse one. Seeded: the same seeker sees the
    same order on every visit.
    """
    rng = random.Random(seed)  # noqa: S311 - fairness among equals, not secrecy
    out: list[Ranked] = []
    run: list[Ranked] = []
    for item in ranked:
        if run and run[0].score - item.score > band:
            rng.shuffle(run)
            out.extend(run)
            run = []
        run.append(item)
    rng.shuffle(run)
    out.extend(run)
    return out


def _score(seeker: Seeker, posting: Posting, semantic: float | None, lexical: float, w: dict[str, float]) -> Ranked:
    doc = posting.doc
    signals: dict[str, float] = {}
    reasons: list[str] = []

    occupation = _occupation(seeker, doc, reasons)
    signals["occupation"] = occupation
    if _refused(seeker, doc, reasons):
        signals["refused"] = 1.0
    if semantic is not None:
        signals["semantic"] = max(0.0, semantic)
    signals["lexical"] = lexical
    place, distance = _place(seeker, doc, reasons)
    if place < 0:
        signals["far_away"] = 1.0
        place = 0.0
    signals["place"] = place
    signals["pay"] = _pay(seeker, doc, reasons)
    # A job-type mismatch is said only where it matters: on a job of the trade they asked for.
    signals["job_type"] = _job_type(seeker, doc, reasons if occupation > 0 or not seeker.occupation_ids else [])
    signals["freshness"] = _freshness(doc)
    signals["places_left"] = 1.0 if (doc.get("headcount") or 0) > 0 else 0.0
    _requirements(seeker, posting, signals, reasons)
    _hours(seeker, posting, signals, reasons)
    _effort(seeker, posting, signals, reasons)
    if posting.organised and place > 0 and "far_away" not in signals and (distance is None or distance > NEAR_KM):
        signals["organised"] = 1.0
        reasons.append("劳务协作站组织输出，有专人对接")
    if posting.red_flags:
        signals["red_flag"] = 1.0
        reasons.append(red_flags.reason(posting.red_flags))
    if not seeker.occupation_ids and _entry_level(posting):
        # Said, not scored: for who names no trade it is worth knowing, but as a score it put
        # 学徒 posts first and lost on seven of eight evaluation sets (README).
        reasons.append("无需经验和证书")
    _policy(seeker, doc, signals, reasons)
    if doc.get("employer_verified") is False:
        signals["unverified_employer"] = 1.0
        reasons.append("单位未认证")
    if not (seeker.occupation_ids or seeker.sector_codes or seeker.areas) and seeker.lat is None:
        reasons.append(FILL_IN)  # nothing to match on: say what would make this list theirs
    if seeker.vague and not seeker.occupation_ids:
        # 啥都行，只要日结: with no trade to go on, the kind of work they can take is what they asked for.
        signals["job_type"] = signals["job_type"] * VAGUE_JOB_TYPE_BOOST
    score = sum(w.get(name, 0.0) * value for name, value in signals.items())
    return Ranked(posting=posting, score=round(score, 4), reasons=reasons, signals=signals, distance_km=distance)


def _occupation(seeker: Seeker, doc: dict[str, Any], reasons: list[str]) -> float:
    occupation_id = doc.get("occupation_id")
    family = doc.get("family_code")
    if family and family in seeker.first_work_codes and occupation_id not in seeker.occupation_ids:
        reasons.append(f"外出务工多从这一行做起：{doc.get('family_name') or family}")
        return FIRST_WORK_FIT
    if family and family in seeker.sector_codes and occupation_id not in seeker.occupation_ids:
        reasons.append(f"行业匹配：{doc.get('family_name') or family}")
        return SECTOR_FIT
    if not seeker.occupation_ids:
        return 0.0
    if occupation_id in seeker.occupation_ids:
        name = doc.get("occupation_name")
        if not name:  # documents carry the name; the taxonomy (a query) only for older ones
            info = occupation_info().get(occupation_id)
            name = info.name if info else ""
        reasons.append(f"工种匹配：{name}")
        return 1.0
    also = [i for i in doc.get("other_occupation_ids") or () if i in seeker.occupation_ids]
    if also:  # a post with several jobs, one of them the trade asked for
        info = occupation_info().get(also[0])
        reasons.append(f"工种匹配：{info.name if info else ''}（多岗位招聘之一）")
        return OTHER_TRADE_FIT
    family = doc.get("family_code")
    if family and family in seeker.family_codes and related_trade(occupation_id, seeker.occupation_ids):
        info = occupation_info().get(occupation_id)
        reasons.append(f"同类工种：{(info.group if info else '') or doc.get('family_name') or family}")
        return 0.45
    return 0.0


def _refused(seeker: Seeker, doc: dict[str, Any], reasons: list[str]) -> bool:
    occupation_id, family = doc.get("occupation_id"), doc.get("family_code")
    if occupation_id in seeker.refused_occupation_ids:
        reasons.append(f"你说过不想做{doc.get('occupation_name') or '这类工作'}")
        return True
    if family and family in seeker.refused_sector_codes and occupation_id not in seeker.occupation_ids:
        reasons.append(f"你说过不想做{doc.get('family_name') or '这一行'}")
        return True
    return False


def _place(seeker: Seeker, doc: dict[str, Any], reasons: list[str]) -> tuple[float, float | None]:
    """How well the workplace suits where the seeker will go: in an area they accept, near home,
    or how far. A value below zero means a move they did not ask for (the far-away penalty)."""
    location = doc.get("location") or None
    lat, lon = (location["lat"], location["lon"]) if location else (None, None)
    codes = _place_codes(doc)
    distance = _home_distance(seeker, lat, lon) if lat is not None and lon is not None else None
    inside = next((area for area in seeker.areas if area.contains(codes, lat, lon)), None)
    short_work = doc.get("job_type") in ("gig", "part_time")
    if (
        inside is not None
        and seeker.vague
        and short_work
        and distance is not None
        and distance > FAR_KM_SHORT_WORK
        and _around_home(inside, seeker)
    ):
        # 省内 and 哪里都行 accept a move for a steady job. A tradesman travels to a project and a
        # picker to a season, but who will do anything does not go 150 km for a day's labour.
        reasons.append(f"距离 {distance:.0f} 公里，零工兼职太远")
        return -1.0, distance
    if inside is not None:
        if distance is not None and distance <= NEAR_KM:
            reasons.append(f"距离 {distance:.1f} 公里")  # near home: the distance says it best
        else:
            reasons.append(f"在意向工作地：{inside.label}")
        if seeker.near_home and distance is not None:
            return max(0.5, 1.0 - 0.5 * distance / seeker.near_home_km), distance
        return 1.0, distance
    if location is None and not codes:
        reasons.append(f"工作地：{doc.get('county') or '未注明'}")
        return 0.3, None
    if distance is None:
        if seeker.areas:
            reasons.append(f"不在意向工作地（{doc.get('county') or '外地'}）")
            return (-1.0 if codes else 0.1), None
        reasons.append("未填写位置，未按距离排序")
        return 0.3, None
    if seeker.near_home:  # 家附近, 县城, 照顾老人: a commute, and a short one
        reasons.append(f"距离 {distance:.1f} 公里")
        near, far_off = seeker.near_home_km, seeker.near_home_km * FAR_NEAR_HOME_FACTOR
        if seeker.areas:  # they named where (凯里城区) and this is not in it: beyond a commute is far
            far_off = near * NAMED_FAR_FACTOR
        if distance <= near:
            return 1.0 - 0.5 * distance / near, distance
        if distance <= far_off:
            return 0.5 * (far_off - distance) / (far_off - near), distance
        return -1.0, distance
    # People move for a full-time job with board and lodging, not for an hourly or a day's work.
    if short_work and distance > FAR_KM_SHORT_WORK:
        reasons.append(f"距离 {distance:.0f} 公里，零工兼职太远")
        return -1.0, distance
    far = FAR_KM_SHORT_WORK if short_work else FAR_KM
    if seeker.areas and distance > NEAR_KM:
        # 宁波 named, a job in 杭州: the same province is half-way to what they asked for. Their
        # own province is not: 镇远 is no nearer to 凯里 for being in Guizhou.
        provinces = {area.place.province for area in seeker.areas if area.place is not None} - {seeker.home.province}
        if codes & provinces:
            reasons.append(f"距离 {distance:.0f} 公里，与意向工作地同省")
            return 0.2, distance
        reasons.append(f"距离 {distance:.0f} 公里，不在意向工作地")
        return -1.0, distance
    if distance > far:
        reasons.append(f"距离 {distance:.0f} 公里")
        return -1.0, distance
    reasons.append(f"距离 {distance:.1f} 公里")
    if distance <= NEAR_KM:
        # Near home but not where they said they want to go: a fallback, not what they asked for.
        share = NEAR_NOT_NAMED if seeker.areas else 1.0
        return share * (1.0 - 0.5 * distance / NEAR_KM), distance
    return 0.5 * math.exp(-(distance - NEAR_KM) / 150.0), distance


def _around_home(area: Area, seeker: Seeker) -> bool:
    """An area of many places around home (省内, 州内, 哪里都行), not one city they named, nor a
    region far off (珠三角) where they would live and a day's work is local again."""
    if area.kind == "anywhere":
        return True
    wide = area.kind == "region" or (area.kind == "place" and area.place is not None and area.place.level == "province")
    home = seeker.home
    return wide and bool(area.codes & {home.province, home.prefecture, home.county.code if home.county else ""})


def _place_codes(doc: dict[str, Any]) -> frozenset[str]:
    codes = doc.get("place_codes")
    if codes is None:  # a document indexed before it carried its divisions
        location = doc.get("location") or {}
        codes = workplace_codes(doc.get("county") or "", doc.get("town") or "", location.get("lat"),
                                location.get("lon"))  # fmt: skip
    return frozenset(codes)


def _home_distance(seeker: Seeker, lat: float, lon: float) -> float | None:
    if seeker.lat is None or seeker.lon is None:
        return None
    return distance_km(seeker.lat, seeker.lon, lat, lon)


def _pay(seeker: Seeker, doc: dict[str, Any], reasons: list[str]) -> float:
    offered = doc.get("pay_max_month")
    label = _pay_label(doc)
    expected = seeker.expected_pay_month
    if offered is None:
        reasons.append(f"{label}（计件，无法与期望比较）" if doc.get("pay_unit") == "piece" else label)
        return 0.5
    if offered <= 0:  # 面议: nothing to compare, neither good nor bad
        reasons.append(label)
        return 0.5
    if not expected or expected <= 0 or expected > 200_000:  # none given, or not a real expectation
        reasons.append(label)
        return 0.5
    ratio = offered / expected
    if ratio >= 1.0:
        reasons.append(f"{label}，高于期望" if ratio > 1.05 else f"{label}，符合期望")
        return 1.0
    if ratio >= 0.9:
        reasons.append(f"{label}，接近期望")
        return 0.75
    if ratio >= 0.7:
        reasons.append(f"{label}，低于期望")
        return 0.35
    reasons.append(f"{label}，远低于期望")
    return 0.0


def _pay_label(doc: dict[str, Any]) -> str:
    unit = {"month": "月薪", "day": "日薪", "hour": "时薪", "piece": "计件"}.get(doc.get("pay_unit"), "薪资")
    low, high = _money(doc.get("pay_min")), _money(doc.get("pay_max"))
    if not high:
        return "薪资面议"
    if low == high or not low:
        return f"{unit} {high}"
    return f"{unit} {low}–{high}"


def _money(value: Any) -> int | float | None:
    """3000.0 is said 3000; 22.5 an hour stays 22.5."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _job_type(seeker: Seeker, doc: dict[str, Any], reasons: list[str]) -> float:
    job_type = doc.get("job_type", "")
    fit = JOB_TYPE_FIT.get(seeker.availability)
    if seeker.job_types:
        value = 1.0 if job_type in seeker.job_types else (fit or {}).get(job_type, 0.4)
    elif fit is None:  # "both" or unknown: any kind of work is welcome
        return 0.8
    else:
        value = fit.get(job_type, 0.4)
    if value < 0.5:
        wanted = {"full_time": "全职", "gig": "零工", "part_time": "兼职"}.get(seeker.availability, "")
        offered = {"full_time": "全职", "gig": "零工", "part_time": "兼职", "internship": "见习",
                   "public_welfare": "公益性岗位"}.get(job_type, "")  # fmt: skip
        reasons.append(f"{offered}岗位，你想找{wanted}" if wanted and offered else "用工类型与求职方式不太一致")
    return value


def _freshness(doc: dict[str, Any]) -> float:
    from django.utils import timezone
    from django.utils.dateparse import parse_datetime

    published = doc.get("published_at")
    when = parse_datetime(published) if isinstance(published, str) else None
    if when is None:
        return 0.5
    days = max(0.0, (timezone.now() - when).total_seconds() / 86400)
    return math.exp(-days / 30.0)


# Certificates that are not qualifications. A 健康证 is a medical check at the local CDC, done in
# days and often after the offer. The 就业创业证 (formerly 就业失业登记证) records a registration with
# the public employment service: the groups it registers hold it once staff have confirmed them.
ON_HIRE_CERTIFICATES = ("健康证",)
REGISTRATION_CERTIFICATES = ("就业创业证", "就业失业登记证", "失业证")


def _requirements(seeker: Seeker, posting: Posting, signals: dict[str, float], reasons: list[str]) -> None:
    if posting.certificates:
        registered = bool(seeker.groups & WELFARE_GROUPS)
        missing = [
            c
            for c in posting.certificates
            if not _holds(seeker.certificates, c) and not (registered and c in REGISTRATION_CERTIFICATES)
        ]
        qualifications = [c for c in missing if c not in ON_HIRE_CERTIFICATES]
        if qualifications:  # 持证上岗: every certificate asked for must be held
            signals["certificate_missing"] = 1.0
            reasons.append(f"需要{qualifications[0]}")
        elif missing:
            signals["certificate_on_hire"] = 1.0
            reasons.append(f"需办{missing[0]}（体检即可，入职前办理）")
        else:
            reasons.append(f"持有{posting.certificates[0]}")
    lacking = licences.lacking(posting.licences, seeker.licences)
    if lacking and "certificate_missing" not in signals:
        signals["certificate_missing"] = 1.0
        reasons.append(f"需要{lacking}驾照，你的驾照不能开")
    if posting.experience_required and not _has_done(seeker, posting.doc):
        signals["experience_missing"] = 1.0
        reasons.append("要求有经验，你没做过这一行")
    elif seeker.learning and posting.teaches:
        signals["learning_fit"] = 1.0
        reasons.append("招学徒，有人教，合你想学技术")
    short = EDUCATION_RANK.get(seeker.education, 0) < EDUCATION_RANK.get(posting.education_min, 0)
    if posting.education_min and seeker.education and short:
        signals["education_short"] = 1.0
        reasons.append("学历低于要求")
    if seeker.age is not None and (
        (posting.age_min is not None and seeker.age < posting.age_min)
        or (posting.age_max is not None and seeker.age > posting.age_max)
    ):
        signals["age_outside"] = 1.0
        if posting.age_min is not None and posting.age_max is not None:
            wanted = f"{posting.age_min}–{posting.age_max}岁"
        else:
            wanted = f"{posting.age_max}岁以下" if posting.age_max is not None else f"{posting.age_min}岁以上"
        reasons.append(f"年龄不符：要求{wanted}，你{seeker.age}岁")
    if seeker.gender and posting.gender_required and seeker.gender != posting.gender_required:
        signals["gender_outside"] = 1.0
        reasons.append("岗位只招女性" if posting.gender_required == gender.FEMALE else "岗位只招男性")


def _has_done(seeker: Seeker, doc: dict[str, Any]) -> bool:
    done = seeker.done_occupation_ids
    occupation_id = doc.get("occupation_id")
    if not done or occupation_id is None:
        return bool(done) and occupation_id is None  # a post the taxonomy cannot read: do not judge
    return (
        occupation_id in done
        or any(i in done for i in doc.get("other_occupation_ids") or ())
        or related_trade(occupation_id, done)
    )


def _hours(seeker: Seeker, posting: Posting, signals: dict[str, float], reasons: list[str]) -> None:
    said = hours.fit(seeker.hours_limits, posting.hours)
    if said.clash:
        signals["hours_clash"] = 1.0
        reasons.append(f"要上{said.clash}，你说过这个时间不行")
    elif said.fit:
        signals["hours_fit"] = 1.0
        reasons.append(f"{said.fit}，合你说的时间")


def _effort(seeker: Seeker, posting: Posting, signals: dict[str, float], reasons: list[str]) -> None:
    if seeker.cannot_talk and posting.talking:
        signals["speech_clash"] = 1.0
        reasons.append("要接打电话、与人交谈，你说过不方便")
    if not seeker.light_work:
        return
    if posting.effort == effort.HEAVY:
        signals["effort_clash"] = 1.0
        reasons.append("体力活，你说过干不了重活")
    elif posting.effort == effort.LIGHT:
        signals["effort_fit"] = 1.0
        reasons.append("活不重，合你说的身体情况")


ENTRY_WORDS = ("无经验", "无需经验", "可带", "包教", "不限", "能吃苦", "身体健康", "勤快", "零基础", "学徒")


def _entry_level(posting: Posting) -> bool:
    """A job anyone can start: no certificate, no schooling asked, or the posting says so."""
    if posting.certificates or posting.education_min:
        return False
    text = " ".join(str(posting.doc.get(k) or "") for k in ("title", "description", "requirements"))
    return any(word in text for word in ENTRY_WORDS)


def _holds(held: tuple[str, ...], required: str) -> bool:
    """焊工证 is held as 电焊证 or 焊工证书: compare the certificate's own characters."""
    core = set(required) - set("证书资格执照")
    return any(len(core & (set(h) - set("证书资格执照"))) >= min(2, len(core)) for h in held)


def _policy(seeker: Seeker, doc: dict[str, Any], signals: dict[str, float], reasons: list[str]) -> None:
    job_type = doc.get("job_type")
    labels = dict(KeyGroup.choices)
    if job_type == "public_welfare":
        eligible = sorted(seeker.groups & WELFARE_GROUPS)
        county = seeker.home.county
        codes = _place_codes(doc)
        if eligible and county is not None and codes and county.code not in codes:
            # 公益性岗位 place the people of their own village, town or county (本地户籍), not outsiders.
            signals["welfare_not_local"] = 1.0
            reasons.append(f"公益性岗位招本地人员，不在你所在的{county.name}")
        elif eligible:
            signals["key_group_priority"] = 1.0
            reasons.append(f"{labels[eligible[0]]}优先")
        else:
            signals["welfare_not_eligible"] = 1.0
            reasons.append("公益性岗位，优先安置就业困难人员")
    elif job_type == "internship" and KeyGroup.GRADUATE not in seeker.groups:
        signals["internship_not_eligible"] = 1.0
        reasons.append("就业见习岗位，面向高校毕业生")
    elif job_type == "internship" and _fits_trade(seeker, signals):
        # Priority for a graduate's 见习 in their field; one in another field is not what they studied for.
        signals["key_group_priority"] = 1.0
        reasons.append("高校毕业生见习岗位")


def _fits_trade(seeker: Seeker, signals: dict[str, float]) -> bool:
    if not (seeker.occupation_ids or seeker.sector_codes):
        return True
    return signals.get("occupation", 0.0) > 0 or signals.get("semantic", 0.0) >= SEMANTIC_FIT


def score_pair(seeker: Seeker, posting: Posting, *, semantic: float | None = None) -> Ranked:
    """One seeker against one posting: the same signals, whichever side is asking."""
    return _score(seeker, posting, semantic, 0.0, weights())


def rank_candidates(posting: Posting, seekers: list[Seeker], *, limit: int = 20) -> list[tuple[Seeker, Ranked]]:
    """Seekers for a posting, best first. Confirmed key groups come first among equals (policy
    priority for employer candidate lists), and the reason says so."""
    w = weights()
    labels = dict(KeyGroup.choices)
    scored = []
    for seeker in seekers:
        ranked = _score(seeker, posting, None, 0.0, w)
        if seeker.groups and posting.doc.get("job_type") != "public_welfare":
            ranked.score = round(ranked.score + w["key_group_priority"], 4)
            ranked.signals["key_group_priority"] = 1.0
            ranked.reasons.append(f"{labels.get(sorted(seeker.groups)[0], '重点群体')}优先")
        scored.append((seeker, ranked))
    scored.sort(key=lambda pair: (-pair[1].score, pair[0].key))
    return scored[:limit]
