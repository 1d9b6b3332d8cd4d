"""Read queries of the marketplace; views and APIs read through these."""

from __future__ import annotations

from django.db.models import Count, QuerySet

from marketplace.enums import PostingStatus
from marketplace.models import JobPosting, OccupationFamily


def posting_list_public(*, limit: int = 20) -> QuerySet[JobPosting]:
    """Published postings, newest first, as an anonymous visitor may see them."""
    return (
        JobPosting.objects.filter(status=PostingStatus.PUBLISHED)
        .select_related("employer", "occupation")
        .order_by("-published_at", "-id")[:limit]
    )


def occupation_family_list_with_counts() -> QuerySet[OccupationFamily]:
    return OccupationFamily.objects.annotate(occupation_count=Count("occupations")).order_by("sort_order", "code")
