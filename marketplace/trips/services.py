"""返岗直通车: create a trip, sign up, allocate seats fairly, board, depart, arrive, cancel, remind.

Every sign-up, cancellation and allocation takes the trip's row lock, so they are served one at a
time in the order they reach the database: N people racing for K seats get exactly K confirmed,
the rest wait-listed in order of sign-up, and a double tap finds the seat it already has. A seat
given up is offered to the first on the wait-list at once. On arrival the workers join the
station's roster as organised (返岗直通车), which is how trips count toward 组织化程度.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.models import CooperationStation, JobPosting, User, WorkerProfile
from marketplace.notifications.services import notify
from marketplace.permissions import can as marketplace_can
from marketplace.places import COUNTY_BY_NAME
from marketplace.privacy import id_from_signed, signed_id
from marketplace.profiles.selectors import profile_by_phone
from marketplace.stations.enums import ArrivalRoute
from marketplace.stations.services import roster_join
from marketplace.trips import rules
from marketplace.trips.enums import SeatStatus, TripStatus
from marketplace.trips.models import ACTIVE_SEATS, Seat, Trip

S = SeatStatus


# --- boarding passes --------------------------------------------------------------------------------


def boarding_token(seat: Seat) -> str:
    """What the boarding pass's QR code says: the seat and a keyed check only this server can make."""
    return signed_id("boarding", seat.pk)


def seat_for_token(trip: Trip, token: str) -> Seat | None:
    pk = id_from_signed("boarding", token)
    return Seat.objects.filter(pk=pk, trip=trip).select_related("profile").first() if pk else None


# --- creating and cancelling a trip ------------------------------------------------------------------


def _clean_places(points: Any) -> list[dict[str, str]]:
    if not isinstance(points, list) or not points:
        raise ValidationError({"pickup_points": _("请至少填写一个上车点。")}, code="pickup_points_required")
    cleaned = []
    for point in points:
        place = str((point or {}).get("place", "")).strip() if isinstance(point, dict) else ""
        time = str(point.get("time", "")).strip() if isinstance(point, dict) else ""
        if not place or len(place) > 60 or len(time) > 10:
            raise ValidationError({"pickup_points": _("上车点要写地点（60字以内）和时间，如“凯里火车站 07:30”。")},
                                  code="pickup_point_invalid")  # fmt: skip
        cleaned.append({"place": place, "time": time})
    return cleaned


@transaction.atomic
def trip_create(
    *,
    by: User,
    station: CooperationStation,
    title: str,
    home_county: str,
    departs_at: datetime.datetime,
    signup_deadline: datetime.datetime,
    seats: int,
    pickup_points: list[dict[str, str]],
    vehicles: list[dict[str, Any]] | None = None,
    postings: list[JobPosting] | None = None,
    key_groups_first: bool = False,
    note: str = "",
) -> Trip:
    rules.require(by, "trip.manage", station)
    now = timezone.now()
    errors: dict[str, str] = {}
    if not (title or "").strip():
        errors["title"] = _("请填写车次名称，如“2027年春节后凯里—宁波返岗专车”。")
    if home_county not in COUNTY_BY_NAME:
        errors["home_county"] = _("请选择本州的出发县市。")
    if departs_at <= now:
        errors["departs_at"] = _("发车时间应在今后。")
    if not now < signup_deadline <= departs_at:
        errors["signup_deadline"] = _("报名截止应在现在和发车时间之间。")
    if not 1 <= seats <= rules.MAX_SEATS:
        errors["seats"] = _("座位数应在1到%(max)d之间。") % {"max": rules.MAX_SEATS}
    if errors:
        raise ValidationError(errors, code="trip_invalid")
    trip = Trip.objects.create(
        station=station, title=title.strip(), home_county=home_county, departs_at=departs_at,
        signup_deadline=signup_deadline, seats=seats, pickup_points=_clean_places(pickup_points),
        vehicles=list(vehicles or []), key_groups_first=key_groups_first, note=(note or "").strip(), created_by=by,
    )  # fmt: skip
    if postings:
        trip.postings.set(postings)
    return trip


@transaction.atomic
def trip_cancel(*, by: User, trip: Trip, reason: str) -> Trip:
    """Called off: every seat is cancelled and every worker on it is told, by SMS too."""
    trip = _lock(trip)
    rules.require(by, "trip.manage", trip)
    if trip.status != TripStatus.OPEN:
        raise ValidationError(_("车次已%(s)s，不能取消。") % {"s": trip.get_status_display()}, code="trip_not_open")
    if not (reason or "").strip():
        raise ValidationError({"reason": _("请写明取消原因，会发给报名的每一位。")}, code="reason_required")
    trip.status = TripStatus.CANCELLED
    trip.save(update_fields=["status"])
    for seat in trip.seat_list.filter(status__in=ACTIVE_SEATS).select_related("profile__user"):
        seat.status, seat.cancelled_at = S.CANCELLED, timezone.now()
        seat.save(update_fields=["status", "cancelled_at"])
        body = _("原因：%(r)s。请留意新的车次，或联系%(s)s。") % {"r": reason.strip()[:100], "s": trip.station.name}
        notify(user=seat.profile.user, kind="trip_cancelled", sms=True, url=f"/trips/{trip.pk}/",
               title=_("直通车已取消：%(t)s") % {"t": trip.title}, body=body,
               dedupe_key=f"trip-{trip.pk}-cancelled")  # fmt: skip
    return trip


# --- seats ------------------------------------------------------------------------------------------


def _lock(trip: Trip) -> Trip:
    return Trip.objects.select_for_update().select_related("station").get(pk=trip.pk)


def _is_key_group(profile: WorkerProfile) -> bool:
    return profile.group_tags.filter(confirmed_at__isnull=False).exists()


def _confirmed(trip: Trip) -> int:
    return trip.seat_list.filter(status__in=(S.CONFIRMED, S.BOARDED)).count()


@transaction.atomic
def seat_sign_up(*, by: User, trip: Trip, profile: WorkerProfile | None = None, pickup_point: str = "") -> Seat:
    """One worker's sign-up: themselves on a phone, or staff of the trip's station for a worker they organise.

    Served under the trip's lock in arrival order: a seat while seats are left, else the wait-list.
    """
    trip = _lock(trip)
    if profile is None:
        rules.require(by, "trip.sign_up", trip)
        profile = getattr(by, "profile", None)
        if profile is None:
            raise ValidationError(_("请先完善求职者档案再报名。"), code="no_profile")
    else:
        rules.require(by, "trip.manage", trip)
        if not marketplace_can(by, "profile.edit", profile):
            raise PermissionDenied(_("只能为本站组织的务工人员报名。"))
    if trip.status != TripStatus.OPEN or timezone.now() >= trip.signup_deadline:
        raise ValidationError(_("该车次已截止报名。"), code="trip_closed")
    existing = trip.seat_list.filter(profile=profile, status__in=ACTIVE_SEATS).first()
    if existing is not None:
        return existing  # a double tap: the seat already taken
    places = [point["place"] for point in trip.pickup_points]
    if pickup_point and pickup_point not in places:
        raise ValidationError({"pickup_point": _("请选择车次的上车点。")}, code="pickup_point_unknown")
    if trip.key_groups_first and trip.allocated_at is None:
        status = S.APPLIED
    else:
        status = S.CONFIRMED if _confirmed(trip) < trip.seats else S.WAITLISTED
    number = (trip.seat_list.aggregate(n=Max("number"))["n"] or 0) + 1
    try:
        with transaction.atomic():
            seat = Seat.objects.create(trip=trip, profile=profile, status=status, key_group=_is_key_group(profile),
                                       number=number, pickup_point=pickup_point or (places[0] if places else ""),
                                       signed_up_by=by)  # fmt: skip
    except IntegrityError as exc:  # unreachable under the lock; the constraint stays the last word
        raise ValidationError(_("您已报名该车次。"), code="seat_taken") from exc
    _tell_seat(seat)
    return seat


def seat_sign_up_by_phone(*, by: User, trip: Trip, phone: str) -> Seat:
    """Staff sign up a worker their station organises, found by the phone they registered with."""
    return seat_sign_up(by=by, trip=trip, profile=profile_by_phone(phone))


def _tell_seat(seat: Seat, *, sms: bool = False) -> None:
    trip = seat.trip
    says = {
        S.CONFIRMED: _("座位已确认：%(t)s，%(d)s发车，请凭乘车码上车。"),
        S.WAITLISTED: _("已进入候补：%(t)s，有人退出时按报名先后补位，会短信通知您。"),
        S.APPLIED: _("已报名：%(t)s，截止后优先安排重点群体，再按报名先后分配座位。"),
    }
    if seat.status not in says:
        return
    body = says[seat.status] % {"t": trip.title, "d": timezone.localtime(trip.departs_at).strftime("%m月%d日 %H:%M")}
    notify(user=seat.profile.user, kind="trip_seat", title=seat.get_status_display(), body=body, sms=sms,
           url=f"/trips/{trip.pk}/", dedupe_key=f"trip-seat-{seat.pk}-{seat.status}")  # fmt: skip


def _waitlist(trip: Trip):
    order = ("-key_group", "number") if trip.key_groups_first else ("number",)
    return trip.seat_list.filter(status=S.WAITLISTED).select_related("profile__user").order_by(*order)


def _fill_from_waitlist(trip: Trip) -> None:
    free = trip.seats - _confirmed(trip)
    for seat in list(_waitlist(trip)[: max(free, 0)]):
        seat.status = S.CONFIRMED
        seat.save(update_fields=["status"])
        _tell_seat(seat, sms=True)


@transaction.atomic
def seat_cancel(*, by: User, seat: Seat) -> Seat:
    """The worker (or staff) gives up a seat; the first on the wait-list gets it and is texted."""
    trip = _lock(seat.trip)
    seat = Seat.objects.select_related("profile__user", "trip").get(pk=seat.pk)
    rules.require(by, "seat.cancel", seat)
    if seat.status not in (S.APPLIED, S.CONFIRMED, S.WAITLISTED):
        raise ValidationError(_("该座位当前为“%(s)s”，不能取消。") % {"s": seat.get_status_display()},
                              code="seat_not_cancellable")  # fmt: skip
    was_confirmed = seat.status == S.CONFIRMED
    seat.status, seat.cancelled_at = S.CANCELLED, timezone.now()
    seat.save(update_fields=["status", "cancelled_at"])
    if was_confirmed and trip.status == TripStatus.OPEN:
        _fill_from_waitlist(trip)
    return seat


@transaction.atomic
def trip_allocate(trip: Trip) -> int:
    """At the deadline of a trip that seats key groups first: key groups in sign-up order, then the rest.

    Idempotent (a trip is allocated once). Returns the seats confirmed.
    """
    trip = _lock(trip)
    if not trip.key_groups_first or trip.allocated_at is not None or trip.status != TripStatus.OPEN:
        return 0
    applied = list(
        trip.seat_list.filter(status=S.APPLIED).select_related("profile__user").order_by("-key_group", "number")
    )
    free = trip.seats - _confirmed(trip)
    for index, seat in enumerate(applied):
        seat.status = S.CONFIRMED if index < free else S.WAITLISTED
        seat.save(update_fields=["status"])
        _tell_seat(seat, sms=True)
    trip.allocated_at = timezone.now()
    trip.save(update_fields=["allocated_at"])
    return min(free, len(applied))


# --- the day of departure ----------------------------------------------------------------------------


@transaction.atomic
def seat_board(*, by: User, trip: Trip, token: str = "", seat: Seat | None = None) -> Seat:
    """The escort checks a worker onto the bus: by the QR code of the pass, or by name on the roll-call."""
    trip = _lock(trip)
    rules.require(by, "trip.manage", trip)
    if token:
        seat = seat_for_token(trip, token)
        if seat is None:
            raise ValidationError(_("乘车码无效或不是本车次的。"), code="pass_invalid")
    if seat is None or seat.trip_id != trip.pk:
        raise ValidationError(_("请选择要签到的乘客。"), code="seat_required")
    seat = Seat.objects.select_related("profile").get(pk=seat.pk)
    if seat.status == S.BOARDED:
        return seat
    if seat.status != S.CONFIRMED:
        raise ValidationError(_("%(name)s的座位状态为“%(s)s”，不能上车。") % {
            "name": seat.profile.name, "s": seat.get_status_display()}, code="seat_not_confirmed")  # fmt: skip
    seat.status, seat.boarded_at = S.BOARDED, timezone.now()
    seat.save(update_fields=["status", "boarded_at"])
    return seat


@transaction.atomic
def trip_depart(*, by: User, trip: Trip) -> int:
    """The bus leaves: confirmed seats nobody boarded are no-shows. Returns how many."""
    trip = _lock(trip)
    rules.require(by, "trip.manage", trip)
    if trip.status != TripStatus.OPEN:
        raise ValidationError(_("车次已%(s)s。") % {"s": trip.get_status_display()}, code="trip_not_open")
    trip.status = TripStatus.DEPARTED
    trip.save(update_fields=["status"])
    no_shows = trip.seat_list.filter(status=S.CONFIRMED).update(status=S.NO_SHOW)
    trip.seat_list.filter(status__in=(S.APPLIED, S.WAITLISTED)).update(status=S.CANCELLED, cancelled_at=timezone.now())
    return no_shows


@transaction.atomic
def trip_arrive(*, by: User, trip: Trip) -> int:
    """Arrived: everyone on board is 已到达 and joins the station's roster as organised (返岗直通车)."""
    trip = _lock(trip)
    rules.require(by, "trip.manage", trip)
    if trip.status != TripStatus.DEPARTED:
        raise ValidationError(_("车次尚未发车或已到达。"), code="trip_not_departed")
    trip.status = TripStatus.ARRIVED
    trip.save(update_fields=["status"])
    arrived = 0
    for seat in trip.seat_list.filter(status=S.BOARDED).select_related("profile__user"):
        seat.status, seat.arrived_at = S.ARRIVED, timezone.now()
        seat.save(update_fields=["status", "arrived_at"])
        reason = _("乘返岗直通车到达：%(t)s") % {"t": trip.title}
        roster_join(station=trip.station, profile=seat.profile, route=ArrivalRoute.TRIP, reason=reason)
        arrived += 1
    return arrived


# --- reminders and the deadline (a beat task every few minutes) ----------------------------------------


def trips_tick(now: datetime.datetime | None = None) -> dict[str, int]:
    """Allocate trips past their deadline; remind confirmed workers a day and two hours before."""
    now = now or timezone.now()
    done = {"allocated": 0, "reminded": 0}
    for trip in Trip.objects.filter(status=TripStatus.OPEN, key_groups_first=True, allocated_at__isnull=True,
                                    signup_deadline__lte=now):  # fmt: skip
        done["allocated"] += trip_allocate(trip)
    soon = Trip.objects.filter(
        status=TripStatus.OPEN, departs_at__gt=now, departs_at__lte=now + rules.REMIND_DAY_BEFORE
    )
    for trip in soon.select_related("station"):
        which = "2h" if trip.departs_at - now <= rules.REMIND_HOURS_BEFORE else "day"
        when = timezone.localtime(trip.departs_at).strftime("%m月%d日 %H:%M")
        for seat in trip.seat_list.filter(status=S.CONFIRMED).select_related("profile__user"):
            sent = notify(
                user=seat.profile.user, kind="trip_reminder", sms=True, url=f"/trips/seats/{seat.pk}/pass/",
                title=_("直通车提醒：%(t)s") % {"t": trip.title},
                body=_("%(when)s发车，请提前到%(p)s上车，出示乘车码。") % {"when": when, "p": seat.pickup_point},
                dedupe_key=f"trip-{trip.pk}-{which}-{seat.pk}",
            )  # fmt: skip
            done["reminded"] += sent is not None
    return done
