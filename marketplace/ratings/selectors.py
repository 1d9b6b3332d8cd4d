"""Ratings a person has given, so pages show 已评价 instead of the buttons."""

from __future__ import annotations

from collections.abc import Iterable

from marketplace.models import ServiceRating, User


def ratings_given(user: User, service: str, ref_ids: Iterable[int]) -> dict[int, ServiceRating]:
    rows = ServiceRating.objects.filter(rater=user, service=service, ref_id__in=list(ref_ids))
    return {r.ref_id: r for r in rows}
