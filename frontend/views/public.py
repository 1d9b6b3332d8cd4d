"""Pages anyone may open: the home page, the job list with filters, a job's detail; and 一键报名."""

from __future__ import annotations

import logging

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from frontend.views.common import error_text
from marketplace.applications.services import application_submit
from marketplace.enums import PostingStatus
from marketplace.models import Application, JobPosting
from marketplace.occupations.selectors import occupation_family_list_with_counts
from marketplace.permissions import can
from marketplace.postings.selectors import posting_is_public, posting_list_public, posting_similar_open
from matching.search import SearchUnavailable
from matching.search.query import QueryError
from matching.selectors import posting_search

logger = logging.getLogger(__name__)

RADIUS_CHOICES = ["5", "10", "30", "100"]
SORT_CHOICES = [
    ("", gettext_lazy("综合")),
    ("newest", gettext_lazy("最新")),
    ("pay", gettext_lazy("薪资高")),
    ("distance", gettext_lazy("离我近")),
]


def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "frontend/home.html",
        {"postings": posting_list_public(limit=20), "families": occupation_family_list_with_counts()},
    )


def jobs(request: HttpRequest) -> HttpResponse:
    """找工作: the search page. Filters are chips whose counts come from the index (facets).

    A bad parameter (a hand-edited link, an unknown place name) keeps the page and says what to
    change; an engine outage says so too, instead of an error page.
    """
    error, status = "", 200
    page = None
    try:
        page = posting_search(request.GET)
    except QueryError as exc:
        error, status = exc.message, 400
    except SearchUnavailable:
        logger.warning("job search page: search backend unavailable", exc_info=True)
        error, status = _("搜索暂时不可用，请稍后再试。"), 503
    get = request.GET
    return render(
        request,
        "frontend/jobs/list.html",
        {
            "page": page,
            "error": error,
            "facets": page.facets if page else {},
            "sorts": SORT_CHOICES,
            "selected": {name: get.get(name, "") for name in ("q", "county", "job_type", "family", "benefits", "sort")}
            | {"near": get.get("near", ""), "radius_km": get.get("radius_km", "")},
            "located": bool(get.get("lat") and get.get("lon")),
            "radius_choices": RADIUS_CHOICES,
            # The chips' choices ride along when the search box is submitted again.
            "hidden": [(n, get[n]) for n in ("county", "job_type", "family", "benefits", "sort") if get.get(n)],
        },
        status=status,
    )


def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A public job; its owner and moderators may also preview it while it is not public."""
    posting = get_object_or_404(JobPosting.objects.select_related("employer", "occupation"), pk=pk)
    is_public = posting_is_public(posting)
    if not is_public and not can(request.user, "posting.view_private", posting):
        if posting.published_at is None:  # a draft was never anyone's to see
            raise Http404(_("岗位不存在或已下架"))
        # It was public once: people follow old links and shared cards; say so, and offer others.
        # Its title only when the job ended in the ordinary way, never for one taken down by moderation.
        lapsed = posting.valid_until is not None and posting.valid_until < timezone.localdate()
        ended = posting.status in (PostingStatus.CLOSED, PostingStatus.EXPIRED) or lapsed
        context = {"posting": posting, "show_title": ended, "similar": posting_similar_open(posting)}
        return render(request, "frontend/jobs/gone.html", context, status=404)
    application = None
    user = request.user
    if user.is_authenticated and user.is_seeker:
        application = Application.objects.filter(profile__user=user, posting=posting).first()
    return render(
        request,
        "frontend/jobs/detail.html",
        {
            "posting": posting,
            "employer": posting.employer,
            "is_public": is_public,
            "application": application,
            "can_apply": is_public and (not user.is_authenticated or user.is_seeker),
            "status_label": PostingStatus(posting.status).label,
        },
    )


@require_POST
def apply(request: HttpRequest, pk: int) -> HttpResponse:
    """一键报名: the profile as it is now goes to the employer; the service says if it cannot."""
    detail_url = reverse("frontend:job_detail", args=[pk])
    if not request.user.is_authenticated:
        return redirect_to_login(detail_url)
    if not request.user.is_seeker:
        raise PermissionDenied(_("只有求职者账号可以报名岗位。"))
    posting = get_object_or_404(JobPosting, pk=pk)
    try:
        application_submit(by=request.user, posting=posting)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("报名成功！用人单位查看后会与您联系，可在“我的投递”查看进度。"))
    return redirect(detail_url)
