"""Experience a post demands, read from its words: 熟练工 and 两年以上经验 ask; 有经验者优先 only prefers."""

from __future__ import annotations

import pytest

from matching.experience import demanded


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
