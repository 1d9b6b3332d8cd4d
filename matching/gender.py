"""A posting that asks for men or for women, read from its words; a seeker's gender where a record
has no field for it.

Employers write 男，55岁以下 for a 保安 and 招保洁阿姨 for a cleaner. Moderation
(marketplace.postings.moderation) sends a gender limit to a human, who lets through the ones with
a reason; what is published, a seeker of the other gender should see stated, not find out at the
gate. A limit counts only where it is said of the whole post: in a booth list or a post with several
jobs (保安 男 …；保洁 女 …) it is said of one job, and 女工优先 is a preference, not a limit.
"""

from __future__ import annotations

import re

MALE = "male"
FEMALE = "female"

# 男/女 standing alone, before an age or a pause: "男，60岁以下", "女 18-40岁", "性别：女"
_ALONE = r"(?:^|(?<=[\s，,；;（(|、：:]))"
_AGE_OR_PAUSE = r"(?:性|士)?(?:\s*[，,、]?\s*(?:\d{2}\s*[-~—至到]\s*\d{2}|\d{2}\s*周?岁)|(?=$|[\s，,；;）)|。]))"
_WOMEN = re.compile(rf"(?:限|仅限|只招|只要)\s*女|女工(?![优多也均])|阿姨|大姐|{_ALONE}女{_AGE_OR_PAUSE}")
_MEN = re.compile(rf"(?:限|仅限|只招|只要)\s*男|男工(?![优多也均])|大哥|{_ALONE}男{_AGE_OR_PAUSE}")
_EITHER = re.compile(r"男女不限|男女均可|男女都|不限男女|男女工|夫妻|不限性别")
# Several jobs in one post: numbered items, counts for two jobs, "前台：…；客房：…", 救生员（男…）、保洁（…）
_SEVERAL_JOBS = re.compile(
    r"[①②③④⑤]|(?:^|[\s<>])[1-9][.、．]|★|\d+\s*名.*\d+\s*名|[：:].*[；;].*[：:]|）\s*[、，,].{0,12}（"
)
# What a seeker says of themselves: "20岁 男", "宝妈", "我是女的"
# "老婆身体不好" is said by a husband, "老公在外面打工" by a wife.
_SAYS_WOMAN = re.compile(r"(?:^|[\s，,。])女(?:[\s，,。]|$)|宝妈|女的|女生|我是女|妇女|老公|丈夫")
_SAYS_MAN = re.compile(r"(?:^|[\s，,。])男(?:[\s，,。]|$)|男的|男生|我是男|老婆|媳妇|妻子")


def required(title: str, body: str) -> str:
    """MALE or FEMALE when the post as a whole asks for one, else ""."""
    text = title or ""
    if not _SEVERAL_JOBS.search(body or ""):
        text = f"{text} {body or ''}"
    if _EITHER.search(text):
        return ""
    women, men = bool(_WOMEN.search(text)), bool(_MEN.search(text))
    if women != men:
        return FEMALE if women else MALE
    return ""


def stated(text: str) -> str:
    """A seeker's gender from what they wrote, when one is said and the other is not."""
    text = text or ""
    woman, man = bool(_SAYS_WOMAN.search(text)), bool(_SAYS_MAN.search(text))
    if woman != man:
        return FEMALE if woman else MALE
    return ""
