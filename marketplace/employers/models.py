"""Employers and the wage-arrears blacklist (stations live in marketplace.stations)."""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marketplace.enums import IntegrityGrade, VerificationStatus
from marketplace.places.position import Position
from marketplace.privacy import EncryptedCharField, mask_phone
from marketplace.validators import validate_contact_phone, validate_credit_code


class Employer(Position):
    name = models.CharField(_("单位名称"), max_length=100)
    credit_code = models.CharField(_("统一社会信用代码"), max_length=18, unique=True, validators=[validate_credit_code])
    county = models.CharField(_("所在县市"), max_length=30)
    town = models.CharField(_("乡镇/街道"), max_length=30, blank=True)
    address = models.CharField(_("地址"), max_length=200, blank=True)
    contact_name = models.CharField(_("联系人"), max_length=30, blank=True)
    # Often a person's own mobile: protected like any other phone number.
    contact_phone = EncryptedCharField(_("联系电话"), blank=True, validators=[validate_contact_phone])
    logo = models.ImageField(_("标志"), upload_to="employers/logos/", blank=True)
    logo_thumb = models.ImageField(upload_to="employers/logos/thumbs/", blank=True, editable=False)
    # Stations post on behalf of employers in their city (东西部劳务协作).
    station = models.ForeignKey(
        "marketplace.CooperationStation", on_delete=models.SET_NULL, null=True, blank=True, related_name="employers"
    )
    verification = models.CharField(
        _("认证状态"), max_length=10, choices=VerificationStatus.choices, default=VerificationStatus.PENDING
    )
    verification_note = models.CharField(_("认证意见"), max_length=200, blank=True)
    verified_at = models.DateTimeField(null=True, blank=True)
    integrity_grade = models.CharField(
        _("诚信等级"), max_length=1, choices=IntegrityGrade.choices, default=IntegrityGrade.B
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

    @property
    def masked_contact_phone(self) -> str:
        return mask_phone(self.contact_phone)

    def active_blacklist_entry(self, at=None) -> BlacklistEntry | None:
        return self.blacklist_entries.filter(BlacklistEntry.active_q(at)).first()

    @property
    def is_blacklisted(self) -> bool:
        return self.active_blacklist_entry() is not None


class BlacklistEntry(models.Model):
    """拖欠农民工工资"黑名单": while active, the employer cannot publish and its jobs are hidden."""

    employer = models.ForeignKey(Employer, on_delete=models.CASCADE, related_name="blacklist_entries")
    reason = models.CharField(_("列入原因"), max_length=200)
    starts_on = models.DateField(_("起始日期"))
    ends_on = models.DateField(_("截止日期"), null=True, blank=True, help_text=_("为空表示未定期限"))
    created_by = models.ForeignKey("marketplace.User", on_delete=models.SET_NULL, null=True, related_name="+")
    lifted_at = models.DateTimeField(_("提前移出时间"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on"]
        verbose_name = verbose_name_plural = _("欠薪黑名单")

    def __str__(self) -> str:
        return f"{self.employer} ({self.starts_on}–{self.ends_on or '…'})"

    @staticmethod
    def active_q(at=None, prefix: str = "") -> Q:
        """Entries in force on the given day: started, not ended, not lifted."""
        day = timezone.localdate(at) if at else timezone.localdate()
        p = prefix
        return (
            Q(**{f"{p}starts_on__lte": day})
            & (Q(**{f"{p}ends_on__isnull": True}) | Q(**{f"{p}ends_on__gte": day}))
            & Q(**{f"{p}lifted_at__isnull": True})
        )
