"""The plan's targets as data, with their history, and figures that come from outside the product.

Targets change: the province revises a number mid-year, a county gets its own share. Bureau staff
edit them on the dashboard; every change is a PlanTargetChange row (who, when, from what, why), so
a figure shown last month can be explained today. A target with an empty county is the
prefecture's; a county's own row overrides it for that county.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from marketplace.plan.enums import Measure


class PlanTarget(models.Model):
    year = models.PositiveSmallIntegerField(_("年度"))
    measure = models.CharField(_("指标"), max_length=40, choices=Measure.choices)
    county = models.CharField(_("县市"), max_length=30, blank=True, help_text=_("留空为全州目标"))
    value = models.DecimalField(_("目标值"), max_digits=12, decimal_places=3)
    note = models.CharField(_("依据"), max_length=200, blank=True)
    updated_by = models.ForeignKey("marketplace.User", on_delete=models.SET_NULL, null=True, related_name="+")
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["year", "measure", "county"]
        verbose_name = verbose_name_plural = _("年度目标")
        constraints = [models.UniqueConstraint(fields=["year", "measure", "county"], name="plan_target_once")]

    def __str__(self) -> str:
        return f"{self.year} {self.get_measure_display()} {self.county or '全州'}：{self.display_value}"

    @property
    def display_value(self) -> str:
        """5.5, not 5.500: the value as a person would type it."""
        return format(self.value.normalize(), "f")


class PlanTargetChange(models.Model):
    target = models.ForeignKey(PlanTarget, on_delete=models.CASCADE, related_name="changes")
    old_value = models.DecimalField(_("原目标值"), max_digits=12, decimal_places=3, null=True, blank=True)
    new_value = models.DecimalField(_("新目标值"), max_digits=12, decimal_places=3)
    reason = models.CharField(_("调整原因"), max_length=200)
    by = models.ForeignKey("marketplace.User", on_delete=models.SET_NULL, null=True, related_name="+")
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = verbose_name_plural = _("目标调整记录")

    def __str__(self) -> str:
        return f"{self.target}: {self.old_value} → {self.new_value}"


class SurveyedFigure(models.Model):
    """A monthly figure the product cannot count itself: 城镇调查失业率 from the statistics survey.

    Entered by bureau staff from the published survey, with its source, so the dashboard shows a
    record rather than a number typed into a view.
    """

    measure = models.CharField(_("指标"), max_length=40, choices=Measure.choices)
    month = models.DateField(_("月份"), help_text=_("该月1日"))
    county = models.CharField(_("县市"), max_length=30, blank=True)
    value = models.DecimalField(_("数值"), max_digits=8, decimal_places=3)
    source = models.CharField(_("来源"), max_length=120)
    entered_by = models.ForeignKey("marketplace.User", on_delete=models.SET_NULL, null=True, related_name="+")
    entered_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-month", "county"]
        verbose_name = verbose_name_plural = _("调查统计数据")
        constraints = [models.UniqueConstraint(fields=["measure", "month", "county"], name="surveyed_figure_once")]

    def __str__(self) -> str:
        return f"{self.get_measure_display()} {self.month:%Y-%m} {self.county or '全州'}：{self.value}"
