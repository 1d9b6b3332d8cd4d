"""零就业家庭 at /api/households/ (bureau staff)."""

from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, status
from rest_framework.generics import GenericAPIView
from rest_framework.mixins import ListModelMixin
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from marketplace.api.bodies import validated_body
from marketplace.api.openapi import errors
from marketplace.households import services
from marketplace.models import Household
from marketplace.permissions import require
from marketplace.places import COUNTY_BY_NAME
from marketplace.profiles.selectors import profile_by_phone

TAGS = ["零就业家庭"]
COUNTIES = [(c, c) for c in COUNTY_BY_NAME]


class HouseholdSerializer(serializers.ModelSerializer):
    members = serializers.SerializerMethodField()
    owner = serializers.CharField(source="owner.__str__", read_only=True, default="")

    class Meta:
        model = Household
        fields = ["id", "head_name", "county", "township", "village", "members", "owner", "next_action",
                  "next_action_on", "identified_on", "cleared_on"]  # fmt: skip
        read_only_fields = fields

    def get_members(self, household: Household) -> list[str]:
        return [m.profile.name for m in household.members.all()]


class HouseholdCreateSerializer(serializers.Serializer):
    head_name = serializers.CharField(max_length=30)
    county = serializers.ChoiceField(choices=COUNTIES)
    township = serializers.CharField(max_length=40, required=False, allow_blank=True, default="")
    village = serializers.CharField(max_length=60, required=False, allow_blank=True, default="")
    member_phones = serializers.ListField(child=serializers.CharField(max_length=20), min_length=1, max_length=12,
                                          help_text="有劳动能力的成员（已注册求职者）的手机号")  # fmt: skip
    next_action = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")
    next_action_on = serializers.DateField(required=False, allow_null=True, default=None)


class HouseholdListView(ListModelMixin, GenericAPIView):
    permission_classes = [IsAuthenticated]
    serializer_class = HouseholdSerializer

    def get_queryset(self) -> QuerySet[Household]:
        qs = Household.objects.select_related("owner").prefetch_related("members__profile").order_by("pk")
        county = self.request.query_params.get("county", "")
        if county in COUNTY_BY_NAME:
            qs = qs.filter(county=county)
        if self.request.query_params.get("cleared") == "false":
            qs = qs.filter(cleared_on__isnull=True)
        return qs

    @extend_schema(tags=TAGS, summary="零就业家庭",
                   parameters=[OpenApiParameter("county", str), OpenApiParameter("cleared", str, enum=["false"])],
                   responses={200: HouseholdSerializer(many=True), **errors(400, 401, 403)})  # fmt: skip
    def get(self, request: Request) -> Response:
        require(request.user, "record.manage")
        return self.list(request)

    @extend_schema(tags=TAGS, summary="登记零就业家庭", request=HouseholdCreateSerializer,
                   responses={201: HouseholdSerializer, **errors(400, 401, 403)})  # fmt: skip
    def post(self, request: Request) -> Response:
        require(request.user, "household.register")
        data = validated_body(HouseholdCreateSerializer, request)
        members = [profile_by_phone(phone) for phone in dict.fromkeys(data.pop("member_phones"))]
        household = services.household_register(by=request.user, members=members, **data)
        return Response(HouseholdSerializer(household).data, status=status.HTTP_201_CREATED)
