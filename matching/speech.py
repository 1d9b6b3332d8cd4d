"""Work done by talking (客服, 电话销售, 导购) against a seeker who cannot hear or speak well.

A deaf seeker writes 听力残疾，不太能打电话 and asks for 流水线、包装、手工这类不用说话的工作. The words
and their meaning sat close to 话务客服（欢迎残疾人朋友）, which came fourth for her: the post
welcomed disabled people and its whole day is the phone. As with a bad back and heavy work, what
the person says their body allows is a limit, and a post that needs it sinks and says why.
"""

from __future__ import annotations

import re

# What a seeker says of their hearing or speech: 听力残疾, 耳朵不好, 不能接打电话, 不用说话的活.
_CANNOT_TALK = re.compile(
    r"听力|聋|耳背|耳朵(?:不好|不行|听不)|听不(?:见|清|到)|助听器|哑|语言残疾|言语残疾|口吃|结巴"
    r"|(?:不能|不太能|没法|不方便|不会)(?:接|打|接打)?电话|(?:不能|不太能|不方便|不会)说话|不用说话|不需要说话"
)
# Trades whose day is talking: the phone, the counter, the camera.
TALKING_OCCUPATIONS = frozenset(
    {
        "电商客服",
        "电话销售",
        "话务员",
        "销售代表",
        "汽车销售顾问",
        "导购员",
        "带货主播",
        "行政前台",
        "酒店前台",
        "景区讲解员",
        "导游",
        "保险代理人",
    }
)
_TALKING_WORDS = re.compile(
    r"客服|话务|电销|电话|销售|导购|主播|带货|前台|接待|讲解|导游|业务员|招商|顾问|坐席|呼叫|播音"
)


def cannot_talk(text: str) -> bool:
    """Whether a seeker said they cannot hear or speak well enough for work done by talking."""
    return bool(_CANNOT_TALK.search(text or ""))


def talking_work(*, occupation: str, title: str) -> bool:
    """Whether a post's work is done by talking: by its trade, or by its title's words."""
    return occupation in TALKING_OCCUPATIONS or bool(_TALKING_WORDS.search(title or ""))
