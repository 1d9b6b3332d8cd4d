"""What the schema says about errors: every endpoint lists the statuses it can answer with."""

from __future__ import annotations

from drf_spectacular.utils import OpenApiResponse
from rest_framework import serializers

_DESCRIPTIONS = {
    400: "输入有误：`fields` 列出各字段的问题",
    401: "未登录",
    403: "无权进行此操作（或 CSRF 校验失败：`csrf_failed`）",
    404: "不存在，或无权查看",
    409: "当前状态不允许此操作（如重复投递 `duplicate_application`）",
    429: "操作太频繁",
}


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
