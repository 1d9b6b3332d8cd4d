"""The demo's wage-arrears complaints: a few workers file, the bureau has handled some.

Made through the services, so the notifications, deadlines, steps, the early warning and the
consequences for employers are the real ones.
"""

from __future__ import annotations

from marketplace.arrears import services
from marketplace.arrears.models import ArrearsOutcome, WageArrearsCase
from marketplace.enums import VerificationStatus
from marketplace.models import Employer
from marketplace.seed.core import SeedContext
from marketplace.seed.workers import SeedWorker

STORIES = (
    ("钢筋工做了三个月，老板说项目款没到，一直拖着不发。", "凯里经济开发区某安置房项目", 21000, "2026年3月至5月"),
    ("餐馆帮工两个月，工资只发了一半。", "", 3600, "上个月起"),
    ("工地结束后包工头联系不上了。", "某乡村公路硬化工程", 12800, ""),
)


def seed_arrears(ctx: SeedContext, workers: list[SeedWorker]) -> int:
    if ctx.bureau is None:
        return 0
    employers = list(Employer.objects.filter(verification=VerificationStatus.VERIFIED).order_by("pk")[:2])
    made = 0
    for index, (what, project, amount, period) in enumerate(STORIES):
        worker = workers[(index * 37) % len(workers)]
        employer = employers[index % len(employers)] if employers else None
        case = services.arrears_file(by=worker.user, employer=employer, employer_name="某建筑劳务公司",
                                     description=what, project=project, amount=amount, period=period)  # fmt: skip
        made += 1
        if index == 0:
            services.arrears_step(by=ctx.bureau, case=case, note="已电话联系用工单位，责令15日内支付。")
        if index == 1:
            services.arrears_step(by=ctx.bureau, case=case, note="约谈老板，当场补发工资。")
            services.arrears_close(by=ctx.bureau, case=case, outcome=ArrearsOutcome.RECOVERED)
    return made


def release_arrears(user_ids: list[int]) -> int:
    """Delete the complaints the demo's people filed (before their accounts go)."""
    return WageArrearsCase.objects.filter(filed_by_id__in=user_ids).delete()[0]
