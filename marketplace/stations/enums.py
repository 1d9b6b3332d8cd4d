"""The words of a station's roster: how a worker came, where they stand, who looks after them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ArrivalRoute(models.TextChoices):
    """How a worker came to the destination city. All but SELF count as organised (组织化)."""

    SELF = "self", _("自行外出")
    STATION = "station", _("协作站推荐")
    DISPATCH = "dispatch", _("组团输送")
    TRIP = "trip", _("返岗直通车")
    APPLICATION = "application", _("平台投递录用")


class RosterStatus(models.TextChoices):
    WORKING = "working", _("在岗")
    LEFT = "left", _("已离岗")


class ContactStatus(models.TextChoices):
    NEW = "new", _("待联系")
    REACHED = "reached", _("联系正常")
    UNREACHABLE = "unreachable", _("失联")


class Owner(models.TextChoices):
    """Who looks after the worker now: never nobody, never both."""

    STATION = "station", _("驻外协作站")
    HOME_COUNTY = "home_county", _("户籍地人社部门")


class AnsweredVia(models.TextChoices):
    SURVEY = "survey", _("本人填写回访问卷")
    STAFF = "staff", _("工作人员电话回访")


class ProxyPurpose(models.TextChoices):
    """What station staff may do for a worker once the worker has confirmed by SMS code."""

    REGISTER = "register", _("代为注册账号")
    APPLY = "apply", _("代为投递岗位")
    # 帮我填: staff fill in the profile with the person beside them, for a while after the code
    ASSIST = "assist", _("帮填求职档案")


class DispatchStatus(models.TextChoices):
    OPEN = "open", _("组织中")
    CLOSED = "closed", _("已结束")


class MemberStatus(models.TextChoices):
    LISTED = "listed", _("待到岗")
    ARRIVED = "arrived", _("已到岗")
    ABSENT = "absent", _("未到岗")
