"""The occupation taxonomy: autocomplete, families, and suggestions from a posting's text."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from marketplace.api.openapi import errors
from marketplace.models import Occupation
from marketplace.occupations.api.serializers import (
    OccupationFamilySerializer,
    OccupationQuerySerializer,
    OccupationSerializer,
    OccupationSuggestRequestSerializer,
    OccupationSuggestResponseSerializer,
)
from marketplace.occupations.selectors import occupation_family_list_with_counts
from marketplace.occupations.taxonomy import suggest_occupations

TAGS = ["工种"]
DEFAULT_SEARCH_LIMIT = 20


def _rank(occupation: Occupation, q: str) -> int | None:
    """How well an occupation answers what was typed: name first, then colloquial names; None: not at all."""
    if occupation.name == q:
        return 0
    if occupation.name.startswith(q):
        return 1
    if q in occupation.name:
        return 2
    if q in occupation.synonyms:
        return 3
    if any(q in synonym for synonym in occupation.synonyms):
        return 4
    return None


def occupation_search(*, q: str, family_id: int | None = None, limit: int | None = None) -> list[Occupation]:
    """Names and synonyms containing `q`, best first.

    Synonyms are a JSON list, which SQLite (the embedded mode) stores with escaped non-ASCII text,
    so a database `contains` would miss 焊 there; the taxonomy is a few hundred rows, so the
    matching is done here, the same way on every database.
    """
    occupations = Occupation.objects.select_related("family").order_by("code")
    if family_id is not None:
        occupations = occupations.filter(family_id=family_id)
    q = q.strip()
    if not q:
        found = list(occupations)
    else:
        ranked = [(rank, occ) for occ in occupations if (rank := _rank(occ, q)) is not None]
        found = [occ for _rank_value, occ in sorted(ranked, key=lambda item: (item[0], item[1].code))]
    return found[:limit] if limit else found


class OccupationListView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        tags=TAGS,
        summary="查找工种（自动补全）",
        parameters=[OccupationQuerySerializer],
        responses={200: OccupationSerializer(many=True), **errors(400)},
    )
    def get(self, request: Request) -> Response:
        query = OccupationQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        q = query.validated_data.get("q", "")
        limit = query.validated_data.get("limit") or (DEFAULT_SEARCH_LIMIT if q.strip() else None)
        found = occupation_search(q=q, family_id=query.validated_data.get("family"), limit=limit)
        return Response(OccupationSerializer(found, many=True).data)


class OccupationFamilyListView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(tags=TAGS, summary="职业大类", responses={200: OccupationFamilySerializer(many=True)})
    def get(self, request: Request) -> Response:
        return Response(OccupationFamilySerializer(occupation_family_list_with_counts(), many=True).data)


class OccupationSuggestView(APIView):
    permission_classes = [AllowAny]

    @extend_schema(
        tags=TAGS,
        summary="根据岗位名称和描述推荐工种",
        request=OccupationSuggestRequestSerializer,
        responses={200: OccupationSuggestResponseSerializer, **errors(400)},
    )
    def post(self, request: Request) -> Response:
        serializer = OccupationSuggestRequestSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        suggestions = suggest_occupations(**serializer.validated_data)
        return Response(OccupationSuggestResponseSerializer({"suggestions": suggestions}).data)
