"""The plan's measures (2023 work plan, "Targets") and how a figure is held against its target."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Measure(models.TextChoices):
    NEW_URBAN_JOBS = "new_urban_jobs", _("城镇新增就业")
    SURVEYED_UNEMPLOYMENT = "surveyed_unemployment", _("城镇调查失业率")
    ORGANISED_SHARE = "organised_share", _("外出务工组织化程度")
    POVERTY_RELIEVED_AWAY = "poverty_relieved_away", _("脱贫人口外出务工规模")
    PUBLIC_WELFARE = "public_welfare", _("城镇公益性岗位安置")
    TRAINING = "training", _("职业技能培训")
    ZERO_EMPLOYMENT_HOUSEHOLDS = "zero_employment_households", _("零就业家庭（未清零）")
    MEDIATION_SUCCESS = "mediation_success", _("调解成功率")
    ARBITRATION_CLOSURE = "arbitration_closure", _("仲裁结案率")
    GOOD_RATINGS = "good_ratings", _("好评率")


class Comparison(models.TextChoices):
    """How the actual meets the target: reach at least, stay at most, or rise above last year's."""

    AT_LEAST = "at_least", _("不低于")
    AT_MOST = "at_most", _("不高于")
    ABOVE = "above", _("高于上年")


class Standing(models.TextChoices):
    MET = "met", _("已达标")
    ON_TRACK = "on_track", _("进度正常")
    BEHIND = "behind", _("进度滞后")
    NO_TARGET = "no_target", _("未设目标")
