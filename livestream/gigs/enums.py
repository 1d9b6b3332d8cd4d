"""Choices of the gig market (零工市场), with the Chinese labels users see."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from marketplace.enums import PayUnit


class GigStatus(models.TextChoices):
    OPEN = "open", _("报名中")
    FULL = "full", _("已满员")
    CANCELLED = "cancelled", _("已取消")
    DONE = "done", _("已完工")


class GigClaimStatus(models.TextChoices):
    """A claim's life: claimed → confirmed (by the poster) → checked_in → checked_out (at the site).

    It ends early as cancelled (the worker, before the start), released (the poster) or no_show.
    """

    CLAIMED = "claimed", _("已抢到")
    CANCELLED = "cancelled", _("本人已取消")
    RELEASED = "released", _("发布方已释放")
    CONFIRMED = "confirmed", _("已确认")
    CHECKED_IN = "checked_in", _("已签到")
    CHECKED_OUT = "checked_out", _("已完工")
    NO_SHOW = "no_show", _("未到岗")


# A worker holds a place, and the work is not over, while the claim is in one of these.
GIG_CLAIM_ACTIVE = (GigClaimStatus.CLAIMED, GigClaimStatus.CONFIRMED, GigClaimStatus.CHECKED_IN)
# Not yet at the site: these may check in, be confirmed, or be marked no-show.
GIG_CLAIM_AWAITED = (GigClaimStatus.CLAIMED, GigClaimStatus.CONFIRMED)
# Over, and each side may rate the other.
GIG_CLAIM_FINISHED = (GigClaimStatus.CHECKED_OUT, GigClaimStatus.NO_SHOW)

# Gigs pay by the day, the hour or the piece, never by the month.
GIG_PAY_UNITS = (PayUnit.DAY, PayUnit.HOUR, PayUnit.PIECE)


class BoardEventKind(models.TextChoices):
    GIG_POSTED = "gig_posted", _("新零工")
    PLACES_CHANGED = "places_changed", _("名额变化")
    GIG_STATE = "gig_state", _("状态变化")


class CheckInMethod(models.TextChoices):
    QR = "qr", _("扫码签到")
    LOCATION = "location", _("定位签到")
    POSTER = "poster", _("发布方代签")


class SettlementStatus(models.TextChoices):
    UNPAID = "unpaid", _("未付款")
    PAID = "paid", _("已付款")


class RatingSide(models.TextChoices):
    """Who rates whom: each side of a finished claim rates the other once."""

    WORKER_RATES_POSTER = "of_poster", _("务工人员评价发布方")
    POSTER_RATES_WORKER = "of_worker", _("发布方评价务工人员")


class ComplaintStatus(models.TextChoices):
    OPEN = "open", _("待受理")
    HANDLING = "handling", _("处理中")
    RESOLVED = "resolved", _("已办结")


# A worker has at most one complaint under way per claim; a resolved one may be followed by another.
COMPLAINT_UNDER_WAY = (ComplaintStatus.OPEN, ComplaintStatus.HANDLING)
