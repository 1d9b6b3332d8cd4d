"""Read queries about employers: who waits for verification, who is on the blacklist today."""

from __future__ import annotations

from django.db.models import Exists, OuterRef, QuerySet

from marketplace.employers.models import BlacklistEntry, Employer


def blacklisted(employer_ref: str = "employer") -> Exists:
    """Whether the employer at `employer_ref` has a blacklist entry in force today (for filters)."""
    return Exists(BlacklistEntry.objects.filter(BlacklistEntry.active_q(), employer=OuterRef(employer_ref)))


def employer_list_pending_verification() -> QuerySet[Employer]:
    return Employer.objects.filter(verification="pending").order_by("created_at")


def employer_list_blacklisted() -> QuerySet[Employer]:
    return Employer.objects.filter(blacklisted("pk")).order_by("name")
