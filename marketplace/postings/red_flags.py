"""Postings that are not honest jobs: money asked of the worker, known frauds, and ads that are no job.

An employer may not ask a new hire for money or a deposit (劳动合同法 第九条; 就业服务与就业管理规定
第十四条), and the frauds that reach people looking for work all turn on it: a 押金 for the uniform,
a 会员费 to "open" typing work, a 中介费 for a job abroad. Others are ads posted where jobs are:
门面转让, 网贷, a franchise (加盟费). None of them is worth showing to someone looking for work,
and a seeker who sees one should be told why it is below the rest.

Moderation (`moderation.py`) sends a posting to a human on any trace of these, and a human may
let it through; the matcher ranks what is published, so this reads more narrowly: "不收押金" and
"体检费报销" are what honest ads say, and a fee counts only when it is demanded or priced.
"""

from __future__ import annotations

import re

FEE = "fee"  # the worker pays before or on starting: 押金, 服装费, 会员费, 中介费
FRAUD = "fraud"  # the known frauds: 刷单, tasks paid after an advance, "high pay" across the border
NOT_A_JOB = "not_a_job"  # shops to let, loans, franchises, exam cramming: no employer is hiring
VICE = "vice"  # paid companionship in KTVs and clubs (有偿陪侍), which the law forbids: 佳丽, 陪酒, 男公关

# Fees that are never the worker's to pay. 体检费 is often honest (自理 at a hospital, 报销 later),
# so it counts only when asked for up front, below.
_FEE_WORDS = (
    r"押金|保证金|会员费|入会费|入门费|服装费|工衣费|中介费|介绍费|培训费|报名费|资料费|材料费|加盟费|办卡费|建档费"
    r"|拍摄费|写真费|形象照费"
)
_DEMAND = r"先交|需交|要交|须交|需缴|交纳|缴纳|先付|需付|收取|预交|先缴|需先交|需要交"
_AMOUNT = r"\s*[:：]?\s*\d+(?:\.\d+)?\s*(?:元|块|万)?"
# 需交押金500, 先交198元会员费, 入职先交服装费300, 加盟费3.98万, 中介费3万
_FEE = re.compile(
    rf"(?:{_DEMAND})[^，,。；;！!]{{0,8}}(?:{_FEE_WORDS}|体检费)"
    rf"|(?:{_DEMAND}|交|缴|付)\s*\d+(?:\.\d+)?\s*(?:元|块)?(?:{_FEE_WORDS}|体检费)"
    rf"|(?:{_FEE_WORDS}){_AMOUNT}"
    r"|(?:形象照|写真|拍照)[^，,。；;]{0,6}(?:费用?|收费)\s*[:：]?\s*\d+"  # 需先拍一套形象照（费用800）
)
# 不收押金, 不用交押金, 无需押金, 免中介费, 不收取任何费用: the fee is refused, which is what honest ads say.
_REFUSED_FEE = re.compile(rf"(?:不收|不用交?|无需交?|不需要?交?|免|没有|绝不收取?|拒绝)\s*(?:任何)?(?:{_FEE_WORDS})")
_FRAUD = re.compile(
    r"刷单|刷信誉|垫付|做任务.{0,6}返|点赞.{0,8}(?:佣金|一单|日入|日赚)|(?:日赚|日入)\s*\d{3,}.{0,10}(?:手机|在家)"
    r"|(?:东南亚|缅甸|柬埔寨|老挝|西港|西哈努克|迪拜|海外|境外).{0,12}(?:高薪|客服|打字|月入|包机票)"
    r"|先购买.{0,8}(?:产品|套餐)|拉人头|发展下线|拉人.{0,3}(?:提成|奖励)|从边境"
)
_NOT_A_JOB = re.compile(
    r"门面转让|店面转让|店铺转让|转让费|旺铺|求租|无视征信|下款|网贷|贷款.{0,4}(?:秒批|当天)"
    r"|招商加盟|加盟费|招合伙人|不是招员工|考证.{0,6}包过|包过|包拿证|学历提升"
    r"|^\s*[【\[(（]?\s*求职\s*[】\]:：)）]"  # 求职：男 35岁 有驾照: a seeker's own post among the jobs
)

# 娱乐场所管理条例 第十四条 forbids paid companionship (陪侍); its ads say 佳丽, 公主, 公关 of a KTV or a
# club, 陪唱 and 陪酒, with a day's pay no waiter earns. A KTV's 服务员 who carries dishes is a job.
_VICE = re.compile(
    r"佳丽|陪酒|陪唱|陪侍|伴游|男公关|女公关|(?:KTV|ktv|夜场|会所|酒吧|夜总会)[^，,。；;\n]{0,8}(?:公关|公主|少爷|男模|女模)"
    r"|(?:公关|公主)[^，,。；;\n]{0,6}日结\s*\d{3,}"
)


def found(text: str) -> frozenset[str]:
    """The red flags in a posting's words (title, description, requirements)."""
    text = text or ""
    flags = set()
    if _FEE.search(_REFUSED_FEE.sub(" ", text)):
        flags.add(FEE)
    if _FRAUD.search(text):
        flags.add(FRAUD)
    if _NOT_A_JOB.search(text):
        flags.add(NOT_A_JOB)
    if _VICE.search(text):
        flags.add(VICE)
    return frozenset(flags)


REASONS = {
    FEE: "要求先交钱：招聘收取押金或费用是违法的，谨防受骗",
    FRAUD: "疑似诈骗（刷单、垫付、境外高薪），请勿联系",
    NOT_A_JOB: "不是招聘信息",
    VICE: "疑似有偿陪侍（KTV公关、佳丽），娱乐场所陪侍违法，请勿联系",
}


def reason(flags: frozenset[str]) -> str:
    """The one thing to tell a seeker, the most serious first."""
    for flag in (FRAUD, VICE, FEE, NOT_A_JOB):
        if flag in flags:
            return REASONS[flag]
    return ""
