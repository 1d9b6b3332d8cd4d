"""零就业家庭 and 一户一人以上就业: households, their members, and who helps them next.

A household is a zero-employment household while none of its members is employed. The plan asks
for 动态清零: every such household has an owner (a staff member) and a next action with a date,
and it clears by itself when a member's hire is recorded (households.receivers).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Household(models.Model):
    head_name = models.CharField(_("户主"), max_length=30)
    county = models.CharField(_("县市"), max_length=30)
    township = models.CharField(_("乡镇/街道"), max_length=40, blank=True)
    village = models.CharField(_("村/社区/安置点"), max_length=60, blank=True)
    owner = models.ForeignKey(
        "marketplace.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("帮扶责任人"),
    )  # fmt: skip
    next_action = models.CharField(_("下一步帮扶"), max_length=200, blank=True)
    next_action_on = models.DateField(_("计划日期"), null=True, blank=True)
    identified_on = models.DateField(_("认定日期"))
    cleared_on = models.DateField(_("清零日期"), null=True, blank=True)
    cleared_by = models.ForeignKey(
        "marketplace.WorkerProfile", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("实现就业的成员"),
    )  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["cleared_on", "next_action_on", "id"]
        verbose_name = verbose_name_plural = _("零就业家庭")
        indexes = [models.Index(fields=["county", "cleared_on"])]

    def __str__(self) -> str:
        return f"{self.head_name}户（{self.county}{self.township}）"

    @property
    def cleared(self) -> bool:
        return self.cleared_on is not None


class HouseholdMember(models.Model):
    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="members")
    profile = models.OneToOneField("marketplace.WorkerProfile", on_delete=models.CASCADE, related_name="household_link")
    relation = models.CharField(_("与户主关系"), max_length=12, blank=True)
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = _("家庭成员")

    def __str__(self) -> str:
        return f"{self.profile}（{self.household.head_name}户）"
