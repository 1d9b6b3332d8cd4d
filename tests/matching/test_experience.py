"""Experience a post demands, read from its words: 熟练工 and 两年以上经验 ask; 有经验者优先 only prefers."""

from __future__ import annotations

import pytest

from matching.experience import apprenticeship, demanded, wants_to_learn


@pytest.mark.parametrize(
    "text",
    ["余杭服装厂招熟练平车工 计件", "要求两年以上焊接经验", "3年以上相关工作经验", "需有经验，不招学徒",
     "招熟手 新手勿扰", "必须有驾驶经验", "月嫂：要求有经验，会照顾新生儿"],
)  # fmt: skip
def test_a_post_that_asks_for_experience_is_read_so(text):
    assert demanded(text)


@pytest.mark.parametrize(
    "text",
    # A preference, an office skill, or an open door is not a demand.
    ["有经验者优先", "熟练工优先，无经验可带", "有无经验均可", "无需经验 包教包会", "熟练使用电脑和办公软件",
     "一年以上经验更好", "不熟练也可以学", "经验不限", "有无相关经验都可以"],
)  # fmt: skip
def test_a_preference_or_an_open_door_is_not_a_demand(text):
    assert not demanded(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("高中毕业 不想进厂 想学门技术 汽修 厨师 理发都可以", True), ("初中毕业 在家玩了一年 想学门手艺", True),
     ("啥都行 学技术", True), ("随便什么 不要太累的 能学东西就行", False), ("想进厂 工资高就行", False)],
)  # fmt: skip
def test_a_seeker_who_asks_to_learn_a_trade_is_read_so(text, expected):
    assert wants_to_learn(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("理发店学徒", True), ("模具厂 招学徒 包教包会", True), ("常州机加工厂 CNC 包住 有师傅带", True),
     ("设备维修技术员 三年经验", False), ("电子厂普工 长白班", False)],
)  # fmt: skip
def test_a_post_that_teaches_is_read_so(text, expected):
    assert apprenticeship(text) is expected
