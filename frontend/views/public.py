"""Pages anyone may open: the home page, the job list with filters, a job's detail; and 一键报名."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from frontend.views.common import error_text
from marketplace.enums import JobType, PostingStatus
from marketplace.models import Application, JobPosting, OccupationFamily
from marketplace.permissions import can
from marketplace.selectors import occupation_family_list_with_counts, posting_is_public, posting_list_public
from marketplace.services.applications import application_submit

PAGE_SIZE = 20


def home(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "frontend/home.html",
        {"postings": posting_list_public(limit=20), "families": occupation_family_list_with_counts()},
    )


def jobs(request: HttpRequest) -> HttpResponse:
    """Public postings, narrowed by the chips the person tapped (县市, 用工类型, 工种大类)."""
    public = posting_list_public()
    county = request.GET.get("county", "")
    job_type = request.GET.get("type", "")
    family = request.GET.get("family", "")
    postings = public
    if county:
        postings = postings.filter(county=county)
    if job_type in JobType.values:
        postings = postings.filter(job_type=job_type)
    if family.isdigit():
        postings = postings.filter(occupation__family_id=int(family))
    page = Paginator(postings, PAGE_SIZE).get_page(request.GET.get("page"))
    # Only offer chips that lead somewhere: places and families that have open jobs now.
    counties = sorted(set(public.values_list("county", flat=True)))
    families = OccupationFamily.objects.filter(occupations__postings__in=public.values("pk")).distinct()
    return render(
        request,
        "frontend/jobs/list.html",
        {
            "page": page,
            "counties": counties,
            "job_types": JobType.choices,
            "families": families.order_by("sort_order", "code"),
            "selected": {"county": county, "type": job_type, "family": family},
        },
    )


def job_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A public job; its owner and moderators may also preview it while it is not public."""
    posting = get_object_or_404(JobPosting.objects.select_related("employer", "occupation"), pk=pk)
    is_public = posting_is_public(posting)
    if not is_public and not can(request.user, "posting.view_private", posting):
        raise Http404("岗位不存在或已下架")
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
        raise PermissionDenied("只有求职者账号可以报名岗位。")
    posting = get_object_or_404(JobPosting, pk=pk)
    try:
        application_submit(by=request.user, posting=posting)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, "报名成功！用人单位查看后会与您联系，可在“我的投递”查看进度。")
    return redirect(detail_url)
