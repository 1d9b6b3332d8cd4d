"""为你推荐 and 推荐人选 through the API: the matcher's results, each with its reasons."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from marketplace.api.openapi import ApiErrorSerializer, errors
from marketplace.api.serializers.search import CandidateRecommendationSerializer, JobRecommendationSerializer
from marketplace.api.views.search import search_unavailable_response
from marketplace.models import JobPosting, WorkerProfile
from marketplace.permissions import require
from matching.search import SearchUnavailable
from matching.selectors import candidates_for_posting, jobs_for_seeker

TAGS = ["推荐"]
UNAVAILABLE = {503: OpenApiResponse(ApiErrorSerializer, description="搜索服务暂时不可用")}


class JobRecommendationsView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        summary="为你推荐（求职者）",
        description="按工种、距离与意向工作地、薪资、用工类型、证书等综合排序，每个岗位附推荐理由。",
        responses={200: JobRecommendationSerializer(many=True), **errors(401, 403), **UNAVAILABLE},
    )
    def get(self, request: Request) -> Response:
        if not request.user.is_seeker:
            raise PermissionDenied(_("只有求职者账号有岗位推荐。"))
        try:
            profile = request.user.profile
        except WorkerProfile.DoesNotExist as exc:
            raise PermissionDenied(_("请先填写求职者档案。")) from exc
        try:
            items = jobs_for_seeker(profile=profile, limit=20)
        except SearchUnavailable as exc:
            return search_unavailable_response(exc)
        return Response(JobRecommendationSerializer(items, many=True, context={"request": request}).data)


class PostingCandidatesView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        summary="推荐人选（用人单位、协作站、人社局）",
        description="公开档案和本岗位的报名者中合适的人，重点群体同等条件优先；个人号码按权限脱敏。",
        responses={200: CandidateRecommendationSerializer(many=True), **errors(401, 403, 404), **UNAVAILABLE},
    )
    def get(self, request: Request, pk: int) -> Response:
        posting = get_object_or_404(JobPosting.objects.select_related("employer", "occupation__family"), pk=pk)
        require(request.user, "posting.manage", posting)
        try:
            items = candidates_for_posting(posting=posting, limit=30)
        except SearchUnavailable as exc:
            return search_unavailable_response(exc)
        return Response(CandidateRecommendationSerializer(items, many=True, context={"request": request}).data)
