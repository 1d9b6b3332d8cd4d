"""The occupation taxonomy: families, occupations, and suggestions from a posting's text."""

from __future__ import annotations

from rest_framework import serializers

from marketplace.models import Occupation, OccupationFamily


class OccupationFamilySerializer(serializers.ModelSerializer):
    occupation_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = OccupationFamily
        fields = ["id", "code", "name", "occupation_count"]


class OccupationFamilyBriefSerializer(serializers.ModelSerializer):
    class Meta:
        model = OccupationFamily
        fields = ["id", "code", "name"]


class OccupationSerializer(serializers.ModelSerializer):
    family = OccupationFamilyBriefSerializer(read_only=True)
    synonyms = serializers.ListField(child=serializers.CharField(), read_only=True)

    class Meta:
        model = Occupation
        fields = ["id", "code", "name", "family", "synonyms"]


class OccupationBriefSerializer(serializers.ModelSerializer):
    family_id = serializers.IntegerField(read_only=True)

    class Meta:
        model = Occupation
        fields = ["id", "code", "name", "family_id"]


class OccupationQuerySerializer(serializers.Serializer):
    q = serializers.CharField(required=False, allow_blank=True, max_length=30, help_text="工种名称或俗称，如“焊工”")
    family = serializers.IntegerField(required=False, help_text="职业大类 id")
    limit = serializers.IntegerField(required=False, min_value=1, max_value=100, help_text="有 q 时默认 20 条")


class OccupationSuggestRequestSerializer(serializers.Serializer):
    title = serializers.CharField(max_length=80)
    description = serializers.CharField(required=False, allow_blank=True, default="", max_length=5000)
    limit = serializers.IntegerField(required=False, min_value=1, max_value=10, default=3)


class OccupationSuggestionSerializer(serializers.Serializer):
    occupation_id = serializers.IntegerField()
    name = serializers.CharField()
    family = serializers.CharField()
    score = serializers.FloatField()
    matched = serializers.CharField(help_text="命中的词")


class OccupationSuggestResponseSerializer(serializers.Serializer):
    suggestions = OccupationSuggestionSerializer(many=True)
