"""A second factor for the bureau's and the stations' staff: a TOTP code from an authenticator app.

Staff accounts see every seeker's ID and phone number and act for workers; a password alone is
not enough for that (等保三级 asks for two factors for privileged users). The code is asked at
sign-in, by every way of signing in (API and pages, password or SMS code), so a staff session
only ever exists after both; seekers and employers are not asked.

The first sign-in enrols: after the password, the person scans a QR code (otpauth://, any
authenticator app: 微信小程序“腾讯身份验证器”, Google Authenticator …) and types the code it
shows, which confirms the device. Devices and their throttling are django-otp's TOTPDevice: a
wrong code makes the next try wait longer.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from urllib.parse import quote, urlencode

import qrcode
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from marketplace.enums import Role
from marketplace.models import User
from marketplace.validators import is_digits

STAFF_ROLES = frozenset({Role.BUREAU, Role.STATION})
ISSUER = "就业通"
DEVICE_NAME = "authenticator"


class SecondFactorNeeded(ValidationError):
    """The password (or SMS code) was right; now the TOTP code is needed, or a device to enrol."""

    def __init__(self, message: str, code: str, enrolment: Enrolment | None = None) -> None:
        super().__init__(message, code=code)
        self.enrolment = enrolment


@dataclass(frozen=True)
class Enrolment:
    """What the person scans (or types) into their authenticator app."""

    otpauth_url: str
    secret: str  # base32, for typing by hand
    qr_png: bytes

    @property
    def qr_data_url(self) -> str:
        return "data:image/png;base64," + base64.b64encode(self.qr_png).decode("ascii")


def required_for(user: User) -> bool:
    return user.role in STAFF_ROLES or user.is_staff or user.is_superuser


def has_device(user: User) -> bool:
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def check(user: User, code: str | None) -> None:
    """Let the sign-in through, or raise: a code is needed (otp_required), a device must be
    enrolled first (otp_enrolment_required, with what to scan), or the code is wrong."""
    if not required_for(user):
        return
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    enrolling = device is None
    if enrolling:
        device = _pending_device(user)
    code = (code or "").strip()
    if not code:
        if enrolling:
            raise SecondFactorNeeded(
                _("工作人员账号需要绑定动态验证码：请用验证器App扫描二维码，再输入它显示的6位数字。"),
                "otp_enrolment_required",
                enrolment(device),
            )
        raise SecondFactorNeeded(_("请输入验证器App显示的6位动态验证码。"), "otp_required")
    allowed, _detail = device.verify_is_allowed()
    if not allowed:
        raise ValidationError({"otp": [_("动态验证码错误次数过多，请稍等片刻再试。")]}, code="otp_throttled")
    if not (is_digits(code) and len(code) == 6 and device.verify_token(code)):
        raise ValidationError({"otp": [_("动态验证码不正确或已过期，请输入App上最新的6位数字。")]}, code="otp_invalid")
    if enrolling:
        device.confirmed = True
        device.save(update_fields=["confirmed"])


def enrolment(device: TOTPDevice) -> Enrolment:
    # django-otp's config_url labels the key with the username, here a digest of the phone: the
    # app would show a hash. The masked number tells the person which account it is.
    secret = base64.b32encode(device.bin_key).decode("ascii")
    label = quote(f"{ISSUER}:{device.user.masked_phone}")
    query = urlencode({"secret": secret, "issuer": ISSUER, "algorithm": "SHA1", "digits": device.digits,
                       "period": device.step})  # fmt: skip
    url = f"otpauth://totp/{label}?{query}"
    image = qrcode.make(url, box_size=6, border=2)
    out = io.BytesIO()
    image.save(out, format="PNG")
    return Enrolment(otpauth_url=url, secret=secret, qr_png=out.getvalue())


def pending_enrolment(user: User) -> Enrolment:
    return enrolment(_pending_device(user))


def _pending_device(user: User) -> TOTPDevice:
    """The one unconfirmed device of a person enrolling: the same secret until they confirm it,
    so a second look at the page does not invalidate what they already scanned."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("id").first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    return device
