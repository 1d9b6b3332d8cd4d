from __future__ import annotations

from rest_framework import serializers

from marketplace.places import COUNTY_BY_NAME
from marketplace.plan.enums import Comparison, Measure, Standing
from marketplace.plan.services import FIRST_YEAR, LAST_YEAR


class MonthValueSerializer(serializers.Serializer):
    month = serializers.IntegerField()
    value = serializers.FloatField(allow_null=True)


class CountyFigureSerializer(serializers.Serializer):
    county = serializers.CharField()
    actual = serializers.FloatField(allow_null=True)
    target = serializers.FloatField(allow_null=True)
    standing = serializers.ChoiceField(choices=Standing.choices)


class FigureSerializer(serializers.Serializer):
    measure = serializers.ChoiceField(choices=Measure.choices)
    label = serializers.CharField(help_text="指标名称")
    unit = serializers.CharField()
    comparison = serializers.ChoiceField(choices=Comparison.choices)
    definition = serializers.CharField(help_text="口径：这个数字怎么算出来的")
    actual = serializers.FloatField(allow_null=True)
    target = serializers.FloatField(allow_null=True)
    expected = serializers.FloatField(allow_null=True, help_text="按时间进度此时应达到的数（累计指标）")
    standing = serializers.ChoiceField(choices=Standing.choices)
    months = MonthValueSerializer(many=True)
    counties = CountyFigureSerializer(many=True)


class TargetSerializer(serializers.Serializer):
    year = serializers.IntegerField(min_value=FIRST_YEAR, max_value=LAST_YEAR)
    measure = serializers.ChoiceField(choices=Measure.choices)
    county = serializers.ChoiceField(choices=[("", "全州"), *((c, c) for c in COUNTY_BY_NAME)], required=False,
                                     default="")  # fmt: skip
    value = serializers.DecimalField(max_digits=12, decimal_places=3, min_value=0, coerce_to_string=False)
    note = serializers.CharField(max_length=200, required=False, allow_blank=True, default="")


class TargetWriteSerializer(TargetSerializer):
    reason = serializers.CharField(max_length=200, required=False, allow_blank=True, default="",
                                   help_text="修改已有目标时必填")  # fmt: skip
