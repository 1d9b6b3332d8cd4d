"""Who may see and change a station's roster, and the follow-up calendar.

Station staff see their own station's workers and nothing of another station's; bureau staff see
every station; a worker sees the entries about themselves (linked to their account).
"""

from __future__ import annotations

import calendar
import datetime

from marketplace.enums import Role
from marketplace.permissions import Matrix

# 稳岗回访: months after the start date.
FOLLOW_UP_MONTHS = (1, 3, 6)
# A survey link answers for this long after it is texted; staff can still record a call later.
SURVEY_VALID_DAYS = 30


def _everyone(user, obj) -> bool:
    return True


def _own_station(user, obj) -> bool:
    """obj: a CooperationStation, or anything with station_id (a roster entry); None: the action itself."""
    if obj is None:
        return True
    station_id = obj.pk if obj.__class__.__name__ == "CooperationStation" else obj.station_id
    return station_id == user.station_id


def _own_entry(user, entry) -> bool:
    return entry is None or (entry.profile_id is not None and entry.profile.user_id == user.pk)


STATION_MATRIX = {
    "station.view": {Role.STATION: _own_station, Role.BUREAU: _everyone},
    "roster.view": {Role.STATION: _own_station, Role.BUREAU: _everyone, Role.SEEKER: _own_entry},
    "roster.edit": {Role.STATION: _own_station, Role.BUREAU: _everyone},
    "roster.hand_over": {Role.STATION: _own_station, Role.BUREAU: _everyone},
    "follow_up.record": {Role.STATION: _own_station, Role.BUREAU: _everyone},
}
_stations = Matrix(STATION_MATRIX)
can = _stations.can
require = _stations.require


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later, or the month's last day (31 Jan + 1 month → 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))
