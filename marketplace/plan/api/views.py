"""The plan's figures and targets at /api/plan/ (bureau staff only)."""

from __future__ import annotations

from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import status
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from marketplace.api.bodies import validated_body
from marketplace.api.openapi import errors
from marketplace.permissions import require
from marketplace.plan import services
from marketplace.plan.api.serializers import FigureSerializer, TargetSerializer, TargetWriteSerializer
from marketplace.plan.selectors import Figure, dashboard, targets_of

TAGS = ["年度目标看板"]
YEAR = OpenApiParameter("year", int, description="年度，默认今年")


def _bureau(request: Request) -> None:
    require(request.user, "plan.manage")


def _year(request: Request) -> int:
    today = timezone.localdate()
    try:
        year = int(request.query_params.get("year") or today.year)
    except ValueError:
        return today.year
    return year if services.FIRST_YEAR <= year <= services.LAST_YEAR else today.year


def _number(value) -> float | None:
    return None if value is None else float(value)


def _figure(item: Figure) -> dict:
    d = item.definition
    return {
        "measure": d.measure, "label": str(d.measure.label), "unit": str(d.unit), "comparison": d.comparison,
        "definition": str(d.text), "actual": _number(item.actual), "target": _number(item.target),
        "expected": _number(item.expected), "standing": item.standing,
        "months": [{"month": m, "value": _number(v)} for m, v in item.months],
        "counties": [{"county": c.county, "actual": _number(c.actual), "target": _number(c.target),
                      "standing": c.standing} for c in item.counties],
    }  # fmt: skip


class FiguresView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(tags=TAGS, summary="各项指标完成情况", parameters=[YEAR],
                   description="每项指标的实际值、目标、按月和按县市的数字，均由平台记录实时统计。",
                   responses={200: FigureSerializer(many=True), **errors(401, 403)})  # fmt: skip
    def get(self, request: Request) -> Response:
        _bureau(request)
        return Response([_figure(f) for f in dashboard(_year(request), timezone.localdate())])


class TargetsView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(tags=TAGS, summary="年度目标", parameters=[YEAR],
                   responses={200: TargetSerializer(many=True), **errors(401, 403)})  # fmt: skip
    def get(self, request: Request) -> Response:
        _bureau(request)
        rows = sorted(targets_of(_year(request)).values(), key=lambda t: (t.measure, t.county))
        return Response(TargetSerializer(rows, many=True).data)

    @extend_schema(tags=TAGS, summary="设定或调整目标", description="调整已有目标须写明原因，每次调整留有记录。",
                   request=TargetWriteSerializer,
                   responses={201: TargetSerializer, **errors(400, 401, 403)})  # fmt: skip
    def post(self, request: Request) -> Response:
        _bureau(request)
        target = services.target_set(by=request.user, **validated_body(TargetWriteSerializer, request))
        return Response(TargetSerializer(target).data, status=status.HTTP_201_CREATED)
