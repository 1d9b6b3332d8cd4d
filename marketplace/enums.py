"""Choices of the marketplace, with the Chinese labels users see."""

from django.db import models


class JobType(models.TextChoices):
    FULL_TIME = "full_time", "全职"
    PART_TIME = "part_time", "兼职"
    GIG = "gig", "零工"
    INTERNSHIP = "internship", "见习"
    PUBLIC_WELFARE = "public_welfare", "公益性岗位"


class PayUnit(models.TextChoices):
    MONTH = "month", "元/月"
    DAY = "day", "元/天"
    HOUR = "hour", "元/小时"
    PIECE = "piece", "元/件"


class PostingStatus(models.TextChoices):
    DRAFT = "draft", "草稿"
    PENDING = "pending", "待审核"
    PUBLISHED = "published", "招聘中"
    PAUSED = "paused", "暂停"
    CLOSED = "closed", "已结束"
    EXPIRED = "expired", "已过期"
    REJECTED = "rejected", "未通过"


class VerificationStatus(models.TextChoices):
    PENDING = "pending", "待认证"
    VERIFIED = "verified", "已认证"
    REJECTED = "rejected", "未通过"
