"""Search and matching over HTTP: job search (free text, filters, distance, facets, what to try when nothing
is found), jobs recommended to a seeker, and candidates recommended for a posting."""

from __future__ import annotations

import logging

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from marketplace.api.errors import error_body
from marketplace.api.openapi import ApiErrorSerializer, errors
from marketplace.models import JobPosting, WorkerProfile
from marketplace.permissions import require
from matching.api.serializers import (
    CandidateRecommendationSerializer,
    JobRecommendationSerializer,
    PostingSearchPageSerializer,
    PostingSearchParamsSerializer,
)
from matching.search import SearchUnavailable
from matching.search.query import QueryError
from matching.selectors import candidates_for_posting, jobs_for_seeker, posting_search

logger = logging.getLogger(__name__)

TAGS = ["搜索"]


def query_error_response(exc: QueryError) -> Response:
    fields = {exc.field: [exc.message]} if exc.field else {}
    return Response(error_body("invalid_query", exc.message, fields), status=status.HTTP_400_BAD_REQUEST)


def search_unavailable_response(exc: SearchUnavailable) -> Response:
    logger.warning("job search failed, search backend unavailable: %s", exc)
    return Response(
        error_body("search_unavailable", _("搜索暂时不可用，请稍后再试。")), status=status.HTTP_503_SERVICE_UNAVAILABLE
    )


class PostingSearchView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        tags=TAGS,
        summary="搜索岗位（附近的工作、筛选、分面统计）",
        description="没有结果时，`suggestions` 给出有岗位的相关工种和更大的距离范围。",
        parameters=[PostingSearchParamsSerializer],
        responses={
            200: PostingSearchPageSerializer,
            **errors(400),
            503: OpenApiResponse(ApiErrorSerializer, description="搜索服务暂时不可用"),
        },
    )
    def get(self, request: Request) -> Response:
        try:
            page = posting_search(request.query_params)
        except QueryError as exc:
            return query_error_response(exc)
        except SearchUnavailable as exc:
            return search_unavailable_response(exc)
        return Response(PostingSearchPageSerializer(page, context={"request": request}).data)


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
