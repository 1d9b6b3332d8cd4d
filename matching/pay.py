"""Pay in comparable terms: every amount converted to a monthly equivalent.

A day labourer's 300 元/天 and a factory's 6000 元/月 must compare, in filters ("at least 5000 a
month") and in matching. Conversion factors are settings-free constants chosen from how this
population works: day and hour work counted at 26 days a month, 8 hours a day. Piece rates have
no honest conversion; they are left out of pay comparisons rather than guessed.
"""

from __future__ import annotations

WORKDAYS_PER_MONTH = 26
HOURS_PER_DAY = 8

_FACTORS = {"month": 1.0, "day": WORKDAYS_PER_MONTH, "hour": WORKDAYS_PER_MONTH * HOURS_PER_DAY}


def monthly(amount: float | int | None, unit: str) -> int | None:
    """The monthly equivalent of an amount, or None when the unit (piece) cannot be converted."""
    if amount is None or unit not in _FACTORS:
        return None
    return round(amount * _FACTORS[unit])


def from_monthly(amount: int, unit: str) -> int | None:
    if unit not in _FACTORS:
        return None
    return round(amount / _FACTORS[unit])
