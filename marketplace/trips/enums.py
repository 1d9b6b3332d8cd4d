"""The words of 返岗直通车: a trip's course and a seat's."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class TripStatus(models.TextChoices):
    OPEN = "open", _("报名中")
    DEPARTED = "departed", _("已发车")
    ARRIVED = "arrived", _("已到达")
    CANCELLED = "cancelled", _("已取消")


class SeatStatus(models.TextChoices):
    APPLIED = "applied", _("已报名，待分配座位")  # only on trips that seat key groups first
    CONFIRMED = "confirmed", _("已确认座位")
    WAITLISTED = "waitlisted", _("候补")
    CANCELLED = "cancelled", _("已取消")
    BOARDED = "boarded", _("已上车")
    NO_SHOW = "no_show", _("未到")
    ARRIVED = "arrived", _("已到达")
