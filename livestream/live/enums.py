"""Choices of live rooms (直播送岗), with the Chinese labels users see."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class RoomStatus(models.TextChoices):
    SCHEDULED = "scheduled", _("预告")
    LIVE = "live", _("直播中")
    ENDED = "ended", _("已结束")
