from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Service(models.TextChoices):
    """A service a person received and may rate once (好差评)."""

    APPLICATION = "application", _("求职申请答复")
    EVENT = "event", _("招聘会")
    GIG = "gig", _("零工结算")
    STATION = "station", _("协作站服务")
    TRIP = "trip", _("返岗直通车")


class Score(models.TextChoices):
    GOOD = "good", _("好评")
    AVERAGE = "average", _("一般")
    BAD = "bad", _("差评")
