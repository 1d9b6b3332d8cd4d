"""Choices of the marketplace, with the Chinese labels users see."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    SEEKER = "seeker", _("求职者")
    EMPLOYER = "employer", _("用人单位")
    STATION = "station", _("劳务协作站")
    BUREAU = "bureau", _("人社局工作人员")


class JobType(models.TextChoices):
    FULL_TIME = "full_time", _("全职")
    PART_TIME = "part_time", _("兼职")
    GIG = "gig", _("零工")
    INTERNSHIP = "internship", _("见习")
    PUBLIC_WELFARE = "public_welfare", _("公益性岗位")


class PayUnit(models.TextChoices):
    MONTH = "month", _("元/月")
    DAY = "day", _("元/天")
    HOUR = "hour", _("元/小时")
    PIECE = "piece", _("元/件")


class PostingStatus(models.TextChoices):
    DRAFT = "draft", _("草稿")
    PENDING = "pending", _("待审核")
    PUBLISHED = "published", _("招聘中")
    PAUSED = "paused", _("暂停")
    CLOSED = "closed", _("已结束")
    EXPIRED = "expired", _("已过期")
    REJECTED = "rejected", _("未通过")


class VerificationStatus(models.TextChoices):
    PENDING = "pending", _("待认证")
    VERIFIED = "verified", _("已认证")
    REJECTED = "rejected", _("未通过")


class IntegrityGrade(models.TextChoices):
    A = "A", _("A级（诚信）")
    B = "B", _("B级（基本诚信）")
    C = "C", _("C级（失信）")


class Education(models.TextChoices):
    """Ordered: a requirement is met by the same level or higher (see EDUCATION_RANK)."""

    NONE = "none", _("不限")
    PRIMARY = "primary", _("小学")
    JUNIOR = "junior", _("初中")
    SENIOR = "senior", _("高中/中专/技校")
    COLLEGE = "college", _("大专")
    BACHELOR = "bachelor", _("本科")
    MASTER = "master", _("硕士及以上")


EDUCATION_RANK = {value: rank for rank, value in enumerate(Education.values)}


class Gender(models.TextChoices):
    MALE = "male", _("男")
    FEMALE = "female", _("女")


class KeyGroup(models.TextChoices):
    """重点群体 the bureau's plan names; matching gives them priority where policy says so."""

    GRADUATE = "graduate", _("高校毕业生")
    POVERTY_RELIEVED = "poverty_relieved", _("脱贫人口")
    RELOCATED = "relocated", _("易地搬迁人口")
    RURAL_MIGRANT = "rural_migrant", _("农村转移劳动力")
    LOW_INCOME = "low_income", _("农村低收入人口")
    HARD_TO_EMPLOY = "hard_to_employ", _("就业困难人员")
    OLDER_WORKER = "older_worker", _("大龄劳动者")
    ZERO_EMPLOYMENT_HOUSEHOLD = "zero_employment_household", _("零就业家庭")


class Availability(models.TextChoices):
    FULL_TIME = "full_time", _("全职上班")
    GIG = "gig", _("打零工")
    BOTH = "both", _("都可以")


class ProfileVisibility(models.TextChoices):
    OPEN = "open", _("对认证企业公开")
    APPLICATIONS_ONLY = "applications_only", _("仅投递的企业可见")


class ApplicationStatus(models.TextChoices):
    SUBMITTED = "submitted", _("已投递")
    VIEWED = "viewed", _("已查看")
    INTERVIEW = "interview", _("邀请面试")
    OFFERED = "offered", _("已录用待入职")
    HIRED = "hired", _("已入职")
    REJECTED = "rejected", _("不合适")
    WITHDRAWN = "withdrawn", _("已撤回")


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
