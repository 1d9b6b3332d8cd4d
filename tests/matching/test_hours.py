"""Working hours read from what people write: a posting's shifts, and the hours a seeker cannot work."""

from __future__ import annotations

import pytest

from matching.hours import DAY, EVENING, MORNING, NIGHT, ROTATING, fit, limits, offered


@pytest.mark.parametrize(
    ("text", "expected"),
    [("不要夜班", {NIGHT, ROTATING}), ("娃小晚上要在家", {NIGHT, EVENING, ROTATING}),
     ("只能白班", {NIGHT, EVENING, ROTATING}), ("就是不要两班倒", {ROTATING}), ("夜班熬不动了", {NIGHT, ROTATING}),
     ("只能上午出来做几个小时", {MORNING, NIGHT, EVENING, ROTATING}),
     # Saying yes is not a limit, and a daytime errand is not about shifts.
     ("两班倒也可以", set()), ("夜班也能上", set()), ("白天要接送娃", set())],
)  # fmt: skip
def test_a_seeker_limit_is_read_only_from_a_refusal(text, expected):
    assert limits(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("长白班/两班倒 包吃住", {DAY, ROTATING}), ("快递分拣 夜班 日结", {NIGHT}),
     ("洗碗工 下午4点到晚上12点", {NIGHT, EVENING}),
     ("火锅店服务员 白天到晚10点", {EVENING}),
     ("超市收银 早晚两班 晚班15:00-22:30", {EVENING}),
     ("早餐店 帮工 早上班", {MORNING}), ("白班夜班轮换", {NIGHT, ROTATING}),
     # A posting promising no nights does not offer nights.
     ("不上夜班 8小时", {DAY}), ("招保洁 包午餐", set())],
)  # fmt: skip
def test_a_postings_shifts_are_read_from_its_words(text, expected):
    assert offered(text) == expected


def test_a_job_offering_a_choice_of_shifts_suits_who_cannot_do_nights():
    assert fit(limits("晚上不行"), offered("长白班/两班倒")).fit == "长白班"
    assert fit(limits("晚上不行"), offered("两班倒")).clash == "倒班"
    assert fit(limits("只能上午"), offered("下午4点到晚上12点")).clash == "晚班"
    assert fit(limits("只能上午"), offered("奶茶店 上午班")).fit == "上午班"
    assert not fit(limits("晚上不行"), offered("招保洁")).clash  # a job silent on its hours is no clash


def test_an_evening_that_ends_before_midnight_is_no_night_shift():
    # 不上夜班 means no nights; a restaurant open until ten is an evening, which only who must be
    # home in the evening cannot work.
    assert not fit(limits("不上夜班"), offered("火锅店服务员 白天到晚10点")).clash
    assert fit(limits("晚上要回家管娃"), offered("火锅店服务员 白天到晚10点")).clash == "晚班"
    assert fit(limits("不上夜班"), offered("物流分拣 夜班 20:00-次日6:00")).clash == "夜班"
