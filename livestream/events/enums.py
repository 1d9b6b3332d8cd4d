"""Choices of recruitment events (招聘会), with the Chinese labels users see."""

from django.db import models


class EventKind(models.TextChoices):
    WEEKLY = "weekly", "周周招聘"
    DAILY = "daily", "天天招聘"
    ROVING = "roving", "巡回招聘"
    SPECIAL = "special", "专场招聘"


class EventStatus(models.TextChoices):
    OPEN = "open", "报名中"
    CLOSED = "closed", "报名已截止"
    CANCELLED = "cancelled", "已取消"


class BoothStatus(models.TextChoices):
    PENDING = "pending", "待审核"
    APPROVED = "approved", "已通过"
    REJECTED = "rejected", "未通过"


class RegistrationStatus(models.TextChoices):
    ACTIVE = "active", "已报名"
    CANCELLED = "cancelled", "已取消"


class NoticeKind(models.TextChoices):
    DAY_BEFORE = "day_before", "提前一天提醒"
    HOUR_BEFORE = "hour_before", "提前一小时提醒"
    CANCELLED = "cancelled", "取消通知"
