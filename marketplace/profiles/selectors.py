"""Read queries of worker profiles."""

from __future__ import annotations

from django.db.models import QuerySet

from marketplace.profiles.models import WorkerProfile


def profile_list_visible_to_employers() -> QuerySet[WorkerProfile]:
    return WorkerProfile.objects.filter(visibility="open")
