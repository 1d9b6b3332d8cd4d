"""Experience a post demands (熟练工, 两年以上经验) against the trades a seeker has done.

Employers who want a 熟练平车工 or 三年以上焊接经验 turn away who has never done the work, as
they turn away who is outside the age range. A seeker who will do anything (工资高就行, 没啥文化
能吃苦) was shown those posts among the first: the trade was right for the words, not for the
person. What counts as done is what they wrote about their past and their skills, not what they
want: wanting to be a welder is not having welded.

Only demands count. 有经验者优先 and 熟练优先 are a preference; 熟练使用电脑 is an office skill.
"""

from __future__ import annotations

import re

_NUMBER = r"(?:\d+|[一两二三四五六七八九十半])"
# Up to four words between the demand and 经验 (相关工作, 焊接, 驾驶), never one that denies it.
_WHAT = r"(?:(?![无没不])[\u4e00-\u9fff]){0,4}"
_DEMANDS = re.compile(
    rf"{_NUMBER}\s*年(?:以上|及以上|或以上)?{_WHAT}经验"
    rf"|(?<![无没不])(?:有|具备|具有|需|需要|要求|必须){_WHAT}经验"
    r"|熟练工|熟手|老师傅|不招学徒|不带徒|不要新手|新手勿扰|不收新手|(?<![不无])熟练(?!使用|掌握|运用|操作电脑|办公|电脑)"
)
# What turns a demand into a wish: 有经验者优先, 熟练优先, 有无经验均可.
_SOFT_AFTER = re.compile(r"^.{0,4}?(?:优先|更好|最好|均可|亦可|也可|都可|都行|不限|可带|包教|可培训)")


def demanded(text: str) -> bool:
    """Whether a post's words ask for experience in the work, not merely prefer it."""
    text = text or ""
    return any(not _SOFT_AFTER.match(text[match.end() :]) for match in _DEMANDS.finditer(text))


# 学门技术, 学个手艺: the want is a trade's first rung, whatever the trade. 能学东西就行 is not:
# it is a wish about any job, and its judges gave shop work, not apprenticeships.
_LEARN = re.compile(r"学(?:一|个|门|点|些|一门|一点|一些)?(?:技术|手艺|本事)|当学徒|做学徒|学徒也行|学徒也可以")
# A post that takes learners on: 学徒, 包教包会, 有师傅带.
_APPRENTICESHIP = re.compile(r"学徒|徒弟|带徒|包教|师傅带|有师傅教")


def wants_to_learn(text: str) -> bool:
    """Whether a seeker asked to learn a trade (学门技术, 学个手艺), not only to be paid."""
    return bool(_LEARN.search(text or ""))


def apprenticeship(text: str) -> bool:
    """Whether a post takes learners on and teaches them (学徒, 包教包会, 有师傅带)."""
    return bool(_APPRENTICESHIP.search(text or ""))
