"""What the schema says: every endpoint lists the statuses it can answer with, and values are as sent.

Views declare the errors that depend on what they do (`errors(401, 403, 409)`); `AutoSchema` adds
the ones any request to an operation of that kind can meet, whichever view serves it, so a client
generated from the schema (and schemathesis) is never surprised by a documented error shape:

- 400 and 503 everywhere: a NUL character in the URL is refused before any view
  (config/middleware.py), and a lost database answers 503 on every path (config/error_views.py);
- 404 where the path names something;
- 403, 413 and 415 where a body is sent: the CSRF check of a signed-in session, the body limit
  (config/body_limit.py) and the parsers;
- 429 where the view throttles.

It also documents values as the API writes them where drf-spectacular's defaults did not: times
without `format: time`, blank choices with their "", fields only some viewers get as not
required, and overlapping response shapes as `anyOf`. tests/config/test_api_fuzz.py holds every
answer to the schema.
"""

from __future__ import annotations

import copy
from typing import Any

from django.core.exceptions import FieldDoesNotExist
from drf_spectacular import openapi
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.serializers import PolymorphicProxySerializerExtension
from drf_spectacular.utils import OpenApiResponse, PolymorphicProxySerializer
from rest_framework import serializers

_DESCRIPTIONS = {
    400: "输入有误：`fields` 列出各字段的问题（请求中含 NUL 字符时为 `nul_character`）",
    401: "未登录",
    403: "无权进行此操作（或 CSRF 校验失败：`csrf_failed`）",
    404: "不存在，或无权查看",
    405: "不支持该请求方式",
    409: "当前状态不允许此操作（如重复投递 `duplicate_application`）",
    413: "请求内容过大",
    415: "不支持该内容类型",
    429: "操作太频繁",
    503: "服务暂时不可用，请稍后再试",
}
_RETRY_AFTER = {
    "Retry-After": {
        "schema": {"type": "string", "pattern": "^[0-9]+$"},
        "description": "几秒后可以再试（有时给出）",
    }
}
_ERROR_HEADERS = {
    "401": {
        "WWW-Authenticate": {"schema": {"type": "string"}, "description": "登录方式：会话（先登录）"},
    },
    "429": _RETRY_AFTER,
    "503": _RETRY_AFTER,
}
UNSAFE_METHODS = frozenset({"POST", "PUT", "PATCH", "DELETE"})
# HH:MM or HH:MM:SS, with microseconds when they were sent. JSON Schema's `format: time` is RFC
# 3339's full-time, which requires a UTC offset: Django's naive times never have one.
TIME_PATTERN = r"^([01][0-9]|2[0-3]):[0-5][0-9](:[0-5][0-9](\.[0-9]{1,6})?)?$"


class ApiErrorDetailSerializer(serializers.Serializer):
    code = serializers.CharField(help_text="稳定的错误代码，供程序判断")
    message = serializers.CharField(help_text="给用户看的中文说明")
    fields = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()), help_text="字段 → 中文错误信息；没有时为空对象"
    )


class ApiErrorSerializer(serializers.Serializer):
    error = ApiErrorDetailSerializer()


def errors(*statuses: int) -> dict[int, OpenApiResponse]:
    """Error responses for `extend_schema(responses=...)`, all with the one error body."""
    return {code: OpenApiResponse(ApiErrorSerializer, description=_DESCRIPTIONS[code]) for code in statuses}


class AnyOfSerializer(PolymorphicProxySerializer):
    """A response in one of several shapes that may overlap, documented as `anyOf`.

    drf-spectacular documents a proxy as `oneOf`, which holds only when exactly one shape matches:
    an application as its employer sees it has every field the applicant's view has, so it
    matched both and broke the schema it was meant to follow.
    """


class AnyOfSerializerExtension(PolymorphicProxySerializerExtension):
    target_class = AnyOfSerializer

    def map_serializer(self, auto_schema: openapi.AutoSchema, direction: str) -> dict[str, Any]:
        schema = super().map_serializer(auto_schema, direction)
        schema["anyOf"] = schema.pop("oneOf")
        return schema


def _blank_model_choice(field: Any) -> bool:
    """A read-only choice of a model field that may be blank: its enum must hold "" too.

    ModelSerializer drops `allow_blank` from read-only fields, so the schema of, say, an
    application's first `from_status` (always "") or an unset `gender` listed only the choices.
    """
    if not isinstance(field, serializers.ChoiceField) or not field.read_only or field.allow_blank:
        return False
    model = getattr(getattr(field.parent, "Meta", None), "model", None)
    if model is None or not field.source or "." in field.source or field.source == "*":
        return False
    try:
        return model._meta.get_field(field.source).blank
    except FieldDoesNotExist:
        return False


class AutoSchema(openapi.AutoSchema):
    """drf-spectacular's schema, with the errors every operation of its kind can answer with.

    The errors are added where the responses are assembled (`_get_response_bodies`) rather than
    in `get_response_serializers`, which `extend_schema` replaces on each decorated view.
    """

    def shared_error_statuses(self) -> set[int]:
        statuses = {400, 503}
        if "{" in self.path:
            statuses.add(404)
        if self.method in UNSAFE_METHODS:
            statuses |= {403, 413, 415}
        if getattr(self.view, "throttle_classes", None):
            statuses.add(429)
        return statuses

    def _map_serializer_field(self, field: Any, direction: str, bypass_extensions: bool = False) -> dict[str, Any]:
        if _blank_model_choice(field):
            field = copy.copy(field)  # a schema-only copy: the serializer in use stays as DRF built it
            field.allow_blank = True
        return super()._map_serializer_field(field, direction, bypass_extensions)

    def _map_basic_serializer(self, serializer: Any, direction: str) -> dict[str, Any]:
        """A serializer's `Meta.viewer_dependent_fields` are left out for some viewers: not required."""
        schema = super()._map_basic_serializer(serializer, direction)
        optional = set(getattr(getattr(serializer, "Meta", None), "viewer_dependent_fields", ()))
        if optional and "required" in schema:
            schema["required"] = [name for name in schema["required"] if name not in optional]
            if not schema["required"]:
                del schema["required"]
        return schema

    def _get_response_headers_for_code(self, status_code: str, direction: str = "response") -> dict[str, Any]:
        """The headers an error may carry: when to try again (429, 503) and how to sign in (401)."""
        headers = dict(super()._get_response_headers_for_code(status_code, direction))
        headers.update(_ERROR_HEADERS.get(str(status_code), {}))
        return headers

    def _get_response_bodies(self, direction: str = "response") -> dict[str, Any]:
        responses = super()._get_response_bodies(direction)
        missing = self.shared_error_statuses() - {int(code) for code in responses}
        for code, response in errors(*sorted(missing)).items():
            responses[str(code)] = self._get_response_for_code(response, str(code), direction=direction)
        return responses


class TimeFieldExtension(OpenApiSerializerFieldExtension):
    """Times as the API writes them ("08:00:00") and reads them ("08:00" too), without `format: time`."""

    target_class = "rest_framework.fields.TimeField"
    match_subclasses = True

    def map_serializer_field(self, auto_schema: openapi.AutoSchema, direction: str) -> dict[str, Any]:
        return {"type": "string", "pattern": TIME_PATTERN, "example": "08:00:00"}
