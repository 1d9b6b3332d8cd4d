"""The posting lifecycle, one endpoint per step; the services decide who may take which step when."""

from __future__ import annotations

from typing import Any, ClassVar

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from marketplace.api.lookups import posting_visible_or_404
from marketplace.api.openapi import errors
from marketplace.models import JobPosting, User
from marketplace.postings import services as service
from marketplace.postings.api.serializers import (
    NoteSerializer,
    PostingPrivateSerializer,
    RejectSerializer,
    RenewSerializer,
)


def _schema(summary: str, request: type[serializers.Serializer] | None = None, *, description: str = "", tag="岗位"):
    return extend_schema_view(
        post=extend_schema(
            tags=[tag],
            summary=summary,
            description=description,
            request=request,
            responses={200: PostingPrivateSerializer, **errors(400, 401, 403, 404, 409)},
        )
    )


class PostingActionView(APIView):
    permission_classes = [IsAuthenticated]
    input_serializer: ClassVar[type[serializers.Serializer] | None] = None

    def act(self, *, by: User, posting: JobPosting, data: dict[str, Any]) -> JobPosting:
        raise NotImplementedError

    def post(self, request: Request, pk: int) -> Response:
        posting = posting_visible_or_404(request.user, pk)
        data: dict[str, Any] = {}
        if self.input_serializer is not None:
            serializer = self.input_serializer(data=request.data)
            serializer.is_valid(raise_exception=True)
            data = serializer.validated_data
        posting = self.act(by=request.user, posting=posting, data=data)
        return Response(PostingPrivateSerializer(posting, context={"request": request}).data)


@_schema("提交审核", description="认证单位、诚信等级非C且无风险标记的岗位直接发布。")
class PostingSubmitView(PostingActionView):
    def act(self, *, by: User, posting: JobPosting, data: dict[str, Any]) -> JobPosting:
        return service.posting_submit(by=by, posting=posting)


@_schema("暂停招聘")
class PostingPauseView(PostingActionView):
    def act(self, *, by: User, posting: JobPosting, data: dict[str, Any]) -> JobPosting:
        return service.posting_pause(by=by, posting=posting)


@_schema("恢复招聘")
class PostingResumeView(PostingActionView):
    def act(self, *, by: User, posting: JobPosting, data: dict[str, Any]) -> JobPosting:
        return service.posting_resume(by=by, posting=posting)


@_schema("结束招聘", NoteSerializer)
class PostingCloseView(PostingActionView):
    input_serializer = NoteSerializer

    def act(self, *, by: User, posting: JobPosting, data: dict[str, Any]) -> JobPosting:
        return service.posting_close(by=by, posting=posting, note=data["note"])


@_schema("过期岗位续期", RenewSerializer, description="续期后重新提交审核。")
class PostingRenewView(PostingActionView):
    input_serializer = RenewSerializer

    def act(self, *, by: User, posting: JobPosting, data: dict[str, Any]) -> JobPosting:
        return service.posting_renew(by=by, posting=posting, valid_until=data["valid_until"])


@_schema("审核通过（人社局）", NoteSerializer, tag="审核")
class PostingApproveView(PostingActionView):
    input_serializer = NoteSerializer

    def act(self, *, by: User, posting: JobPosting, data: dict[str, Any]) -> JobPosting:
        return service.posting_approve(by=by, posting=posting, note=data["note"])


@_schema("审核不通过（人社局）", RejectSerializer, tag="审核")
class PostingRejectView(PostingActionView):
    input_serializer = RejectSerializer

    def act(self, *, by: User, posting: JobPosting, data: dict[str, Any]) -> JobPosting:
        return service.posting_reject(by=by, posting=posting, reason=data["reason"])
