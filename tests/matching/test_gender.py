"""A posting's gender limit is read only where it is said of the whole post, and a seeker's gender
from what they wrote when a record has no field for it."""

from __future__ import annotations

import pytest

from matching.gender import FEMALE, MALE, required, stated


@pytest.mark.parametrize(
    ("title", "body", "expected"),
    [("小区保安", "看门、登记车辆 男，60岁以下，身体健康", MALE),
     ("物业保洁 阿姨 白班", "凯里某小区招保洁阿姨3名，60岁以下", FEMALE),
     ("东莞 电子厂 女工 长白班", "18-35 坐着做", FEMALE),
     ("酒店前台", "凯里某商务酒店前台2名，女，20-30岁，会电脑", FEMALE),
     ("锦屏 搬运 木材装车 日结", "木材装车 男 250/天 体力好", MALE)],
)  # fmt: skip
def test_a_limit_said_of_the_whole_post_is_read(title, body, expected):
    assert required(title, body) == expected


@pytest.mark.parametrize(
    ("title", "body"),
    [("饰品厂 普工", "灯具装配、包装，计件。18-45岁，女工优先"),  # a preference, not a limit
     ("公益性岗位", "就业困难人员；女50岁以下、男60岁以下"),  # an age limit for each
     ("小区绿化除草 3天", "每天150 管午饭 大姐大哥都可以"),
     ("超市招人", "收银员3名（女 18-40）、理货员4名（男女不限）"),  # said of one job in the post
     ("古城客栈招前台 保洁 夜班值守", "前台1名 保洁2名 夜班值守1名（男 65岁以下）"),
     ("电子厂普工", "男女不限 18-45岁")],
)  # fmt: skip
def test_preferences_limits_for_one_of_several_jobs_and_both_genders_are_no_limit(title, body):
    assert required(title, body) == ""


def test_a_seekers_gender_is_read_only_when_said():
    assert stated("20岁 男 工资高就行") == MALE
    assert stated("凯里白午安置点 宝妈 28岁") == FEMALE
    assert stated("在工地干过几年 力气大") == ""
    assert stated("雷山的 43岁 老婆身体不好 我什么都能干") == MALE  # said by a husband
    assert stated("老公在外面打工 我在家带娃") == FEMALE
