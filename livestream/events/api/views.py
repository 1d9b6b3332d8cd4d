"""Recruitment events over HTTP: listing, sign-up, booths, the door, cancellation and outcomes.

Errors come out in the marketplace API's one shape (marketplace.api.errors), in Chinese.
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from livestream.events.api.serializers import (
    BoothDecisionSerializer,
    BoothRegisterSerializer,
    BoothSerializer,
    CancelSerializer,
    CheckInResultSerializer,
    CheckInSerializer,
    EventDetailSerializer,
    EventSerializer,
    OutcomesSerializer,
    PublicBoothSerializer,
    TicketSerializer,
    WalkInSerializer,
)
from livestream.events.rules import require
from livestream.events.selectors import booths_approved, events_upcoming, outcomes_by_employer, outcomes_by_event
from livestream.events.services.booths import booth_decide, booth_register, event_apply
from livestream.events.services.schedule import event_cancel
from livestream.events.services.tickets import CheckIn, event_sign_up, places_taken, ticket_check_in, walk_in_register
from livestream.models import Booth, RecruitmentEvent
from marketplace.api.openapi import errors
from marketplace.applications.api.serializers import ApplicationSerializer
from marketplace.models import JobPosting
from marketplace.postings.selectors import posting_list_public

TAGS = ["招聘会"]


def _event(pk: int) -> RecruitmentEvent:
    return get_object_or_404(RecruitmentEvent.objects.select_related("station"), pk=pk)


def _check_in_body(result: CheckIn) -> dict:
    registration = result.registration
    return CheckInResultSerializer(
        {
            "message": result.message,
            "already": result.already,
            "name": registration.profile.name,
            "phone": registration.profile.user.masked_phone,
            "walk_in": registration.walk_in,
            "checked_in_at": registration.checked_in_at,
        }
    ).data


class EventListView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(tags=TAGS, summary="近期招聘会", responses={200: EventSerializer(many=True)})
    def get(self, request: Request) -> Response:
        kind = request.query_params.get("kind", "")
        return Response(EventSerializer(events_upcoming(kind=kind)[:100], many=True).data)


class EventDetailView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        tags=TAGS, summary="招聘会详情：参会单位与岗位", responses={200: EventDetailSerializer, **errors(404)}
    )
    def get(self, request: Request, pk: int) -> Response:
        event = _event(pk)
        data = EventSerializer(event).data
        data["places_left"] = max(0, event.capacity - places_taken(event))
        booths = booths_approved(event, q=request.query_params.get("q", ""))
        data["booths"] = PublicBoothSerializer(booths, many=True).data
        return Response(data)


class SignUpView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        summary="报名（求职者）",
        description="成功返回门票。已满 409 `event_full`，已截止/已结束 409 `event_closed`，"
        "重复报名 409 `duplicate_registration`。",
        request=None,
        responses={201: TicketSerializer, **errors(401, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        registration = event_sign_up(by=request.user, event=_event(pk))
        return Response(TicketSerializer(registration).data, status=status.HTTP_201_CREATED)


class BoothRegisterView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        summary="报名参会（用人单位申请展位）",
        description="带上本单位招聘中的岗位；提交或修改后等待主办方审核。",
        request=BoothRegisterSerializer,
        responses={201: BoothSerializer, **errors(400, 401, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        event = _event(pk)
        serializer = BoothRegisterSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        ids = serializer.validated_data["postings"]
        postings = list(JobPosting.objects.filter(pk__in=ids))
        if len(postings) != len(set(ids)):
            raise ValidationError({"postings": ["有岗位不存在。"]})
        booth = booth_register(by=request.user, event=event, postings=postings)
        return Response(BoothSerializer(booth).data, status=status.HTTP_201_CREATED)


class BoothDecideView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        summary="审核展位（主办方）",
        description="人社局或主办的协作站工作人员；单位不能审核自己的展位。退回时须填写意见。",
        request=BoothDecisionSerializer,
        responses={200: BoothSerializer, **errors(400, 401, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        booth = get_object_or_404(Booth.objects.select_related("event"), pk=pk)
        serializer = BoothDecisionSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        booth = booth_decide(by=request.user, booth=booth, **serializer.validated_data)
        return Response(BoothSerializer(booth).data)


class CheckInView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        summary="扫码签到（工作人员）",
        description="`code` 为门票二维码内容或票码（不区分大小写，可带横线）。重复签到返回 200 且 `already` 为真；"
        "无效票码 400 `ticket_invalid`，他场门票 409 `ticket_other_event`。",
        request=CheckInSerializer,
        responses={200: CheckInResultSerializer, **errors(400, 401, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        serializer = CheckInSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        result = ticket_check_in(by=request.user, event=_event(pk), code=serializer.validated_data["code"])
        return Response(_check_in_body(result))


class WalkInView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        summary="现场登记并签到（工作人员）",
        description="按手机号找到或新建求职者账号，登记并签到。",
        request=WalkInSerializer,
        responses={200: CheckInResultSerializer, **errors(400, 401, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        serializer = WalkInSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        result = walk_in_register(by=request.user, event=_event(pk), **serializer.validated_data)
        return Response(_check_in_body(result))


class CancelView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        summary="取消招聘会（主办方）",
        description="已报名的求职者各收到一次取消通知。",
        request=CancelSerializer,
        responses={200: EventSerializer, **errors(400, 401, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        serializer = CancelSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        event = event_cancel(by=request.user, event=_event(pk), reason=serializer.validated_data["reason"])
        return Response(EventSerializer(event).data)


class ApplyView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        summary="在招聘会上投递",
        description="岗位须在本场已通过审核的展位上；投递记下来自哪场招聘会。",
        request=None,
        responses={201: ApplicationSerializer, **errors(401, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int, posting_pk: int) -> Response:
        posting = get_object_or_404(posting_list_public(), pk=posting_pk)
        application = event_apply(by=request.user, event=_event(pk), posting=posting)
        return Response(ApplicationSerializer(application).data, status=status.HTTP_201_CREATED)


class OutcomesView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        summary="招聘会成效（主办方）",
        description="报名、签到、投递、面试、达成就业意向及其中重点群体，按本场与按单位。",
        responses={200: OutcomesSerializer, **errors(401, 403, 404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        event = _event(pk)
        require(request.user, "event.manage", event)
        body = {"events": outcomes_by_event([event]), "employers": outcomes_by_employer([event])}
        return Response(OutcomesSerializer(body).data)
