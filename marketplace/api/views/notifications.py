"""A person's notices and a worker's 今天可接活 flag over HTTP."""

from __future__ import annotations

import datetime

from django.db.models import QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.generics import GenericAPIView
from rest_framework.mixins import ListModelMixin
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from marketplace.api.openapi import errors
from marketplace.models import Notification, OccupationFamily, WorkerAvailability
from marketplace.services import availability as availability_service
from marketplace.services.notifications import notifications_mark_read, unread_count

TAGS = ["通知与今天可接活"]


class NotificationSerializer(serializers.ModelSerializer):
    read = serializers.SerializerMethodField()

    class Meta:
        model = Notification
        fields = ["id", "kind", "title", "body", "url", "created_at", "read"]

    def get_read(self, obj: Notification) -> bool:
        return obj.read_at is not None


class MarkReadSerializer(serializers.Serializer):
    ids = serializers.ListField(
        child=serializers.IntegerField(min_value=1), required=False, max_length=200,
        help_text="要标为已读的通知编号；不填则全部标为已读。",
    )  # fmt: skip


class NotificationListView(ListModelMixin, GenericAPIView):
    permission_classes = [IsAuthenticated]
    serializer_class = NotificationSerializer

    def get_queryset(self) -> QuerySet[Notification]:
        return Notification.objects.filter(user=self.request.user)

    @extend_schema(tags=TAGS, summary="我的通知", responses={200: NotificationSerializer(many=True), **errors(401)})
    def get(self, request: Request) -> Response:
        response = self.list(request)
        response.data["unread"] = unread_count(request.user)
        return response


class NotificationReadView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(tags=TAGS, summary="标为已读", request=MarkReadSerializer, responses={200: None, **errors(400, 401)})
    def post(self, request: Request) -> Response:
        body = MarkReadSerializer(data=request.data)
        body.is_valid(raise_exception=True)
        changed = notifications_mark_read(user=request.user, ids=body.validated_data.get("ids"))
        return Response({"changed": changed, "unread": unread_count(request.user)})


class AvailabilitySerializer(serializers.ModelSerializer):
    families = serializers.SlugRelatedField(slug_field="code", many=True, read_only=True)
    family_names = serializers.SlugRelatedField(source="families", slug_field="name", many=True, read_only=True)

    class Meta:
        model = WorkerAvailability
        fields = ["day", "county", "town", "lat", "lon", "families", "family_names", "note", "expires_at"]


class AvailabilityInputSerializer(serializers.Serializer):
    county = serializers.CharField(max_length=30)
    town = serializers.CharField(max_length=30, required=False, allow_blank=True, default="")
    lat = serializers.FloatField(required=False, allow_null=True, default=None)
    lon = serializers.FloatField(required=False, allow_null=True, default=None)
    families = serializers.SlugRelatedField(
        slug_field="code", queryset=OccupationFamily.objects.all(), many=True, required=False, default=list,
        help_text="想接的活儿的职业大类代码；不填表示什么活都接。",
    )  # fmt: skip
    note = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    day = serializers.DateField(required=False, allow_null=True, default=None, help_text="今天或明天；默认今天。")


class AvailabilityView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(tags=TAGS, summary="我的接活状态", responses={200: AvailabilitySerializer(many=True), **errors(401)})
    def get(self, request: Request) -> Response:
        rows = availability_service.availability_current(request.user)
        return Response(AvailabilitySerializer(rows, many=True).data)

    @extend_schema(
        tags=TAGS,
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
        tags=TAGS,
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
