"""Choices of recruitment events (招聘会), with the Chinese labels users see."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventKind(models.TextChoices):
    WEEKLY = "weekly", _("周周招聘")
    DAILY = "daily", _("天天招聘")
    ROVING = "roving", _("巡回招聘")
    SPECIAL = "special", _("专场招聘")


class EventStatus(models.TextChoices):
    OPEN = "open", _("报名中")
    CLOSED = "closed", _("报名已截止")
    CANCELLED = "cancelled", _("已取消")


class BoothStatus(models.TextChoices):
    PENDING = "pending", _("待审核")
    APPROVED = "approved", _("已通过")
    REJECTED = "rejected", _("未通过")


class RegistrationStatus(models.TextChoices):
    ACTIVE = "active", _("已报名")
    CANCELLED = "cancelled", _("已取消")


class NoticeKind(models.TextChoices):
    DAY_BEFORE = "day_before", _("提前一天提醒")
    HOUR_BEFORE = "hour_before", _("提前一小时提醒")
    CANCELLED = "cancelled", _("取消通知")
