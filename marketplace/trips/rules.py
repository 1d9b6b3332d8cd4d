"""Who may run a trip and who may take a seat on it; when reminders go out."""

from __future__ import annotations

import datetime

from marketplace.enums import Role
from marketplace.permissions import Matrix

REMIND_DAY_BEFORE = datetime.timedelta(hours=24)
REMIND_HOURS_BEFORE = datetime.timedelta(hours=2)
MAX_SEATS = 999


def _everyone(user, obj) -> bool:
    return True


def _own_station(user, trip) -> bool:
    """obj: a Trip, a CooperationStation, or None (the action itself)."""
    if trip is None:
        return True
    station_id = trip.pk if trip.__class__.__name__ == "CooperationStation" else trip.station_id
    return station_id == user.station_id


def _own_seat(user, seat) -> bool:
    return seat is None or seat.profile.user_id == user.pk


def _station_seat(user, seat) -> bool:
    return seat is None or _own_station(user, seat.trip)


TRIP_MATRIX = {
    "trip.manage": {Role.STATION: _own_station, Role.BUREAU: _everyone},
    "trip.sign_up": {Role.SEEKER: _everyone},
    "seat.cancel": {Role.SEEKER: _own_seat, Role.STATION: _station_seat, Role.BUREAU: _everyone},
}
_trips = Matrix(TRIP_MATRIX)
can = _trips.can
require = _trips.require
