"""How heavy the work is, read from what people write: 腰不好 in a profile, 搬运 and 扎钢筋 in a posting."""

from __future__ import annotations

import pytest

from matching.effort import HEAVY, LIGHT, cannot_do_heavy, posting_effort


@pytest.mark.parametrize(
    "text",
    ["在工地干过几年 现在腰不好 重活干不了", "55岁了腰不太好", "医生说不能干重活", "想找个轻松点的 白天班",
     "身体还可以就是不想干太累的", "只要不累就行", "啥都行 能挣钱就行 别太累", "能坐着干的都行 腿脚不方便",
     "随便 不要太累"],
)  # fmt: skip
def test_a_seeker_who_says_their_body_rules_out_heavy_work_is_read_so(text):
    assert cannot_do_heavy(text)


@pytest.mark.parametrize(
    "text",
    # Strength offered is the opposite, and a wife's health is not the seeker's.
    ["有力气 搬搬扛扛都可以", "力气大 日结的活都可以", "老婆身体不好 我什么都能干", "累点不怕 工资高就行", "腰还行"],
)  # fmt: skip
def test_strength_and_a_family_members_health_are_not_a_limit(text):
    assert not cannot_do_heavy(text)


@pytest.mark.parametrize(
    ("occupation", "title", "text", "expected"),
    [("建筑普工", "县城工地杂工150/天", "", HEAVY), ("装卸工", "卸货工 日结200", "", HEAVY),
     ("普工", "物流园 搬运工", "", HEAVY),  # the title says it, whatever the taxonomy read
     ("普工", "玩具厂招普工 坐着做 长白班", "玩具厂招普工 坐着做 长白班", LIGHT),
     ("保安员", "小区门卫", "工作轻松 管吃住", LIGHT),
     ("收银员", "超市收银员", "早晚两班倒", "")],  # silent on effort: neither
)  # fmt: skip
def test_a_postings_effort_is_read_from_its_trade_and_its_words(occupation, title, text, expected):
    assert posting_effort(occupation=occupation, title=title, text=text) == expected
