"""好差评 at /api/ratings/: the person served rates the service once."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from marketplace.api.bodies import validated_body
from marketplace.api.openapi import errors
from marketplace.ratings.enums import Score, Service
from marketplace.ratings.services import rating_give


class ServiceRatingSerializer(serializers.Serializer):
    service = serializers.ChoiceField(choices=Service.choices)
    ref_id = serializers.IntegerField(
        min_value=1, max_value=2**53, help_text="所评服务的记录编号（申请、座位、签到等）"
    )
    score = serializers.ChoiceField(choices=Score.choices)
    comment = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")
    county = serializers.CharField(read_only=True)


class RatingView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(tags=["好差评"], summary="评价一项服务",
                   description="只能评价本人已办结的服务，每项服务只能评价一次；差评会转人社局回访。",
                   request=ServiceRatingSerializer,
                   responses={201: ServiceRatingSerializer, **errors(400, 401, 403)})  # fmt: skip
    def post(self, request: Request) -> Response:
        rating = rating_give(by=request.user, **validated_body(ServiceRatingSerializer, request))
        return Response(ServiceRatingSerializer(rating).data, status=status.HTTP_201_CREATED)
