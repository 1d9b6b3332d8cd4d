"""Stations, roster entries, hand-overs and follow-ups as the API shows and accepts them."""

from __future__ import annotations

from django.utils.translation import gettext as _
from rest_framework import serializers

from marketplace.api.fields import ChoiceLabelField
from marketplace.audit.services import audit_view
from marketplace.enums import KeyGroup
from marketplace.models import (
    CooperationStation,
    Dispatch,
    DispatchMember,
    Employer,
    FollowUp,
    JobPosting,
    ProxyConsent,
    RosterEntry,
    RosterHandover,
)
from marketplace.privacy import mask_phone
from marketplace.stations import rules
from marketplace.stations.enums import ArrivalRoute, ContactStatus, Owner, ProxyPurpose


class StationSerializer(serializers.ModelSerializer):
    class Meta:
        model = CooperationStation
        fields = ["id", "name", "city", "city_code", "address", "home_counties", "lat", "lon"]


class ShareSerializer(serializers.Serializer):
    county = serializers.CharField()
    month = serializers.DateField()
    organised = serializers.IntegerField()
    total = serializers.IntegerField()
    share = serializers.FloatField()
    met = serializers.BooleanField(help_text="是否达到70%的组织化目标")


class StationDetailSerializer(StationSerializer):
    organised_by_county = ShareSerializer(many=True, read_only=True)
    working = serializers.IntegerField(read_only=True)
    follow_ups_open = serializers.IntegerField(read_only=True)

    class Meta(StationSerializer.Meta):
        fields = [*StationSerializer.Meta.fields, "organised_by_county", "working", "follow_ups_open"]


class HandoverSerializer(serializers.ModelSerializer):
    from_owner_label = ChoiceLabelField("from_owner")
    to_owner_label = ChoiceLabelField("to_owner")
    by_name = serializers.SerializerMethodField()

    class Meta:
        model = RosterHandover
        fields = ["from_owner", "from_owner_label", "to_owner", "to_owner_label", "reason", "by_name", "at"]

    def get_by_name(self, handover: RosterHandover) -> str:
        return str(handover.by) if handover.by_id else ""


class FollowUpSerializer(serializers.ModelSerializer):
    answered_via_label = ChoiceLabelField("answered_via")

    class Meta:
        model = FollowUp
        fields = ["months", "due_on", "sent_at", "answered_at", "answered_via", "answered_via_label",
                  "still_employed", "paid_on_time", "housing_ok", "problem"]  # fmt: skip


class RosterEntrySerializer(serializers.ModelSerializer):
    phone = serializers.SerializerMethodField(help_text="列表中脱敏；单条记录对本站和人社局显示全号并留痕")
    route_label = ChoiceLabelField("route")
    status_label = ChoiceLabelField("status")
    contact_status_label = ChoiceLabelField("contact_status")
    owner_label = ChoiceLabelField("owner")
    key_group_labels = serializers.ListField(child=serializers.CharField(), read_only=True)
    workplace = serializers.CharField(read_only=True)
    organised = serializers.BooleanField(read_only=True)
    station_name = serializers.CharField(source="acted_by", read_only=True)

    class Meta:
        model = RosterEntry
        fields = ["id", "station", "station_name", "profile", "name", "phone", "home_county", "home_township",
                  "key_groups", "key_group_labels", "employer", "employer_name", "workplace", "posting",
                  "start_date", "route", "route_label", "organised", "status", "status_label", "left_on",
                  "contact_status", "contact_status_label", "owner", "owner_label", "last_follow_up_at",
                  "note"]  # fmt: skip
        read_only_fields = fields

    def get_phone(self, entry: RosterEntry) -> str:
        return entry.masked_phone


class RosterEntryDetailSerializer(RosterEntrySerializer):
    follow_ups = FollowUpSerializer(many=True, read_only=True)
    handovers = HandoverSerializer(many=True, read_only=True)

    class Meta(RosterEntrySerializer.Meta):
        fields = [*RosterEntrySerializer.Meta.fields, "follow_ups", "handovers"]
        read_only_fields = fields

    def get_phone(self, entry: RosterEntry) -> str:
        request = self.context.get("request")
        user = request.user if request else None
        if user is not None and rules.can(user, "roster.edit", entry):
            audit_view(user, "roster_entry", entry.pk, why=_("在外务工人员名册：联系与回访"))
            return entry.phone
        return entry.masked_phone


class RosterEntryCreateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=30)
    phone = serializers.CharField(max_length=20)
    home_county = serializers.CharField(max_length=30, help_text="本州县市，如“凯里市”")
    home_township = serializers.CharField(max_length=40, required=False, allow_blank=True, default="")
    key_groups = serializers.ListField(
        child=serializers.ChoiceField(choices=KeyGroup.choices), required=False, default=list, max_length=8
    )
    employer = serializers.PrimaryKeyRelatedField(queryset=Employer.objects.all(), required=False, allow_null=True)
    employer_name = serializers.CharField(max_length=100, required=False, allow_blank=True, default="")
    posting = serializers.PrimaryKeyRelatedField(queryset=JobPosting.objects.all(), required=False, allow_null=True)
    start_date = serializers.DateField()
    route = serializers.ChoiceField(choices=ArrivalRoute.choices, default=ArrivalRoute.SELF)
    note = serializers.CharField(max_length=300, required=False, allow_blank=True, default="")


class RosterEntryUpdateSerializer(serializers.Serializer):
    home_township = serializers.CharField(max_length=40, required=False, allow_blank=True)
    key_groups = serializers.ListField(
        child=serializers.ChoiceField(choices=KeyGroup.choices), required=False, max_length=8
    )
    employer = serializers.PrimaryKeyRelatedField(queryset=Employer.objects.all(), required=False, allow_null=True)
    employer_name = serializers.CharField(max_length=100, required=False, allow_blank=True)
    posting = serializers.PrimaryKeyRelatedField(queryset=JobPosting.objects.all(), required=False, allow_null=True)
    contact_status = serializers.ChoiceField(choices=ContactStatus.choices, required=False)
    note = serializers.CharField(max_length=300, required=False, allow_blank=True)


class HandOverSerializer(serializers.Serializer):
    to = serializers.ChoiceField(choices=Owner.choices)
    reason = serializers.CharField(max_length=200)


class FollowUpAnswerSerializer(serializers.Serializer):
    still_employed = serializers.BooleanField()
    paid_on_time = serializers.BooleanField(required=False, allow_null=True, default=None)
    housing_ok = serializers.BooleanField(required=False, allow_null=True, default=None)
    problem = serializers.CharField(max_length=500, required=False, allow_blank=True, default="")


class SurveySerializer(serializers.Serializer):
    """What the survey link shows: the worker's first name, the period and where they work, nothing else."""

    name = serializers.CharField()
    months = serializers.IntegerField()
    workplace = serializers.CharField()
    station = serializers.CharField()


class DispatchMemberSerializer(serializers.ModelSerializer):
    name = serializers.CharField(source="profile.name", read_only=True)
    phone = serializers.SerializerMethodField()
    status_label = ChoiceLabelField("status")

    class Meta:
        model = DispatchMember
        fields = ["id", "name", "phone", "status", "status_label", "arrived_at", "self_checked_in"]
        read_only_fields = fields

    def get_phone(self, member: DispatchMember) -> str:
        return mask_phone(member.profile.user.phone)


class DispatchSerializer(serializers.ModelSerializer):
    status_label = ChoiceLabelField("status")
    employer_name = serializers.CharField(source="employer.name", read_only=True)
    members = DispatchMemberSerializer(many=True, read_only=True)

    class Meta:
        model = Dispatch
        fields = ["id", "title", "employer", "employer_name", "posting", "arrives_on", "status", "status_label",
                  "members"]  # fmt: skip
        read_only_fields = fields


class DispatchCreateSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=60)
    employer = serializers.PrimaryKeyRelatedField(queryset=Employer.objects.all())
    posting = serializers.PrimaryKeyRelatedField(queryset=JobPosting.objects.all(), required=False, allow_null=True)
    arrives_on = serializers.DateField()


class PhoneSerializer(serializers.Serializer):
    phone = serializers.CharField(max_length=20)


class ProxyRequestSerializer(serializers.Serializer):
    purpose = serializers.ChoiceField(choices=ProxyPurpose.choices)
    name = serializers.CharField(max_length=30)
    phone = serializers.CharField(max_length=20)
    posting = serializers.PrimaryKeyRelatedField(queryset=JobPosting.objects.all(), required=False, allow_null=True)
    id_number = serializers.CharField(max_length=18, required=False, allow_blank=True, default="")


class ProxyConfirmSerializer(serializers.Serializer):
    code = serializers.CharField(max_length=6)
    home_county = serializers.CharField(max_length=30, required=False, allow_blank=True, default="")


class ProxyConsentSerializer(serializers.ModelSerializer):
    purpose_label = ChoiceLabelField("purpose")
    station_name = serializers.CharField(source="acted_by", read_only=True)
    staff_name = serializers.SerializerMethodField()
    phone = serializers.SerializerMethodField()

    class Meta:
        model = ProxyConsent
        fields = ["id", "station", "station_name", "staff_name", "name", "phone", "purpose", "purpose_label",
                  "posting", "expires_at", "confirmed_at", "application", "withdrawn_at", "contested_at"]  # fmt: skip
        read_only_fields = fields

    def get_staff_name(self, consent: ProxyConsent) -> str:
        return str(consent.staff) if consent.staff_id else ""

    def get_phone(self, consent: ProxyConsent) -> str:
        return mask_phone(consent.phone)
