"""Bulk import of postings from a CSV or Excel sheet, for stations and bureau staff."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.parsers import FormParser, MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from marketplace.api.openapi import errors
from marketplace.models import Employer
from marketplace.permissions import require
from marketplace.postings.importing import ImportFileError, ImportReport, postings_import


class PostingImportRequestSerializer(serializers.Serializer):
    file = serializers.FileField(help_text=".csv（UTF-8）或 .xlsx，按导入模板填写")
    employer = serializers.PrimaryKeyRelatedField(
        queryset=Employer.objects.all(), required=False, allow_null=True, default=None,
        help_text="全部岗位都属于这个单位时填写；否则表格中须有统一社会信用代码列",
    )  # fmt: skip
    dry_run = serializers.BooleanField(required=False, default=False, help_text="只校验，不创建")


class ImportRowErrorSerializer(serializers.Serializer):
    row = serializers.IntegerField(help_text="Excel 中的行号（表头为第1行）")
    field = serializers.CharField(help_text="列名；为空表示整行")
    message = serializers.CharField()


class ImportReportSerializer(serializers.Serializer):
    total_rows = serializers.IntegerField()
    created = serializers.IntegerField(help_text="新建的岗位数")
    created_ids = serializers.ListField(child=serializers.IntegerField())
    errors = ImportRowErrorSerializer(many=True)

    def to_representation(self, report: ImportReport) -> dict:
        return {
            "total_rows": report.total_rows,
            "created": len(report.created),
            "created_ids": [posting.pk for posting in report.created],
            "errors": [{"row": e.row, "field": e.field, "message": e.message} for e in report.errors],
        }


class PostingImportView(APIView):
    permission_classes = [IsAuthenticated]
    parser_classes = [MultiPartParser, FormParser]

    @extend_schema(
        tags=["岗位"],
        summary="批量导入岗位（协作站、人社局）",
        description="先校验全部行：有错的行不导入并逐行说明，其余一次性创建并提交审核。",
        request={"multipart/form-data": PostingImportRequestSerializer},
        responses={200: ImportReportSerializer, **errors(400, 401, 403)},
    )
    def post(self, request: Request) -> Response:
        require(request.user, "posting.import")
        serializer = PostingImportRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        upload = serializer.validated_data["file"]
        try:
            report = postings_import(
                by=request.user,
                file=upload,
                filename=upload.name,
                employer=serializer.validated_data["employer"],
                dry_run=serializer.validated_data["dry_run"],
            )
        except ImportFileError as exc:
            raise ValidationError({"file": [ValidationError(exc.message, code="import_file_invalid")]}) from exc
        return Response(ImportReportSerializer(report).data)
