"""Validators for identifiers the bureau's data carries, with messages users can act on."""

from __future__ import annotations

import datetime
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# GB 32100-2015: the 统一社会信用代码 alphabet omits I, O, S, V and Z.
_CREDIT_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
# GB 11643-1999: ISO 7064 MOD 11-2 over the first 17 digits.
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
_ID_CHECK = "10X98765432"
_PHONE_RE = re.compile(r"^1[3-9]\d{9}$")
# An employer's line: a mobile, or a landline with its area code (0855-8221234, 020-12345678).
_LANDLINE_RE = re.compile(r"^0\d{2,3}\d{7,8}$")


def is_digits(text: str) -> bool:
    """Only the ASCII digits 0-9. `str.isdigit()` also says yes to ² and ①, which `int()` refuses:
    a query parameter `page_size=²` passed the check and then failed as a 500."""
    return text.isascii() and text.isdigit()


def credit_code_check_char(first17: str) -> str:
    total = sum(_CREDIT_CODE_CHARS.index(ch) * w for ch, w in zip(first17, _CREDIT_CODE_WEIGHTS, strict=True))
    return _CREDIT_CODE_CHARS[(31 - total % 31) % 31]


def normalize_credit_code(value: str) -> str:
    return (value or "").strip().upper()


def validate_credit_code(value: str) -> None:
    """Refuse a 统一社会信用代码 that is malformed or whose check character does not match."""
    code = normalize_credit_code(value)
    if len(code) != 18 or any(ch not in _CREDIT_CODE_CHARS for ch in code):
        raise ValidationError(_("统一社会信用代码应为18位数字或大写字母。"), code="credit_code_format")
    if credit_code_check_char(code[:17]) != code[17]:
        raise ValidationError(_("统一社会信用代码校验位不正确，请核对后重新输入。"), code="credit_code_check")


def id_number_check_char(first17: str) -> str:
    return _ID_CHECK[sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True)) % 11]


def normalize_id_number(value: str) -> str:
    return (value or "").strip().upper().replace(" ", "")


def validate_id_number(value: str) -> None:
    """An 18-digit 居民身份证号码 with a real birth date and a matching check digit."""
    number = normalize_id_number(value)
    if not re.fullmatch(r"\d{17}[\dX]", number):
        raise ValidationError(_("身份证号码应为18位，最后一位可以是数字或X。"), code="id_format")
    try:
        birth = datetime.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError as exc:
        raise ValidationError(_("身份证号码中的出生日期不正确。"), code="id_birth_date") from exc
    if not datetime.date(1900, 1, 1) <= birth <= datetime.date.today():
        raise ValidationError(_("身份证号码中的出生日期不正确。"), code="id_birth_date")
    if id_number_check_char(number[:17]) != number[17]:
        raise ValidationError(_("身份证号码校验位不正确，请核对后重新输入。"), code="id_check")


def normalize_phone(value: str) -> str:
    """Accept what people type: spaces, dashes, a +86 or 86 prefix."""
    digits = re.sub(r"[\s\-()]", "", value or "")
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    return digits


def validate_phone(value: str) -> None:
    if not _PHONE_RE.match(normalize_phone(value)):
        raise ValidationError(_("请输入11位中国大陆手机号码。"), code="phone_format")


def validate_contact_phone(value: str) -> None:
    number = normalize_phone(value)
    if not (_PHONE_RE.match(number) or _LANDLINE_RE.match(number)):
        raise ValidationError(_("请输入手机号码，或带区号的座机号码（如0855-8221234）。"), code="contact_phone_format")
