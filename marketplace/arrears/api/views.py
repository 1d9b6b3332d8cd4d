"""根治欠薪 at /api/arrears/: a worker, a station or the window files; the bureau handles the case.

Evidence photos are sent on the page (/arrears/new/), where they go through the upload checks.
"""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.generics import GenericAPIView
from rest_framework.mixins import ListModelMixin
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from marketplace.api.bodies import validated_body
from marketplace.api.fields import ChoiceLabelField
from marketplace.api.openapi import errors
from marketplace.arrears import services
from marketplace.arrears.models import ArrearsOutcome, WageArrearsCase
from marketplace.enums import Role
from marketplace.permissions import require

TAGS = ["根治欠薪"]


class ArrearsSerializer(serializers.ModelSerializer):
    status_label = ChoiceLabelField("status")
    outcome_label = ChoiceLabelField("outcome")
    source_label = ChoiceLabelField("source")

    class Meta:
        model = WageArrearsCase
        fields = ["id", "worker_name", "employer_name", "project", "amount", "period", "workers", "home_county",
                  "description", "source", "source_label", "status", "status_label", "outcome", "outcome_label",
                  "deadline", "opened_at", "closed_at"]  # fmt: skip
        read_only_fields = fields


class FileSerializer(serializers.Serializer):
    worker_name = serializers.CharField(max_length=30, required=False, allow_blank=True, default="",
                                        help_text="代为上报时必填；本人提交时取自档案")  # fmt: skip
    phone = serializers.CharField(max_length=20, required=False, allow_blank=True, default="")
    employer_name = serializers.CharField(max_length=100)
    project = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    amount = serializers.IntegerField(min_value=1, max_value=100_000_000, required=False, allow_null=True)
    period = serializers.CharField(max_length=40, required=False, allow_blank=True, default="")
    workers = serializers.IntegerField(min_value=1, max_value=10_000, default=1)
    home_county = serializers.CharField(max_length=30, required=False, allow_blank=True, default="",
                                        help_text="本州县市；不填亦可")  # fmt: skip
    description = serializers.CharField(max_length=500)


class StepSerializer(serializers.Serializer):
    note = serializers.CharField(max_length=300)


class ArrearsCloseSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=ArrearsOutcome.choices)
    note = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


class ArrearsListView(ListModelMixin, GenericAPIView):
    permission_classes = [IsAuthenticated]
    serializer_class = ArrearsSerializer

    def get_queryset(self) -> QuerySet[WageArrearsCase]:
        user = self.request.user
        qs = WageArrearsCase.objects.order_by("-opened_at", "-id")
        if user.role == Role.BUREAU:
            return qs
        if user.role == Role.STATION:
            return qs.filter(station_id=user.station_id)
        if user.role == Role.SEEKER:
            return qs.filter(profile__user=user)
        raise PermissionDenied(_("用人单位不能查看欠薪案件。"))

    @extend_schema(tags=TAGS, summary="欠薪案件",
                   description="人社局看全部；协作站看本站上报的；劳动者看本人的。",
                   responses={200: ArrearsSerializer(many=True), **errors(400, 401, 403)})  # fmt: skip
    def get(self, request: Request) -> Response:
        return self.list(request)

    @extend_schema(tags=TAGS, summary="投诉或上报欠薪", request=FileSerializer,
                   description="30天内办结；同一单位90天内第二次被投诉时人社局收到预警。",
                   responses={201: ArrearsSerializer, **errors(400, 401, 403)})  # fmt: skip
    def post(self, request: Request) -> Response:
        case = services.arrears_file(by=request.user, **validated_body(FileSerializer, request))
        return Response(ArrearsSerializer(case).data, status=status.HTTP_201_CREATED)


def _case(pk: int) -> WageArrearsCase:
    case = WageArrearsCase.objects.filter(pk=pk).first()
    if case is None:
        raise Http404
    return case


class ArrearsStepView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(tags=TAGS, summary="记录办理情况", request=StepSerializer,
                   responses={201: ArrearsSerializer, **errors(400, 401, 403, 404)})  # fmt: skip
    def post(self, request: Request, pk: int) -> Response:
        require(request.user, "arrears.handle")
        case = _case(pk)
        services.arrears_step(by=request.user, case=case, **validated_body(StepSerializer, request))
        return Response(ArrearsSerializer(_case(pk)).data, status=status.HTTP_201_CREATED)


class ArrearsCloseView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(tags=TAGS, summary="办结", request=ArrearsCloseSerializer,
                   description="拒不支付的单位列入黑名单并评为C级；已追回的A级单位降为B级。",
                   responses={200: ArrearsSerializer, **errors(400, 401, 403, 404)})  # fmt: skip
    def post(self, request: Request, pk: int) -> Response:
        require(request.user, "arrears.handle")
        case = services.arrears_close(
            by=request.user, case=_case(pk), **validated_body(ArrearsCloseSerializer, request)
        )
        return Response(ArrearsSerializer(case).data)
