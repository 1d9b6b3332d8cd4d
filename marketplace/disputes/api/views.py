"""劳动争议 cases at /api/disputes/ (bureau staff)."""

from __future__ import annotations

from django.db.models import QuerySet
from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.generics import GenericAPIView
from rest_framework.mixins import ListModelMixin
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from marketplace.api.bodies import validated_body
from marketplace.api.openapi import errors
from marketplace.disputes import services
from marketplace.disputes.enums import DisputeKind, Outcome, Track
from marketplace.models import DisputeCase
from marketplace.permissions import require
from marketplace.places import COUNTY_BY_NAME

TAGS = ["劳动争议调解仲裁"]


class DisputeSerializer(serializers.ModelSerializer):
    kind = serializers.ChoiceField(choices=DisputeKind.choices)
    track = serializers.ChoiceField(choices=Track.choices)
    county = serializers.ChoiceField(choices=[(c, c) for c in COUNTY_BY_NAME])
    amount = serializers.IntegerField(min_value=0, max_value=100_000_000, required=False, allow_null=True)

    class Meta:
        model = DisputeCase
        fields = ["id", "number", "kind", "track", "county", "applicant_name", "respondent_name", "amount",
                  "opened_on", "outcome", "closed_on"]  # fmt: skip
        read_only_fields = ["id", "number", "outcome", "closed_on"]
        extra_kwargs = {"opened_on": {"required": False}}


class DisputeCloseSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=Outcome.choices)
    closed_on = serializers.DateField(required=False, allow_null=True, default=None)


class DisputeListView(ListModelMixin, GenericAPIView):
    permission_classes = [IsAuthenticated]
    serializer_class = DisputeSerializer

    def get_queryset(self) -> QuerySet[DisputeCase]:
        return DisputeCase.objects.order_by("-opened_on", "-id")

    @extend_schema(tags=TAGS, summary="案件", responses={200: DisputeSerializer(many=True), **errors(400, 401, 403)})
    def get(self, request: Request) -> Response:
        require(request.user, "record.manage")
        return self.list(request)

    @extend_schema(tags=TAGS, summary="立案", request=DisputeSerializer,
                   responses={201: DisputeSerializer, **errors(400, 401, 403)})  # fmt: skip
    def post(self, request: Request) -> Response:
        require(request.user, "record.manage")
        case = services.dispute_open(by=request.user, **validated_body(DisputeSerializer, request))
        return Response(DisputeSerializer(case).data, status=status.HTTP_201_CREATED)


class DisputeCloseView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(tags=TAGS, summary="结案", request=DisputeCloseSerializer,
                   responses={200: DisputeSerializer, **errors(400, 401, 403, 404)})  # fmt: skip
    def post(self, request: Request, pk: int) -> Response:
        require(request.user, "record.manage")
        case = DisputeCase.objects.filter(pk=pk).first()
        if case is None:
            raise Http404
        case = services.dispute_close(by=request.user, case=case, **validated_body(DisputeCloseSerializer, request))
        return Response(DisputeSerializer(case).data)
