"""The job seeker's pages: dashboard, the five-step profile wizard, and their applications."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from frontend.forms.profile import STEPS, GroupsForm, ProfileStepForm, SkillsForm
from frontend.views.common import add_service_errors, error_text, role_required
from marketplace.applications.selectors import application_list_for_seeker
from marketplace.applications.services import TRANSITIONS as APPLICATION_TRANSITIONS
from marketplace.applications.services import application_withdraw
from marketplace.enums import ApplicationStatus, Role
from marketplace.models import Application, WorkerProfile
from marketplace.profiles.services import (
    certificate_add,
    experience_add,
    profile_completeness,
    profile_declare_groups,
    profile_update,
)
from marketplace.ratings.enums import Score, Service
from marketplace.ratings.selectors import ratings_given
from marketplace.ratings.services import rating_give
from matching.search import SearchUnavailable
from matching.selectors import jobs_for_seeker

logger = logging.getLogger(__name__)

# Which wizard step fixes each completeness hint (matched on a word of the hint, in the hint's language).
HINT_STEPS = [
    (gettext_lazy("姓名"), 1),
    (gettext_lazy("身份证"), 1),
    (gettext_lazy("县市"), 2),
    (gettext_lazy("户籍"), 2),
    (gettext_lazy("工种"), 3),
    (gettext_lazy("薪资"), 3),
    (gettext_lazy("用工类型"), 3),
    (gettext_lazy("地方"), 3),
    (gettext_lazy("技能"), 4),
    (gettext_lazy("学历"), 4),
    (gettext_lazy("经历"), 4),
    (gettext_lazy("证书"), 4),
]


def _profile(request: HttpRequest) -> WorkerProfile:
    try:
        return request.user.profile
    except WorkerProfile.DoesNotExist as exc:
        raise Http404(_("求职者档案不存在，请联系人社局。")) from exc


def _hint_step(hint: str) -> int:
    return next((step for word, step in HINT_STEPS if str(word) in hint), 1)


@role_required(Role.SEEKER)
def me(request: HttpRequest) -> HttpResponse:
    profile = _profile(request)
    completeness = profile_completeness(profile)
    hints = [{"text": hint, "step": _hint_step(hint)} for hint in completeness.missing]
    return render(
        request,
        "frontend/seeker/me.html",
        {
            "profile": profile,
            "completeness": completeness,
            "hints": hints,
            "applications": application_list_for_seeker(user=request.user)[:3],
            "groups": profile.group_tags.all(),
        },
    )


def _save_step(request: HttpRequest, form: ProfileStepForm, profile: WorkerProfile) -> None:
    """One step, all or nothing: the profile fields, and for steps 4–5 certificates, experience, groups."""
    user = request.user
    with transaction.atomic():
        profile_update(by=user, profile=profile, data=form.profile_data())
        if isinstance(form, SkillsForm):
            certificate = form.certificate()
            if certificate is not None:
                try:
                    certificate_add(by=user, profile=profile, **certificate)
                except ValidationError as exc:
                    raise _renamed(exc, SkillsForm.CERT_RENAME) from exc
            experience = form.experience()
            if experience is not None:
                try:
                    experience_add(by=user, profile=profile, data=experience)
                except ValidationError as exc:
                    raise _renamed(exc, SkillsForm.EXPERIENCE_RENAME) from exc
        if isinstance(form, GroupsForm):
            profile_declare_groups(by=user, profile=profile, groups=list(form.cleaned_data["groups"]))


def _renamed(exc: ValidationError, rename: dict[str, str]) -> ValidationError:
    if not hasattr(exc, "error_dict"):
        return exc
    return ValidationError({rename.get(field, field): errors for field, errors in exc.error_dict.items()})


@role_required(Role.SEEKER)
def profile_start(request: HttpRequest) -> HttpResponse:
    return redirect("frontend:profile_step", step=1)


@role_required(Role.SEEKER)
@require_http_methods(["GET", "POST"])
def profile_step(request: HttpRequest, step: int) -> HttpResponse:
    """One wizard step. Every button saves first; 上一步/下一步/保存并退出 only decide where to go next."""
    return wizard_step(request, _profile(request), step, step_url=lambda n: reverse("frontend:profile_step", args=[n]),
                       done_url=reverse("frontend:me"))  # fmt: skip


def wizard_step(
    request: HttpRequest, profile: WorkerProfile, step: int, *, step_url: Callable[[int], str], done_url: str,
    assisted: Any = None,
) -> HttpResponse:  # fmt: skip
    """The profile wizard for whoever fills it: the person themself, or staff beside them (帮我填, `assisted`
    is the person's consent). Saved as `request.user`, so staff's changes are audited as theirs."""
    if step not in STEPS:
        raise Http404(_("没有这一步"))
    form_class = STEPS[step]
    if request.method == "POST":
        form = form_class(request.POST, request.FILES, profile=profile)
        if form.is_valid():
            try:
                _save_step(request, form, profile)
            except ValidationError as exc:
                add_service_errors(form, exc, {"id_format": "id_number", "id_birth_date": "id_number",
                                               "id_check": "id_number"})  # fmt: skip
            else:
                return _next_page(request, step, step_url=step_url, done_url=done_url)
    else:
        form = form_class(initial=form_class.initial_for(profile), profile=profile)
    context = {
        "form": form,
        "step": step,
        "steps": [{"n": n, "title": cls.title, "url": step_url(n)} for n, cls in STEPS.items()],
        "last_step": max(STEPS),
        "profile": profile,
        "assisted": assisted,
    }
    if isinstance(form, SkillsForm):
        context["certificates"] = profile.certificates.all()
        context["experiences"] = profile.experiences.all()
    if isinstance(form, GroupsForm):
        context["tags"] = {tag.group: tag for tag in profile.group_tags.all()}
    if step == 2:
        context["county_options"] = _county_options()
    return render(request, "frontend/seeker/profile_step.html", context, status=400 if form.errors else 200)


def _next_page(request: HttpRequest, step: int, *, step_url: Callable[[int], str], done_url: str) -> HttpResponse:
    go = request.POST.get("go", "next")
    if go == "prev" and step > 1:
        return redirect(step_url(step - 1))
    if go == "next" and step < max(STEPS):
        return redirect(step_url(step + 1))
    if go == "stay":
        messages.success(request, _("已保存。"))
        return redirect(step_url(step))
    messages.success(request, _("档案已保存。"))
    return redirect(done_url)


def _county_options() -> list[str]:
    """Places people are likely to type: where employers and jobs are."""
    from marketplace.models import Employer, JobPosting

    counties = set(Employer.objects.values_list("county", flat=True))
    counties |= set(JobPosting.objects.values_list("county", flat=True))
    return sorted(c for c in counties if c)


@role_required(Role.SEEKER)
def applications(request: HttpRequest) -> HttpResponse:
    found = list(application_list_for_seeker(user=request.user))
    rated = ratings_given(request.user, Service.APPLICATION, [a.pk for a in found])
    items = [
        {"application": a, "can_withdraw": ApplicationStatus.WITHDRAWN in APPLICATION_TRANSITIONS[a.status],
         "can_rate": a.status in ANSWERED and a.pk not in rated, "rating": rated.get(a.pk)}
        for a in found
    ]  # fmt: skip
    return render(request, "frontend/seeker/applications.html", {"items": items, "scores": Score.choices})


ANSWERED = (ApplicationStatus.INTERVIEW, ApplicationStatus.OFFERED, ApplicationStatus.HIRED, ApplicationStatus.REJECTED)


@login_required
@require_POST
def rate(request: HttpRequest) -> HttpResponse:
    """好差评 from any page that offers it: one tap, once per service; back to where the person was."""
    back = request.POST.get("next", "")
    back = back if url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}) else reverse("frontend:me")
    try:
        post = request.POST
        rating_give(by=request.user, service=post.get("service", ""), ref_id=int(post.get("ref_id") or 0),
                    score=post.get("score", ""), comment=post.get("comment", ""))  # fmt: skip
    except (ValidationError, PermissionDenied, ValueError) as exc:
        messages.error(request, error_text(exc) if isinstance(exc, ValidationError) else _("无法评价这项服务。"))
    else:
        messages.success(request, _("谢谢您的评价！"))
    return redirect(back)


@role_required(Role.SEEKER)
@require_POST
def application_withdraw_view(request: HttpRequest, pk: int) -> HttpResponse:
    application = get_object_or_404(Application.objects.select_related("profile", "posting"), pk=pk)
    try:
        application_withdraw(by=request.user, application=application)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("已撤回对“%(title)s”的报名。") % {"title": application.posting.title})
    return redirect(reverse("frontend:applications"))


@role_required(Role.SEEKER)
def recommended(request: HttpRequest) -> HttpResponse:
    """为你推荐: jobs ranked for this seeker, each card saying why it was chosen."""
    profile = _profile(request)
    error = ""
    try:
        items = jobs_for_seeker(profile=profile, limit=20)
    except SearchUnavailable:
        logger.warning("recommendations: search backend unavailable", exc_info=True)
        items, error = [], _("推荐暂时不可用，请稍后再试，或先去“找工作”看看。")
    completeness = profile_completeness(profile)
    return render(
        request,
        "frontend/seeker/recommended.html",
        {"items": items, "error": error, "completeness": completeness},
        status=503 if error else 200,
    )
