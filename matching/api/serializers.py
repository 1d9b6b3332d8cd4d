"""Job search: the parameters it takes (for the schema) and the page it answers with."""

from __future__ import annotations

from rest_framework import serializers

from marketplace.enums import BENEFITS, JobType
from marketplace.models import JobPosting
from marketplace.postings.api.serializers import PostingPublicSerializer
from matching.search.query import MAX_PAGE_SIZE, MAX_TEXT_CHARS, SORTS, highlight


class PostingSearchParamsSerializer(serializers.Serializer):
    """Documents the query string; the checking itself is `parse_posting_query`, shared with the page."""

    q = serializers.CharField(required=False, max_length=MAX_TEXT_CHARS, help_text="搜索词，如“电焊”“普工 包吃住”")
    job_type = serializers.ChoiceField(choices=JobType.choices, required=False, help_text="用工类型，逗号分隔可多选")
    county = serializers.CharField(required=False, help_text="县市，逗号分隔可多选")
    town = serializers.CharField(required=False, help_text="乡镇（街道），逗号分隔可多选")
    family = serializers.CharField(required=False, help_text="工种大类代码，逗号分隔可多选")
    occupation = serializers.CharField(required=False, help_text="工种 id，逗号分隔可多选")
    benefits = serializers.ChoiceField(choices=BENEFITS, required=False, help_text="福利，逗号分隔须全部满足")
    pay_min = serializers.IntegerField(required=False, help_text="最低月薪（日薪、时薪折算为月薪比较）")
    within_days = serializers.IntegerField(required=False, help_text="最近几天内发布")
    verified = serializers.BooleanField(required=False, help_text="只看已认证单位")
    lat = serializers.FloatField(required=False, help_text="纬度（与 lon 一起给出）")
    lon = serializers.FloatField(required=False, help_text="经度")
    near = serializers.CharField(required=False, help_text="地名，如“凯里”“东莞”，代替坐标")
    radius_km = serializers.FloatField(required=False, help_text="距离范围（公里），需要位置或地名")
    sort = serializers.ChoiceField(choices=SORTS, required=False, help_text="relevance | newest | distance | pay")
    page = serializers.IntegerField(required=False, min_value=1)
    page_size = serializers.IntegerField(required=False, min_value=1, max_value=MAX_PAGE_SIZE)


class PostingHitSerializer(PostingPublicSerializer):
    distance_km = serializers.FloatField(read_only=True, allow_null=True, help_text="离搜索位置的距离")
    title_highlight = serializers.SerializerMethodField(help_text="已转义的 HTML，搜索词包在 <mark> 里")

    class Meta(PostingPublicSerializer.Meta):
        fields = [*PostingPublicSerializer.Meta.fields, "distance_km", "title_highlight"]
        read_only_fields = fields

    def get_title_highlight(self, posting: JobPosting) -> str:
        """A search sets the highlighted title; a recommendation, which has no query, shows the title escaped.

        Read-only fields whose attribute is missing are left out by DRF, so recommendations had no
        `title_highlight` at all although the schema requires it and pages render it as HTML.
        """
        highlighted = getattr(posting, "title_highlight", None)
        return highlighted if highlighted is not None else highlight(posting.title, ())


class FacetValueSerializer(serializers.Serializer):
    value = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()


class RelatedOccupationSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    family = serializers.CharField(source="family.name")
    open_jobs = serializers.IntegerField()


class SuggestionsSerializer(serializers.Serializer):
    occupations = RelatedOccupationSerializer(many=True, help_text="有招聘中岗位的相关工种")
    wider_radius_km = serializers.FloatField(allow_null=True, help_text="扩大到这个距离就有岗位")
    wider_total = serializers.IntegerField()


class PlaceSerializer(serializers.Serializer):
    name = serializers.CharField(source="place_name")
    lat = serializers.FloatField()
    lon = serializers.FloatField()
    radius_km = serializers.FloatField(allow_null=True)


class PostingSearchPageSerializer(serializers.Serializer):
    count = serializers.IntegerField(source="total")
    page = serializers.IntegerField(source="query.page")
    page_size = serializers.IntegerField(source="query.page_size")
    num_pages = serializers.IntegerField()
    sort = serializers.CharField(source="query.sort")
    place = PlaceSerializer(source="query.geo", allow_null=True, help_text="用于距离的位置（地名已解析）")
    results = PostingHitSerializer(source="postings", many=True)
    facets = serializers.DictField(
        child=FacetValueSerializer(many=True), help_text="job_type、county、family_code、benefits"
    )
    suggestions = SuggestionsSerializer(help_text="没有结果时的建议")


class JobRecommendationSerializer(serializers.Serializer):
    posting = PostingHitSerializer()
    score = serializers.FloatField(help_text="排序分，只用于比较同一次推荐里的岗位")
    reasons = serializers.ListField(child=serializers.CharField(), help_text="推荐理由，按影响从上到下")
    explanation = serializers.CharField(help_text="推荐理由连成一句，如“工种匹配：电焊工 · 距离 3.2 公里”")


class CandidateRecommendationSerializer(serializers.Serializer):
    profile = serializers.SerializerMethodField(help_text="求职者档案；无权查看时身份证号、手机号为脱敏号码")
    score = serializers.FloatField()
    reasons = serializers.ListField(child=serializers.CharField())
    explanation = serializers.CharField()
    distance_km = serializers.FloatField(allow_null=True)

    def get_profile(self, item) -> dict:
        from marketplace.profiles.api.serializers import ProfileSerializer

        return ProfileSerializer(item.profile, context=self.context).data
