"""Wage-arrears cases (根治欠薪) beyond gigs: opened by a follow-up answer or a complaint.

The bureau's 根治欠薪 work asks that every report of unpaid wages becomes a case with an owner and
a deadline. This is the register's first form: the follow-up survey opens a case when a worker
says they are not paid on time; complaints, steps and outcomes build on it.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from marketplace.privacy import EncryptedCharField, mask_phone


class ArrearsSource(models.TextChoices):
    FOLLOW_UP = "follow_up", _("稳岗回访")
    COMPLAINT = "complaint", _("投诉")
    STATION = "station", _("协作站上报")
    WINDOW = "window", _("窗口受理")


class ArrearsOutcome(models.TextChoices):
    """How a case ended; the outcome decides what happens to the employer (arrears.services)."""

    RECOVERED = "recovered", _("已追回工资")
    REFUSED = "refused", _("拒不支付，列入黑名单")
    REFERRED = "referred", _("移送仲裁或司法")
    UNFOUNDED = "unfounded", _("经核查不成立")


class ArrearsStatus(models.TextChoices):
    OPEN = "open", _("处理中")
    CLOSED = "closed", _("已办结")


class WageArrearsCase(models.Model):
    worker_name = models.CharField(_("劳动者"), max_length=30)
    phone = EncryptedCharField(_("联系电话"), blank=True)
    roster_entry = models.ForeignKey(
        "marketplace.RosterEntry", on_delete=models.SET_NULL, null=True, blank=True, related_name="arrears_cases"
    )
    station = models.ForeignKey(
        "marketplace.CooperationStation", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    home_county = models.CharField(_("户籍县市"), max_length=30, blank=True)
    employer = models.ForeignKey(
        "marketplace.Employer", on_delete=models.SET_NULL, null=True, blank=True, related_name="arrears_cases"
    )
    employer_name = models.CharField(_("用工单位"), max_length=100, blank=True)
    description = models.CharField(_("情况说明"), max_length=500, blank=True)
    project = models.CharField(_("项目或工地"), max_length=100, blank=True)
    amount = models.PositiveIntegerField(_("拖欠金额（元）"), null=True, blank=True)
    period = models.CharField(_("拖欠期间"), max_length=40, blank=True)
    workers = models.PositiveSmallIntegerField(_("涉及人数"), default=1)
    profile = models.ForeignKey(
        "marketplace.WorkerProfile", on_delete=models.SET_NULL, null=True, blank=True, related_name="arrears_cases"
    )
    filed_by = models.ForeignKey("marketplace.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    outcome = models.CharField(_("办理结果"), max_length=12, choices=ArrearsOutcome.choices, blank=True)
    closed_at = models.DateTimeField(_("办结时间"), null=True, blank=True)
    source = models.CharField(_("来源"), max_length=12, choices=ArrearsSource.choices)
    status = models.CharField(_("状态"), max_length=10, choices=ArrearsStatus.choices, default=ArrearsStatus.OPEN)
    opened_at = models.DateTimeField(_("立案时间"), auto_now_add=True)
    deadline = models.DateField(_("办结期限"))

    class Meta:
        ordering = ["-opened_at", "-id"]
        verbose_name = verbose_name_plural = _("欠薪线索")

    def __str__(self) -> str:
        return f"{self.worker_name} / {self.employer_name}"

    @property
    def masked_phone(self) -> str:
        return mask_phone(self.phone)


class ArrearsStep(models.Model):
    """One thing staff did on a case (called the employer, visited the site, ordered payment)."""

    case = models.ForeignKey(WageArrearsCase, on_delete=models.CASCADE, related_name="steps")
    note = models.CharField(_("办理情况"), max_length=300)
    by = models.ForeignKey("marketplace.User", on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name = verbose_name_plural = _("办理记录")

    def __str__(self) -> str:
        return f"{self.case}: {self.note[:20]}"


class ArrearsEvidence(models.Model):
    """A photo of evidence (a pay slip, an IOU, an attendance sheet), cleaned like every upload."""

    case = models.ForeignKey(WageArrearsCase, on_delete=models.CASCADE, related_name="evidence")
    photo = models.ImageField(_("证据照片"), upload_to="arrears/")
    uploaded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["id"]
        verbose_name = verbose_name_plural = _("证据照片")

    def __str__(self) -> str:
        return f"{self.case} #{self.pk}"
