"""Gigs as boards show them, what a poster sends, and the catch-up log of a board."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from livestream.gigs.enums import GIG_PAY_UNITS
from livestream.gigs.models import AREA_PATTERN, BoardEvent, Gig, GigClaim, WorkerAvailability
from marketplace.enums import KeyGroup, PayUnit
from marketplace.models import OccupationFamily


class GigSerializer(serializers.ModelSerializer):
    poster = serializers.SerializerMethodField()
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    pay_display = serializers.CharField(read_only=True)

    class Meta:
        model = Gig
        fields = [
            "id", "area", "title", "description", "poster", "occupation", "county", "town", "lat", "lon",
            "work_date", "start_time", "end_time", "pay", "pay_unit", "pay_display", "places", "places_left",
            "skills", "certificates_required", "meeting_point", "status", "status_label", "priority_groups",
            "priority_until", "priority_radius_km", "created_at", "updated_at",
        ]  # fmt: skip
        read_only_fields = fields

    def get_poster(self, gig: Gig) -> str:
        return gig.poster_name


class GigPostSerializer(serializers.ModelSerializer):
    pay_unit = serializers.ChoiceField(
        choices=[(value, label) for value, label in PayUnit.choices if value in GIG_PAY_UNITS], default=PayUnit.DAY
    )
    skills = serializers.ListField(child=serializers.CharField(max_length=30), required=False, max_length=20)
    certificates_required = serializers.ListField(
        child=serializers.CharField(max_length=60), required=False, max_length=10
    )
    priority_groups = serializers.ListField(child=serializers.ChoiceField(choices=KeyGroup.choices), required=False)

    class Meta:
        model = Gig
        fields = [
            "title", "description", "occupation", "county", "town", "lat", "lon", "work_date", "start_time",
            "end_time", "pay", "pay_unit", "places", "skills", "certificates_required", "meeting_point",
            "priority_groups", "priority_until", "priority_radius_km",
        ]  # fmt: skip


class GigClaimSerializer(serializers.ModelSerializer):
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    gig = GigSerializer(read_only=True)

    class Meta:
        model = GigClaim
        fields = ["id", "gig", "status", "status_label", "created_at", "updated_at"]
        read_only_fields = fields


class GigBoardQuerySerializer(serializers.Serializer):
    area = serializers.RegexField(
        AREA_PATTERN.pattern,
        max_length=32,
        error_messages={"invalid": _("零工市场编号不正确。")},
        help_text="零工市场编号（县市代码）",
    )


class BoardEventsQuerySerializer(serializers.Serializer):
    since = serializers.IntegerField(
        min_value=0,
        required=False,
        default=0,
        help_text="客户端已收到的最后一个事件序号；返回此后的事件",
        error_messages={
            "invalid": _("since 必须是不小于0的整数。"),
            "min_value": _("since 必须是不小于0的整数。"),
            "max_string_length": _("since 太长了。"),
        },
    )


class BoardEventSerializer(serializers.ModelSerializer):
    type = serializers.SerializerMethodField()
    gig = serializers.DictField(source="payload", read_only=True)

    class Meta:
        model = BoardEvent
        fields = ["type", "area", "seq", "kind", "gig", "created_at"]
        read_only_fields = fields

    def get_type(self, event: BoardEvent) -> str:
        return "event"


class BoardEventsSerializer(serializers.Serializer):
    area = serializers.CharField()
    last_seq = serializers.IntegerField(help_text="该市场当前最新序号")
    has_more = serializers.BooleanField(help_text="为真时请用最后一条的 seq 继续获取")
    events = BoardEventSerializer(many=True)


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
