"""Sign-up and login by mobile number: password, or a one-time SMS code.

Codes are six digits, stored only as a keyed digest, valid for `SMS_CODE_TTL_SECONDS`, used once,
and limited per number and per IP so nobody can flood a phone or enumerate codes.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.accounts.models import phone_digest
from marketplace.enums import Role
from marketplace.models import SmsCode, User
from marketplace.privacy import digest
from marketplace.sms import sms_send
from marketplace.validators import normalize_phone, validate_phone

# Wrong guesses allowed on one code before it is burnt.
MAX_CODE_ATTEMPTS = 5


class RateLimited(ValidationError):
    """Too many codes asked for; the message says when to try again."""


@dataclass(frozen=True)
class CodeCheck:
    user: User
    created: bool


def _code_digest(phone: str, code: str) -> str:
    return digest("sms", f"{normalize_phone(phone)}:{code}")


def sms_code_send(*, phone: str, ip: str | None) -> None:
    """Send a login code, unless this number or this IP asked too often recently."""
    validate_phone(phone)
    phone = normalize_phone(phone)
    now = timezone.now()
    key = phone_digest(phone)
    recent = SmsCode.objects.filter(phone_digest=key, created_at__gte=now - timedelta(seconds=60))
    if recent.exists():
        raise RateLimited(_("验证码已发送，请60秒后再试。"), code="sms_too_soon")
    per_hour = settings.SMS_CODES_PER_NUMBER_PER_HOUR
    if SmsCode.objects.filter(phone_digest=key, created_at__gte=now - timedelta(hours=1)).count() >= per_hour:
        raise RateLimited(_("该手机号获取验证码过于频繁，请1小时后再试。"), code="sms_number_limit")
    if ip:
        per_ip = settings.SMS_CODES_PER_IP_PER_HOUR
        if SmsCode.objects.filter(ip=ip, created_at__gte=now - timedelta(hours=1)).count() >= per_ip:
            raise RateLimited(_("当前网络获取验证码过于频繁，请稍后再试。"), code="sms_ip_limit")
    code = f"{secrets.randbelow(10**6):06d}"
    SmsCode.objects.create(
        phone_digest=key,
        code_digest=_code_digest(phone, code),
        ip=ip,
        created_at=now,
        expires_at=now + timedelta(seconds=settings.SMS_CODE_TTL_SECONDS),
    )
    minutes = settings.SMS_CODE_TTL_SECONDS // 60
    sms_send(phone=phone, text=f"【就业通】您的验证码是{code}，{minutes}分钟内有效。如非本人操作请忽略。")


def _code_use(phone: str, code: str) -> None:
    """Use the number's latest code, once; a wrong guess counts (five burn it). Refused in Chinese."""
    with transaction.atomic():
        # The row lock makes two simultaneous uses of one code succeed at most once.
        latest = (
            SmsCode.objects.select_for_update()
            .filter(phone_digest=phone_digest(phone), used_at__isnull=True, expires_at__gt=timezone.now())
            .order_by("-created_at")
            .first()
        )
        accepted = (
            latest is not None
            and latest.attempts < MAX_CODE_ATTEMPTS
            and secrets.compare_digest(latest.code_digest, _code_digest(phone, (code or "").strip()))
        )
        if latest is not None and not accepted:
            # Committed with the block, so wrong guesses add up even though the caller gets an error.
            SmsCode.objects.filter(pk=latest.pk).update(attempts=latest.attempts + 1)
        elif accepted:
            latest.used_at = timezone.now()
            latest.save(update_fields=["used_at"])
    if not accepted:
        raise ValidationError(_("验证码不正确或已过期，请重新获取。"), code="sms_invalid")


def sms_code_login(*, phone: str, code: str, role: str = Role.SEEKER) -> CodeCheck:
    """Check a code; a number seen for the first time becomes a new account of `role`."""
    validate_phone(phone)
    phone = normalize_phone(phone)
    _code_use(phone, code)
    try:
        user = User.objects.get_by_phone(phone)
    except User.DoesNotExist:
        user = None
    if user is not None:
        if not user.is_active:
            raise ValidationError(_("该账号已停用，如有疑问请联系人社局。"), code="account_inactive")
        return CodeCheck(user=user, created=False)
    return CodeCheck(user=user_signup(phone=phone, password=None, role=role), created=True)


def sms_code_send_for_signup(*, phone: str, ip: str | None) -> None:
    """获取验证码 on the sign-up page: a number that already has an account is told to log in instead."""
    validate_phone(phone)
    if User.objects.filter(phone_digest=phone_digest(phone)).exists():
        raise ValidationError(_("该手机号已注册，请直接登录。"), code="phone_taken")
    sms_code_send(phone=phone, ip=ip)


def sms_code_signup(
    *, phone: str, code: str, password: str | None = None, role: str = Role.SEEKER, display_name: str = ""
) -> User:
    """Sign up with the code texted to the number: it proves the phone is theirs; a password is optional.

    Everything that can be refused without the code is checked first, so a refusal never burns it.
    """
    validate_phone(phone)
    phone = normalize_phone(phone)
    if role not in (Role.SEEKER, Role.EMPLOYER):
        raise ValidationError(_("该角色需由人社局开通。"), code="role_not_self_service")
    if password:
        validate_password(password)
    if User.objects.filter(phone_digest=phone_digest(phone)).exists():
        raise ValidationError(_("该手机号已注册，请直接登录。"), code="phone_taken")
    _code_use(phone, code)
    return user_signup(phone=phone, password=password or None, role=role, display_name=display_name)


def user_signup(*, phone: str, password: str | None, role: str = Role.SEEKER, display_name: str = "") -> User:
    """A new self-service account: seekers and employer members sign themselves up."""
    validate_phone(phone)
    if role not in (Role.SEEKER, Role.EMPLOYER):
        raise ValidationError(_("该角色需由人社局开通。"), code="role_not_self_service")
    if password is not None:
        validate_password(password)
    if User.objects.filter(phone_digest=phone_digest(phone)).exists():
        raise ValidationError(_("该手机号已注册，请直接登录。"), code="phone_taken")
    try:
        with transaction.atomic():
            user = User.objects.create_user(phone, password, role=role, display_name=display_name)
    except IntegrityError as exc:  # a double tap racing the check above
        raise ValidationError(_("该手机号已注册，请直接登录。"), code="phone_taken") from exc
    if role == Role.SEEKER:
        from marketplace.models import WorkerProfile

        WorkerProfile.objects.create(user=user, name=display_name)
    return user
