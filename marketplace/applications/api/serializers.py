"""Applications as the seeker follows them and as the employer (or station, or bureau) handles them.

The employer's side is the snapshot taken at application time, the applicant's numbers masked
unless `profile.view_personal_numbers` allows them (never for employers), and the status history.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from marketplace.api.fields import ChoiceLabelField
from marketplace.applications.services import EMPLOYER_STEPS
from marketplace.enums import ApplicationStatus
from marketplace.models import Application, ApplicationTransition, JobPosting
from marketplace.profiles.api.serializers import numbers_for


class TransitionSerializer(serializers.ModelSerializer):
    to_status_label = ChoiceLabelField("to_status")

    class Meta:
        model = ApplicationTransition
        fields = ["from_status", "to_status", "to_status_label", "note", "at"]
        read_only_fields = fields


class SeekerTransitionSerializer(TransitionSerializer):
    """The employer's notes are its own working notes: the seeker sees the steps, not the remarks."""

    class Meta(TransitionSerializer.Meta):
        fields = ["from_status", "to_status", "to_status_label", "at"]
        read_only_fields = fields


class ApplicationPostingSerializer(serializers.ModelSerializer):
    employer_id = serializers.IntegerField(read_only=True)
    employer_name = serializers.CharField(source="employer.name", read_only=True)
    pay_display = serializers.CharField(read_only=True)

    class Meta:
        model = JobPosting
        fields = ["id", "title", "employer_id", "employer_name", "county", "pay_display"]
        read_only_fields = fields


class SeekerApplicationSerializer(serializers.ModelSerializer):
    posting = ApplicationPostingSerializer(read_only=True)
    status_label = ChoiceLabelField("status")
    history = SeekerTransitionSerializer(source="transitions", many=True, read_only=True)

    class Meta:
        model = Application
        fields = ["id", "posting", "status", "status_label", "source", "created_at", "updated_at", "history"]
        read_only_fields = fields


class ApplicantSerializer(serializers.Serializer):
    profile_id = serializers.IntegerField()
    phone = serializers.CharField(help_text="对用人单位始终脱敏")
    id_number = serializers.CharField(help_text="对用人单位始终脱敏；未填写时为空")


class ApplicationSerializer(serializers.ModelSerializer):
    posting = ApplicationPostingSerializer(read_only=True)
    status_label = ChoiceLabelField("status")
    snapshot = serializers.DictField(read_only=True, help_text="投递时的求职者信息，不含证件号与手机号")
    applicant = serializers.SerializerMethodField()
    history = TransitionSerializer(source="transitions", many=True, read_only=True)

    class Meta:
        model = Application
        fields = [
            "id", "posting", "status", "status_label", "source", "snapshot", "applicant", "employer_note",
            "created_at", "updated_at", "history",
        ]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(ApplicantSerializer)
    def get_applicant(self, application: Application) -> dict:
        profile = application.profile
        numbers = numbers_for(self.context, profile)
        return {"profile_id": profile.pk, "phone": numbers.phone, "id_number": numbers.id_number}


class AdvanceSerializer(serializers.Serializer):
    to = serializers.ChoiceField(
        choices=[(value, label) for value, label in ApplicationStatus.choices if value in EMPLOYER_STEPS]
    )
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=500)
