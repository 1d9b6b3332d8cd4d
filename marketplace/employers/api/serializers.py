"""Employers as the public sees them, as their own staff and the bureau see them, and their inputs."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from marketplace.api.fields import ChoiceLabelField
from marketplace.enums import IntegrityGrade
from marketplace.models import BlacklistEntry, Employer
from marketplace.permissions import can

# Shown only to those `employer.view_private` allows: the employer's members, its station, the bureau.
PRIVATE_FIELDS = ("verification_note", "verified_at", "station_id", "blacklist_entry", "created_at")


class BlacklistEntrySerializer(serializers.ModelSerializer):
    employer_id = serializers.IntegerField(read_only=True)

    class Meta:
        model = BlacklistEntry
        fields = ["id", "employer_id", "reason", "starts_on", "ends_on", "lifted_at", "created_at"]
        read_only_fields = fields


class EmployerSerializer(serializers.ModelSerializer):
    contact_phone = serializers.CharField(read_only=True, help_text="无权查看时为脱敏号码")
    verified = serializers.BooleanField(source="is_verified", read_only=True)
    verification_label = ChoiceLabelField("verification")
    integrity_grade_label = ChoiceLabelField("integrity_grade")
    blacklisted = serializers.BooleanField(source="is_blacklisted", read_only=True, help_text="拖欠工资黑名单生效中")
    logo = serializers.ImageField(read_only=True, allow_null=True)
    logo_thumb = serializers.ImageField(read_only=True, allow_null=True)
    station_id = serializers.IntegerField(read_only=True, allow_null=True, help_text="仅单位、协作站与人社局可见")
    blacklist_entry = serializers.SerializerMethodField(help_text="生效中的黑名单记录；仅单位、协作站与人社局可见")

    class Meta:
        model = Employer
        fields = [
            "id", "name", "credit_code", "county", "town", "address", "lat", "lon", "contact_name",
            "contact_phone", "logo", "logo_thumb", "verification", "verification_label", "verified",
            "integrity_grade", "integrity_grade_label", "blacklisted", *PRIVATE_FIELDS,
        ]  # fmt: skip
        read_only_fields = fields
        viewer_dependent_fields = PRIVATE_FIELDS  # absent for the public (marketplace/api/openapi.py)

    @extend_schema_field(BlacklistEntrySerializer(allow_null=True))
    def get_blacklist_entry(self, employer: Employer) -> dict | None:
        entry = employer.active_blacklist_entry()
        return BlacklistEntrySerializer(entry).data if entry else None

    def to_representation(self, employer: Employer) -> dict:
        data = super().to_representation(employer)
        request = self.context.get("request")
        if not can(request.user if request else None, "employer.view_private", employer):
            data["contact_phone"] = employer.masked_contact_phone
            for field in PRIVATE_FIELDS:
                data.pop(field, None)
        return data


class EmployerUpdateSerializer(serializers.Serializer):
    """Parses; the service normalises the phone and runs the model's checks."""

    name = serializers.CharField(max_length=100)
    county = serializers.CharField(max_length=30)
    town = serializers.CharField(max_length=30, required=False, allow_blank=True)
    address = serializers.CharField(max_length=200, required=False, allow_blank=True)
    lat = serializers.FloatField(required=False, allow_null=True)
    lon = serializers.FloatField(required=False, allow_null=True)
    contact_name = serializers.CharField(max_length=30, required=False, allow_blank=True)
    contact_phone = serializers.CharField(max_length=20, required=False, allow_blank=True)


class EmployerRegisterSerializer(EmployerUpdateSerializer):
    credit_code = serializers.CharField(max_length=18, help_text="18位统一社会信用代码")


class EmployerVerifySerializer(serializers.Serializer):
    approve = serializers.BooleanField()
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)


class EmployerGradeSerializer(serializers.Serializer):
    grade = serializers.ChoiceField(choices=IntegrityGrade.choices)


class EmployerBlacklistSerializer(serializers.Serializer):
    reason = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)
    starts_on = serializers.DateField(required=False, allow_null=True, default=None, help_text="默认今天")
    ends_on = serializers.DateField(required=False, allow_null=True, default=None, help_text="为空表示未定期限")


class EmployerLogoSerializer(serializers.Serializer):
    # A plain file: the images service is the one place that opens untrusted pictures.
    logo = serializers.FileField()
