"""Worker profiles: the seeker's own, filled in step by step, and others' as the viewer may see them."""

from __future__ import annotations

from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.parsers import FormParser, JSONParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from marketplace.api.lookups import profile_visible_or_404
from marketplace.api.openapi import errors
from marketplace.models import GroupTag, User, WorkerProfile
from marketplace.profiles.api.serializers import (
    CertificateCreateSerializer,
    CertificateSerializer,
    ExperienceSerializer,
    GroupsSerializer,
    GroupTagSerializer,
    OwnProfileSerializer,
    ProfileSerializer,
    ProfileUpdateSerializer,
)
from marketplace.profiles.services import (
    certificate_add,
    experience_add,
    group_tag_confirm,
    profile_declare_groups,
    profile_update,
    profile_verify_identity,
)

TAGS = ["求职者档案"]


def _profiles() -> QuerySet[WorkerProfile]:
    return WorkerProfile.objects.select_related("user").prefetch_related(
        "wanted_occupations", "group_tags", "experiences", "certificates"
    )


def own_profile(user: User) -> WorkerProfile:
    """The signed-in seeker's profile; other roles have none.

    Not prefetched: services read related rows after changing them, and a prefetch would answer stale.
    """
    if not user.is_seeker:
        raise PermissionDenied(_("只有求职者有个人档案。"))
    try:
        return WorkerProfile.objects.select_related("user").get(user=user)
    except WorkerProfile.DoesNotExist as exc:
        raise Http404 from exc


def _own_response(request: Request, profile: WorkerProfile, http_status: int = status.HTTP_200_OK) -> Response:
    # Re-read: the wizard step may have changed tags, occupations or certificates prefetched before.
    profile = _profiles().get(pk=profile.pk)
    return Response(OwnProfileSerializer(profile, context={"request": request}).data, status=http_status)


class OwnProfileView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(tags=TAGS, summary="我的档案", responses={200: OwnProfileSerializer, **errors(401, 403, 404)})
    def get(self, request: Request) -> Response:
        return _own_response(request, own_profile(request.user))

    @extend_schema(
        tags=TAGS,
        summary="保存档案的一步",
        description="只需提交本步填写的字段；填写身份证号时自动带出出生年份和性别。返回内容含完整度。",
        request=ProfileUpdateSerializer,
        responses={200: OwnProfileSerializer, **errors(400, 401, 403, 404)},
    )
    def patch(self, request: Request) -> Response:
        profile = own_profile(request.user)
        serializer = ProfileUpdateSerializer(data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        profile = profile_update(by=request.user, profile=profile, data=serializer.validated_data)
        return _own_response(request, profile)


class ProfileGroupsView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        summary="申报重点群体",
        description="提交完整的群体列表；新申报的须经协作站或人社局确认后才享受政策优先。",
        request=GroupsSerializer,
        responses={200: GroupTagSerializer(many=True), **errors(400, 401, 403, 404)},
    )
    def post(self, request: Request) -> Response:
        profile = own_profile(request.user)
        serializer = GroupsSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        tags = profile_declare_groups(by=request.user, profile=profile, groups=serializer.validated_data["groups"])
        return Response(GroupTagSerializer(tags, many=True).data)


class ExperienceCreateView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        summary="添加工作经历",
        request=ExperienceSerializer,
        responses={201: ExperienceSerializer, **errors(400, 401, 403, 404)},
    )
    def post(self, request: Request) -> Response:
        profile = own_profile(request.user)
        serializer = ExperienceSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        experience = experience_add(by=request.user, profile=profile, data=serializer.validated_data)
        return Response(ExperienceSerializer(experience).data, status=status.HTTP_201_CREATED)


class CertificateCreateView(APIView):
    permission_classes = [IsAuthenticated]
    parser_classes = [MultiPartParser, FormParser, JSONParser]

    @extend_schema(
        tags=TAGS,
        summary="添加证书",
        description="可附证书照片（JPG、PNG、WebP），保存时重新编码并去除位置等元数据。",
        request={"multipart/form-data": CertificateCreateSerializer, "application/json": CertificateCreateSerializer},
        responses={201: CertificateSerializer, **errors(400, 401, 403, 404)},
    )
    def post(self, request: Request) -> Response:
        profile = own_profile(request.user)
        serializer = CertificateCreateSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        certificate = certificate_add(by=request.user, profile=profile, **serializer.validated_data)
        return Response(
            CertificateSerializer(certificate, context={"request": request}).data, status=status.HTTP_201_CREATED
        )


class ProfileDetailView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        summary="查看求职者档案",
        description=(
            "企业可看公开档案和投递过本单位的档案；身份证号、手机号仅本人、所属协作站和人社局可见完整号码，"
            "其他人看到脱敏号码。无权查看时 404。"
        ),
        responses={200: ProfileSerializer, **errors(401, 404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        profile_visible_or_404(request.user, pk)
        profile = _profiles().get(pk=pk)
        return Response(ProfileSerializer(profile, context={"request": request}).data)


class GroupTagConfirmView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        summary="确认重点群体（协作站、人社局）",
        request=None,
        responses={200: GroupTagSerializer, **errors(401, 403, 404)},
    )
    def post(self, request: Request, pk: int) -> Response:
        tag = get_object_or_404(GroupTag.objects.select_related("profile"), pk=pk)
        return Response(GroupTagSerializer(group_tag_confirm(by=request.user, tag=tag)).data)


class ProfileVerifyIdentityView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        summary="实名核验（协作站、人社局）",
        description="工作人员核对身份证后确认。核验后本人可以个人名义发布零工（如家里请人搬家）。",
        request=None,
        responses={200: ProfileSerializer, **errors(400, 401, 403, 404)},
    )
    def post(self, request: Request, pk: int) -> Response:
        profile = get_object_or_404(_profiles(), pk=pk)
        profile = profile_verify_identity(by=request.user, profile=profile)
        return Response(ProfileSerializer(profile, context={"request": request}).data)
