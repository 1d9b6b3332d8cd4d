"""Work done by talking, against a seeker who said they cannot hear or speak well."""

from __future__ import annotations

import pytest

from matching.speech import cannot_talk, talking_work


@pytest.mark.parametrize(
    "text",
    ["我是听力残疾，能看懂文字，不太能打电话", "耳朵不好（听力三级残疾） 不用说话的活都行", "不能接打电话 打字快",
     "残疾人证（听力三级）", "说话结巴 想做手工"],
)  # fmt: skip
def test_a_seeker_who_cannot_hear_or_speak_well_is_read_so(text):
    assert cannot_talk(text)


@pytest.mark.parametrize("text", ["会说普通话和苗语", "能吃苦 电话随时联系", "眼睛还好 想做手工", ""])
def test_speaking_and_a_phone_number_to_call_are_not_a_limit(text):
    assert not cannot_talk(text)


@pytest.mark.parametrize(
    ("occupation", "title", "expected"),
    [("话务员", "话务客服（坐班，欢迎残疾人朋友）", True), ("普工", "电话销售 底薪+提成", True),
     ("导购员", "鞋店导购", True), ("包装工", "酸汤食品厂招包装工", False), ("普工", "电子厂普工 长白班", False)],
)  # fmt: skip
def test_a_posts_talking_is_read_from_its_trade_and_its_title(occupation, title, expected):
    assert talking_work(occupation=occupation, title=title) is expected
