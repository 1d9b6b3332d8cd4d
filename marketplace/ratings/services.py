"""Giving a rating (once per person and service) and following up a bad one."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.enums import Role
from marketplace.models import ServiceRating, User
from marketplace.notifications.services import notify
from marketplace.permissions import require
from marketplace.ratings import rules
from marketplace.ratings.enums import Score, Service


@transaction.atomic
def rating_give(*, by: User, service: str, ref_id: int, score: str, comment: str = "") -> ServiceRating:
    """The person who received a service rates it good, average or bad; a second rating is refused."""
    if service not in Service.values:
        raise ValidationError({"service": [_("没有这项服务。")]})
    if score not in Score.values:
        raise ValidationError({"score": [_("请选择好评、一般或差评。")]})
    comment = (comment or "").replace("\x00", "").strip()
    if len(comment) > 300:
        raise ValidationError({"comment": [_("意见最多300字。")]})
    county = rules.county_if_eligible(by, service, ref_id)
    if county is None:
        raise PermissionDenied(_("只能评价您本人已办结的服务。"))
    try:
        with transaction.atomic():
            rating = ServiceRating.objects.create(service=service, ref_id=ref_id, rater=by, county=county,
                                                  score=score, comment=comment)  # fmt: skip
    except IntegrityError:
        raise ValidationError(_("您已经评价过这项服务，每项服务只能评价一次。"), code="rated") from None
    if score == Score.BAD:
        title = _("差评待回访：%(service)s") % {"service": rating.get_service_display()}
        for user in User.objects.filter(role=Role.BUREAU, is_active=True):
            notify(user=user, kind="rating_bad", title=title, body=comment or _("（未填写意见）"),
                   dedupe_key=f"rating-bad-{rating.pk}")  # fmt: skip
    return rating


@transaction.atomic
def rating_follow_up(*, by: User, rating: ServiceRating, note: str) -> ServiceRating:
    require(by, "record.manage")
    if not note.strip():
        raise ValidationError({"note": [_("请写下回访情况。")]})
    rating.followed_up_at, rating.follow_up_note = timezone.now(), note.strip()[:300]
    rating.save(update_fields=["followed_up_at", "follow_up_note"])
    return rating
