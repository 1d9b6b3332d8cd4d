"""Employers: registration, their public page, the bureau's verification, grade and blacklist, logos."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import status
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated, IsAuthenticatedOrReadOnly
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from marketplace.api.bodies import validated_body
from marketplace.api.openapi import errors
from marketplace.employers.api.serializers import (
    BlacklistEntrySerializer,
    EmployerBlacklistSerializer,
    EmployerGradeSerializer,
    EmployerLogoSerializer,
    EmployerRegisterSerializer,
    EmployerSerializer,
    EmployerUpdateSerializer,
    EmployerVerifySerializer,
)
from marketplace.employers.services import (
    employer_blacklist,
    employer_blacklist_lift,
    employer_register,
    employer_set_grade,
    employer_update,
    employer_verify,
)
from marketplace.images import ImageRejected, employer_logo_set
from marketplace.models import BlacklistEntry, Employer
from marketplace.permissions import require

TAGS = ["用人单位"]
BUREAU_TAGS = ["用人单位管理（人社局）"]


def _employer_response(request: Request, employer: Employer, http_status: int = status.HTTP_200_OK) -> Response:
    return Response(EmployerSerializer(employer, context={"request": request}).data, status=http_status)


class EmployerRegisterView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        summary="登记本单位",
        description="尚未绑定单位的企业账号登记单位并成为其成员；人社局认证后才算已认证单位。",
        request=EmployerRegisterSerializer,
        responses={201: EmployerSerializer, **errors(400, 401, 403)},
    )
    def post(self, request: Request) -> Response:
        employer = employer_register(by=request.user, data=validated_body(EmployerRegisterSerializer, request))
        return _employer_response(request, employer, status.HTTP_201_CREATED)


class EmployerDetailView(APIView):
    permission_classes = [IsAuthenticatedOrReadOnly]

    @extend_schema(
        tags=TAGS,
        summary="单位信息",
        description="人人可看公开信息；联系电话对本单位、协作站和人社局以外的人脱敏。",
        responses={200: EmployerSerializer, **errors(404)},
    )
    def get(self, request: Request, pk: int) -> Response:
        return _employer_response(request, get_object_or_404(Employer, pk=pk))

    @extend_schema(
        tags=TAGS,
        summary="修改单位信息",
        request=EmployerUpdateSerializer(partial=True),
        responses={200: EmployerSerializer, **errors(400, 401, 403, 404)},
    )
    def patch(self, request: Request, pk: int) -> Response:
        employer = get_object_or_404(Employer, pk=pk)
        data = validated_body(EmployerUpdateSerializer, request, partial=True)
        return _employer_response(request, employer_update(by=request.user, employer=employer, data=data))


class EmployerVerifyView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=BUREAU_TAGS,
        summary="认证单位",
        description="不通过时须填写原因（`note`）。",
        request=EmployerVerifySerializer,
        responses={200: EmployerSerializer, **errors(400, 401, 403, 404)},
    )
    def post(self, request: Request, pk: int) -> Response:
        employer = get_object_or_404(Employer, pk=pk)
        data = validated_body(EmployerVerifySerializer, request)
        return _employer_response(request, employer_verify(by=request.user, employer=employer, **data))


class EmployerGradeView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=BUREAU_TAGS,
        summary="设置诚信等级",
        request=EmployerGradeSerializer,
        responses={200: EmployerSerializer, **errors(400, 401, 403, 404)},
    )
    def post(self, request: Request, pk: int) -> Response:
        employer = get_object_or_404(Employer, pk=pk)
        data = validated_body(EmployerGradeSerializer, request)
        return _employer_response(request, employer_set_grade(by=request.user, employer=employer, **data))


class EmployerBlacklistView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=BUREAU_TAGS,
        summary="列入拖欠工资黑名单",
        description="生效期间该单位不能发布岗位，其岗位立即从公开列表中消失。",
        request=EmployerBlacklistSerializer,
        responses={201: BlacklistEntrySerializer, **errors(400, 401, 403, 404)},
    )
    def post(self, request: Request, pk: int) -> Response:
        employer = get_object_or_404(Employer, pk=pk)
        data = validated_body(EmployerBlacklistSerializer, request)
        entry = employer_blacklist(by=request.user, employer=employer, **data)
        return Response(BlacklistEntrySerializer(entry).data, status=status.HTTP_201_CREATED)


class BlacklistLiftView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=BUREAU_TAGS,
        summary="提前移出黑名单",
        request=None,
        responses={200: BlacklistEntrySerializer, **errors(401, 403, 404)},
    )
    def post(self, request: Request, pk: int) -> Response:
        entry = get_object_or_404(BlacklistEntry.objects.select_related("employer"), pk=pk)
        return Response(BlacklistEntrySerializer(employer_blacklist_lift(by=request.user, entry=entry)).data)


class EmployerLogoView(APIView):
    permission_classes = [IsAuthenticated]
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        tags=TAGS,
        summary="上传单位标志",
        description="JPG、PNG、WebP 或 GIF，不超过 5 MB；保存时重新编码并去除全部元数据。",
        request={"multipart/form-data": EmployerLogoSerializer},
        responses={200: EmployerSerializer, **errors(400, 401, 403, 404)},
    )
    def post(self, request: Request, pk: int) -> Response:
        employer = get_object_or_404(Employer, pk=pk)
        # The images service only handles pictures: who may change this employer is asked here.
        require(request.user, "employer.edit", employer)
        data = validated_body(EmployerLogoSerializer, request)
        try:
            employer_logo_set(employer=employer, upload=data["logo"])
        except ImageRejected as exc:
            raise ValidationError({"logo": [ValidationError(exc.message, code=exc.code)]}) from exc
        return _employer_response(request, employer)
