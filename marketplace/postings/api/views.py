"""Job postings: the public list and detail, creating and editing, and the lists their managers read."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.mixins import ListModelMixin
from rest_framework.permissions import IsAuthenticated, IsAuthenticatedOrReadOnly
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from marketplace.api.lookups import posting_visible_or_404
from marketplace.api.openapi import errors
from marketplace.models import Employer, JobPosting, User
from marketplace.permissions import can, require
from marketplace.postings.api.serializers import (
    PostingCreateSerializer,
    PostingFilterSerializer,
    PostingPrivateSerializer,
    PostingPublicSerializer,
    PostingWriteSerializer,
)
from marketplace.postings.selectors import moderation_queue, posting_list_for_user, posting_list_public
from marketplace.postings.services import posting_create, posting_update

TAGS = ["岗位"]


def posting_filter(postings: QuerySet[JobPosting], filters: dict[str, Any]) -> QuerySet[JobPosting]:
    lookups = {
        "county": "county",
        "job_type": "job_type",
        "occupation": "occupation_id",
        "family": "occupation__family_id",
        "pay_unit": "pay_unit",
    }
    return postings.filter(**{lookups[name]: value for name, value in filters.items() if value not in (None, "")})


def _posting_response(request: Request, posting: JobPosting, http_status: int = status.HTTP_200_OK) -> Response:
    return Response(PostingPrivateSerializer(posting, context={"request": request}).data, status=http_status)


def _employer_to_post_for(user: User, employer: Employer | None) -> Employer:
    """An employer member posts for its own employer by default; a station must say for whom."""
    if employer is not None:
        return employer
    if user.is_employer_member:
        return user.employer
    raise ValidationError({"employer": [_("请选择代为发布岗位的用人单位。")]})


class PostingListView(ListModelMixin, GenericAPIView):
    permission_classes = [IsAuthenticatedOrReadOnly]
    serializer_class = PostingPublicSerializer

    def get_queryset(self) -> QuerySet[JobPosting]:
        query = PostingFilterSerializer(data=self.request.query_params)
        query.is_valid(raise_exception=True)
        return posting_filter(posting_list_public(), query.validated_data)

    @extend_schema(
        tags=TAGS,
        summary="招聘中的岗位（公开）",
        description="不含已下架、过期岗位和黑名单单位的岗位。",
        parameters=[PostingFilterSerializer],
        responses={200: PostingPublicSerializer(many=True), **errors(400)},
    )
    def get(self, request: Request) -> Response:
        return self.list(request)

    @extend_schema(
        tags=TAGS,
        summary="新建岗位（草稿）",
        description="企业账号为本单位发布；协作站须用 `employer` 指定本站联系的单位。未选工种时按名称自动推荐。",
        request=PostingCreateSerializer,
        responses={201: PostingPrivateSerializer, **errors(400, 401, 403)},
    )
    def post(self, request: Request) -> Response:
        require(request.user, "posting.create")
        serializer = PostingCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        employer = _employer_to_post_for(request.user, data.pop("employer", None))
        posting = posting_create(by=request.user, employer=employer, data=data)
        return _posting_response(request, posting, status.HTTP_201_CREATED)


class PostingDetailView(APIView):
    permission_classes = [IsAuthenticatedOrReadOnly]

    @extend_schema(
        tags=TAGS,
        summary="岗位详情",
        description="公开岗位人人可看；其他状态只有本单位、协作站和人社局可看（并多出状态、审核意见等），否则 404。",
        responses={200: PostingPrivateSerializer, **errors(404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        posting = posting_visible_or_404(request.user, pk)
        if can(request.user, "posting.view_private", posting):
            return _posting_response(request, posting)
        return Response(PostingPublicSerializer(posting, context={"request": request}).data)

    @extend_schema(
        tags=TAGS,
        summary="修改岗位",
        description="已发布的岗位修改后若触发审核规则，会回到待审核。",
        request=PostingWriteSerializer(partial=True),
        responses={200: PostingPrivateSerializer, **errors(400, 401, 403, 404, 409)},
    )
    def patch(self, request: Request, pk: int) -> Response:
        posting = posting_visible_or_404(request.user, pk)
        serializer = PostingWriteSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        posting = posting_update(by=request.user, posting=posting, data=serializer.validated_data)
        return _posting_response(request, posting)


class PostingMineView(ListModelMixin, GenericAPIView):
    permission_classes = [IsAuthenticated]
    serializer_class = PostingPrivateSerializer

    def get_queryset(self) -> QuerySet[JobPosting]:
        return posting_list_for_user(user=self.request.user)

    @extend_schema(
        tags=TAGS,
        summary="我管理的岗位",
        description="企业：本单位的；协作站：本站发布或联系单位的；人社局：全部。",
        responses={200: PostingPrivateSerializer(many=True), **errors(401, 403)},
    )
    def get(self, request: Request) -> Response:
        require(request.user, "posting.manage")
        return self.list(request)


class ModerationQueueView(ListModelMixin, GenericAPIView):
    permission_classes = [IsAuthenticated]
    serializer_class = PostingPrivateSerializer

    def get_queryset(self) -> QuerySet[JobPosting]:
        return moderation_queue()

    @extend_schema(
        tags=["审核"],
        summary="待审核岗位",
        description="有风险标记（`flags`）的排在前面，其次按等待时间。",
        responses={200: PostingPrivateSerializer(many=True), **errors(401, 403)},
    )
    def get(self, request: Request) -> Response:
        require(request.user, "posting.moderate")
        return self.list(request)
