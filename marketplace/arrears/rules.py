"""When a wage-arrears case is due, and when an employer's complaints become an early warning."""

from __future__ import annotations

import datetime
from collections.abc import Callable

# 根治欠薪: a case is to be settled within this many days of being opened.
DEADLINE_DAYS = 30
# 欠薪预警: this many cases (arrears and labour disputes) against one employer within the window.
WARNING_WINDOW_DAYS = 90
WARNING_AT = 2
MAX_PHOTOS = 6


# Complaints kept elsewhere that count toward the early warning: each counter takes the window's
# first day and answers {employer id: complaints since}. The gig market (above the marketplace)
# registers its wage complaints from its app's ready(); the marketplace never imports it.
ComplaintCounter = Callable[[datetime.date], dict[int, int]]
_COUNTERS: list[ComplaintCounter] = []


def register_complaint_counter(counter: ComplaintCounter) -> None:
    if counter not in _COUNTERS:
        _COUNTERS.append(counter)


def other_complaints(since: datetime.date) -> dict[int, int]:
    totals: dict[int, int] = {}
    for counter in _COUNTERS:
        for employer_id, n in counter(since).items():
            totals[employer_id] = totals.get(employer_id, 0) + n
    return totals
