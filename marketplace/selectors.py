"""Read queries of the marketplace; views and APIs read through these.

`posting_public_q` is the one definition of "a job the public may see": published, still valid,
from an employer not on the wage-arrears blacklist. It is evaluated at query time, so
blacklisting hides an employer's jobs at once, and lifting it brings them back.
"""

from __future__ import annotations

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone

from marketplace.enums import PostingStatus
from marketplace.models import Application, BlacklistEntry, Employer, JobPosting, OccupationFamily, User, WorkerProfile


def _blacklisted(employer_ref: str = "employer") -> Exists:
    return Exists(BlacklistEntry.objects.filter(BlacklistEntry.active_q(), employer=OuterRef(employer_ref)))


def posting_public_q() -> Q:
    today = timezone.localdate()
    return Q(status=PostingStatus.PUBLISHED) & (Q(valid_until__isnull=True) | Q(valid_until__gte=today))


def posting_list_public(*, limit: int | None = None) -> QuerySet[JobPosting]:
    """Published postings, newest first, as an anonymous visitor may see them."""
    qs = (
        JobPosting.objects.filter(posting_public_q())
        .exclude(_blacklisted())
        .select_related("employer", "occupation", "occupation__family")
        .order_by("-published_at", "-id")
    )
    return qs[:limit] if limit else qs


def posting_is_public(posting: JobPosting) -> bool:
    return posting_list_public().filter(pk=posting.pk).exists()


def posting_list_for_user(*, user: User) -> QuerySet[JobPosting]:
    """Postings a signed-in organisation manages: its own (employer), its station's, or all (bureau)."""
    qs = JobPosting.objects.select_related("employer", "occupation").order_by("-updated_at", "-id")
    if user.is_bureau:
        return qs
    if user.is_employer_member:
        return qs.filter(employer_id=user.employer_id)
    if user.is_station_staff:
        return qs.filter(Q(station_id=user.station_id) | Q(employer__station_id=user.station_id))
    return qs.none()


def moderation_queue() -> QuerySet[JobPosting]:
    """Pending postings, flagged ones first, oldest first: what bureau staff review next."""
    return (
        JobPosting.objects.filter(status=PostingStatus.PENDING)
        .select_related("employer", "occupation")
        .order_by("-flags", "updated_at")
    )


def employer_list_pending_verification() -> QuerySet[Employer]:
    return Employer.objects.filter(verification="pending").order_by("created_at")


def employer_list_blacklisted() -> QuerySet[Employer]:
    return Employer.objects.filter(_blacklisted("pk")).order_by("name")


def application_list_for_seeker(*, user: User) -> QuerySet[Application]:
    return Application.objects.filter(profile__user=user).select_related("posting", "posting__employer")


def application_list_for_posting(*, posting: JobPosting) -> QuerySet[Application]:
    return (
        Application.objects.filter(posting=posting)
        .select_related("profile", "profile__user")
        .prefetch_related("profile__group_tags")
        .order_by("-created_at")
    )


def profile_list_visible_to_employers() -> QuerySet[WorkerProfile]:
    return WorkerProfile.objects.filter(visibility="open")


def occupation_family_list_with_counts() -> QuerySet[OccupationFamily]:
    return OccupationFamily.objects.annotate(occupation_count=Count("occupations")).order_by("sort_order", "code")
