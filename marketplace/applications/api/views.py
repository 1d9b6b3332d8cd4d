"""Applications: one tap to apply, the seeker's list, the employer's list per posting, and the steps."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.generics import GenericAPIView
from rest_framework.mixins import ListModelMixin
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from marketplace.api.lookups import application_visible_or_404, posting_visible_or_404
from marketplace.api.openapi import AnyOfSerializer, errors
from marketplace.applications.api.serializers import (
    AdvanceSerializer,
    ApplicationSerializer,
    SeekerApplicationSerializer,
)
from marketplace.applications.selectors import application_list_for_posting, application_list_for_seeker
from marketplace.applications.services import (
    application_advance,
    application_mark_viewed,
    application_submit,
    application_withdraw,
)
from marketplace.models import Application, JobPosting, User
from marketplace.permissions import require

TAGS = ["求职申请"]
# The applicant sees their own side of an application; the employer, station and bureau the other.
APPLICATION_EITHER_SIDE = AnyOfSerializer(
    component_name="ApplicationEitherSide",
    serializers=[ApplicationSerializer, SeekerApplicationSerializer],
    resource_type_field_name=None,
)


def _is_applicant(user: User, application: Application) -> bool:
    return application.profile.user_id == user.pk


def application_response(request: Request, application: Application, http_status: int = status.HTTP_200_OK) -> Response:
    """The seeker sees their own application; everyone else allowed to see it sees the applicant side."""
    application = (
        Application.objects.select_related("posting", "posting__employer", "profile", "profile__user")
        .prefetch_related("transitions")
        .get(pk=application.pk)
    )
    context = {"request": request}
    if _is_applicant(request.user, application):
        return Response(SeekerApplicationSerializer(application, context=context).data, status=http_status)
    return Response(ApplicationSerializer(application, context=context).data, status=http_status)


class ApplyView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        summary="投递岗位",
        description="每个岗位只能投递一次：重复投递返回 409 `duplicate_application`。",
        request=None,
        responses={201: SeekerApplicationSerializer, **errors(401, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        # Any posting id: the service tells a seeker a closed posting "stopped hiring" rather than 404.
        posting = get_object_or_404(JobPosting, pk=pk)
        application = application_submit(by=request.user, posting=posting)
        return application_response(request, application, status.HTTP_201_CREATED)


class ApplicationListView(ListModelMixin, GenericAPIView):
    permission_classes = [IsAuthenticated]
    serializer_class = SeekerApplicationSerializer

    def get_queryset(self) -> QuerySet[Application]:
        return application_list_for_seeker(user=self.request.user).prefetch_related("transitions")

    @extend_schema(
        tags=TAGS,
        summary="我的投递",
        description="求职者本人的投递；单位请按岗位查看：`/api/postings/{id}/applications/`。",
        responses={200: SeekerApplicationSerializer(many=True), **errors(401, 403)},
    )
    def get(self, request: Request) -> Response:
        if not request.user.is_seeker:
            raise PermissionDenied(_("单位和工作人员请在岗位的投递列表中查看。"))
        return self.list(request)


class PostingApplicationListView(ListModelMixin, GenericAPIView):
    permission_classes = [IsAuthenticated]
    serializer_class = ApplicationSerializer

    def get_queryset(self) -> QuerySet[Application]:
        posting = posting_visible_or_404(self.request.user, self.kwargs["pk"])
        require(self.request.user, "posting.manage", posting)
        return (
            application_list_for_posting(posting=posting)
            .select_related("posting__employer")
            .prefetch_related("transitions")
        )

    @extend_schema(
        tags=TAGS,
        summary="岗位收到的投递",
        description="本单位、协作站和人社局可看。手机号和身份证号对单位始终脱敏。",
        responses={200: ApplicationSerializer(many=True), **errors(401, 403, 404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        return self.list(request)


class ApplicationDetailView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        summary="投递详情",
        description="求职者本人看到自己的投递进度；单位成员打开时自动标记为“已查看”。",
        responses={200: APPLICATION_EITHER_SIDE, **errors(401, 404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        application = application_visible_or_404(request.user, pk)
        if request.user.is_employer_member:
            application = application_mark_viewed(by=request.user, application=application)
        return application_response(request, application)


class ApplicationAdvanceView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        summary="处理投递（单位）",
        description="已查看、邀请面试、录用、入职或不合适。录用为“已入职”时计入就业统计。",
        request=AdvanceSerializer,
        responses={200: ApplicationSerializer, **errors(400, 401, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        application = application_visible_or_404(request.user, pk)
        serializer = AdvanceSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        application = application_advance(by=request.user, application=application, **serializer.validated_data)
        return application_response(request, application)


class ApplicationWithdrawView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        summary="撤回投递（求职者）",
        request=None,
        responses={200: SeekerApplicationSerializer, **errors(401, 403, 404, 409)},
    )
    def post(self, request: Request, pk: int) -> Response:
        application = application_visible_or_404(request.user, pk)
        application = application_withdraw(by=request.user, application=application)
        return application_response(request, application)
