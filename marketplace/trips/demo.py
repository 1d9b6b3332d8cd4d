"""The demo's 返岗直通车: a trip that ran after last Spring Festival, and one open for sign-up now.

The past trip is written as it ended (riders arrived, two no-shows), since the services refuse a
departure in the past; the open ones go through `trip_create` and `seat_sign_up` as staff and
workers would make them.
"""

from __future__ import annotations

import datetime

from django.utils import timezone

from marketplace.models import RosterEntry, Seat, Trip
from marketplace.seed.core import SeedContext
from marketplace.seed.workers import SeedWorker
from marketplace.stations.enums import ArrivalRoute
from marketplace.trips import services
from marketplace.trips.enums import SeatStatus, TripStatus

PICKUPS = [{"place": "凯里火车站广场", "time": "07:30"}, {"place": "三棵树镇政府门口", "time": "08:10"}]


def seed_trips(ctx: SeedContext, workers: list[SeedWorker]) -> int:
    """One past trip for the first station and an open trip for each station; returns trips made."""
    made = 0
    for index, (city, station) in enumerate(ctx.stations.items()):
        staff = ctx.station_staff[city]
        if index == 0:
            _past_trip(ctx, station, staff, workers)
            made += 1
        departs = timezone.make_aware(datetime.datetime.combine(ctx.today + datetime.timedelta(days=20),
                                                                datetime.time(7, 30)))  # fmt: skip
        trip = services.trip_create(
            by=staff, station=station, title=f"凯里—{station.city}返岗专车", home_county="凯里市",
            departs_at=departs, signup_deadline=departs - datetime.timedelta(days=2), seats=45,
            pickup_points=PICKUPS, vehicles=[{"plate": f"贵H·{23456 + index}", "seats": 45}],
            key_groups_first=index == 1, note="车费由人社局补贴，乘客免费。请带好身份证。",
        )  # fmt: skip
        riders = [w for w in workers if w.profile.current_county == "凯里市" and w.profile.name][
            index * 6 : index * 6 + 6
        ]
        for worker in riders:
            services.seat_sign_up(by=worker.user, trip=trip, pickup_point=ctx.rng.choice(PICKUPS)["place"])
        made += 1
    return made


def _past_trip(ctx: SeedContext, station, staff, workers: list[SeedWorker]) -> None:
    departed = timezone.make_aware(datetime.datetime.combine(ctx.today - datetime.timedelta(days=300),
                                                             datetime.time(7, 30)))  # fmt: skip
    trip = Trip.objects.create(
        station=station, title=f"春节后凯里—{station.city}返岗专车（第1车）", home_county="凯里市", departs_at=departed,
        signup_deadline=departed - datetime.timedelta(days=2), seats=45, pickup_points=PICKUPS,
        vehicles=[{"plate": "贵H·12345", "seats": 45}], status=TripStatus.ARRIVED, created_by=staff,
    )  # fmt: skip
    came = list(RosterEntry.objects.filter(station=station, route=ArrivalRoute.TRIP, profile__isnull=False)[:10])
    absent = [w.profile for w in workers if w.profile.pk not in {e.profile_id for e in came}][:2]
    number = 0
    for entry in came:
        number += 1
        Seat.objects.create(trip=trip, profile=entry.profile, status=SeatStatus.ARRIVED, number=number,
                            pickup_point=PICKUPS[0]["place"], signed_up_by=staff, boarded_at=departed,
                            arrived_at=departed + datetime.timedelta(hours=26))  # fmt: skip
    for profile in absent:
        number += 1
        Seat.objects.create(trip=trip, profile=profile, status=SeatStatus.NO_SHOW, number=number,
                            pickup_point=PICKUPS[1]["place"], signed_up_by=staff)  # fmt: skip


def release_trips(user_ids: list[int]) -> int:
    """Before seeded accounts go: the trips their staff made (seats go with them)."""
    return Trip.objects.filter(created_by_id__in=user_ids).delete()[0]
