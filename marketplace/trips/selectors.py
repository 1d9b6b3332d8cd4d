"""What workers and staff see of 返岗直通车."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet
from django.utils import timezone

from marketplace.enums import Role
from marketplace.models import Seat, Trip, User
from marketplace.trips.enums import SeatStatus, TripStatus
from marketplace.trips.models import ACTIVE_SEATS

IN_USE = (SeatStatus.CONFIRMED, SeatStatus.BOARDED, SeatStatus.ARRIVED)


def trips_with_counts(trips: QuerySet[Trip]) -> QuerySet[Trip]:
    return trips.select_related("station").annotate(
        # Seats in use: held, on the bus, or (once the trip is over) arrived.
        taken=Count("seat_list", filter=Q(seat_list__status__in=IN_USE)),
        waiting=Count("seat_list", filter=Q(seat_list__status__in=(SeatStatus.WAITLISTED, SeatStatus.APPLIED))),
    )


def trips_for(user: User) -> QuerySet[Trip]:
    """Open trips for everyone; a worker's own trips too; staff their station's; the bureau all."""
    if user.is_authenticated and user.role == Role.BUREAU:
        trips = Trip.objects.all()
    elif user.is_authenticated and user.role == Role.STATION and user.station_id:
        trips = Trip.objects.filter(station_id=user.station_id)
    else:
        open_now = Q(status=TripStatus.OPEN, signup_deadline__gt=timezone.now())
        mine = Q(seat_list__profile__user_id=user.pk) if user.is_authenticated else Q(pk__in=[])
        trips = Trip.objects.filter(open_now | mine).distinct()
    return trips_with_counts(trips).order_by("departs_at", "id")


def my_seat(user: User, trip: Trip) -> Seat | None:
    if not user.is_authenticated:
        return None
    seats = Seat.objects.filter(trip=trip, profile__user_id=user.pk).order_by("-number")
    return seats.filter(status__in=(*ACTIVE_SEATS, SeatStatus.ARRIVED, SeatStatus.NO_SHOW)).first() or seats.first()


def waitlist_position(seat: Seat) -> int | None:
    """1 for the next to be seated; None when the seat is not waiting."""
    if seat.status != SeatStatus.WAITLISTED:
        return None
    ahead = Seat.objects.filter(trip_id=seat.trip_id, status=SeatStatus.WAITLISTED)
    if seat.trip.key_groups_first and not seat.key_group:  # every key-group person waiting is ahead
        ahead = ahead.filter(Q(key_group=True) | Q(number__lt=seat.number))
    elif seat.trip.key_groups_first:
        ahead = ahead.filter(key_group=True, number__lt=seat.number)
    else:
        ahead = ahead.filter(number__lt=seat.number)
    return ahead.count() + 1
