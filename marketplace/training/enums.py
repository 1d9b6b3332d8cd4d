from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CourseKind(models.TextChoices):
    SKILL = "skill", _("职业技能培训")
    ENTREPRENEURSHIP = "entrepreneurship", _("创业培训")
    NEW_TRADES = "new_trades", _("新业态新职业培训")
    EAST_WEST = "east_west", _("东西部协作培训")


class EnrolmentStatus(models.TextChoices):
    ENROLLED = "enrolled", _("在训")
    COMPLETED = "completed", _("结业")
    DROPPED = "dropped", _("退训")
