"""欠薪投诉: a worker, a station or the service window files; the bureau handles it to its deadline."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from frontend.forms.arrears import ArrearsCloseForm, ArrearsForm, ArrearsStepForm
from frontend.views.common import add_service_errors, role_required
from marketplace.arrears import services
from marketplace.arrears.models import ArrearsStatus
from marketplace.audit.services import audit_view
from marketplace.enums import Role
from marketplace.models import WageArrearsCase

PAGE_SIZE = 30


@role_required(Role.SEEKER, Role.STATION, Role.BUREAU)
@require_http_methods(["GET", "POST"])
def arrears_new(request: HttpRequest) -> HttpResponse:
    for_self = request.user.role == Role.SEEKER
    form = ArrearsForm(request.POST or None, request.FILES or None, for_self=for_self)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        photos = data.pop("photos", [])
        try:
            case = services.arrears_file(by=request.user, photos=photos, **data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("已提交，人社局将在%(day)s前办结，办理进展会通知您。") % {
                "day": case.deadline.isoformat()})  # fmt: skip
            return redirect("frontend:my_arrears" if for_self else "frontend:arrears_new")
    return render(request, "frontend/arrears/new.html", {"form": form}, status=400 if form.errors else 200)


@role_required(Role.SEEKER)
def my_arrears(request: HttpRequest) -> HttpResponse:
    cases = WageArrearsCase.objects.filter(profile__user=request.user).prefetch_related("steps")
    return render(request, "frontend/arrears/mine.html", {"cases": cases})


@role_required(Role.BUREAU)
def arrears_list(request: HttpRequest) -> HttpResponse:
    """Open cases first, the overdue marked; then the closed."""
    status = request.GET.get("status", "")
    status = status if status in ArrearsStatus.values else ArrearsStatus.OPEN
    qs = WageArrearsCase.objects.filter(status=status)
    page = Paginator(qs.order_by("deadline", "id") if status != ArrearsStatus.CLOSED else qs, PAGE_SIZE).get_page(
        request.GET.get("page"))  # fmt: skip
    return render(request, "frontend/arrears/list.html", {"page": page, "status": status, "query": f"status={status}",
                                                          "today": timezone.localdate()})  # fmt: skip


@role_required(Role.BUREAU)
@require_http_methods(["GET", "POST"])
def arrears_case(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(WageArrearsCase.objects.select_related("employer", "station"), pk=pk)
    step_form, close_form = ArrearsStepForm(prefix="step"), ArrearsCloseForm(prefix="close")
    if request.method == "POST":
        action = request.POST.get("action")
        try:
            if action == "close":
                close_form = ArrearsCloseForm(request.POST, prefix="close")
                if close_form.is_valid():
                    services.arrears_close(by=request.user, case=case, **close_form.cleaned_data)
                    messages.success(request, _("已办结。"))
                    return redirect("frontend:arrears_case", pk=case.pk)
            else:
                step_form = ArrearsStepForm(request.POST, prefix="step")
                if step_form.is_valid():
                    services.arrears_step(by=request.user, case=case, **step_form.cleaned_data)
                    return redirect("frontend:arrears_case", pk=case.pk)
        except ValidationError as exc:
            add_service_errors(close_form if action == "close" else step_form, exc)
    audit_view(request.user, "arrears_case", case.pk, why=_("办理欠薪案件"))
    return render(request, "frontend/arrears/case.html", {
        "case": case, "steps": case.steps.select_related("by"), "evidence": case.evidence.all(),
        "step_form": step_form, "close_form": close_form, "today": timezone.localdate(),
        "complaints": services.complaints_against(case.employer) if case.employer_id else 0,
    }, status=400 if step_form.errors or close_form.errors else 200)  # fmt: skip
