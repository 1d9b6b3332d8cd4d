"""Sign-up, login and the signed-in user."""

from __future__ import annotations

from django.contrib.auth.password_validation import validate_password
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from marketplace.api.fields import ChoiceLabelField
from marketplace.enums import Role
from marketplace.models import User
from marketplace.validators import validate_phone

# The roles people may choose for themselves; stations and bureau staff are set up by the bureau.
SELF_SERVICE_ROLES = [(Role.SEEKER.value, Role.SEEKER.label), (Role.EMPLOYER.value, Role.EMPLOYER.label)]


def phone_field(**kwargs) -> serializers.CharField:
    return serializers.CharField(max_length=20, validators=[validate_phone], help_text="11位手机号", **kwargs)


class SmsCodeRequestSerializer(serializers.Serializer):
    phone = phone_field()


class SmsCodeSentSerializer(serializers.Serializer):
    sent = serializers.BooleanField()
    expires_in = serializers.IntegerField(help_text="验证码有效秒数")


class LoginSerializer(serializers.Serializer):
    phone = phone_field()
    password = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False, write_only=True)
    code = serializers.CharField(required=False, allow_blank=True, max_length=6, help_text="短信验证码")
    role = serializers.ChoiceField(
        choices=SELF_SERVICE_ROLES, default=Role.SEEKER.value, help_text="验证码登录的新号码注册为此角色"
    )
    otp = serializers.CharField(
        required=False, allow_blank=True, max_length=6, help_text="工作人员（人社局、协作站）的6位动态验证码"
    )

    def validate(self, attrs: dict) -> dict:
        if bool(attrs.get("password")) == bool(attrs.get("code")):
            raise serializers.ValidationError(_("请输入密码或短信验证码（二选一）。"), code="credentials_required")
        return attrs


class SignupSerializer(serializers.Serializer):
    phone = phone_field()
    password = serializers.CharField(trim_whitespace=False, write_only=True, validators=[validate_password])
    role = serializers.ChoiceField(choices=SELF_SERVICE_ROLES)
    display_name = serializers.CharField(max_length=30, required=False, allow_blank=True, default="")


class MeSerializer(serializers.ModelSerializer):
    role_label = ChoiceLabelField("role")
    phone = serializers.CharField(source="masked_phone", read_only=True, help_text="脱敏手机号")
    employer_id = serializers.IntegerField(read_only=True, allow_null=True)
    station_id = serializers.IntegerField(read_only=True, allow_null=True)
    profile_id = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = ["id", "role", "role_label", "display_name", "phone", "employer_id", "station_id", "profile_id"]
        read_only_fields = fields

    def get_profile_id(self, user: User) -> int | None:
        profile = getattr(user, "profile", None)
        return profile.pk if profile else None


class OtpEnrolmentRequestSerializer(serializers.Serializer):
    phone = phone_field()
    password = serializers.CharField(trim_whitespace=False, write_only=True)


class OtpEnrolmentSerializer(serializers.Serializer):
    otpauth_url = serializers.CharField(help_text="otpauth:// 链接，验证器App可直接导入")
    secret = serializers.CharField(help_text="密钥（Base32），无法扫码时手动输入")
    qr_png = serializers.CharField(help_text="二维码图片（data:image/png;base64,…）")


class AccountEraseSerializer(serializers.Serializer):
    password = serializers.CharField(required=False, allow_blank=True, trim_whitespace=False, write_only=True)
    code = serializers.CharField(required=False, allow_blank=True, max_length=6, help_text="短信验证码（无密码时）")
    confirm = serializers.CharField(help_text="须为“注销”二字，确认不可恢复")

    def validate_confirm(self, value: str) -> str:
        if value.strip() != "注销":
            raise serializers.ValidationError(_("请输入“注销”二字确认：注销后账号和个人信息不可恢复。"))
        return value

    def validate(self, attrs: dict) -> dict:
        if not attrs.get("password") and not attrs.get("code"):
            raise serializers.ValidationError(
                _("请输入密码或短信验证码，确认是本人操作。"), code="credentials_required"
            )
        return attrs
