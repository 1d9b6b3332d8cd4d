"""Personal information under PIPL: encryption at rest, lookup digests and masking.

ID numbers (身份证) and phone numbers are stored encrypted (Fernet, keys rotatable with
MultiFernet: the first key encrypts, every key decrypts). Looking a person up by phone or ID
uses a keyed HMAC digest, so the database never holds either in clear, not even in an index.
Everyone without a reason to see them gets the masked form.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import re
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.utils.translation import gettext as _


def _fernet_key(secret: str) -> bytes:
    # Any string is accepted; a proper Fernet key passes through the same derivation unchanged in strength.
    return base64.urlsafe_b64encode(hashlib.sha256(secret.encode("utf-8")).digest())


@cache
def _fernet() -> MultiFernet:
    keys = [k for k in settings.FIELD_ENCRYPTION_KEYS if k]
    if not keys:
        raise ImproperlyConfigured("FIELD_ENCRYPTION_KEYS is empty: personal data cannot be stored.")
    return MultiFernet([Fernet(_fernet_key(k)) for k in keys])


def encrypt(value: str) -> str:
    return _fernet().encrypt(value.encode("utf-8")).decode("ascii")


def decrypt(token: str) -> str:
    try:
        return _fernet().decrypt(token.encode("ascii")).decode("utf-8")
    except InvalidToken as exc:
        raise ValueError("personal data could not be decrypted with the configured keys") from exc


def digest(kind: str, value: str) -> str:
    """A stable keyed digest for exact lookups (login by phone, one profile per ID number)."""
    key = hashlib.sha256(("digest:" + settings.FIELD_ENCRYPTION_KEYS[0]).encode("utf-8")).digest()
    return hmac.new(key, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()


def signed_id(kind: str, pk: int) -> str:
    """A record's id with a keyed check, for QR codes (a boarding pass, a batch's check-in code).

    Short enough for a small QR code; nobody can make one for another id without SECRET keys.
    """
    return f"{pk}-{digest(kind, str(pk))[:20]}"


def id_from_signed(kind: str, token: str) -> int | None:
    """The id a `signed_id` token of `kind` carries, or None when it is malformed or forged."""
    number, _sep, check = (token or "").strip().partition("-")
    if not number.isdigit() or len(number) > 12 or not hmac.compare_digest(check, digest(kind, number)[:20]):
        return None
    return int(number)


def mask_id_number(value: str) -> str:
    """5201**********1234: region prefix and last four, enough to recognise one's own."""
    if not value:
        return ""
    return value[:4] + "*" * (len(value) - 8) + value[-4:]


def mask_phone(value: str) -> str:
    """138****5678."""
    if not value:
        return ""
    return value[:3] + "****" + value[-4:]


class EncryptedCharField(models.TextField):
    """Text encrypted at rest; Python code sees the clear value. Not searchable: pair with a digest."""

    def from_db_value(self, value, expression, connection):
        if value is None or value == "":
            return value
        return decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        if value is None or value == "":
            return value
        return encrypt(str(value))


# Numbers that identify or reach a person, as seekers type them into free text: 18- or 15-digit ID
# numbers, mobile numbers (+86 optional) and landlines, with spaces or hyphens between groups, and
# any other run of seven or more digits (QQ, bank cards). Pay ranges like 4000-6000 do not match.
_PERSONAL_NUMBER = re.compile(
    r"(?<!\d)(?:"
    r"\d{6}[\s-]?\d{8}[\s-]?\d{3}[\dXx]"
    r"|(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}"
    r"|0\d{2,3}[\s-]?\d{7,8}"
    r"|\d{7,}"
    r")(?![\dXx])"
)


def without_personal_numbers(text: str) -> str:
    """Free text with ID, phone and similar numbers cut out.

    Profiles are searched by employers; a seeker who wrote "手机138…" in the intro must not be
    findable, or identifiable, by that number. The database keeps the text as typed.
    """
    return _PERSONAL_NUMBER.sub(" ", text)


def mask_personal_numbers(text: str) -> str:
    """Free text as shown to someone without a reason to see its numbers: each one marked hidden.

    A seeker who typed 电话138… into the intro meant it for employers they apply to, not for
    every employer browsing open profiles."""
    return _PERSONAL_NUMBER.sub(str(_("［号码已隐藏］")), text or "")
