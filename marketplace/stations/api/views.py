"""Stations and their rosters at /api/stations/, and the follow-up survey a worker opens from an SMS."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.mixins import ListModelMixin
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from marketplace.api.bodies import validated_body
from marketplace.api.errors import error_body
from marketplace.api.openapi import errors
from marketplace.models import CooperationStation, Dispatch, ProxyConsent, RosterEntry
from marketplace.stations import rules, selectors, services
from marketplace.stations.api.serializers import (
    DispatchCreateSerializer,
    DispatchSerializer,
    FollowUpAnswerSerializer,
    FollowUpSerializer,
    HandOverSerializer,
    PhoneSerializer,
    ProxyConfirmSerializer,
    ProxyConsentSerializer,
    ProxyRequestSerializer,
    RosterEntryCreateSerializer,
    RosterEntryDetailSerializer,
    RosterEntrySerializer,
    RosterEntryUpdateSerializer,
    StationDetailSerializer,
    StationSerializer,
    SurveySerializer,
)
from marketplace.stations.dispatch import dispatch_add, dispatch_check_in, dispatch_close, dispatch_create
from marketplace.stations.enums import RosterStatus
from marketplace.stations.proxy import proxy_confirm, proxy_contest, proxy_request, proxy_withdraw

TAGS = ["劳务协作站"]


def _station(request: Request, pk: int) -> CooperationStation:
    """A station the user may see; any other is a 404, so no one learns which stations exist."""
    station = selectors.stations_for(request.user).filter(pk=pk).first()
    if station is None:
        raise Http404
    return station


def _entry(request: Request, station_pk: int, pk: int) -> RosterEntry:
    entry = selectors.roster_for(request.user).filter(station_id=station_pk, pk=pk).first()
    if entry is None or not rules.can(request.user, "roster.view", entry):
        raise Http404
    return entry


def _entry_response(request: Request, entry: RosterEntry, http_status: int = status.HTTP_200_OK) -> Response:
    entry = RosterEntry.objects.select_related("station", "employer").prefetch_related(
        "follow_ups", "handovers__by").get(pk=entry.pk)  # fmt: skip
    return Response(RosterEntryDetailSerializer(entry, context={"request": request}).data, status=http_status)


class StationListView(ListModelMixin, GenericAPIView):
    permission_classes = [IsAuthenticated]
    serializer_class = StationSerializer

    def get_queryset(self) -> QuerySet[CooperationStation]:
        return selectors.stations_for(self.request.user)

    @extend_schema(tags=TAGS, summary="协作站", description="人社局看全部；协作站工作人员看本站。",
                   responses={200: StationSerializer(many=True), **errors(401)})  # fmt: skip
    def get(self, request: Request) -> Response:
        return self.list(request)


class StationDetailView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(tags=TAGS, summary="协作站概况",
                   description="在岗人数、待回访数，和按户籍县统计的外出务工组织化程度（目标70%）。",
                   responses={200: StationDetailSerializer, **errors(401, 404)})  # fmt: skip
    def get(self, request: Request, pk: int) -> Response:
        station = _station(request, pk)
        entries = selectors.roster_for(request.user, station=station)
        station.organised_by_county = selectors.organised_by_county(entries)
        station.working = entries.filter(status=RosterStatus.WORKING).count()
        station.follow_ups_open = len(selectors.follow_ups_open(entries, timezone.localdate()))
        return Response(StationDetailSerializer(station).data)


ROSTER_FILTERS = [
    OpenApiParameter("q", str, description="姓名、单位或乡镇"),
    OpenApiParameter("status", str, enum=list(RosterStatus.values)),
    OpenApiParameter("owner", str, enum=["station", "home_county"]),
    OpenApiParameter("county", str, description="户籍县市"),
]


class RosterView(ListModelMixin, GenericAPIView):
    permission_classes = [IsAuthenticated]
    serializer_class = RosterEntrySerializer

    def get_queryset(self) -> QuerySet[RosterEntry]:
        station = _station(self.request, self.kwargs["pk"])
        params = self.request.query_params
        return selectors.roster_filtered(
            selectors.roster_for(self.request.user, station=station),
            query=params.get("q", "")[:30], status=params.get("status", ""), owner=params.get("owner", ""),
            county=params.get("county", "")[:30],
        )  # fmt: skip

    @extend_schema(tags=TAGS, summary="在外务工人员名册", parameters=ROSTER_FILTERS,
                   description="本站的务工人员；手机号在列表中脱敏。",
                   responses={200: RosterEntrySerializer(many=True), **errors(400, 401, 404)})  # fmt: skip
    def get(self, request: Request, pk: int) -> Response:
        return self.list(request)

    @extend_schema(tags=TAGS, summary="登记务工人员",
                   description="登记自行到达或经本站组织到岗的务工人员；同一手机号在本站只登记一次。"
                               "登记后本站负责跟进，并排定到岗1、3、6个月的稳岗回访。",
                   request=RosterEntryCreateSerializer,
                   responses={201: RosterEntryDetailSerializer, **errors(400, 401, 403, 404, 409)})  # fmt: skip
    def post(self, request: Request, pk: int) -> Response:
        station = _station(request, pk)
        entry = services.roster_add(
            by=request.user, station=station, **validated_body(RosterEntryCreateSerializer, request)
        )
        return _entry_response(request, entry, status.HTTP_201_CREATED)


class RosterEntryView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(tags=TAGS, summary="务工人员详情",
                   description="含回访和交接记录。本站和人社局看到完整手机号，每次查看都留痕。",
                   responses={200: RosterEntryDetailSerializer, **errors(401, 404)})  # fmt: skip
    def get(self, request: Request, pk: int, entry_pk: int) -> Response:
        return _entry_response(request, _entry(request, pk, entry_pk))

    @extend_schema(tags=TAGS, summary="更新务工人员信息", request=RosterEntryUpdateSerializer,
                   responses={200: RosterEntryDetailSerializer, **errors(400, 401, 403, 404)})  # fmt: skip
    def patch(self, request: Request, pk: int, entry_pk: int) -> Response:
        entry = _entry(request, pk, entry_pk)
        changes = validated_body(RosterEntryUpdateSerializer, request, partial=True)
        return _entry_response(request, services.roster_update(by=request.user, entry=entry, **changes))


class HandOverView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(tags=TAGS, summary="交接",
                   description="把务工人员交给户籍地人社部门（如返乡、离岗），或由协作站接回；写明原因，留下记录。",
                   request=HandOverSerializer,
                   responses={200: RosterEntryDetailSerializer, **errors(400, 401, 403, 404)})  # fmt: skip
    def post(self, request: Request, pk: int, entry_pk: int) -> Response:
        entry = _entry(request, pk, entry_pk)
        data = validated_body(HandOverSerializer, request)
        return _entry_response(request, services.roster_hand_over(by=request.user, entry=entry, **data))


class FollowUpRecordView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(tags=TAGS, summary="记录电话回访", request=FollowUpAnswerSerializer,
                   description="工作人员电话回访后记录；反映工资未按时发放即生成欠薪线索，已离岗即交回户籍地。",
                   responses={200: FollowUpSerializer, **errors(400, 401, 403, 404, 409)})  # fmt: skip
    def post(self, request: Request, pk: int, entry_pk: int, months: int) -> Response:
        entry = _entry(request, pk, entry_pk)
        follow_up = entry.follow_ups.filter(months=months).order_by("-due_on").first()  # the latest round's
        if follow_up is None:
            raise Http404
        data = validated_body(FollowUpAnswerSerializer, request)
        return Response(
            FollowUpSerializer(services.follow_up_answer(follow_up=follow_up, by=request.user, **data)).data
        )


class SurveyView(APIView):
    """The link texted to the worker: no login, one follow-up, once."""

    permission_classes = [AllowAny]
    authentication_classes: list = []

    @staticmethod
    def _gone() -> Response:
        # Said plainly, not the generic 找不到该内容: a worker who tapped the link twice should know why.
        return Response(error_body("survey_link_invalid", _("回访链接无效或已过期，感谢您的配合。")), status=404)

    @extend_schema(tags=TAGS, summary="稳岗回访问卷", auth=[],
                   responses={200: SurveySerializer, **errors(404)})  # fmt: skip
    def get(self, request: Request, token: str) -> Response:
        follow_up = services.follow_up_for_token(token)
        if follow_up is None:
            return self._gone()
        entry = follow_up.entry
        shown = {"name": entry.name, "months": follow_up.months, "workplace": entry.workplace,
                 "station": entry.station.name}  # fmt: skip
        return Response(SurveySerializer(shown).data)

    @extend_schema(tags=TAGS, summary="提交稳岗回访", auth=[], request=FollowUpAnswerSerializer,
                   responses={204: None, **errors(400, 404, 409)})  # fmt: skip
    def post(self, request: Request, token: str) -> Response:
        follow_up = services.follow_up_for_token(token)
        if follow_up is None:
            return self._gone()
        services.follow_up_answer(follow_up=follow_up, **validated_body(FollowUpAnswerSerializer, request))
        return Response(status=status.HTTP_204_NO_CONTENT)


# --- 组团输送 ----------------------------------------------------------------------------------------


def _batch(request: Request, station_pk: int, pk: int) -> Dispatch:
    station = _station(request, station_pk)
    batch = Dispatch.objects.filter(station=station, pk=pk).select_related("employer").first()
    if batch is None or not rules.can(request.user, "roster.edit", batch):
        raise Http404
    return batch


def _batch_response(batch: Dispatch, http_status: int = status.HTTP_200_OK) -> Response:
    batch = Dispatch.objects.select_related("employer").prefetch_related("members__profile__user").get(pk=batch.pk)
    return Response(DispatchSerializer(batch).data, status=http_status)


class DispatchListView(ListModelMixin, GenericAPIView):
    permission_classes = [IsAuthenticated]
    serializer_class = DispatchSerializer

    def get_queryset(self) -> QuerySet[Dispatch]:
        station = _station(self.request, self.kwargs["pk"])
        return station.dispatches.select_related("employer").prefetch_related("members__profile__user")

    @extend_schema(
        tags=TAGS, summary="组团输送批次", responses={200: DispatchSerializer(many=True), **errors(401, 404)}
    )
    def get(self, request: Request, pk: int) -> Response:
        return self.list(request)

    @extend_schema(tags=TAGS, summary="新建输送批次", request=DispatchCreateSerializer,
                   responses={201: DispatchSerializer, **errors(400, 401, 403, 404)})  # fmt: skip
    def post(self, request: Request, pk: int) -> Response:
        station = _station(request, pk)
        batch = dispatch_create(by=request.user, station=station, **validated_body(DispatchCreateSerializer, request))
        return _batch_response(batch, status.HTTP_201_CREATED)


class DispatchDetailView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(tags=TAGS, summary="输送批次", responses={200: DispatchSerializer, **errors(401, 404)})
    def get(self, request: Request, pk: int, batch_pk: int) -> Response:
        return _batch_response(_batch(request, pk, batch_pk))


class DispatchAddView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(tags=TAGS, summary="加入输送名单", description="本站组织的已注册务工人员，按手机号加入。",
                   request=PhoneSerializer,
                   responses={200: DispatchSerializer, **errors(400, 401, 403, 404)})  # fmt: skip
    def post(self, request: Request, pk: int, batch_pk: int) -> Response:
        batch = _batch(request, pk, batch_pk)
        dispatch_add(by=request.user, dispatch=batch, phone=validated_body(PhoneSerializer, request)["phone"])
        return _batch_response(batch)


class DispatchCheckInView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(tags=TAGS, summary="到岗签到（工作人员）", request=None,
                   responses={200: DispatchSerializer, **errors(401, 403, 404, 409)})  # fmt: skip
    def post(self, request: Request, pk: int, batch_pk: int, member_pk: int) -> Response:
        batch = _batch(request, pk, batch_pk)
        member = batch.members.filter(pk=member_pk).first()
        if member is None:
            raise Http404
        dispatch_check_in(by=request.user, member=member)
        return _batch_response(batch)


class DispatchCloseView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(tags=TAGS, summary="结束批次", description="未签到的记为未到岗。", request=None,
                   responses={200: DispatchSerializer, **errors(401, 403, 404)})  # fmt: skip
    def post(self, request: Request, pk: int, batch_pk: int) -> Response:
        batch = _batch(request, pk, batch_pk)
        dispatch_close(by=request.user, dispatch=batch)
        return _batch_response(batch)


# --- 代办 ------------------------------------------------------------------------------------------


class ProxyRequestView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(tags=TAGS, summary="代办：给本人发验证码",
                   description="代为注册或代为投递前，系统给本人发短信验证码；本人把验证码告诉工作人员即为同意。",
                   request=ProxyRequestSerializer,
                   responses={201: ProxyConsentSerializer, **errors(400, 401, 403, 404)})  # fmt: skip
    def post(self, request: Request, pk: int) -> Response:
        station = _station(request, pk)
        if station.pk != request.user.station_id:
            raise Http404
        consent = proxy_request(by=request.user, **validated_body(ProxyRequestSerializer, request))
        return Response(ProxyConsentSerializer(consent).data, status=status.HTTP_201_CREATED)


class ProxyConfirmView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(tags=TAGS, summary="代办：本人同意后办理", request=ProxyConfirmSerializer,
                   responses={200: ProxyConsentSerializer, **errors(400, 401, 403, 404, 409)})  # fmt: skip
    def post(self, request: Request, pk: int, consent_pk: int) -> Response:
        consent = ProxyConsent.objects.filter(pk=consent_pk, station_id=pk, staff=request.user).first()
        if consent is None:
            raise Http404
        consent = proxy_confirm(by=request.user, consent=consent, **validated_body(ProxyConfirmSerializer, request))
        return Response(ProxyConsentSerializer(consent).data)


class MyProxyListView(ListModelMixin, GenericAPIView):
    permission_classes = [IsAuthenticated]
    serializer_class = ProxyConsentSerializer

    def get_queryset(self) -> QuerySet[ProxyConsent]:
        return ProxyConsent.objects.filter(user=self.request.user, confirmed_at__isnull=False).select_related(
            "station", "staff")  # fmt: skip

    @extend_schema(tags=TAGS, summary="我的代办记录", responses={200: ProxyConsentSerializer(many=True), **errors(401)})
    def get(self, request: Request) -> Response:
        return self.list(request)


class MyProxyActView(APIView):
    """withdraw · contest: the worker takes back an act done for them, or says it was not them."""

    permission_classes = [IsAuthenticated]
    contest = False

    @extend_schema(tags=TAGS, request=None, responses={200: ProxyConsentSerializer, **errors(401, 404)})
    def post(self, request: Request, pk: int) -> Response:
        consent = ProxyConsent.objects.filter(pk=pk, user=request.user, confirmed_at__isnull=False).first()
        if consent is None:
            raise Http404
        act = proxy_contest if self.contest else proxy_withdraw
        return Response(ProxyConsentSerializer(act(by=request.user, consent=consent)).data)
