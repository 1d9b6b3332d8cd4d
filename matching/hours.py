"""Working hours as people write them: 长白班 and 两班倒 in a posting, 不上夜班 and 只能上午 in a profile.

A mother who must be home in the evening, or an older worker who can no longer do nights, says so
in a few words, and a posting says its shifts in a few more. Neither is a field anyone fills in,
so both are read from the text: what the posting offers, and what the seeker cannot work.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

NIGHT = "night"  # through the night or past midnight: 夜班, 通宵, 下午4点到晚上12点
EVENING = "evening"  # evenings that end before midnight: 晚班, 到晚上10点, 15:00-22:30
ROTATING = "rotating"  # shifts that turn through the night: 两班倒, 三班倒, 倒班
DAY = "day"  # days only, said outright: 长白班, 固定白班, 不上夜班
MORNING = "morning"  # mornings: 上午班, 早班

# What a posting offers. A phrase that rules nights out (不上夜班) is read first and removed, so
# that its 夜班 is not read as an offer of nights.
_DAY = re.compile(
    r"长白班|常白班|固定白班|纯白班|只上白班|白天班|朝九晚五|(?:不上|无|没有|不用上|不需要上)(?:夜班|晚班)|不倒班"
)
_NIGHT = re.compile(r"夜班|通宵|夜场|夜间|凌晨|次日|晚上?(?:12|十二)点|[到至-]\s*(?:24|0?0)[:：]\d\d")
# A restaurant open until ten is an evening, not a night: who said 不上夜班 takes it, who must be home
# in the evening does not.
_EVENING = re.compile(r"晚班|[到至]晚上?\s*\d{1,2}|晚上\d{1,2}[点:：]|[到至]晚上|[到至-]\s*(?:2[0-3]|1[89])[:：]\d\d")
_ROTATING = re.compile(r"两班倒|三班倒|倒班|轮班|两班制|三班制|白夜班|四班三倒|[白夜]班轮换")
_MORNING = re.compile(r"上午班|早班|早上班|只上上午|上午半天")

# What a seeker cannot work. Only refusals count: 两班倒也可以 and 夜班也能上 accept.
_NO_NIGHT = re.compile(
    r"(?:不要|不上|不能上|不做|不想上|上不了|不值|不能做)夜班|夜班(?:熬不动|不行|不做|上不了|干不了)|不熬夜"
)
# Evenings too: they must be home (晚上要回家管娃) or asked for days only.
_NO_EVENING = re.compile(
    r"晚上(?:不行|不能|不方便|没空|要(?:在家|回家|带|管|陪|照顾|接))|(?:不要|不上|不能上|不做|不想上)晚班"
    r"|只(?:能|要|想|上)(?:做|上)?(?:长)?白(?:天|班)|白天(?:的活|班)|长白班"
)
_NO_ROTATING = re.compile(
    r"(?:不要|不上|不能|不想|不做|不能上)(?:两班倒|三班倒|倒班)|只(?:能|要|想|上)(?:做|上)?(?:长)?白(?:天|班)|长白班"
)
_MORNINGS_ONLY = re.compile(r"只能(?:上午|早上)|上午的活|下午要(?:带|接|管|照顾|去接)|只能做上午")


def offered(text: str) -> frozenset[str]:
    """The shifts a posting's words offer (title, description, requirements, 工作时间)."""
    text = text or ""
    found = set()
    if _DAY.search(text):
        found.add(DAY)
        text = _DAY.sub(" ", text)
    if _NIGHT.search(text):
        found.add(NIGHT)
    if _EVENING.search(text):
        found.add(EVENING)
    if _ROTATING.search(text):
        found.add(ROTATING)
    if _MORNING.search(text):
        found.add(MORNING)
    return frozenset(found)


def limits(text: str) -> frozenset[str]:
    """The hours a seeker said they cannot work: nights, rotating shifts, or anything but mornings."""
    text = text or ""
    found = set()
    if _NO_EVENING.search(text):
        found |= {NIGHT, EVENING}
    if _NO_NIGHT.search(text):
        found.add(NIGHT)
    if _NO_ROTATING.search(text) or NIGHT in found:  # two shifts that turn are nights every other week
        found.add(ROTATING)
    if _MORNINGS_ONLY.search(text):
        found |= {NIGHT, EVENING, ROTATING, MORNING}
    return frozenset(found)


@dataclass(frozen=True)
class HoursFit:
    clash: str = ""  # the shift they cannot work that the job asks for: "夜班"
    fit: str = ""  # the hours they asked for that the job offers: "长白班"


def fit(seeker_limits: frozenset[str], posting_offers: frozenset[str]) -> HoursFit:
    """Whether a job's hours suit what the seeker said. A job offering a choice (长白班/两班倒) clashes
    with nothing; a job that says nothing of its hours neither clashes nor fits."""
    if not seeker_limits or not posting_offers:
        return HoursFit()
    if MORNING in seeker_limits:
        if MORNING in posting_offers:
            return HoursFit(fit="上午班")
        if posting_offers & {NIGHT, EVENING, ROTATING}:
            return HoursFit(clash="晚班" if posting_offers & {NIGHT, EVENING} else "倒班")
        return HoursFit()
    if DAY in posting_offers:
        return HoursFit(fit="长白班")
    if ROTATING in seeker_limits and ROTATING in posting_offers:
        return HoursFit(clash="倒班")
    if NIGHT in seeker_limits and NIGHT in posting_offers:
        return HoursFit(clash="夜班")
    if EVENING in seeker_limits and EVENING in posting_offers:
        return HoursFit(clash="晚班")
    return HoursFit()
