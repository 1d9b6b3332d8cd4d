"""劳动人事争议调解仲裁: a minimal case register, so 调解成功率 and 仲裁结案率 are counted, not typed.

A case is opened on one track. A mediation that fails may go on to arbitration as a new case
(`from_mediation`), as it does in the real procedure; each track's rate counts its own cases.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from marketplace.disputes.enums import DisputeKind, Outcome, Track


class DisputeCase(models.Model):
    number = models.CharField(_("案号"), max_length=40, unique=True)
    kind = models.CharField(_("争议类型"), max_length=20, choices=DisputeKind.choices)
    track = models.CharField(_("处理方式"), max_length=12, choices=Track.choices)
    county = models.CharField(_("受理县市"), max_length=30)
    applicant_name = models.CharField(_("申请人"), max_length=30)
    employer = models.ForeignKey(
        "marketplace.Employer", on_delete=models.SET_NULL, null=True, blank=True, related_name="disputes"
    )
    respondent_name = models.CharField(_("被申请人"), max_length=100)
    amount = models.PositiveIntegerField(_("涉及金额（元）"), null=True, blank=True)
    opened_on = models.DateField(_("受理日期"))
    outcome = models.CharField(_("结果"), max_length=20, choices=Outcome.choices, blank=True)
    closed_on = models.DateField(_("结案日期"), null=True, blank=True)
    from_mediation = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="+", verbose_name=_("转自调解案件")
    )
    handled_by = models.ForeignKey("marketplace.User", on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-opened_on", "-id"]
        verbose_name = verbose_name_plural = _("劳动争议案件")
        indexes = [models.Index(fields=["track", "opened_on"])]

    def __str__(self) -> str:
        return f"{self.number} {self.applicant_name}—{self.respondent_name}"
