"""Validators for identifiers the bureau's data carries."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# GB 32100-2015: the 统一社会信用代码 alphabet omits I, O, S, V and Z.
_CREDIT_CODE_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_CODE_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)


def credit_code_check_char(first17: str) -> str:
    total = sum(_CREDIT_CODE_CHARS.index(ch) * w for ch, w in zip(first17, _CREDIT_CODE_WEIGHTS, strict=True))
    return _CREDIT_CODE_CHARS[(31 - total % 31) % 31]


def validate_credit_code(value: str) -> None:
    """Refuse a 统一社会信用代码 that is malformed or whose check character does not match."""
    code = (value or "").strip().upper()
    if len(code) != 18 or any(ch not in _CREDIT_CODE_CHARS for ch in code):
        raise ValidationError(_("统一社会信用代码应为18位数字或大写字母。"), code="credit_code_format")
    if credit_code_check_char(code[:17]) != code[17]:
        raise ValidationError(_("统一社会信用代码校验位不正确，请核对后重新输入。"), code="credit_code_check")
