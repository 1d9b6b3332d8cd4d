"""返岗直通车 pages: open trips and a seat with its boarding pass for workers; a trip's roll-call for staff."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from frontend.forms.trips import BoardForm, SignUpForm, StaffSignUpForm, TripCancelForm, TripForm
from frontend.views.common import add_service_errors, error_text, role_required
from marketplace.enums import Role
from marketplace.models import Seat, Trip
from marketplace.notifications.services import absolute_url
from marketplace.postings.selectors import posting_list_public_for_station
from marketplace.qr import qr_png
from marketplace.ratings.enums import Score, Service
from marketplace.ratings.selectors import ratings_given
from marketplace.trips import rules, selectors, services
from marketplace.trips.enums import SeatStatus, TripStatus


def trip_list(request: HttpRequest) -> HttpResponse:
    return render(request, "frontend/trips/list.html", {"trips": selectors.trips_for(request.user)[:50]})


def _trip(request: HttpRequest, pk: int) -> Trip:
    trip = selectors.trips_for(request.user).filter(pk=pk).first()
    if trip is None:
        raise Http404(_("找不到这个车次。"))
    return trip


@require_http_methods(["GET", "POST"])
def trip_detail(request: HttpRequest, pk: int) -> HttpResponse:
    trip = _trip(request, pk)
    form = SignUpForm(request.POST or None, trip=trip)
    if request.method == "POST":
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if form.is_valid():
            try:
                seat = services.seat_sign_up(by=request.user, trip=trip, pickup_point=form.cleaned_data["pickup_point"])
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, seat.get_status_display())
                return redirect("frontend:trip_detail", pk=trip.pk)
    seat = selectors.my_seat(request.user, trip)
    context = {
        "trip": trip, "form": form, "seat": seat, "seats_left": max(trip.seats - trip.taken, 0),
        "position": selectors.waitlist_position(seat) if seat else None,
        "can_sign_up": trip.status == TripStatus.OPEN and (not seat or seat.status == SeatStatus.CANCELLED)
                       and (not request.user.is_authenticated or request.user.role == Role.SEEKER),
        "manages": rules.can(request.user, "trip.manage", trip),
    }  # fmt: skip
    return render(request, "frontend/trips/detail.html", context, status=400 if form.errors else 200)


def _own_seat(request: HttpRequest, pk: int) -> Seat:
    seat = Seat.objects.select_related("trip", "trip__station", "profile").filter(pk=pk).first()
    if seat is None or not rules.can(request.user, "seat.cancel", seat):
        raise Http404(_("找不到这个座位。"))
    return seat


@role_required(Role.SEEKER)
def boarding_pass(request: HttpRequest, pk: int) -> HttpResponse:
    seat = _own_seat(request, pk)
    token = services.boarding_token(seat) if seat.status in (SeatStatus.CONFIRMED, SeatStatus.BOARDED) else ""
    taken = seat.status in (SeatStatus.BOARDED, SeatStatus.ARRIVED)  # 好差评 once the trip was taken
    rating = ratings_given(request.user, Service.TRIP, [seat.pk]).get(seat.pk) if taken else None
    return render(request, "frontend/trips/pass.html", {"seat": seat, "trip": seat.trip, "token": token,
                                                        "can_rate": taken, "rating": rating,
                                                        "scores": Score.choices})  # fmt: skip


@role_required(Role.SEEKER)
def boarding_pass_png(request: HttpRequest, pk: int) -> HttpResponse:
    seat = _own_seat(request, pk)
    if seat.status not in (SeatStatus.CONFIRMED, SeatStatus.BOARDED):
        raise Http404(_("座位确认后才有乘车码。"))
    response = HttpResponse(qr_png(services.boarding_token(seat), box_size=8), content_type="image/png")
    response["Cache-Control"] = "private, no-store"
    return response


@require_POST
@role_required(Role.SEEKER, Role.STATION, Role.BUREAU)
def seat_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    seat = _own_seat(request, pk)
    try:
        services.seat_cancel(by=request.user, seat=seat)
        messages.success(request, _("已取消座位。"))
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    return redirect("frontend:trip_detail", pk=seat.trip_id)


# --- staff -------------------------------------------------------------------------------------------


@role_required(Role.STATION, Role.BUREAU)
@require_http_methods(["GET", "POST"])
def trip_new(request: HttpRequest) -> HttpResponse:
    postings = posting_list_public_for_station(station_id=request.user.station_id)
    form = TripForm(request.POST or None, postings=postings)
    if request.method == "POST" and form.is_valid():
        if request.user.station is None:
            form.add_error(None, _("人社局请在协作站账号下发布车次。"))
        else:
            try:
                trip = services.trip_create(by=request.user, station=request.user.station, **form.cleaned_data)
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("车次已发布，务工人员现在可以报名。"))
                return redirect("frontend:trip_roll_call", pk=trip.pk)
    return render(request, "frontend/trips/new.html", {"form": form}, status=400 if form.errors else 200)


@role_required(Role.STATION, Role.BUREAU)
@require_http_methods(["GET", "POST"])
def trip_roll_call(request: HttpRequest, pk: int) -> HttpResponse:
    """The escort's page: who is on the list, board them, depart, arrive, or call it off."""
    trip = _trip(request, pk)
    rules.require(request.user, "trip.manage", trip)
    board_form, cancel_form = BoardForm(prefix="board"), TripCancelForm(prefix="cancel")
    sign_up_form = StaffSignUpForm(prefix="signup")
    action = request.POST.get("action", "")
    if request.method == "POST":
        try:
            if action == "board_seat":
                raw = request.POST.get("seat", "")
                seat = trip.seat_list.filter(pk=int(raw)).first() if raw.isdigit() and len(raw) < 10 else None
                services.seat_board(by=request.user, trip=trip, seat=seat)
            elif action == "board_token":
                board_form = BoardForm(request.POST, prefix="board")
                if board_form.is_valid():
                    seat = services.seat_board(by=request.user, trip=trip, token=board_form.cleaned_data["token"])
                    messages.success(request, _("%(name)s已上车。") % {"name": seat.profile.name})
            elif action == "sign_up":
                sign_up_form = StaffSignUpForm(request.POST, prefix="signup")
                if sign_up_form.is_valid():
                    try:
                        seat = services.seat_sign_up_by_phone(by=request.user, trip=trip,
                                                              phone=sign_up_form.cleaned_data["phone"])  # fmt: skip
                    except PermissionDenied as exc:  # a worker another station organises: say so on the form
                        raise ValidationError({"phone": str(exc)}, code="not_organised") from exc
                    messages.success(request, _("已为%(name)s报名：%(s)s。") % {
                        "name": seat.profile.name, "s": seat.get_status_display()})  # fmt: skip
            elif action == "depart":
                missing = services.trip_depart(by=request.user, trip=trip)
                messages.success(request, _("已发车，%(n)s人未到。") % {"n": missing})
            elif action == "arrive":
                arrived = services.trip_arrive(by=request.user, trip=trip)
                messages.success(request, _("已到达，%(n)s人已进入协作站名册。") % {"n": arrived})
            elif action == "cancel":
                cancel_form = TripCancelForm(request.POST, prefix="cancel")
                if cancel_form.is_valid():
                    services.trip_cancel(by=request.user, trip=trip, reason=cancel_form.cleaned_data["reason"])
                    messages.success(request, _("车次已取消，已通知所有报名的人。"))
            if not (board_form.errors or cancel_form.errors or sign_up_form.errors):
                return redirect("frontend:trip_roll_call", pk=trip.pk)
        except ValidationError as exc:
            form = {"cancel": cancel_form, "sign_up": sign_up_form}.get(action, board_form)
            add_service_errors(form, exc)
    trip = selectors.trips_with_counts(Trip.objects.filter(pk=trip.pk)).get()
    seats = trip.seat_list.exclude(status=SeatStatus.CANCELLED).select_related("profile__user").order_by("number")
    context = {"trip": trip, "seats": seats, "board_form": board_form, "cancel_form": cancel_form,
               "sign_up_form": sign_up_form,
               "share_url": absolute_url(reverse("frontend:trip_detail", args=[trip.pk]))}  # fmt: skip
    status = 400 if (board_form.errors or cancel_form.errors or sign_up_form.errors) else 200
    return render(request, "frontend/trips/roll_call.html", context, status=status)
