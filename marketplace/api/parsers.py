"""DRF's parsers, refusing text PostgreSQL cannot take.

PostgreSQL's text types cannot hold, or even compare against, a NUL character: a NUL in any value
that reached a query (a slug looked up, a filter) was a psycopg DataError and a 500. CharField
already refuses NUL; other fields and lookups did not. Refusing it once, where bodies are parsed,
covers every field of every endpoint, present and future.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _
from rest_framework import parsers
from rest_framework.exceptions import ParseError

MSG_NUL = _("提交的内容含有无法识别的字符，请删除后再试。")


def contains_nul(value: Any) -> bool:
    if isinstance(value, str):
        return "\x00" in value
    if hasattr(value, "lists"):  # QueryDict before dict: its items() gives only each key's last value
        return any(contains_nul(k) or contains_nul(v) for k, v in value.lists())
    if isinstance(value, dict):
        return any(contains_nul(k) or contains_nul(v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return any(contains_nul(v) for v in value)
    return False


class RefuseNul(ParseError):
    default_detail = MSG_NUL
    default_code = "nul_character"


class _NulFree:
    def parse(self, stream, media_type=None, parser_context=None):
        parsed = super().parse(stream, media_type, parser_context)
        data = getattr(parsed, "data", parsed)  # multipart: DataAndFiles
        if contains_nul(data):
            raise RefuseNul()
        return parsed


class JSONParser(_NulFree, parsers.JSONParser):
    pass


class FormParser(_NulFree, parsers.FormParser):
    pass


class MultiPartParser(_NulFree, parsers.MultiPartParser):
    pass
