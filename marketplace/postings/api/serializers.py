"""Job postings: what the public reads, what their managers and moderators read, what is written."""

from __future__ import annotations

from rest_framework import serializers

from marketplace.api.fields import ChoiceLabelField
from marketplace.enums import JobType, PayUnit
from marketplace.models import Employer, JobPosting
from marketplace.occupations.api.serializers import OccupationBriefSerializer
from marketplace.postings.services import EDITABLE_FIELDS


class EmployerBriefSerializer(serializers.ModelSerializer):
    verified = serializers.BooleanField(source="is_verified", read_only=True)
    logo_thumb = serializers.ImageField(read_only=True, allow_null=True)

    class Meta:
        model = Employer
        fields = ["id", "name", "county", "verified", "integrity_grade", "logo_thumb"]


class PostingPublicSerializer(serializers.ModelSerializer):
    employer = EmployerBriefSerializer(read_only=True)
    occupation = OccupationBriefSerializer(read_only=True, allow_null=True)
    job_type_label = ChoiceLabelField("job_type")
    pay_unit_label = ChoiceLabelField("pay_unit")
    education_min_label = ChoiceLabelField("education_min")
    pay_display = serializers.CharField(read_only=True)
    certificates_required = serializers.ListField(child=serializers.CharField(), read_only=True)
    benefits = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = JobPosting
        fields = [
            "id", "title", "description", "employer", "occupation", "job_type", "job_type_label",
            "county", "town", "address", "lat", "lon", "pay_min", "pay_max", "pay_unit", "pay_unit_label",
            "pay_display", "headcount", "education_min", "education_min_label", "certificates_required",
            "age_min", "age_max", "benefits", "schedule", "valid_until", "published_at",
        ]  # fmt: skip
        read_only_fields = fields


class PostingFlagSerializer(serializers.Serializer):
    code = serializers.CharField()
    label = serializers.CharField()
    match = serializers.CharField(help_text="触发规则的原文")


# What a posting's employer, its station and the bureau see beyond the public fields; a published
# posting's detail (PostingDetailView) leaves them out for everyone else.
PRIVATE_FIELDS = ("status", "status_label", "status_note", "flags", "station_id", "created_at", "updated_at")


class PostingPrivateSerializer(PostingPublicSerializer):
    """For the posting's employer, its station and the bureau: status, review notes and flags."""

    status_label = ChoiceLabelField("status")
    flags = PostingFlagSerializer(many=True, read_only=True)
    station_id = serializers.IntegerField(read_only=True, allow_null=True)

    class Meta(PostingPublicSerializer.Meta):
        fields = [*PostingPublicSerializer.Meta.fields, *PRIVATE_FIELDS]
        viewer_dependent_fields = PRIVATE_FIELDS  # absent for the public (marketplace/api/openapi.py)
        read_only_fields = fields


class PostingWriteSerializer(serializers.ModelSerializer):
    """Parses the editable fields; the service checks the rules (pay range, ages, validity)."""

    certificates_required = serializers.ListField(
        child=serializers.CharField(max_length=60), required=False, max_length=20
    )
    benefits = serializers.ListField(child=serializers.CharField(max_length=20), required=False, max_length=20)

    class Meta:
        model = JobPosting
        fields = sorted(EDITABLE_FIELDS)


class PostingCreateSerializer(PostingWriteSerializer):
    employer = serializers.PrimaryKeyRelatedField(
        queryset=Employer.objects.all(),
        required=False,
        help_text="发布单位；企业账号可省略（默认本单位），协作站必须填写",
    )

    class Meta(PostingWriteSerializer.Meta):
        fields = ["employer", *PostingWriteSerializer.Meta.fields]


class PostingFilterSerializer(serializers.Serializer):
    county = serializers.CharField(required=False, max_length=30)
    job_type = serializers.ChoiceField(choices=JobType.choices, required=False)
    occupation = serializers.IntegerField(required=False, help_text="工种 id")
    family = serializers.IntegerField(required=False, help_text="职业大类 id")
    pay_unit = serializers.ChoiceField(choices=PayUnit.choices, required=False)


class NoteSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, default="", max_length=200)


class RejectSerializer(serializers.Serializer):
    reason = serializers.CharField(
        required=False, allow_blank=True, default="", max_length=200, help_text="不通过的原因，单位据此修改"
    )


class RenewSerializer(serializers.Serializer):
    valid_until = serializers.DateField(help_text="新的有效期")
