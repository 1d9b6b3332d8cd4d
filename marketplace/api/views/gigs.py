"""The gig market over HTTP: a board's open gigs, posting, claiming, and the catch-up log."""

from __future__ import annotations

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.generics import GenericAPIView
from rest_framework.mixins import ListModelMixin
from rest_framework.permissions import IsAuthenticated, IsAuthenticatedOrReadOnly
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from marketplace.api.openapi import errors
from marketplace.api.serializers.gigs import (
    BoardEventSerializer,
    BoardEventsQuerySerializer,
    BoardEventsSerializer,
    GigBoardQuerySerializer,
    GigClaimSerializer,
    GigPostSerializer,
    GigSerializer,
)
from marketplace.enums import GigStatus
from marketplace.models import BoardEvent, Gig, GigClaim
from marketplace.models.gigs import AREA_PATTERN
from marketplace.services import gigs as service

TAGS = ["零工市场"]
# A reconnecting phone gets at most this many events per request and pages on with has_more.
CATCH_UP_LIMIT = 500


def _gigs() -> QuerySet[Gig]:
    return Gig.objects.select_related("employer", "station")


def _claim_response(claim: GigClaim, http_status: int = status.HTTP_200_OK) -> Response:
    claim = GigClaim.objects.select_related("gig", "gig__employer", "gig__station").get(pk=claim.pk)
    return Response(GigClaimSerializer(claim).data, status=http_status)


class GigListView(ListModelMixin, GenericAPIView):
    permission_classes = [IsAuthenticatedOrReadOnly]
    serializer_class = GigSerializer

    def get_queryset(self) -> QuerySet[Gig]:
        query = GigBoardQuerySerializer(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        return _gigs().filter(
            area=query.validated_data["area"],
            status__in=[GigStatus.OPEN, GigStatus.FULL],
            work_date__gte=timezone.localdate(),
        )

    @extend_schema(
        tags=TAGS,
        summary="零工市场：今天及以后的零工",
        description=(
            "报名中和已满员的零工（满员的可能因有人取消而重新开放）。"
            "`area` 为县市代码，与 WebSocket `ws/gigs/<area>/` 相同。"
        ),
        parameters=[GigBoardQuerySerializer],
        responses={200: GigSerializer(many=True), **errors(400)},
    )
    def get(self, request: Request) -> Response:
        return self.list(request)

    @extend_schema(
        tags=TAGS,
        summary="发布零工",
        description="认证且不在欠薪黑名单的单位成员为本单位发布；协作站工作人员以本站名义发布。发布后立即上墙。",
        request=GigPostSerializer,
        responses={201: GigSerializer, **errors(400, 401, 403, 409)},
    )
    def post(self, request: Request) -> Response:
        serializer = GigPostSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        gig = service.gig_post(by=request.user, data=dict(serializer.validated_data))
        return Response(GigSerializer(gig).data, status=status.HTTP_201_CREATED)


class GigClaimView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        summary="抢零工",
        description="占一个名额。重复点击返回同一条报名，不会多占名额；满员时返回 409 `gig_full`。",
        request=None,
        responses={200: GigClaimSerializer, **errors(401, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        gig = get_object_or_404(Gig, pk=pk)
        return _claim_response(service.gig_claim(by=request.user, gig=gig))


class GigCancelView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        summary="取消零工（发布方）",
        description="已报名的人全部释放。",
        request=None,
        responses={200: GigSerializer, **errors(401, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        gig = get_object_or_404(_gigs(), pk=pk)
        return Response(GigSerializer(service.gig_cancel(by=request.user, gig=gig)).data)


class GigClaimCancelView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        summary="取消报名（求职者）",
        description="开工前可以取消，名额退回。",
        request=None,
        responses={200: GigClaimSerializer, **errors(401, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        claim = get_object_or_404(GigClaim, pk=pk)
        return _claim_response(service.gig_claim_cancel(by=request.user, claim=claim))


class GigClaimReleaseView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        summary="释放报名者的名额（发布方）",
        request=None,
        responses={200: GigClaimSerializer, **errors(401, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        claim = get_object_or_404(GigClaim, pk=pk)
        return _claim_response(service.gig_claim_release(by=request.user, claim=claim))


class BoardEventsView(APIView):
    permission_classes = [IsAuthenticatedOrReadOnly]

    @extend_schema(
        tags=TAGS,
        summary="零工市场事件补发",
        description=(
            f"断线重连的客户端用最后收到的序号 `since` 取回之后的事件，按序号排列，每次最多 {CATCH_UP_LIMIT} 条。"
        ),
        parameters=[BoardEventsQuerySerializer],
        responses={200: BoardEventsSerializer, **errors(400)},
    )
    def get(self, request: Request, area: str) -> Response:
        if not AREA_PATTERN.match(area):
            raise serializers.ValidationError({"area": [_("零工市场编号不正确。")]})
        query = BoardEventsQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        since = query.validated_data["since"]
        events = list(BoardEvent.objects.filter(area=area, seq__gt=since).order_by("seq")[: CATCH_UP_LIMIT + 1])
        body = {
            "area": area,
            "last_seq": service.board_last_seq(area),
            "has_more": len(events) > CATCH_UP_LIMIT,
            "events": BoardEventSerializer(events[:CATCH_UP_LIMIT], many=True).data,
        }
        return Response(body)
