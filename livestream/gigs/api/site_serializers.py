"""The gig market at the site over HTTP: claims with their check-in state, settlements, ratings, complaints."""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from livestream.gigs.api.serializers import GigSerializer
from livestream.gigs.enums import ComplaintStatus
from livestream.gigs.models import GigClaim, GigSettlement, WageComplaint
from livestream.gigs.selectors import MY_GIG_TABS


class MyGigsQuerySerializer(serializers.Serializer):
    """我的零工's tab; a tab that does not exist is refused, not quietly read as 今天."""

    tab = serializers.ChoiceField(
        choices=list(MY_GIG_TABS.items()),
        required=False,
        default="today",
        error_messages={"invalid_choice": _("没有这个分类，可选：已抢到（claimed）、今天（today）、已结束（done）。")},
    )


class RatingSummarySerializer(serializers.Serializer):
    average = serializers.FloatField(allow_null=True, help_text="平均星级（一位小数），无评价时为空")
    count = serializers.IntegerField(help_text="评价条数")


def rating_summary(rating: tuple[Any, int]) -> dict[str, Any]:
    average, count = rating
    return {"average": float(average) if average is not None else None, "count": count}


class GigDetailSerializer(GigSerializer):
    poster_rating = serializers.SerializerMethodField()

    class Meta(GigSerializer.Meta):
        fields = [*GigSerializer.Meta.fields, "poster_rating"]
        read_only_fields = fields

    @extend_schema_field(RatingSummarySerializer)
    def get_poster_rating(self, gig) -> dict[str, Any]:
        from livestream.gigs.selectors import poster_rating

        return rating_summary(poster_rating(gig))


class SettlementSerializer(serializers.ModelSerializer):
    status_label = serializers.CharField(source="get_status_display", read_only=True)

    class Meta:
        model = GigSettlement
        fields = [
            "id", "claim", "pay_unit", "rate", "hours", "pieces", "amount", "status", "status_label", "paid_at",
            "received_at", "created_at",
        ]  # fmt: skip
        read_only_fields = fields


class SiteClaimSerializer(serializers.ModelSerializer):
    """A claim with what happened at the site."""

    status_label = serializers.CharField(source="get_status_display", read_only=True)
    gig = GigSerializer(read_only=True)
    check_in_method_label = serializers.CharField(source="get_check_in_method_display", read_only=True)
    settlement = serializers.SerializerMethodField()

    class Meta:
        model = GigClaim
        fields = [
            "id", "gig", "status", "status_label", "confirmed_at", "checked_in_at", "check_in_method",
            "check_in_method_label", "check_in_distance_m", "checked_out_at", "settlement", "created_at",
            "updated_at",
        ]  # fmt: skip
        read_only_fields = fields

    @extend_schema_field(SettlementSerializer(allow_null=True))
    def get_settlement(self, claim: GigClaim) -> dict[str, Any] | None:
        settlement = getattr(claim, "settlement", None)  # the reverse one-to-one raises when there is none
        return SettlementSerializer(settlement).data if settlement is not None else None


class ClaimerSerializer(serializers.Serializer):
    """A claimer as the poster sees them: phone masked unless the poster may see it, no-shows, rating."""

    claim = SiteClaimSerializer()
    name = serializers.CharField()
    phone = serializers.CharField(help_text="手机号；无权查看时为掩码形式 138****5678")
    no_shows = serializers.IntegerField(help_text="该求职者被记为未到岗的次数")
    rating = RatingSummarySerializer()


class GigCheckInSerializer(serializers.Serializer):
    token = serializers.CharField(required=False, max_length=64, help_text="二维码里的签到码 t")
    lat = serializers.FloatField(required=False, min_value=-90, max_value=90)
    lon = serializers.FloatField(required=False, min_value=-180, max_value=180)

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if "token" not in attrs and ("lat" not in attrs or "lon" not in attrs):
            raise serializers.ValidationError(_("请扫描二维码签到，或提供当前位置（lat、lon）。"))
        return attrs


class SitePositionSerializer(serializers.Serializer):
    lat = serializers.FloatField(min_value=-90, max_value=90)
    lon = serializers.FloatField(min_value=-180, max_value=180)


class CheckOutSerializer(serializers.Serializer):
    pieces = serializers.IntegerField(
        required=False, min_value=0, max_value=100_000, help_text="计件零工的件数（发布方填写）"
    )


class PiecesSerializer(serializers.Serializer):
    pieces = serializers.IntegerField(min_value=0, max_value=100_000)


class ClaimNoteSerializer(serializers.Serializer):
    note = serializers.CharField(required=False, allow_blank=True, max_length=200, default="")


class RatingSerializer(serializers.Serializer):
    stars = serializers.IntegerField(min_value=1, max_value=5, error_messages={
        "min_value": _("请选择1到5颗星。"), "max_value": _("请选择1到5颗星。"), "invalid": _("请选择1到5颗星。"),
    })  # fmt: skip
    comment = serializers.CharField(required=False, allow_blank=True, max_length=200, default="")


class RatingOutSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    claim = serializers.IntegerField(source="claim_id")
    side = serializers.CharField()
    stars = serializers.IntegerField()
    comment = serializers.CharField()
    created_at = serializers.DateTimeField()


class ComplaintOpenSerializer(serializers.Serializer):
    amount_claimed = serializers.DecimalField(max_digits=10, decimal_places=2, help_text="被拖欠的金额（元）")
    description = serializers.CharField(max_length=1000)


class ComplaintAdvanceSerializer(serializers.Serializer):
    to = serializers.ChoiceField(choices=[ComplaintStatus.HANDLING, ComplaintStatus.RESOLVED])
    note = serializers.CharField(required=False, allow_blank=True, max_length=500, default="")


class ComplaintSerializer(serializers.ModelSerializer):
    status_label = serializers.CharField(source="get_status_display", read_only=True)
    gig = serializers.IntegerField(source="claim.gig_id", read_only=True)
    gig_title = serializers.CharField(source="claim.gig.title", read_only=True)

    class Meta:
        model = WageComplaint
        fields = [
            "id", "claim", "gig", "gig_title", "settlement", "amount_claimed", "description", "status",
            "status_label", "note", "created_at", "updated_at", "resolved_at",
        ]  # fmt: skip
        read_only_fields = fields


class CheckInCodeSerializer(serializers.Serializer):
    url = serializers.CharField(help_text="二维码里的签到地址")
    png = serializers.CharField(help_text="二维码图片地址（仅发布方和工作人员可打开）")
