"""Worker profiles: the seeker's own, what others may see of it, and the wizard's inputs.

Personal numbers (ID, phone), the home position and certificate photos (which often show the ID
number) are for those `profile.view_personal_numbers` allows: the person, the station organising
them and the bureau. Everyone else gets masked numbers and only staff-confirmed key groups, as in
the snapshot an application sends.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from marketplace.enums import Availability, Education, Gender, JobType, KeyGroup, PayUnit, ProfileVisibility
from marketplace.models import Certificate, GroupTag, WorkerProfile, WorkExperience
from marketplace.occupations.api.serializers import OccupationBriefSerializer
from marketplace.permissions import PersonalNumbers, personal_numbers
from marketplace.privacy import mask_personal_numbers
from marketplace.profiles.services import profile_completeness
from marketplace.validators import validate_id_number


def numbers_for(context: dict, profile: WorkerProfile) -> PersonalNumbers:
    """The profile's phone and ID number as the requesting user may see them (marketplace.privacy)."""
    request = context.get("request")
    return personal_numbers(request.user if request else None, profile)


class GroupTagSerializer(serializers.ModelSerializer):
    label = serializers.CharField(source="get_group_display", read_only=True)
    confirmed = serializers.BooleanField(source="is_confirmed", read_only=True)
    profile_id = serializers.IntegerField(read_only=True)

    class Meta:
        model = GroupTag
        fields = ["id", "profile_id", "group", "label", "confirmed", "declared_at", "confirmed_at"]
        read_only_fields = fields


class ExperienceSerializer(serializers.ModelSerializer):
    class Meta:
        model = WorkExperience
        fields = ["id", "employer_name", "occupation", "title", "place", "start_year", "end_year"]


class CertificateSerializer(serializers.ModelSerializer):
    photo = serializers.ImageField(read_only=True, allow_null=True, help_text="仅本人、协作站与人社局可见")
    has_photo = serializers.SerializerMethodField()

    class Meta:
        model = Certificate
        fields = ["id", "name", "number", "valid_until", "photo", "has_photo"]
        read_only_fields = fields

    def get_has_photo(self, certificate: Certificate) -> bool:
        return bool(certificate.photo)


class ProfileSerializer(serializers.ModelSerializer):
    id_number = serializers.CharField(read_only=True, help_text="无权查看时为脱敏号码")
    phone = serializers.CharField(source="user.phone", read_only=True, help_text="无权查看时为脱敏号码")
    age = serializers.IntegerField(read_only=True, allow_null=True)
    skills = serializers.ListField(child=serializers.CharField(), read_only=True)
    wanted_occupations = OccupationBriefSerializer(many=True, read_only=True)
    wanted_places = serializers.ListField(child=serializers.CharField(), read_only=True)
    wanted_job_types = serializers.ListField(child=serializers.ChoiceField(choices=JobType.choices), read_only=True)
    gig_days = serializers.ListField(child=serializers.IntegerField(), read_only=True)
    group_tags = GroupTagSerializer(many=True, read_only=True)
    experiences = ExperienceSerializer(many=True, read_only=True)
    certificates = CertificateSerializer(many=True, read_only=True)
    station_id = serializers.IntegerField(read_only=True, allow_null=True)

    class Meta:
        model = WorkerProfile
        fields = [
            "id", "name", "gender", "birth_year", "age", "id_number", "phone", "hukou_township",
            "current_county", "current_town", "lat", "lon", "education", "skills", "wanted_occupations",
            "wanted_places", "wanted_job_types", "expected_pay", "expected_pay_unit", "availability", "gig_days",
            "visibility", "intro", "group_tags", "experiences", "certificates", "station_id", "identity_verified_at",
            "updated_at",
        ]  # fmt: skip
        read_only_fields = fields

    def to_representation(self, profile: WorkerProfile) -> dict:
        data = super().to_representation(profile)
        numbers = numbers_for(self.context, profile)
        data["id_number"], data["phone"] = numbers.id_number, numbers.phone
        if not numbers.full:
            data["intro"] = mask_personal_numbers(data.get("intro") or "")
            data["lat"] = data["lon"] = None
            data["group_tags"] = [tag for tag in data["group_tags"] if tag["confirmed"]]
            for certificate in data["certificates"]:
                certificate["photo"] = None
        return data


class CompletenessSerializer(serializers.Serializer):
    score = serializers.IntegerField(help_text="0–100")
    missing = serializers.ListField(child=serializers.CharField(), help_text="还可以补充的内容")


class OwnProfileSerializer(ProfileSerializer):
    completeness = serializers.SerializerMethodField()

    class Meta(ProfileSerializer.Meta):
        fields = [*ProfileSerializer.Meta.fields, "completeness", "sensitive_consent_at", "findable_consent_at"]
        read_only_fields = fields

    @extend_schema_field(CompletenessSerializer)
    def get_completeness(self, profile: WorkerProfile) -> dict:
        result = profile_completeness(profile)
        return {"score": result.score, "missing": result.missing}


def _blankable_choice(choices) -> serializers.ChoiceField:
    return serializers.ChoiceField(choices=choices, required=False, allow_blank=True)


class ProfileUpdateSerializer(serializers.Serializer):
    """One wizard step: any subset of the fields. The service checks the rules and the ID number's use."""

    name = serializers.CharField(max_length=30, required=False, allow_blank=True)
    gender = _blankable_choice(Gender.choices)
    birth_year = serializers.IntegerField(required=False, allow_null=True)
    # The check digit and birth date are verified here, with the message on this field.
    id_number = serializers.CharField(max_length=20, required=False, allow_blank=True, validators=[validate_id_number])
    sensitive_consent = serializers.BooleanField(
        required=False, help_text="同意处理身份证号（填写身份证号须先同意；false 撤回同意并删除已填的号码）"
    )
    hukou_township = serializers.CharField(max_length=40, required=False, allow_blank=True)
    current_county = serializers.CharField(max_length=30, required=False, allow_blank=True)
    current_town = serializers.CharField(max_length=30, required=False, allow_blank=True)
    lat = serializers.FloatField(required=False, allow_null=True)
    lon = serializers.FloatField(required=False, allow_null=True)
    education = _blankable_choice(Education.choices)
    skills = serializers.ListField(child=serializers.CharField(allow_blank=True), required=False)
    wanted_occupations = serializers.ListField(child=serializers.IntegerField(), required=False, help_text="工种 id")
    wanted_places = serializers.ListField(child=serializers.CharField(allow_blank=True), required=False)
    wanted_job_types = serializers.ListField(child=serializers.ChoiceField(choices=JobType.choices), required=False)
    expected_pay = serializers.IntegerField(required=False, allow_null=True, min_value=0)
    expected_pay_unit = serializers.ChoiceField(choices=PayUnit.choices, required=False)
    availability = serializers.ChoiceField(choices=Availability.choices, required=False)
    gig_days = serializers.ListField(child=serializers.IntegerField(min_value=0, max_value=6), required=False)
    visibility = serializers.ChoiceField(choices=ProfileVisibility.choices, required=False)
    intro = serializers.CharField(required=False, allow_blank=True, max_length=2000)


class GroupsSerializer(serializers.Serializer):
    groups = serializers.ListField(child=serializers.ChoiceField(choices=KeyGroup.choices), max_length=len(KeyGroup))


class CertificateCreateSerializer(serializers.Serializer):
    name = serializers.CharField(max_length=60, allow_blank=True)
    number = serializers.CharField(max_length=60, required=False, allow_blank=True, default="")
    # A plain file: the images service is the one place that opens untrusted pictures.
    photo = serializers.FileField(required=False, allow_null=True, default=None)
