"""Setting the plan's targets and recording surveyed figures: the only writers, each change logged."""

from __future__ import annotations

import datetime
from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from marketplace.models import PlanTarget, PlanTargetChange, SurveyedFigure, User
from marketplace.permissions import require
from marketplace.places import COUNTY_BY_NAME
from marketplace.plan.enums import Measure

RATE_MEASURES = {
    Measure.SURVEYED_UNEMPLOYMENT,
    Measure.ORGANISED_SHARE,
    Measure.MEDIATION_SUCCESS,
    Measure.ARBITRATION_CLOSURE,
    Measure.GOOD_RATINGS,
}
FIRST_YEAR, LAST_YEAR = 2020, 2035


def _clean(measure: str, county: str, value, *, year: int | None = None) -> Decimal:
    errors: dict[str, list[str]] = {}
    if measure not in Measure.values:
        errors["measure"] = [_("没有这个指标。")]
    if county and county not in COUNTY_BY_NAME:
        errors["county"] = [_("“%(county)s”不是本州的县市。") % {"county": county}]
    if year is not None and not FIRST_YEAR <= year <= LAST_YEAR:
        errors["year"] = [_("年度应在%(a)s至%(b)s之间。") % {"a": FIRST_YEAR, "b": LAST_YEAR}]
    try:
        number = Decimal(str(value).strip().rstrip("%"))
        if not number.is_finite():
            raise InvalidOperation
    except (InvalidOperation, ValueError):
        errors["value"] = [_("请填写数字。")]
        raise ValidationError(errors) from None
    if number < 0:
        errors.setdefault("value", []).append(_("不能为负数。"))
    elif measure in RATE_MEASURES and number > 100:
        errors.setdefault("value", []).append(_("比例按百分数填写，不能超过100。"))
    elif number >= Decimal("1e9"):
        errors.setdefault("value", []).append(_("数值过大。"))
    if errors:
        raise ValidationError(errors)
    return number.quantize(Decimal("0.001"))


@transaction.atomic
def target_set(*, by: User, year: int, measure: str, value, county: str = "", reason: str = "",
               note: str = "") -> PlanTarget:  # fmt: skip
    """Set one target; a change of an existing one needs a reason and leaves a PlanTargetChange."""
    require(by, "plan.manage")
    number = _clean(measure, county, value, year=year)
    target = PlanTarget.objects.select_for_update().filter(year=year, measure=measure, county=county).first()
    old = target.value if target else None
    if old is not None and not reason.strip():
        raise ValidationError({"reason": [_("调整已有目标请写明原因。")]})
    if target is None:
        target = PlanTarget(year=year, measure=measure, county=county)
    if old == number and not note:
        return target
    target.value, target.updated_by = number, by
    if note:
        target.note = note[:200]
    target.save()
    PlanTargetChange.objects.create(target=target, old_value=old, new_value=number,
                                    reason=(reason.strip() or _("设定目标"))[:200], by=by)  # fmt: skip
    return target


@transaction.atomic
def surveyed_record(*, by: User, month: datetime.date, value, source: str, county: str = "",
                    measure: str = Measure.SURVEYED_UNEMPLOYMENT) -> SurveyedFigure:  # fmt: skip
    """Record (or correct) one month's surveyed figure, with where it was published."""
    require(by, "plan.manage")
    number = _clean(measure, county, value)
    if not source.strip():
        raise ValidationError({"source": [_("请注明数据来源（如：州统计局月度劳动力调查）。")]})
    figure, _created = SurveyedFigure.objects.update_or_create(
        measure=measure, month=month.replace(day=1), county=county,
        defaults={"value": number, "source": source.strip()[:120], "entered_by": by},
    )  # fmt: skip
    return figure
