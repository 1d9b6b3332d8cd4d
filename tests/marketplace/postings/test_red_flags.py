"""Postings no one looking for work should be sent to: money asked of the worker, frauds, and ads
that are no job, read from the posting's words as employers and swindlers write them."""

from __future__ import annotations

import pytest

from marketplace.postings.red_flags import FEE, FRAUD, NOT_A_JOB, VICE, found, reason


@pytest.mark.parametrize(
    ("text", "expected"),
    [("普公 保结 月入一万 需交押金500（体检+工衣 满月退）", {FEE}),
     ("招保安30名<br>入职先交服装费300 培训费500 上岗后退还", {FEE}),
     ("报名先交200元体检费 当天安排进厂", {FEE}),
     ("出国劳务 日本 月薪2万 中介费3万 包办签证", {FEE}),
     ("招模特 兼职 日结800-1500 先拍写真 交2000元押金", {FEE}),
     ("淘宝刷单 一单佣金5-50 日结200-500 先垫付本金", {FRAUD}),
     ("东南亚 客服 月薪15000-30000 包机票 会打字就行", {FRAUD}),
     ("先购买一套产品（2980）成为会员 拉人有提成", {FRAUD}),
     ("营盘坡 门面转让 50平米 适合奶茶 餐饮", {NOT_A_JOB}),
     ("急用钱？无视征信 当天下款", {NOT_A_JOB}),
     ("电工证 焊工证 叉车证 考证培训 包过 费用1800起", {NOT_A_JOB}),
     ("奶茶加盟 零经验开店 加盟费仅需9.8万 招合伙人", {NOT_A_JOB}),
     ("服装品牌招兼职模特，拍照日结500，需先拍一套形象照（费用800）。", {FEE}),
     ("🔥高端KTV诚招佳丽🔥 陪唱 日结800-1500 不喝酒也可 加微信详聊", {VICE}),
     ("深圳高端会所 招男公关 日结1万+ 无需经验 颜值过关即可", {VICE}),
     ("凯里 夜场 KTV 服务员 KTV服务员、DJ、公关，高收入", {VICE}),
     ("求职：男 35岁 有驾照 找事做 电话联系", {NOT_A_JOB})],  # a seeker's own post among the jobs
)  # fmt: skip
def test_a_posting_that_asks_money_or_is_no_job_is_flagged(text, expected):
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    ["修理厂招学徒3名 不收学费，不用交押金，来了就干",
     "苏州园区电子大厂 小时工22/h 包住 ⚠体检费自理 不收中介费",
     "上海松江某大厂 普工 两班倒 五险一金 体检费报销",
     "网约车 有车加盟 或 租车 C1 驾龄3年 月入6000-9000",  # a driver joining a platform is a job
     "五金厂焊接车间 新手师傅带 三个月出师 公司出钱考证",
     "义乌电商仓库打包 小时工17元 吃住自理（附近有出租房）",
     "凯里 出租车公司招白班/夜班驾驶员 车辆公司提供",
     "急找KTV服务员3名 传菜、打扫卫生 3000-4000元/月",  # a KTV's waiter carries dishes
     "文旅公司招公关专员 负责品牌宣传和媒体对接",
     "招普工 欢迎求职者来电咨询"],
)  # fmt: skip
def test_honest_posts_that_mention_fees_or_deposits_are_not_flagged(text):
    assert found(text) == frozenset()


def test_the_seeker_is_told_the_most_serious_flag():
    assert reason(frozenset({FEE, FRAUD})).startswith("疑似诈骗")
    assert "违法" in reason(frozenset({FEE}))
    assert reason(frozenset()) == ""
