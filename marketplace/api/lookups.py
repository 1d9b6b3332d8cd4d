"""Finding the object a URL names, as the asking user may see it.

What a user may not view answers 404, exactly as if it did not exist: a draft posting, someone
else's application or a private profile is nobody else's business, not even its existence. What
they may view but not change reaches the service, whose `require` answers 403.
"""

from __future__ import annotations

from django.http import Http404
from django.shortcuts import get_object_or_404

from marketplace.models import Application, JobPosting, User, WorkerProfile
from marketplace.permissions import can
from marketplace.postings.selectors import posting_is_public


def posting_visible_or_404(user: User, pk: int) -> JobPosting:
    posting = get_object_or_404(JobPosting.objects.select_related("employer", "occupation"), pk=pk)
    if posting_is_public(posting) or can(user, "posting.view_private", posting):
        return posting
    raise Http404


def application_visible_or_404(user: User, pk: int) -> Application:
    application = get_object_or_404(
        Application.objects.select_related("posting", "posting__employer", "profile", "profile__user"), pk=pk
    )
    if not can(user, "application.view", application):
        raise Http404
    return application


def profile_visible_or_404(user: User, pk: int) -> WorkerProfile:
    profile = get_object_or_404(WorkerProfile.objects.select_related("user"), pk=pk)
    if not can(user, "profile.view", profile):
        raise Http404
    return profile
