"""A person's notices and a worker's 今天可接活 flag over HTTP."""

from __future__ import annotations

from django.db.models import QuerySet
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import GenericAPIView
from rest_framework.mixins import ListModelMixin
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from marketplace.api.openapi import errors
from marketplace.models import Notification
from marketplace.notifications.services import notifications_mark_read, unread_count

TAGS = ["通知与今天可接活"]  # 今天可接活 itself: livestream.gigs.api.views


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
