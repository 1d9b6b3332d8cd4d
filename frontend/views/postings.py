"""Writing and running postings, for employers and for stations posting on their employers' behalf."""

from __future__ import annotations

from dataclasses import asdict

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from frontend.forms.postings import PostingForm
from frontend.views.common import add_service_errors, error_text, role_required
from frontend.views.employer import posting_actions
from marketplace.enums import PostingStatus, Role
from marketplace.models import Employer, JobPosting, User
from marketplace.occupations.taxonomy import suggest_occupations
from marketplace.permissions import require
from marketplace.postings.services import (
    posting_close,
    posting_create,
    posting_pause,
    posting_resume,
    posting_submit,
    posting_update,
)

ACTIONS = {"submit": posting_submit, "pause": posting_pause, "resume": posting_resume, "close": posting_close}
DONE = {
    "submit": gettext_lazy("已提交审核。"),
    "pause": gettext_lazy("已暂停招聘。"),
    "resume": gettext_lazy("已恢复招聘。"),
    "close": gettext_lazy("已结束招聘。"),
}


def _station_employers(user: User) -> QuerySet[Employer] | None:
    """Stations choose which of their employers a posting is for; employers post for themselves."""
    if user.role == Role.STATION:
        return Employer.objects.filter(station_id=user.station_id).order_by("name")
    return None


def _home(user: User) -> str:
    return "frontend:station" if user.role == Role.STATION else "frontend:employer"


def _submit(request: HttpRequest, posting: JobPosting, *, just_saved: bool = False) -> None:
    """提交审核. After 保存并提交, a refusal (e.g. blacklist) keeps the saved draft and says why."""
    try:
        posting = posting_submit(by=request.user, posting=posting)
    except ValidationError as exc:
        prefix = _("岗位已保存，但未能提交：") if just_saved else ""
        messages.error(request, prefix + error_text(exc))
        return
    if posting.status == PostingStatus.PUBLISHED:
        messages.success(request, _("“%(title)s”已发布，求职者现在就能看到。") % {"title": posting.title})
    else:
        messages.success(request, _("“%(title)s”已提交，人社局审核通过后发布。") % {"title": posting.title})


@role_required(Role.EMPLOYER, Role.STATION)
@require_http_methods(["GET", "POST"])
def posting_new(request: HttpRequest) -> HttpResponse:
    user = request.user
    if user.role == Role.EMPLOYER and user.employer_id is None:
        return redirect("frontend:employer")
    employers = _station_employers(user)
    form = PostingForm(request.POST or None, employers=employers)
    if request.method == "POST" and form.is_valid():
        employer = form.cleaned_data.get("employer") or user.employer
        try:
            posting = posting_create(by=user, employer=employer, data=form.data_for_service())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            if request.POST.get("then") == "submit":
                _submit(request, posting, just_saved=True)
            else:
                messages.success(request, _("“%(title)s”已保存为草稿。") % {"title": posting.title})
            return redirect(_home(user))
    return render(
        request,
        "frontend/employer/posting_form.html",
        {"form": form, "posting": None},
        status=400 if form.errors else 200,
    )


@role_required(Role.EMPLOYER, Role.STATION)
@require_http_methods(["GET", "POST"])
def posting_edit(request: HttpRequest, pk: int) -> HttpResponse:
    posting = get_object_or_404(JobPosting.objects.select_related("employer", "occupation"), pk=pk)
    require(request.user, "posting.edit", posting)
    if request.method == "POST":
        form = PostingForm(request.POST)
        if form.is_valid():
            try:
                posting = posting_update(by=request.user, posting=posting, data=form.data_for_service())
            except ValidationError as exc:
                add_service_errors(form, exc)
            else:
                resubmittable = posting.status in (PostingStatus.DRAFT, PostingStatus.REJECTED)
                if request.POST.get("then") == "submit" and resubmittable:
                    _submit(request, posting, just_saved=True)
                elif posting.status == PostingStatus.PENDING and posting.flags:
                    messages.warning(request, _("修改已保存。内容需要人工复核，审核通过后重新发布。"))
                else:
                    messages.success(request, _("修改已保存。"))
                return redirect(_home(request.user))
    else:
        form = PostingForm(initial=PostingForm.initial_for(posting))
    return render(
        request,
        "frontend/employer/posting_form.html",
        {"form": form, "posting": posting, "actions": posting_actions(posting)},
        status=400 if form.errors else 200,
    )


@role_required(Role.EMPLOYER, Role.STATION)
@require_POST
def posting_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """提交审核 / 暂停 / 恢复 / 结束: one button each; the service checks the state and the rights."""
    posting = get_object_or_404(JobPosting, pk=pk)
    service = ACTIONS.get(action)
    if service is None:
        return redirect(_home(request.user))
    if action == "submit":
        _submit(request, posting)
        return redirect(_home(request.user))
    try:
        service(by=request.user, posting=posting)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, DONE[action])
    return redirect(_home(request.user))


@role_required(Role.EMPLOYER, Role.STATION)
@require_GET
def occupation_suggest(request: HttpRequest) -> JsonResponse:
    """The posting form's 推荐工种: occupations the title and description name, best first."""
    title = request.GET.get("title", "")[:80]
    description = request.GET.get("description", "")[:2000]
    suggestions = suggest_occupations(title=title, description=description, limit=3) if title or description else []
    return JsonResponse({"suggestions": [asdict(s) for s in suggestions]})
