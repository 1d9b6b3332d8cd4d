"""Read queries of applications: a seeker's own, and those to one posting."""

from __future__ import annotations

from django.db.models import QuerySet

from marketplace.accounts.models import User
from marketplace.applications.models import Application
from marketplace.postings.models import JobPosting


def application_list_for_seeker(*, user: User) -> QuerySet[Application]:
    return Application.objects.filter(profile__user=user).select_related("posting", "posting__employer")


def application_list_for_posting(*, posting: JobPosting) -> QuerySet[Application]:
    return (
        Application.objects.filter(posting=posting)
        .select_related("profile", "profile__user")
        .prefetch_related("profile__group_tags", "profile__wanted_occupations__family", "profile__certificates")
        .order_by("-created_at")
    )
