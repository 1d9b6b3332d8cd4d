"""The dashboard's figures: each measure's actual against its target, by month and by county."""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import QuerySet

from marketplace.models import PlanTarget, PlanTargetChange
from marketplace.places import COUNTIES
from marketplace.plan import measures
from marketplace.plan.enums import Comparison, Measure, Standing


@dataclass(frozen=True)
class CountyFigure:
    county: str
    actual: Decimal | None
    target: Decimal | None
    standing: Standing


@dataclass(frozen=True)
class Figure:
    definition: measures.Definition
    year: int
    actual: Decimal | None
    target: Decimal | None
    expected: Decimal | None  # where a cumulative count should be by today, pro rata of the year
    standing: Standing
    months: list[tuple[int, Decimal | None]]
    counties: list[CountyFigure]

    @property
    def measure(self) -> Measure:
        return self.definition.measure

    @property
    def progress(self) -> float | None:
        """Actual over target (0–1+), for the progress bar of counts; None for rates and ceilings."""
        if self.definition.kind != measures.COUNT or self.definition.comparison == Comparison.AT_MOST:
            return None
        if not self.target or self.actual is None:
            return None
        return float(self.actual / self.target)


def targets_of(year: int) -> dict[tuple[str, str], PlanTarget]:
    return {(t.measure, t.county): t for t in PlanTarget.objects.filter(year=year)}


def target_changes(year: int) -> QuerySet[PlanTargetChange]:
    return PlanTargetChange.objects.filter(target__year=year).select_related("target", "by")


def elapsed(year: int, today: datetime.date) -> Decimal:
    """The share of the year gone by `today` (0 before it starts, 1 after it ends)."""
    start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
    if today < start:
        return Decimal(0)
    if today >= end:
        return Decimal(1)
    return Decimal((today - start).days + 1) / Decimal((end - start).days + 1)


def standing(definition: measures.Definition, actual, target, *, share_of_year: Decimal = Decimal(1)) -> Standing:
    """Met, on track (a count that keeps pace with the year), or behind; no target, no judgement."""
    if target is None or actual is None:
        return Standing.NO_TARGET
    if definition.comparison == Comparison.AT_MOST:
        return Standing.MET if actual <= target else Standing.BEHIND
    if definition.comparison == Comparison.ABOVE:
        if actual > target:
            return Standing.MET
    elif actual >= target:
        return Standing.MET
    if definition.kind == measures.COUNT and not definition.snapshot and actual >= target * share_of_year:
        return Standing.ON_TRACK
    return Standing.BEHIND


def _baseline(definition: measures.Definition, year: int) -> Decimal | None:
    """ "Above last year": last year's figure from records, when the product holds that year."""
    value = measures.total(definition, year - 1)
    return value or None


def figure(measure: str, year: int, today: datetime.date, targets: dict | None = None) -> Figure:
    definition = measures.DEFINITIONS[measure]
    targets = targets if targets is not None else targets_of(year)
    row = targets.get((measure, ""))
    target = row.value if row else None
    if target is None and definition.comparison == Comparison.ABOVE:
        target = _baseline(definition, year)
    share = elapsed(year, today)
    actual, month_values, county_values = measures.breakdown(definition, year)
    last_month = 12 if today.year > year else (today.month if today.year == year else 0)
    months = [(m, month_values.get(m)) for m in range(1, last_month + 1)]
    counties = []
    for county in COUNTIES:
        own = targets.get((measure, county.name))
        county_target = own.value if own else (target if definition.per_county_target else None)
        value = county_values.get(county.name)
        if value is None and definition.kind != measures.RATE:
            value = Decimal(0) if definition.kind == measures.COUNT else None
        counties.append(
            CountyFigure(
                county.name, value, county_target, standing(definition, value, county_target, share_of_year=share)
            )
        )
    expected = (target * share).quantize(Decimal(1)) if target and definition.kind == measures.COUNT else None
    return Figure(definition, year, actual, target, expected, standing(definition, actual, target, share_of_year=share),
                  months, counties)  # fmt: skip


def dashboard(year: int, today: datetime.date) -> list[Figure]:
    """Every measure of the plan, in the plan's order."""
    targets = targets_of(year)
    return [figure(measure, year, today, targets) for measure in Measure.values]
