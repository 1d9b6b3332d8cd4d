"""Who may do what with recruitment events: the same kind of matrix as marketplace.permissions.

Kept beside the events rather than in the marketplace's matrix so the two apps stay apart; the
roles (and what an unattached employer or station account may do: nothing) come from there.
"""

from __future__ import annotations

from marketplace.enums import Role
from marketplace.permissions import ANONYMOUS, Matrix, Scope


def _all(user, obj) -> bool:
    return True


def _event_of(obj):
    """An event, or the event a booth or registration belongs to."""
    return getattr(obj, "event", obj)


def _station_event(user, obj) -> bool:
    """Events the user's station organises (a new event: obj None, the service sets the station)."""
    event = _event_of(obj)
    return event is None or (event.station_id is not None and event.station_id == user.station_id)


def _own_booth(user, booth) -> bool:
    return booth is None or booth.employer_id == user.employer_id


EVENT_MATRIX: dict[str, dict[str, Scope]] = {
    "event.view": {role: _all for role in (ANONYMOUS, Role.SEEKER, Role.EMPLOYER, Role.STATION, Role.BUREAU)},
    # Create, edit, cancel, decide booths, see the sign-up list and the outcomes.
    "event.manage": {Role.STATION: _station_event, Role.BUREAU: _all},
    "event.check_in": {Role.STATION: _station_event, Role.BUREAU: _all},
    "event.sign_up": {Role.SEEKER: _all},
    "booth.register": {Role.EMPLOYER: _own_booth},
    # An employer never decides its own booth: only the organiser's staff do.
    "booth.decide": {Role.STATION: _station_event, Role.BUREAU: _all},
    "outcomes.view_all": {Role.BUREAU: _all},
}


_events = Matrix(EVENT_MATRIX)
can = _events.can
require = _events.require
