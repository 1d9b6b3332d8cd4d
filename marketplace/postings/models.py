"""Job postings and the log of every status change they went through."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from marketplace.enums import Education, JobType, PayUnit, PostingStatus
from marketplace.places.position import Position
from marketplace.transition_log import TransitionLog


class JobPosting(Position):
    employer = models.ForeignKey("marketplace.Employer", on_delete=models.CASCADE, related_name="postings")
    # Set when a cooperation station posted on the employer's behalf.
    station = models.ForeignKey(
        "marketplace.CooperationStation", on_delete=models.SET_NULL, null=True, blank=True, related_name="postings"
    )
    created_by = models.ForeignKey(
        "marketplace.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    title = models.CharField(_("岗位名称"), max_length=80)
    description = models.TextField(_("岗位描述"), blank=True)
    occupation = models.ForeignKey(
        "marketplace.Occupation", on_delete=models.SET_NULL, null=True, blank=True, related_name="postings"
    )
    job_type = models.CharField(_("用工类型"), max_length=20, choices=JobType.choices, default=JobType.FULL_TIME)
    county = models.CharField(_("工作地点（县市）"), max_length=30)
    town = models.CharField(_("乡镇/街道"), max_length=30, blank=True)
    address = models.CharField(_("详细地址"), max_length=200, blank=True)
    pay_min = models.PositiveIntegerField(_("最低薪资"))
    pay_max = models.PositiveIntegerField(_("最高薪资"))
    pay_unit = models.CharField(_("计薪方式"), max_length=10, choices=PayUnit.choices, default=PayUnit.MONTH)
    headcount = models.PositiveIntegerField(_("招聘人数"), default=1)
    education_min = models.CharField(_("学历要求"), max_length=10, choices=Education.choices, default=Education.NONE)
    certificates_required = models.JSONField(_("需要的证书"), default=list, blank=True)
    age_min = models.PositiveSmallIntegerField(_("最小年龄"), null=True, blank=True)
    age_max = models.PositiveSmallIntegerField(_("最大年龄"), null=True, blank=True)
    benefits = models.JSONField(_("福利"), default=list, blank=True)
    schedule = models.CharField(_("工作时间"), max_length=100, blank=True)
    valid_until = models.DateField(_("有效期至"), null=True, blank=True)
    status = models.CharField(
        _("状态"), max_length=12, choices=PostingStatus.choices, default=PostingStatus.DRAFT, db_index=True
    )
    status_note = models.CharField(_("审核意见"), max_length=200, blank=True)
    # Set by moderation rules (banned words, discriminatory requirements): a human must look.
    flags = models.JSONField(_("需人工复核的问题"), default=list, blank=True)
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = verbose_name_plural = _("招聘岗位")
        indexes = [models.Index(fields=["status", "-published_at"]), models.Index(fields=["county", "status"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(pay_max__gte=models.F("pay_min")), name="posting_pay_range"),
            models.CheckConstraint(
                condition=models.Q(age_min__isnull=True)
                | models.Q(age_max__isnull=True)
                | models.Q(age_max__gte=models.F("age_min")),
                name="posting_age_range",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def pay_display(self) -> str:
        unit = PayUnit(self.pay_unit).label
        if self.pay_min == self.pay_max:
            return f"{self.pay_min} {unit}"
        return f"{self.pay_min}–{self.pay_max} {unit}"


class PostingTransition(TransitionLog):
    """Who moved a posting from what to what, when, and why."""

    posting = models.ForeignKey(JobPosting, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(max_length=12, choices=PostingStatus.choices)
    to_status = models.CharField(max_length=12, choices=PostingStatus.choices)

    class Meta(TransitionLog.Meta):
        pass
