"""What the events API sends and accepts."""

from __future__ import annotations

from rest_framework import serializers

from livestream.events.services.tickets import ticket_qr_payload
from livestream.models import Booth, EventRegistration, RecruitmentEvent


class EventSerializer(serializers.ModelSerializer):
    kind_label = serializers.CharField(source="get_kind_display", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    organiser = serializers.CharField(source="organiser_name", read_only=True)
    when = serializers.CharField(source="when_display", read_only=True)

    class Meta:
        model = RecruitmentEvent
        fields = [
            "id", "series", "kind", "kind_label", "title", "description", "organiser", "starts_at", "ends_at", "when",
            "venue_name", "address", "county", "lat", "lon", "online", "target_groups", "capacity", "status",
            "status_label", "cancel_reason",
        ]  # fmt: skip
        read_only_fields = fields


class BoothJobSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    pay = serializers.CharField(source="pay_display")
    county = serializers.CharField()
    headcount = serializers.IntegerField()


class BoothSerializer(serializers.ModelSerializer):
    employer = serializers.CharField(source="employer.name", read_only=True)
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    jobs = BoothJobSerializer(many=True, read_only=True, source="postings.all")

    class Meta:
        model = Booth
        fields = ["id", "event", "employer", "status", "status_label", "note", "jobs"]
        read_only_fields = fields


class PublicBoothSerializer(BoothSerializer):
    jobs = BoothJobSerializer(many=True, read_only=True)  # the public jobs only (booths_approved)


class EventDetailSerializer(EventSerializer):
    """The schema of an event's detail; the view adds the two fields to EventSerializer's data."""

    booths = PublicBoothSerializer(many=True, read_only=True)
    places_left = serializers.IntegerField(read_only=True)

    class Meta(EventSerializer.Meta):
        fields = [*EventSerializer.Meta.fields, "places_left", "booths"]
        read_only_fields = fields


class TicketSerializer(serializers.ModelSerializer):
    ticket_display = serializers.CharField(read_only=True)
    qr_payload = serializers.SerializerMethodField()

    class Meta:
        model = EventRegistration
        fields = ["id", "event", "ticket_code", "ticket_display", "qr_payload", "status", "walk_in", "checked_in_at"]
        read_only_fields = fields

    def get_qr_payload(self, registration: EventRegistration) -> str:
        return ticket_qr_payload(registration)


class BoothRegisterSerializer(serializers.Serializer):
    postings = serializers.ListField(child=serializers.IntegerField(min_value=1), allow_empty=False, max_length=50)


class BoothDecisionSerializer(serializers.Serializer):
    approve = serializers.BooleanField()
    note = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class CheckInSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=64, trim_whitespace=True)


class WalkInSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=30)
    phone = serializers.CharField(max_length=20)


class CheckInResultSerializer(serializers.Serializer):
    message = serializers.CharField()
    already = serializers.BooleanField()
    name = serializers.CharField()
    phone = serializers.CharField(help_text="脱敏后的手机号")
    walk_in = serializers.BooleanField()
    checked_in_at = serializers.DateTimeField()


class CancelSerializer(serializers.Serializer):
    reason = serializers.CharField(max_length=200)


class OutcomeSerializer(serializers.Serializer):
    key = serializers.IntegerField()
    label = serializers.CharField()
    sign_ups = serializers.IntegerField(allow_null=True)
    check_ins = serializers.IntegerField(allow_null=True)
    applications = serializers.IntegerField()
    interviews = serializers.IntegerField()
    hires = serializers.IntegerField()
    key_group_hires = serializers.IntegerField()


class OutcomesSerializer(serializers.Serializer):
    events = OutcomeSerializer(many=True)
    employers = OutcomeSerializer(many=True)
