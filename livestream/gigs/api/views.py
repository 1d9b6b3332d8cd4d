"""The gig market over HTTP: a board's open gigs, posting, claiming, the catch-up log, 今天可接活."""

from __future__ import annotations

import datetime

from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.generics import GenericAPIView
from rest_framework.mixins import ListModelMixin
from rest_framework.permissions import IsAuthenticated, IsAuthenticatedOrReadOnly
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from livestream.gigs.api.serializers import (
    AvailabilityInputSerializer,
    AvailabilitySerializer,
    BoardEventSerializer,
    BoardEventsQuerySerializer,
    BoardEventsSerializer,
    GigBoardQuerySerializer,
    GigClaimSerializer,
    GigPostSerializer,
    GigSerializer,
)
from livestream.gigs.board import CATCH_UP_LIMIT, board_last_seq, events_after
from livestream.gigs.enums import GigStatus
from livestream.gigs.models import AREA_PATTERN, Gig, GigClaim
from livestream.gigs.services import availability as availability_service
from livestream.gigs.services.claims import gig_claim, gig_claim_cancel, gig_claim_release
from livestream.gigs.services.posting import gig_cancel, gig_post
from marketplace.api.openapi import errors

TAGS = ["零工市场"]


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
            withdrawn_at__isnull=True,
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
        gig = gig_post(by=request.user, data=dict(serializer.validated_data))
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
        return _claim_response(gig_claim(by=request.user, gig=gig))


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
        return Response(GigSerializer(gig_cancel(by=request.user, gig=gig)).data)


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
        return _claim_response(gig_claim_cancel(by=request.user, claim=claim))


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
        return _claim_response(gig_claim_release(by=request.user, claim=claim))


class BoardEventsView(APIView):
    permission_classes = [IsAuthenticatedOrReadOnly]

    @extend_schema(
        tags=TAGS,
        summary="零工市场事件补发",
        description=(
            f"断线重连的客户端用最后收到的序号 `since` 取回之后的事件，按序号排列，每次最多 {CATCH_UP_LIMIT} 条。"
        ),
        parameters=[
            OpenApiParameter(
                "area", str, OpenApiParameter.PATH, pattern=AREA_PATTERN.pattern, description="零工市场编号"
            ),
            BoardEventsQuerySerializer,
        ],
        responses={200: BoardEventsSerializer, **errors(400)},
    )
    def get(self, request: Request, area: str) -> Response:
        if not AREA_PATTERN.match(area):
            raise serializers.ValidationError({"area": [_("零工市场编号不正确。")]})
        query = BoardEventsQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        since = query.validated_data["since"]
        # One more than a page tells whether the phone should ask again (has_more).
        events = events_after(area, since, limit=CATCH_UP_LIMIT + 1)
        body = {
            "area": area,
            "last_seq": board_last_seq(area),
            "has_more": len(events) > CATCH_UP_LIMIT,
            "events": BoardEventSerializer(events[:CATCH_UP_LIMIT], many=True).data,
        }
        return Response(body)


# The OpenAPI section 今天可接活 has always shared with the notices.
AVAILABILITY_TAGS = ["通知与今天可接活"]


class AvailabilityView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=AVAILABILITY_TAGS,
        summary="我的接活状态",
        responses={200: AvailabilitySerializer(many=True), **errors(401)},
    )
    def get(self, request: Request) -> Response:
        rows = availability_service.availability_current(request.user)
        return Response(AvailabilitySerializer(rows, many=True).data)

    @extend_schema(
        tags=AVAILABILITY_TAGS,
        summary="标记今天可接活",
        description="当天有效，午夜自动失效。附近有合适的零工发布时会收到通知（每天有上限，夜间不发短信）。",
        request=AvailabilityInputSerializer,
        responses={200: AvailabilitySerializer, **errors(400, 401, 403)},
    )
    def put(self, request: Request) -> Response:
        body = AvailabilityInputSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        row = availability_service.availability_set(by=request.user, **body.validated_data)
        return Response(AvailabilitySerializer(row).data)

    @extend_schema(
        tags=AVAILABILITY_TAGS,
        summary="取消今天可接活",
        parameters=[AvailabilityInputSerializer(partial=True)],
        responses={204: None, **errors(400, 401, 403)},
    )
    def delete(self, request: Request) -> Response:
        day = request.query_params.get("day")
        try:
            parsed = datetime.date.fromisoformat(day) if day else None
        except ValueError:
            raise serializers.ValidationError({"day": [_("日期格式应为 YYYY-MM-DD。")]}) from None
        availability_service.availability_clear(by=request.user, day=parsed)
        return Response(status=status.HTTP_204_NO_CONTENT)
