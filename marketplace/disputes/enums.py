from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class DisputeKind(models.TextChoices):
    WAGES = "wages", _("劳动报酬")
    CONTRACT = "contract", _("劳动合同")
    SOCIAL_INSURANCE = "social_insurance", _("社会保险")
    INJURY = "injury", _("工伤待遇")
    OTHER = "other", _("其他")


class Track(models.TextChoices):
    MEDIATION = "mediation", _("调解")
    ARBITRATION = "arbitration", _("仲裁")


class Outcome(models.TextChoices):
    MEDIATED = "mediated", _("调解成功")
    MEDIATION_FAILED = "mediation_failed", _("调解不成")
    AWARD = "award", _("裁决")
    SETTLED = "settled", _("仲裁调解结案")
    WITHDRAWN = "withdrawn", _("撤诉")
    DISMISSED = "dismissed", _("驳回/不予受理")


MEDIATION_OUTCOMES = (Outcome.MEDIATED, Outcome.MEDIATION_FAILED, Outcome.WITHDRAWN)
ARBITRATION_OUTCOMES = (Outcome.AWARD, Outcome.SETTLED, Outcome.WITHDRAWN, Outcome.DISMISSED)
