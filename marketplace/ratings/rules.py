"""Who may rate which service: only the person who received it, once it was given.

Each service names how to find the record the rater received, and the county it counts for. The
marketplace's own services are here; the real-time features above (gigs, events) add theirs with
`register` from their app's ready(), so this module never imports them.
"""

from __future__ import annotations

from collections.abc import Callable

from marketplace.enums import ApplicationStatus
from marketplace.models import Application, RosterEntry, Seat, User
from marketplace.ratings.enums import Service
from marketplace.trips.enums import SeatStatus

# service → (user, ref_id) → the county the service counts for, or None when this user may not rate it
Eligibility = Callable[[User, int], "str | None"]
_ELIGIBLE: dict[str, Eligibility] = {}


def register(service: str, check: Eligibility) -> None:
    _ELIGIBLE[service] = check


def county_if_eligible(user: User, service: str, ref_id: int) -> str | None:
    check = _ELIGIBLE.get(service)
    return check(user, ref_id) if check else None


def _application(user: User, ref_id: int) -> str | None:
    answered = [ApplicationStatus.INTERVIEW, ApplicationStatus.OFFERED, ApplicationStatus.HIRED,
                ApplicationStatus.REJECTED]  # fmt: skip
    row = (Application.objects.filter(pk=ref_id, profile__user=user, status__in=answered)
           .values_list("posting__county", flat=True).first())  # fmt: skip
    return row


def _station(user: User, ref_id: int) -> str | None:
    return RosterEntry.objects.filter(pk=ref_id, profile__user=user).values_list("home_county", flat=True).first()


def _trip(user: User, ref_id: int) -> str | None:
    done = [SeatStatus.BOARDED, SeatStatus.ARRIVED]
    return (Seat.objects.filter(pk=ref_id, profile__user=user, status__in=done)
            .values_list("trip__home_county", flat=True).first())  # fmt: skip


register(Service.APPLICATION, _application)
register(Service.STATION, _station)
register(Service.TRIP, _trip)
