"""Job search over the index: free text, filters, distance, facets, and what to try when nothing is found."""

from __future__ import annotations

import logging

from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from marketplace.api.errors import error_body
from marketplace.api.openapi import ApiErrorSerializer, errors
from marketplace.api.serializers.search import PostingSearchPageSerializer, PostingSearchParamsSerializer
from matching.search import SearchUnavailable
from matching.search.query import QueryError
from matching.selectors import posting_search

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
