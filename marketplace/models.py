"""The marketplace's data: occupations, employers and their job postings."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from marketplace.enums import JobType, PayUnit, PostingStatus, VerificationStatus
from marketplace.validators import validate_credit_code


class OccupationFamily(models.Model):
    code = models.CharField(_("代码"), max_length=16, unique=True)
    name = models.CharField(_("职业大类"), max_length=50, unique=True)
    sort_order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = verbose_name_plural = _("职业大类")

    def __str__(self) -> str:
        return self.name


class Occupation(models.Model):
    code = models.CharField(_("代码"), max_length=16, unique=True)
    name = models.CharField(_("工种"), max_length=50, unique=True)
    family = models.ForeignKey(OccupationFamily, on_delete=models.PROTECT, related_name="occupations")
    # Colloquial names people type (焊工, 烧电焊 for 电焊工); matching and search read them.
    synonyms = models.JSONField(_("俗称"), default=list, blank=True)
    skills = models.JSONField(_("相关技能与证书"), default=list, blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = verbose_name_plural = _("工种")

    def __str__(self) -> str:
        return self.name


class Employer(models.Model):
    name = models.CharField(_("单位名称"), max_length=100)
    credit_code = models.CharField(_("统一社会信用代码"), max_length=18, unique=True, validators=[validate_credit_code])
    county = models.CharField(_("所在县市"), max_length=30)
    address = models.CharField(_("地址"), max_length=200, blank=True)
    lat = models.FloatField(_("纬度"), null=True, blank=True)
    lon = models.FloatField(_("经度"), null=True, blank=True)
    contact_name = models.CharField(_("联系人"), max_length=30, blank=True)
    verification = models.CharField(
        _("认证状态"), max_length=10, choices=VerificationStatus.choices, default=VerificationStatus.PENDING
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = verbose_name_plural = _("用人单位")

    def __str__(self) -> str:
        return self.name

    @property
    def is_verified(self) -> bool:
        return self.verification == VerificationStatus.VERIFIED


class JobPosting(models.Model):
    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="postings")
    title = models.CharField(_("岗位名称"), max_length=80)
    description = models.TextField(_("岗位描述"), blank=True)
    occupation = models.ForeignKey(
        Occupation, on_delete=models.SET_NULL, null=True, blank=True, related_name="postings"
    )
    job_type = models.CharField(_("用工类型"), max_length=20, choices=JobType.choices, default=JobType.FULL_TIME)
    county = models.CharField(_("工作地点"), max_length=30)
    address = models.CharField(_("详细地址"), max_length=200, blank=True)
    lat = models.FloatField(_("纬度"), null=True, blank=True)
    lon = models.FloatField(_("经度"), null=True, blank=True)
    pay_min = models.PositiveIntegerField(_("最低薪资"))
    pay_max = models.PositiveIntegerField(_("最高薪资"))
    pay_unit = models.CharField(_("计薪方式"), max_length=10, choices=PayUnit.choices, default=PayUnit.MONTH)
    headcount = models.PositiveIntegerField(_("招聘人数"), default=1)
    benefits = models.JSONField(_("福利"), default=list, blank=True)
    status = models.CharField(_("状态"), max_length=12, choices=PostingStatus.choices, default=PostingStatus.DRAFT)
    published_at = models.DateTimeField(_("发布时间"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-published_at", "-id"]
        verbose_name = verbose_name_plural = _("招聘岗位")
        indexes = [models.Index(fields=["status", "-published_at"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(pay_max__gte=models.F("pay_min")), name="posting_pay_range"),
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def pay_display(self) -> str:
        unit = PayUnit(self.pay_unit).label
        if self.pay_min == self.pay_max:
            return f"{self.pay_min} {unit}"
        return f"{self.pay_min}–{self.pay_max} {unit}"
