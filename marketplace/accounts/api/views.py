"""Sign-up, login (password or SMS code), logout, and who is signed in."""

from __future__ import annotations

from django.conf import settings
from django.contrib.auth import authenticate, login, logout
from django.core.exceptions import ValidationError
from django.middleware.csrf import get_token
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import status
from rest_framework.permissions import AllowAny, IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from marketplace.accounts import second_factor
from marketplace.accounts.api.serializers import (
    AccountEraseSerializer,
    LoginSerializer,
    MeSerializer,
    OtpEnrolmentRequestSerializer,
    OtpEnrolmentSerializer,
    SignupSerializer,
    SmsCodeRequestSerializer,
    SmsCodeSentSerializer,
)
from marketplace.accounts.auth import PHONE_BACKEND
from marketplace.accounts.personal_data import account_erase, personal_data_export
from marketplace.accounts.services import sms_code_login, sms_code_send, user_signup
from marketplace.api.openapi import errors
from marketplace.api.throttling import ClientScopedRateThrottle, client_ip
from marketplace.models import User

TAGS = ["账号"]


def _by_password(request: Request, phone: str, password: str) -> User:
    user = authenticate(request, phone=phone, password=password)
    if user is None:
        raise ValidationError(_("手机号或密码不正确。"), code="login_failed")
    return user


def _signed_in(request: Request, user: User, http_status: int = status.HTTP_200_OK) -> Response:
    login(request, user, backend=PHONE_BACKEND)
    return Response(MeSerializer(user).data, status=http_status)


class SmsCodeView(APIView):
    permission_classes = [AllowAny]
    throttle_classes = [ClientScopedRateThrottle]
    throttle_scope = "sms"

    @extend_schema(
        tags=TAGS,
        summary="发送短信验证码",
        request=SmsCodeRequestSerializer,
        responses={200: SmsCodeSentSerializer, **errors(400, 429)},
    )
    def post(self, request: Request) -> Response:
        serializer = SmsCodeRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        sms_code_send(phone=serializer.validated_data["phone"], ip=client_ip(request))
        return Response({"sent": True, "expires_in": settings.SMS_CODE_TTL_SECONDS})


class LoginView(APIView):
    permission_classes = [AllowAny]
    throttle_classes = [ClientScopedRateThrottle]
    throttle_scope = "login"

    @extend_schema(
        tags=TAGS,
        summary="登录（密码或短信验证码）",
        description=(
            "验证码登录时，未注册的号码按 `role` 新建账号并返回 201。"
            "人社局和协作站的工作人员还需 `otp`（验证器App的6位动态码）：缺少时返回 403 `otp_required`；"
            "尚未绑定验证器时返回 403 `otp_enrolment_required`，先调用 `/api/auth/otp/enrolment` 取得二维码。"
        ),
        request=LoginSerializer,
        responses={200: MeSerializer, 201: MeSerializer, **errors(400, 403, 429)},
    )
    def post(self, request: Request) -> Response:
        serializer = LoginSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        if data.get("password"):
            user = _by_password(request, data["phone"], data["password"])
            second_factor.check(user, data.get("otp"))
            return _signed_in(request, user)
        # A deactivated account is refused there (account_inactive, a 403): the code proves the
        # number, not that the account may still be used.
        check = sms_code_login(phone=data["phone"], code=data["code"], role=data["role"])
        second_factor.check(check.user, data.get("otp"))
        return _signed_in(request, check.user, status.HTTP_201_CREATED if check.created else status.HTTP_200_OK)


class OtpEnrolmentView(APIView):
    """The QR code a staff member scans before their first sign-in (the password proves who asks)."""

    permission_classes = [AllowAny]
    throttle_classes = [ClientScopedRateThrottle]
    throttle_scope = "login"

    @extend_schema(
        tags=TAGS,
        summary="工作人员绑定验证器（取得二维码）",
        description=(
            "只用于尚未绑定验证器的人社局、协作站工作人员；扫码后用登录接口的 `otp` 提交第一个动态码即完成绑定。"
        ),
        request=OtpEnrolmentRequestSerializer,
        responses={200: OtpEnrolmentSerializer, **errors(400, 409, 429)},
    )
    def post(self, request: Request) -> Response:
        serializer = OtpEnrolmentRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = serializer.validated_data
        user = _by_password(request, data["phone"], data["password"])
        if not second_factor.required_for(user):
            raise ValidationError(_("该账号不需要动态验证码。"), code="otp_not_required")
        if second_factor.has_device(user):
            raise ValidationError(_("该账号已绑定验证器；如需更换，请联系管理员重置。"), code="otp_already_enrolled")
        enrolment = second_factor.pending_enrolment(user)
        return Response(
            {"otpauth_url": enrolment.otpauth_url, "secret": enrolment.secret, "qr_png": enrolment.qr_data_url}
        )


class SignupView(APIView):
    # Sign-up tells whether a number is registered (phone_taken): limited like login.
    permission_classes = [AllowAny]
    throttle_classes = [ClientScopedRateThrottle]
    throttle_scope = "login"

    @extend_schema(
        tags=TAGS,
        summary="注册（求职者或企业账号）",
        request=SignupSerializer,
        responses={201: MeSerializer, **errors(400, 409, 429)},
    )
    def post(self, request: Request) -> Response:
        serializer = SignupSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        user = user_signup(**serializer.validated_data)
        return _signed_in(request, user, status.HTTP_201_CREATED)


class LogoutView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(tags=TAGS, summary="退出登录", request=None, responses={204: OpenApiResponse(), **errors(401, 403)})
    def post(self, request: Request) -> Response:
        logout(request)
        return Response(status=status.HTTP_204_NO_CONTENT)


class MeView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=TAGS,
        summary="当前用户",
        description="同时设置 `csrftoken` Cookie：登录后的写请求须在 `X-CSRFToken` 头中带上它。",
        responses={200: MeSerializer, **errors(401)},
    )
    def get(self, request: Request) -> Response:
        get_token(request)
        return Response(MeSerializer(request.user).data)


class PersonalDataView(APIView):
    """个人信息副本 (PIPL art. 45): everything held about the signed-in person, as a file."""

    permission_classes = [IsAuthenticated]

    @extend_schema(tags=TAGS, summary="下载我的个人信息副本", responses={200: OpenApiResponse(description="JSON 文件"),
                                                                        **errors(401, 403)})  # fmt: skip
    def get(self, request: Request) -> Response:
        data = personal_data_export(request.user)
        disposition = 'attachment; filename="jiuyetong-personal-data.json"'
        return Response(data, headers={"Content-Disposition": disposition, "Cache-Control": "no-store"})


class AccountEraseView(APIView):
    """注销账号 (PIPL art. 47): proven by the password or an SMS code, and the word 注销."""

    permission_classes = [IsAuthenticated]
    throttle_classes = [ClientScopedRateThrottle]
    throttle_scope = "login"

    @extend_schema(
        tags=TAGS,
        summary="注销账号并删除个人信息",
        description="身份证号、手机号、姓名、自我介绍、位置、证书和消息被删除；投递记录保留但不再指向本人。不可恢复。",
        request=AccountEraseSerializer,
        responses={204: OpenApiResponse(), **errors(400, 401, 403, 429)},
    )
    def post(self, request: Request) -> Response:
        serializer = AccountEraseSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data, user = serializer.validated_data, request.user
        if data.get("password"):
            if not user.check_password(data["password"]):
                raise ValidationError({"password": [_("密码不正确。")]}, code="login_failed")
        else:
            sms_code_login(phone=user.phone, code=data["code"])  # the account's own number: it is this account
        account_erase(user=user)
        logout(request)
        return Response(status=status.HTTP_204_NO_CONTENT)
