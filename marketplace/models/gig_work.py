"""What a day of gig work leaves behind: the settlement owed, both sides' ratings, wage complaints.

No money moves through the product: a settlement records what the poster owes for a claim and
whether they say they paid it; the worker confirms receipt. A disputed wage becomes a complaint
that bureau (or station) staff move from open to resolved with a note.
"""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from marketplace.enums import ComplaintStatus, PayUnit, RatingSide, SettlementStatus

# A worker has at most one complaint under way per claim; a resolved one may be followed by another.
COMPLAINT_UNDER_WAY = (ComplaintStatus.OPEN, ComplaintStatus.HANDLING)


class GigSettlement(models.Model):
    """Created at check-out: hours worked and the amount owed, by the gig's pay unit."""

    claim = models.OneToOneField("marketplace.GigClaim", on_delete=models.CASCADE, related_name="settlement")
    pay_unit = models.CharField(_("计酬方式"), max_length=10, choices=PayUnit.choices)
    # The gig's pay per unit at check-out, kept so a later edit of the gig changes no settlement.
    rate = models.PositiveIntegerField(_("单价"))
    hours = models.DecimalField(_("工时（小时）"), max_digits=5, decimal_places=2)
    pieces = models.PositiveIntegerField(_("件数"), null=True, blank=True)
    # Empty until known: a piece-rate gig waits for the poster to enter the pieces.
    amount = models.DecimalField(_("应付金额（元）"), max_digits=10, decimal_places=2, null=True, blank=True)
    status = models.CharField(
        _("付款状态"), max_length=10, choices=SettlementStatus.choices, default=SettlementStatus.UNPAID
    )
    paid_at = models.DateTimeField(_("付款时间"), null=True, blank=True)
    paid_by = models.ForeignKey("marketplace.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    received_at = models.DateTimeField(_("确认收款时间"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = verbose_name_plural = _("零工结算")

    def __str__(self) -> str:
        return f"{self.claim} {self.amount or '?'} 元"

    @property
    def amount_display(self) -> str:
        if self.amount is None:
            return "待填写件数"
        return f"{self.amount.normalize():f} 元" if self.amount == self.amount.to_integral() else f"{self.amount} 元"

    @property
    def hours_display(self) -> str:
        return f"{self.hours.normalize():f}"


class GigRating(models.Model):
    """1–5 stars and a short comment, once per side of a finished claim."""

    claim = models.ForeignKey("marketplace.GigClaim", on_delete=models.CASCADE, related_name="ratings")
    side = models.CharField(max_length=10, choices=RatingSide.choices)
    stars = models.PositiveSmallIntegerField(_("星级"), validators=[MinValueValidator(1), MaxValueValidator(5)])
    comment = models.CharField(_("评价"), max_length=200, blank=True)
    by = models.ForeignKey("marketplace.User", on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = verbose_name_plural = _("零工评价")
        constraints = [
            models.UniqueConstraint(fields=["claim", "side"], name="gig_rating_once_per_side"),
            models.CheckConstraint(condition=Q(stars__gte=1) & Q(stars__lte=5), name="gig_rating_stars_1_to_5"),
        ]

    def __str__(self) -> str:
        return f"{self.get_side_display()} {self.stars}★"


class WageComplaint(models.Model):
    """A worker's wage dispute on a claim, for staff to handle (劳动保障监察 / 调解)."""

    claim = models.ForeignKey("marketplace.GigClaim", on_delete=models.CASCADE, related_name="complaints")
    settlement = models.ForeignKey(
        GigSettlement, on_delete=models.SET_NULL, null=True, blank=True, related_name="complaints"
    )
    amount_claimed = models.DecimalField(_("主张金额（元）"), max_digits=10, decimal_places=2)
    description = models.TextField(_("情况说明"), max_length=1000)
    status = models.CharField(_("状态"), max_length=10, choices=ComplaintStatus.choices, default=ComplaintStatus.OPEN)
    # The staff's latest note; every step is also in WageComplaintStep.
    note = models.CharField(_("处理意见"), max_length=500, blank=True)
    handled_by = models.ForeignKey(
        "marketplace.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    resolved_at = models.DateTimeField(_("办结时间"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = verbose_name_plural = _("欠薪投诉")
        constraints = [
            models.UniqueConstraint(
                fields=["claim"],
                condition=Q(status__in=[str(s) for s in COMPLAINT_UNDER_WAY]),
                name="wage_complaint_one_under_way",
            )
        ]

    def __str__(self) -> str:
        return f"投诉#{self.pk} {self.get_status_display()}"


class WageComplaintStep(models.Model):
    """Who moved a complaint, from what, to what, when, and why."""

    complaint = models.ForeignKey(WageComplaint, on_delete=models.CASCADE, related_name="steps")
    from_status = models.CharField(max_length=10, choices=ComplaintStatus.choices, blank=True)
    to_status = models.CharField(max_length=10, choices=ComplaintStatus.choices)
    by = models.ForeignKey("marketplace.User", on_delete=models.SET_NULL, null=True, related_name="+")
    note = models.CharField(max_length=500, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.from_status or '-'} → {self.to_status}"
