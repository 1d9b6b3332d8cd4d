"""Read queries of job postings; views and APIs read through these.

`posting_public_q` is the one definition of "a job the public may see": published, still valid,
from an employer not on the wage-arrears blacklist. It is evaluated at query time, so
blacklisting hides an employer's jobs at once, and lifting it brings them back.
"""

from __future__ import annotations

from django.db.models import Case, IntegerField, Q, QuerySet, Value, When
from django.utils import timezone

from marketplace.accounts.models import User
from marketplace.employers.selectors import blacklisted
from marketplace.enums import PostingStatus
from marketplace.postings.models import JobPosting


def posting_public_q() -> Q:
    today = timezone.localdate()
    return Q(status=PostingStatus.PUBLISHED) & (Q(valid_until__isnull=True) | Q(valid_until__gte=today))


def posting_list_public(*, limit: int | None = None) -> QuerySet[JobPosting]:
    """Published postings, newest first, as an anonymous visitor may see them."""
    qs = (
        JobPosting.objects.filter(posting_public_q())
        .exclude(blacklisted())
        .select_related("employer", "occupation", "occupation__family")
        .order_by("-published_at", "-id")
    )
    return qs[:limit] if limit else qs


def posting_is_public(posting: JobPosting) -> bool:
    return posting_list_public().filter(pk=posting.pk).exists()


def posting_similar_open(posting: JobPosting, *, limit: int = 5) -> list[JobPosting]:
    """Open jobs to offer instead of one that is gone: same trade, then same family, nearer first."""
    same_trade = When(occupation_id=posting.occupation_id, then=Value(2)) if posting.occupation_id else None
    family_id = posting.occupation.family_id if posting.occupation_id else None
    same_family = When(occupation__family_id=family_id, then=Value(1)) if family_id else None
    likeness = [w for w in (same_trade, same_family) if w is not None]
    trade = Case(*likeness, default=Value(0), output_field=IntegerField()) if likeness else Value(0)
    here = Case(When(county=posting.county, then=Value(1)), default=Value(0), output_field=IntegerField())
    rows = (posting_list_public().exclude(pk=posting.pk).annotate(trade=trade, here=here)
            .order_by("-trade", "-here", "-published_at", "-id"))  # fmt: skip
    return list(rows[:limit])


def _station_scope(station_id: int) -> Q:
    """Postings a station made, or its partner employers' (东西部劳务协作)."""
    return Q(station_id=station_id) | Q(employer__station_id=station_id)


def posting_list_public_for_station(*, station_id: int) -> QuerySet[JobPosting]:
    """The open postings a station can send its workers to: for trips, dispatches and 代办."""
    return posting_list_public().filter(_station_scope(station_id))


def posting_list_for_user(*, user: User) -> QuerySet[JobPosting]:
    """Postings a signed-in organisation manages: its own (employer), its station's, or all (bureau)."""
    qs = JobPosting.objects.select_related("employer", "occupation").order_by("-updated_at", "-id")
    if user.is_bureau:
        return qs
    if user.is_employer_member:
        return qs.filter(employer_id=user.employer_id)
    if user.is_station_staff:
        return qs.filter(_station_scope(user.station_id))
    return qs.none()


def moderation_queue() -> QuerySet[JobPosting]:
    """Pending postings, flagged ones first, oldest first: what bureau staff review next."""
    return (
        JobPosting.objects.filter(status=PostingStatus.PENDING)
        .select_related("employer", "occupation")
        .order_by("-flags", "updated_at")
    )
