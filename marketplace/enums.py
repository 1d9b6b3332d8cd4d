"""Choices of the marketplace, with the Chinese labels users see."""

from django.db import models


class Role(models.TextChoices):
    SEEKER = "seeker", "求职者"
    EMPLOYER = "employer", "用人单位"
    STATION = "station", "劳务协作站"
    BUREAU = "bureau", "人社局工作人员"


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


class IntegrityGrade(models.TextChoices):
    A = "A", "A级（诚信）"
    B = "B", "B级（基本诚信）"
    C = "C", "C级（失信）"


class Education(models.TextChoices):
    """Ordered: a requirement is met by the same level or higher (see EDUCATION_RANK)."""

    NONE = "none", "不限"
    PRIMARY = "primary", "小学"
    JUNIOR = "junior", "初中"
    SENIOR = "senior", "高中/中专/技校"
    COLLEGE = "college", "大专"
    BACHELOR = "bachelor", "本科"
    MASTER = "master", "硕士及以上"


EDUCATION_RANK = {value: rank for rank, value in enumerate(Education.values)}


class Gender(models.TextChoices):
    MALE = "male", "男"
    FEMALE = "female", "女"


class KeyGroup(models.TextChoices):
    """重点群体 the bureau's plan names; matching gives them priority where policy says so."""

    GRADUATE = "graduate", "高校毕业生"
    POVERTY_RELIEVED = "poverty_relieved", "脱贫人口"
    RELOCATED = "relocated", "易地搬迁人口"
    RURAL_MIGRANT = "rural_migrant", "农村转移劳动力"
    LOW_INCOME = "low_income", "农村低收入人口"
    HARD_TO_EMPLOY = "hard_to_employ", "就业困难人员"
    OLDER_WORKER = "older_worker", "大龄劳动者"
    ZERO_EMPLOYMENT_HOUSEHOLD = "zero_employment_household", "零就业家庭"


class Availability(models.TextChoices):
    FULL_TIME = "full_time", "全职上班"
    GIG = "gig", "打零工"
    BOTH = "both", "都可以"


class ProfileVisibility(models.TextChoices):
    OPEN = "open", "对认证企业公开"
    APPLICATIONS_ONLY = "applications_only", "仅投递的企业可见"


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", "已投递"
    VIEWED = "viewed", "已查看"
    INTERVIEW = "interview", "邀请面试"
    OFFERED = "offered", "已录用待入职"
    HIRED = "hired", "已入职"
    REJECTED = "rejected", "不合适"
    WITHDRAWN = "withdrawn", "已撤回"


BENEFITS = [
    "包吃住",
    "包住",
    "包吃",
    "五险一金",
    "五险",
    "交通补贴",
    "加班费",
    "年终奖",
    "节日福利",
    "日结",
    "周结",
    "技能培训",
]
