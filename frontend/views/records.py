"""Bureau pages for the records behind the dashboard: households, training, dispute cases."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Q, QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from frontend.forms.records import (
    CourseForm,
    DisputeCloseForm,
    DisputeForm,
    HouseholdForm,
    HouseholdPlanForm,
    TrainingImportForm,
)
from frontend.views.common import add_service_errors, error_text, role_required
from marketplace.disputes import services as disputes
from marketplace.enums import Role
from marketplace.households import services as households
from marketplace.models import DisputeCase, Household, TrainingCourse, TrainingEnrolment
from marketplace.profiles.selectors import profile_by_phone
from marketplace.tabular import ImportFileError
from marketplace.training import services as training
from marketplace.training.importing import COLUMNS as TRAINING_COLUMNS
from marketplace.training.importing import training_import

bureau_only = role_required(Role.BUREAU)
PAGE_SIZE = 30


def _households_for(user) -> QuerySet[Household]:
    """The bureau sees every household; a station the ones it registered or whose members it organises."""
    qs = Household.objects.select_related("owner", "cleared_by").prefetch_related("members__profile")
    if user.role == Role.STATION:
        qs = qs.filter(Q(owner=user) | Q(members__profile__station_id=user.station_id)).distinct()
    return qs


@role_required(Role.BUREAU, Role.STATION)
@require_http_methods(["GET", "POST"])
def household_list(request: HttpRequest) -> HttpResponse:
    """零就业家庭: the uncleared first, each with its next step and who owns it; register a new one.

    Stations register the households of the workers they organise (户 with nobody working) too."""
    form = HouseholdForm(request.POST or None, prefix="new")
    if request.method == "POST" and form.is_valid():
        try:
            members = [profile_by_phone(phone) for phone in form.phones()]
            data = {k: v for k, v in form.cleaned_data.items() if k != "member_phones"}
            household = households.household_register(by=request.user, members=members, **data)
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):  # a phone without an account, a member already working
                for key in ("phone", "members"):
                    for message in exc.error_dict.pop(key, []):
                        form.add_error("member_phones", message.messages)
            if getattr(exc, "error_dict", None) or not hasattr(exc, "error_dict"):
                add_service_errors(form, exc)
        else:
            messages.success(request, _("已登记%(head)s户。") % {"head": household.head_name})
            return redirect("frontend:households")
    county = request.GET.get("county", "")
    qs = _households_for(request.user)
    if county:
        qs = qs.filter(county=county)
    uncleared = qs.filter(cleared_on__isnull=True).order_by("next_action_on", "id")
    cleared = qs.filter(cleared_on__year=timezone.localdate().year).order_by("-cleared_on")[:20]
    return render(request, "frontend/bureau/households.html", {
        "form": form, "uncleared": uncleared, "cleared": cleared, "plan_form": HouseholdPlanForm(),
        "today": timezone.localdate(),
    }, status=400 if form.errors else 200)  # fmt: skip


@role_required(Role.BUREAU, Role.STATION)
@require_POST
def household_plan(request: HttpRequest, pk: int) -> HttpResponse:
    household = get_object_or_404(_households_for(request.user), pk=pk)
    form = HouseholdPlanForm(request.POST)
    if form.is_valid():
        try:
            households.household_plan(by=request.user, household=household, owner=request.user, **form.cleaned_data)
            messages.success(request, _("已更新帮扶计划。"))
        except ValidationError as exc:
            messages.error(request, error_text(exc))
    else:
        messages.error(request, _("请填写下一步帮扶措施。"))
    return redirect("frontend:households")


@bureau_only
@require_http_methods(["GET", "POST"])
def training_list(request: HttpRequest) -> HttpResponse:
    form = CourseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            course = training.course_create(by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return redirect("frontend:training_course", pk=course.pk)
    page = Paginator(TrainingCourse.objects.all(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "frontend/bureau/training.html", {"form": form, "page": page},
                  status=400 if form.errors else 200)  # fmt: skip


@bureau_only
@require_http_methods(["GET", "POST"])
def training_course(request: HttpRequest, pk: int) -> HttpResponse:
    """One class: its trainees, an Excel/CSV list import, and 结业 for each."""
    course = get_object_or_404(TrainingCourse, pk=pk)
    form = TrainingImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            report = training_import(by=request.user, course=course, file=upload, filename=upload.name)
        except ImportFileError as exc:
            form.add_error("file", exc.message)
    columns = [(header, required) for header, required, _aliases in TRAINING_COLUMNS.values()]
    return render(request, "frontend/bureau/training_course.html", {
        "course": course, "enrolments": course.enrolments.all(), "form": form, "report": report, "columns": columns,
    }, status=400 if form.errors else 200)  # fmt: skip


@bureau_only
@require_POST
def enrolment_complete(request: HttpRequest, pk: int) -> HttpResponse:
    enrolment = get_object_or_404(TrainingEnrolment, pk=pk)
    try:
        training.enrolment_complete(by=request.user, enrolment=enrolment,
                                    certificate_number=request.POST.get("certificate_number", ""))  # fmt: skip
        messages.success(request, _("%(name)s已结业。") % {"name": enrolment.name})
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    return redirect("frontend:training_course", pk=enrolment.course_id)


@bureau_only
@require_http_methods(["GET", "POST"])
def dispute_list(request: HttpRequest) -> HttpResponse:
    form = DisputeForm(request.POST or None, initial={"opened_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            case = disputes.dispute_open(by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("已立案：%(number)s。") % {"number": case.number})
            return redirect("frontend:disputes")
    page = Paginator(DisputeCase.objects.all(), PAGE_SIZE).get_page(request.GET.get("page"))
    close_form = DisputeCloseForm(initial={"closed_on": timezone.localdate()})
    return render(request, "frontend/bureau/disputes.html", {"form": form, "page": page, "close_form": close_form},
                  status=400 if form.errors else 200)  # fmt: skip


@bureau_only
@require_POST
def dispute_close(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(DisputeCase, pk=pk)
    if request.POST.get("action") == "escalate":
        try:
            new = disputes.dispute_escalate(by=request.user, case=case)
            messages.success(request, _("已转仲裁：%(number)s。") % {"number": new.number})
        except ValidationError as exc:
            messages.error(request, error_text(exc))
        return redirect("frontend:disputes")
    form = DisputeCloseForm(request.POST)
    if form.is_valid():
        try:
            disputes.dispute_close(by=request.user, case=case, **form.cleaned_data)
            messages.success(request, _("%(number)s已结案。") % {"number": case.number})
        except ValidationError as exc:
            messages.error(request, error_text(exc))
    else:
        messages.error(request, _("请选择结果和结案日期。"))
    return redirect("frontend:disputes")
