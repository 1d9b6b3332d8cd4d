"""The look every form shares, and parsing of the free-text lists people type on phones."""

from __future__ import annotations

import re
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

_LIST_SEPARATORS = re.compile(r"[,，、;；\s]+")


class PageForm(forms.Form):
    """Big labels and inputs, errors under the field they concern."""

    template_name = "frontend/forms/fields.html"

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        # Django's Chinese default puts "：" after every label; the bold label is enough on a phone.
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


def split_list(text: str) -> list[str]:
    """“焊工，电工 叉车” → ["焊工", "电工", "叉车"]: people separate items however their keyboard allows."""
    return [item for item in _LIST_SEPARATORS.split(text or "") if item]


def join_list(items: list[str]) -> str:
    return "、".join(items)


class PhoneInput(forms.TextInput):
    """A phone keypad on mobile, and the browser's saved number offered."""

    input_type = "tel"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__({"autocomplete": "tel", "inputmode": "tel", "placeholder": _("11位手机号"), **(attrs or {})})


class DateInput(forms.DateInput):
    """The phone's own date picker."""

    input_type = "date"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%d")


class NumberInput(forms.NumberInput):
    """A numeric keypad."""

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__({"inputmode": "numeric", **(attrs or {})})
