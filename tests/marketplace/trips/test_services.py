"""返岗直通车: fair seats under a race, the wait-list, key groups first, boarding, arrival, reminders."""

from __future__ import annotations

import datetime
import threading

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.utils import timezone

from marketplace.enums import KeyGroup, Role
from marketplace.models import GroupTag, Notification, Seat, Trip
from marketplace.stations.enums import ArrivalRoute
from marketplace.trips import services
from marketplace.trips.enums import SeatStatus, TripStatus
from tests.factories import SeekerFactory, StationStaffFactory, TripFactory, UserFactory

S = SeatStatus


def seeker(name: str = "吴小兰", *, key_group: bool = False):
    user = SeekerFactory(profile__name=name, profile__current_county="凯里市")
    if key_group:
        GroupTag.objects.create(profile=user.profile, group=KeyGroup.POVERTY_RELIEVED, confirmed_at=timezone.now())
    return user


def statuses(trip: Trip) -> list[tuple[str, str]]:
    return [(seat.profile.name, seat.status) for seat in trip.seat_list.select_related("profile")]


@pytest.mark.django_db(transaction=True)
def test_thirty_people_racing_for_ten_seats_get_exactly_ten_and_the_rest_wait_in_order():
    trip = TripFactory(seats=10)
    people = [seeker(f"工人{n}") for n in range(30)]
    start = threading.Barrier(len(people))
    failures: list[BaseException] = []

    def sign_up(user) -> None:
        try:
            start.wait()
            services.seat_sign_up(by=user, trip=trip)
        except BaseException as exc:
            failures.append(exc)
        finally:
            connection.close()

    threads = [threading.Thread(target=sign_up, args=(user,)) for user in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)

    assert failures == []
    seats = list(trip.seat_list.order_by("number"))
    assert [seat.number for seat in seats] == list(range(1, 31))
    assert [seat.status for seat in seats] == [S.CONFIRMED] * 10 + [S.WAITLISTED] * 20


@pytest.mark.django_db(transaction=True)
def test_a_double_tap_in_five_threads_gives_one_seat():
    trip = TripFactory()
    user = seeker()
    start = threading.Barrier(5)

    def tap() -> None:
        start.wait()
        services.seat_sign_up(by=user, trip=trip)
        connection.close()

    threads = [threading.Thread(target=tap) for _ in range(5)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert trip.seat_list.count() == 1


@pytest.mark.django_db
def test_a_seat_given_up_goes_to_the_first_on_the_wait_list_who_is_told(django_capture_on_commit_callbacks):
    trip = TripFactory(seats=1)
    first, second, third = seeker("吴一"), seeker("吴二"), seeker("吴三")
    taken = services.seat_sign_up(by=first, trip=trip)
    services.seat_sign_up(by=second, trip=trip)
    services.seat_sign_up(by=third, trip=trip)

    with django_capture_on_commit_callbacks(execute=True):
        services.seat_cancel(by=first, seat=taken)

    assert statuses(trip) == [("吴一", S.CANCELLED), ("吴二", S.CONFIRMED), ("吴三", S.WAITLISTED)]
    # Texted too, outside SMS quiet hours (the notification service's rule).
    assert Notification.objects.filter(user=second, kind="trip_seat", body__contains="座位已确认").exists()


@pytest.mark.django_db
def test_with_key_groups_first_seats_are_allocated_at_the_deadline_key_groups_then_by_time():
    trip = TripFactory(seats=2, key_groups_first=True)
    for name, key_group in (("先报名", False), ("脱贫户甲", True), ("后报名", False), ("脱贫户乙", True)):
        services.seat_sign_up(by=seeker(name, key_group=key_group), trip=trip)
    assert {status for _name, status in statuses(trip)} == {S.APPLIED}

    Trip.objects.filter(pk=trip.pk).update(signup_deadline=timezone.now() - datetime.timedelta(minutes=1))
    assert services.trips_tick()["allocated"] == 2

    assert statuses(trip) == [("先报名", S.WAITLISTED), ("脱贫户甲", S.CONFIRMED), ("后报名", S.WAITLISTED),
                              ("脱贫户乙", S.CONFIRMED)]  # fmt: skip
    assert services.trips_tick()["allocated"] == 0  # once


@pytest.mark.django_db
def test_sign_up_after_the_deadline_or_on_a_cancelled_trip_is_refused_in_chinese():
    late = TripFactory(signup_deadline=timezone.now() - datetime.timedelta(minutes=1))
    with pytest.raises(ValidationError, match="截止报名"):
        services.seat_sign_up(by=seeker(), trip=late)


@pytest.mark.django_db
def test_staff_sign_up_only_workers_they_organise_and_only_on_their_stations_trips():
    staff = StationStaffFactory()
    trip = TripFactory(station=staff.station)
    theirs, stranger = seeker("本站的"), seeker("别处的")
    theirs.profile.station = staff.station
    theirs.profile.save()

    assert services.seat_sign_up(by=staff, trip=trip, profile=theirs.profile).status == S.CONFIRMED
    with pytest.raises(PermissionDenied):
        services.seat_sign_up(by=staff, trip=trip, profile=stranger.profile)
    with pytest.raises(PermissionDenied):
        services.seat_sign_up(by=StationStaffFactory(), trip=trip, profile=theirs.profile)


@pytest.mark.django_db
def test_boarding_by_pass_then_departure_marks_no_shows_and_arrival_puts_riders_on_the_roster():
    staff = StationStaffFactory()
    trip = TripFactory(station=staff.station)
    rider, absent = seeker("上车的"), seeker("没来的")
    seat = services.seat_sign_up(by=rider, trip=trip)
    services.seat_sign_up(by=absent, trip=trip)

    with pytest.raises(ValidationError, match="乘车码无效"):
        services.seat_board(by=staff, trip=trip, token=f"{seat.pk}-forged")
    services.seat_board(by=staff, trip=trip, token=services.boarding_token(seat))
    assert services.trip_depart(by=staff, trip=trip) == 1
    assert services.trip_arrive(by=staff, trip=trip) == 1

    assert statuses(trip) == [("上车的", S.ARRIVED), ("没来的", S.NO_SHOW)]
    entry = staff.station.roster.get()
    assert (entry.name, entry.route, entry.profile) == ("上车的", ArrivalRoute.TRIP, rider.profile)


@pytest.mark.django_db
def test_a_cancelled_trip_tells_everyone_on_it(django_capture_on_commit_callbacks):
    staff = StationStaffFactory()
    trip = TripFactory(station=staff.station, seats=1)
    people = [seeker("甲"), seeker("乙")]
    for user in people:
        services.seat_sign_up(by=user, trip=trip)

    with django_capture_on_commit_callbacks(execute=True):
        services.trip_cancel(by=staff, trip=trip, reason="高速封路")

    assert {status for _n, status in statuses(trip)} == {S.CANCELLED}
    assert Notification.objects.filter(kind="trip_cancelled").count() == 2
    with pytest.raises(ValidationError):
        services.trip_cancel(by=UserFactory(role=Role.BUREAU), trip=trip, reason="再取消一次")


@pytest.mark.django_db
def test_reminders_go_a_day_and_two_hours_before_once_each():
    trip = TripFactory(departs_at=timezone.now() + datetime.timedelta(hours=20))
    services.seat_sign_up(by=seeker(), trip=trip)

    assert services.trips_tick()["reminded"] == 1
    assert services.trips_tick()["reminded"] == 0
    assert services.trips_tick(now=trip.departs_at - datetime.timedelta(minutes=90))["reminded"] == 1
    assert Notification.objects.filter(kind="trip_reminder").count() == 2


@pytest.mark.django_db
def test_a_trip_needs_a_future_departure_a_deadline_before_it_and_a_pickup_point():
    staff = StationStaffFactory()
    now = timezone.now()
    with pytest.raises(ValidationError) as refused:
        services.trip_create(
            by=staff, station=staff.station, title="", home_county="火星市", seats=0,
            departs_at=now - datetime.timedelta(hours=1), signup_deadline=now, pickup_points=[],
        )  # fmt: skip
    assert set(refused.value.message_dict) == {"title", "home_county", "departs_at", "signup_deadline", "seats"}
    with pytest.raises(PermissionDenied):
        services.trip_create(
            by=StationStaffFactory(), station=staff.station, title="x", home_county="凯里市", seats=1,
            departs_at=now + datetime.timedelta(days=2), signup_deadline=now + datetime.timedelta(days=1),
            pickup_points=[{"place": "凯里"}],
        )  # fmt: skip
    assert Seat.objects.count() == 0 and trip_count() == 0


def trip_count() -> int:
    return Trip.objects.count()


@pytest.mark.django_db
def test_the_trip_status_changes_in_order():
    staff = StationStaffFactory()
    trip = TripFactory(station=staff.station)
    with pytest.raises(ValidationError):
        services.trip_arrive(by=staff, trip=trip)
    services.trip_depart(by=staff, trip=trip)
    trip.refresh_from_db()
    assert trip.status == TripStatus.DEPARTED
