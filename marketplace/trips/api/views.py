"""返岗直通车 at /api/trips/: open trips and sign-up for workers; create, roll-call, board, depart for staff."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.mixins import ListModelMixin
from rest_framework.permissions import IsAuthenticated, IsAuthenticatedOrReadOnly
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from marketplace.api.bodies import validated_body
from marketplace.api.openapi import errors
from marketplace.models import Seat, Trip
from marketplace.trips import rules, selectors, services
from marketplace.trips.api.serializers import (
    BoardSerializer,
    MySeatSerializer,
    RollCallSeatSerializer,
    SignUpSerializer,
    TripCancelSerializer,
    TripCreateSerializer,
    TripDetailSerializer,
    TripSerializer,
)

TAGS = ["返岗直通车"]


def _trip(request: Request, pk: int) -> Trip:
    trip = selectors.trips_for(request.user).filter(pk=pk).first()
    if trip is None:
        raise Http404
    return trip


def _managed(request: Request, pk: int) -> Trip:
    trip = _trip(request, pk)
    rules.require(request.user, "trip.manage", trip)
    return trip


def _detail(request: Request, trip: Trip, http_status: int = status.HTTP_200_OK) -> Response:
    trip = selectors.trips_with_counts(Trip.objects.filter(pk=trip.pk)).get()
    return Response(TripDetailSerializer(trip, context={"request": request}).data, status=http_status)


class TripListView(ListModelMixin, GenericAPIView):
    permission_classes = [IsAuthenticatedOrReadOnly]
    serializer_class = TripSerializer

    def get_queryset(self) -> QuerySet[Trip]:
        return selectors.trips_for(self.request.user)

    @extend_schema(tags=TAGS, summary="返岗直通车车次", description="报名中的车次人人可看；协作站看本站的全部车次。",
                   responses={200: TripSerializer(many=True)})  # fmt: skip
    def get(self, request: Request) -> Response:
        return self.list(request)

    @extend_schema(tags=TAGS, summary="发布车次", request=TripCreateSerializer,
                   responses={201: TripDetailSerializer, **errors(400, 401, 403)})  # fmt: skip
    def post(self, request: Request) -> Response:
        data = validated_body(TripCreateSerializer, request)
        station = data.pop("station", None) or request.user.station
        if station is None:
            raise ValidationError({"station": _("请选择协作站。")}, code="station_required")
        trip = services.trip_create(by=request.user, station=station, **data)
        return _detail(request, trip, status.HTTP_201_CREATED)


class TripDetailView(APIView):
    permission_classes = [IsAuthenticatedOrReadOnly]

    @extend_schema(tags=TAGS, summary="车次详情", description="含余座、候补人数和我的座位（登录后）。",
                   responses={200: TripDetailSerializer, **errors(404)})  # fmt: skip
    def get(self, request: Request, pk: int) -> Response:
        return _detail(request, _trip(request, pk))


class SignUpView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(tags=TAGS, summary="报名", request=SignUpSerializer,
                   description="有余座即确认座位，否则进入候补；重点群体优先的车次截止后统一分配。重复报名返回原座位。",
                   responses={201: MySeatSerializer, **errors(400, 401, 403, 404, 409)})  # fmt: skip
    def post(self, request: Request, pk: int) -> Response:
        trip = _trip(request, pk)
        data = validated_body(SignUpSerializer, request)
        seat = services.seat_sign_up(by=request.user, trip=trip, profile=data.get("profile"),
                                     pickup_point=data["pickup_point"])  # fmt: skip
        return Response(MySeatSerializer(seat).data, status=status.HTTP_201_CREATED)


class SeatCancelView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(tags=TAGS, summary="取消座位", description="座位让给候补的第一位，并通知他。",
                   request=None, responses={200: MySeatSerializer, **errors(401, 403, 404, 409)})  # fmt: skip
    def post(self, request: Request, pk: int) -> Response:
        seat = Seat.objects.select_related("trip", "profile").filter(pk=pk).first()
        if seat is None or not rules.can(request.user, "seat.cancel", seat):
            raise Http404
        return Response(MySeatSerializer(services.seat_cancel(by=request.user, seat=seat)).data)


class RollCallView(ListModelMixin, GenericAPIView):
    permission_classes = [IsAuthenticated]
    serializer_class = RollCallSeatSerializer

    def get_queryset(self) -> QuerySet[Seat]:
        trip = _managed(self.request, self.kwargs["pk"])
        return trip.seat_list.exclude(status="cancelled").select_related("profile__user").order_by("number")

    @extend_schema(tags=TAGS, summary="乘客名单（点名）",
                   responses={200: RollCallSeatSerializer(many=True), **errors(401, 403, 404)})  # fmt: skip
    def get(self, request: Request, pk: int) -> Response:
        return self.list(request)


class BoardView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(tags=TAGS, summary="上车签到", request=BoardSerializer, description="扫乘车码，或在名单中点选。",
                   responses={200: RollCallSeatSerializer, **errors(400, 401, 403, 404, 409)})  # fmt: skip
    def post(self, request: Request, pk: int) -> Response:
        trip = _managed(request, pk)
        data = validated_body(BoardSerializer, request)
        seat = trip.seat_list.filter(pk=data["seat"]).first() if data.get("seat") else None
        seat = services.seat_board(by=request.user, trip=trip, token=data["token"], seat=seat)
        return Response(RollCallSeatSerializer(seat).data)


class TripStepView(APIView):
    """depart · arrive · cancel: the escort's and staff's steps of a trip."""

    permission_classes = [IsAuthenticated]
    step = ""

    def post(self, request: Request, pk: int) -> Response:
        trip = _managed(request, pk)
        if self.step == "depart":
            services.trip_depart(by=request.user, trip=trip)
        elif self.step == "arrive":
            services.trip_arrive(by=request.user, trip=trip)
        else:
            services.trip_cancel(
                by=request.user, trip=trip, reason=validated_body(TripCancelSerializer, request)["reason"]
            )
        return _detail(request, trip)


class DepartView(TripStepView):
    step = "depart"

    @extend_schema(tags=TAGS, summary="发车", description="未上车的已确认乘客记为未到。", request=None,
                   responses={200: TripDetailSerializer, **errors(401, 403, 404, 409)})  # fmt: skip
    def post(self, request: Request, pk: int) -> Response:
        return super().post(request, pk)


class ArriveView(TripStepView):
    step = "arrive"

    @extend_schema(tags=TAGS, summary="到达", description="车上的乘客记为已到达，并进入协作站名册（返岗直通车）。",
                   request=None, responses={200: TripDetailSerializer, **errors(401, 403, 404, 409)})  # fmt: skip
    def post(self, request: Request, pk: int) -> Response:
        return super().post(request, pk)


class TripCancelView(TripStepView):
    step = "cancel"

    @extend_schema(tags=TAGS, summary="取消车次", description="所有报名的人都会收到通知和短信。",
                   request=TripCancelSerializer,
                   responses={200: TripDetailSerializer, **errors(400, 401, 403, 404, 409)})  # fmt: skip
    def post(self, request: Request, pk: int) -> Response:
        return super().post(request, pk)
