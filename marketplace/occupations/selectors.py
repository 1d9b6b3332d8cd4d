"""Read queries of the occupation taxonomy."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from marketplace.occupations.models import OccupationFamily


def occupation_family_list_with_counts() -> QuerySet[OccupationFamily]:
    return OccupationFamily.objects.annotate(occupation_count=Count("occupations")).order_by("sort_order", "code")
