"""The employer's pages: registering the company, its dashboard and logo, and the applicants.

Posting forms live in `postings.py`: stations use them too.
"""

from __future__ import annotations

import logging

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from frontend.forms.postings import ADVANCE_CHOICES, AdvanceForm, EmployerRegisterForm, LogoForm
from frontend.views.common import (
    add_service_errors,
    employer_member_required,
    group_by,
    role_required,
)
from marketplace.applications.selectors import application_list_for_posting
from marketplace.applications.services import TRANSITIONS as APPLICATION_TRANSITIONS
from marketplace.applications.services import application_advance, application_mark_viewed
from marketplace.employers.services import employer_register
from marketplace.enums import ApplicationStatus, PostingStatus, Role
from marketplace.images import ImageRejected, employer_logo_set
from marketplace.models import Application, JobPosting
from marketplace.permissions import can, personal_numbers, require
from marketplace.postings.selectors import posting_list_for_user
from marketplace.postings.services import TRANSITIONS as POSTING_TRANSITIONS
from matching.search import SearchUnavailable
from matching.selectors import applicant_fit, candidates_for_posting

logger = logging.getLogger(__name__)

S = PostingStatus
STATUS_ORDER = [S.PENDING, S.PUBLISHED, S.DRAFT, S.REJECTED, S.PAUSED, S.EXPIRED, S.CLOSED]


def posting_actions(posting: JobPosting) -> list[tuple[str, str]]:
    """The lifecycle buttons a posting offers in its current state: (action, label)."""
    allowed = POSTING_TRANSITIONS[posting.status]
    actions = []
    if posting.status in (S.DRAFT, S.REJECTED) and S.PENDING in allowed:
        actions.append(("submit", _("提交审核")))
    if posting.status == S.PUBLISHED and S.PAUSED in allowed:
        actions.append(("pause", _("暂停招聘")))
    if posting.status == S.PAUSED:
        actions.append(("resume", _("恢复招聘")))
    if S.CLOSED in allowed:
        actions.append(("close", _("结束招聘")))
    return actions


def postings_by_status(user) -> list[dict]:
    """The organisation's postings in buckets, each posting with its buttons and applicant count."""
    postings = posting_list_for_user(user=user).annotate(applicant_count=Count("applications"))
    groups = group_by(postings, key=lambda p: p.status, order=STATUS_ORDER)
    return [
        {
            "status": status,
            "label": S(status).label,
            "postings": [{"posting": p, "actions": posting_actions(p)} for p in items],
        }
        for status, items in groups
    ]


@role_required(Role.EMPLOYER)
@require_http_methods(["GET", "POST"])
def dashboard(request: HttpRequest) -> HttpResponse:
    """An account without a company registers it here; afterwards this is the company's start page."""
    user = request.user
    if user.employer_id is None:
        form = EmployerRegisterForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            try:
                employer_register(by=user, data=form.data_for_service())
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                messages.success(request, _("单位已登记，人社局认证后发布岗位更快。"))
                return redirect("frontend:employer")
        status = 400 if form.errors else 200
        return render(request, "frontend/employer/register.html", {"form": form}, status=status)
    return _dashboard(request, LogoForm())


def _dashboard(request: HttpRequest, logo_form: LogoForm, status: int = 200) -> HttpResponse:
    employer = request.user.employer
    return render(
        request,
        "frontend/employer/dashboard.html",
        {
            "employer": employer,
            "blacklist_entry": employer.active_blacklist_entry(),
            "groups": postings_by_status(request.user),
            "logo_form": logo_form,
            "can_edit": can(request.user, "employer.edit", employer),
        },
        status=status,
    )


@employer_member_required
@require_POST
def logo(request: HttpRequest) -> HttpResponse:
    employer = request.user.employer
    # employer_logo_set does not check permissions itself: the page must.
    require(request.user, "employer.edit", employer)
    form = LogoForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            employer_logo_set(employer=employer, upload=form.cleaned_data["logo"])
        except ImageRejected as exc:
            form.add_error("logo", exc.message)
        else:
            messages.success(request, _("单位标志已更新。"))
            return redirect("frontend:employer")
    return _dashboard(request, form, status=400)


def _posting_for(request: HttpRequest, pk: int, action: str) -> JobPosting:
    posting = get_object_or_404(JobPosting.objects.select_related("employer"), pk=pk)
    require(request.user, action, posting)
    return posting


@role_required(Role.EMPLOYER, Role.STATION)
def applicants(request: HttpRequest, pk: int) -> HttpResponse:
    """Who applied to one posting: what they chose to show, numbers masked unless the viewer may see them."""
    posting = _posting_for(request, pk, "posting.manage")
    applications = list(application_list_for_posting(posting=posting))
    fits = applicant_fit(posting=posting, profiles=[a.profile for a in applications])
    items = [
        {
            "application": a,
            "snapshot": a.snapshot,
            "numbers": personal_numbers(request.user, a.profile),
            "fit": fits.get(a.profile_id),
        }
        for a in applications
    ]
    return render(request, "frontend/employer/applicants.html", {"posting": posting, "items": items})


@role_required(Role.EMPLOYER, Role.STATION)
def candidates(request: HttpRequest, pk: int) -> HttpResponse:
    """推荐人选: open profiles and applicants that fit the posting, with reasons and numbers masked."""
    posting = _posting_for(request, pk, "posting.manage")
    error = ""
    try:
        found = candidates_for_posting(posting=posting, limit=30)
    except SearchUnavailable:
        logger.warning("candidates: search backend unavailable", exc_info=True)
        found, error = [], _("推荐暂时不可用，请稍后再试。")
    items = [{"r": r, "numbers": personal_numbers(request.user, r.profile)} for r in found]
    return render(
        request,
        "frontend/employer/candidates.html",
        {"posting": posting, "items": items, "error": error},
        status=503 if error else 200,
    )


def _application_page(request: HttpRequest, application: Application, form: AdvanceForm, status: int = 200):
    allowed = APPLICATION_TRANSITIONS[application.status]
    return render(
        request,
        "frontend/employer/application.html",
        {
            "application": application,
            "posting": application.posting,
            "snapshot": application.snapshot,
            "numbers": personal_numbers(request.user, application.profile),
            "buttons": [(value, label) for value, label in ADVANCE_CHOICES if value in allowed],
            "transitions": application.transitions.select_related("by").all(),
            "status_label": ApplicationStatus(application.status).label,
            "form": form,
        },
        status=status,
    )


def _application_for(request: HttpRequest, pk: int) -> Application:
    application = get_object_or_404(
        Application.objects.select_related("posting", "posting__employer", "profile", "profile__user"), pk=pk
    )
    if not can(request.user, "application.process", application):
        raise PermissionDenied(_("这份报名不属于您的岗位。"))
    return application


@role_required(Role.EMPLOYER, Role.STATION)
def application_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """Opening an application tells the seeker it was seen (application_mark_viewed)."""
    application = _application_for(request, pk)
    application = application_mark_viewed(by=request.user, application=application)
    return _application_page(request, application, AdvanceForm())


@role_required(Role.EMPLOYER, Role.STATION)
@require_POST
def application_advance_view(request: HttpRequest, pk: int) -> HttpResponse:
    application = _application_for(request, pk)
    form = AdvanceForm(request.POST)
    if form.is_valid():
        to = form.cleaned_data["to"]
        try:
            application_advance(by=request.user, application=application, to=to, note=form.cleaned_data["note"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, _("已标记为“%(status)s”，求职者会看到最新进度。") % {"status": ApplicationStatus(to).label}
            )
            return redirect("frontend:applicants", pk=application.posting_id)
    return _application_page(request, application, form, status=400)
