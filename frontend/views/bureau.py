"""Bureau staff pages: the numbers that need attention, moderation, verification, the blacklist."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from frontend.charts import organised_chart
from frontend.forms.staff import ApproveForm, BlacklistForm, GradeForm, RejectForm, VerifyForm
from frontend.views.common import add_service_errors, error_text, role_required
from marketplace.employers.selectors import employer_list_blacklisted, employer_list_pending_verification
from marketplace.employers.services import (
    employer_blacklist,
    employer_blacklist_lift,
    employer_set_grade,
    employer_verify,
)
from marketplace.enums import PostingStatus, Role
from marketplace.models import BlacklistEntry, Employer, JobPosting, RosterEntry
from marketplace.postings.selectors import moderation_queue
from marketplace.postings.services import posting_approve, posting_reject
from marketplace.stations.enums import Owner, RosterStatus
from marketplace.stations.selectors import ORGANISED_TARGET, organised_by_county, organised_by_month

bureau_only = role_required(Role.BUREAU)


@bureau_only
def dashboard(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "frontend/bureau/dashboard.html",
        {
            "pending_postings": JobPosting.objects.filter(status=PostingStatus.PENDING).count(),
            "pending_employers": employer_list_pending_verification().count(),
            "blacklisted": employer_list_blacklisted().count(),
            "home_county_list": RosterEntry.objects.filter(owner=Owner.HOME_COUNTY, status=RosterStatus.LEFT).count(),
            # 外出务工组织化程度 across every station's roster, per home county, against the plan's 70%.
            "share_chart": organised_chart(
                _("外出务工组织化程度（按户籍县市）"), organised_by_county(RosterEntry.objects.all()), ORGANISED_TARGET,
                label=lambda row: row.county,
            ),
            "month_chart": organised_chart(
                _("外出务工组织化程度（按到岗月份，各县合计）"), organised_by_month(RosterEntry.objects.all()),
                ORGANISED_TARGET, label=lambda row: row.month.strftime("%Y-%m"),
            ),
        },
    )  # fmt: skip


def _moderation_page(request: HttpRequest, failed: dict[int, RejectForm] | None = None) -> HttpResponse:
    failed = failed or {}
    items = [
        {
            "posting": p,
            "approve_form": ApproveForm(prefix=f"a{p.pk}"),
            "reject_form": failed.get(p.pk) or RejectForm(prefix=f"r{p.pk}"),
        }
        for p in moderation_queue()
    ]
    return render(request, "frontend/bureau/moderation.html", {"items": items}, status=400 if failed else 200)


@bureau_only
def moderation(request: HttpRequest) -> HttpResponse:
    """Pending postings, flagged first, each flag with the words that tripped it."""
    return _moderation_page(request)


@bureau_only
@require_POST
def moderation_decide(request: HttpRequest, pk: int) -> HttpResponse:
    posting = get_object_or_404(JobPosting, pk=pk)
    if request.POST.get("decision") == "approve":
        form = ApproveForm(request.POST, prefix=f"a{pk}")
        note = form.cleaned_data["note"] if form.is_valid() else ""
        try:
            posting_approve(by=request.user, posting=posting, note=note)
        except ValidationError as exc:
            messages.error(
                request, _("“%(title)s”未能通过：%(error)s") % {"title": posting.title, "error": error_text(exc)}
            )
        else:
            messages.success(request, _("“%(title)s”已审核通过并发布。") % {"title": posting.title})
        return redirect("frontend:moderation")
    form = RejectForm(request.POST, prefix=f"r{pk}")
    if form.is_valid():
        try:
            posting_reject(by=request.user, posting=posting, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("“%(title)s”已退回，单位会看到原因。") % {"title": posting.title})
            return redirect("frontend:moderation")
    return _moderation_page(request, failed={pk: form})


def _employers_page(request: HttpRequest, failed: dict[int, VerifyForm] | None = None) -> HttpResponse:
    """Pending verifications on top; all employers below, searchable, to set integrity grades."""
    failed = failed or {}
    query = request.GET.get("q", "").strip()
    everyone = Employer.objects.order_by("name")
    if query:
        everyone = everyone.filter(Q(name__icontains=query) | Q(credit_code__icontains=query.upper()))
    pending = [
        {"employer": e, "form": failed.get(e.pk) or VerifyForm(prefix=f"v{e.pk}")}
        for e in employer_list_pending_verification()
    ]
    others = [
        {"employer": e, "grade_form": GradeForm(prefix=f"g{e.pk}", initial={"grade": e.integrity_grade})}
        for e in everyone[:50]
    ]
    return render(
        request,
        "frontend/bureau/employers.html",
        {"pending": pending, "others": others, "query": query},
        status=400 if failed else 200,
    )


@bureau_only
def employers(request: HttpRequest) -> HttpResponse:
    return _employers_page(request)


@bureau_only
@require_POST
def employer_verify_view(request: HttpRequest, pk: int) -> HttpResponse:
    employer = get_object_or_404(Employer, pk=pk)
    form = VerifyForm(request.POST, prefix=f"v{pk}")
    if form.is_valid():
        approve = request.POST.get("decision") == "approve"
        try:
            employer_verify(by=request.user, employer=employer, approve=approve, note=form.cleaned_data["note"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            text = _("“%(name)s”已通过认证。") if approve else _("“%(name)s”未通过认证。")
            messages.success(request, text % {"name": employer.name})
            return redirect("frontend:bureau_employers")
    return _employers_page(request, failed={pk: form})


@bureau_only
@require_POST
def employer_grade_view(request: HttpRequest, pk: int) -> HttpResponse:
    employer = get_object_or_404(Employer, pk=pk)
    form = GradeForm(request.POST, prefix=f"g{pk}")
    grade = form.cleaned_data["grade"] if form.is_valid() else form["grade"].value() or ""
    try:
        employer_set_grade(by=request.user, employer=employer, grade=grade)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(
            request,
            _("“%(name)s”的诚信等级已设为 %(grade)s。")
            % {"name": employer.name, "grade": employer.get_integrity_grade_display()},
        )
    return redirect("frontend:bureau_employers")


def _entries_in_force_or_scheduled():
    today = timezone.localdate()
    return (
        BlacklistEntry.objects.filter(lifted_at__isnull=True)
        .filter(Q(ends_on__isnull=True) | Q(ends_on__gte=today))
        .select_related("employer")
        .order_by("-starts_on")
    )


@bureau_only
@require_http_methods(["GET", "POST"])
def blacklist(request: HttpRequest) -> HttpResponse:
    """拖欠农民工工资黑名单: entries in force (or starting later), adding one, lifting one."""
    form = BlacklistForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            employer_blacklist(
                by=request.user,
                employer=data["employer"],
                reason=data["reason"],
                starts_on=data["starts_on"],
                ends_on=data["ends_on"],
            )
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, _("“%(name)s”已列入黑名单，其岗位已对公众隐藏。") % {"name": data["employer"].name}
            )
            return redirect("frontend:blacklist")
    today = timezone.localdate()
    entries = [{"entry": e, "in_force": e.starts_on <= today} for e in _entries_in_force_or_scheduled()]
    return render(
        request,
        "frontend/bureau/blacklist.html",
        {"form": form, "entries": entries},
        status=400 if form.errors else 200,
    )


@bureau_only
@require_POST
def blacklist_lift(request: HttpRequest, pk: int) -> HttpResponse:
    entry = get_object_or_404(BlacklistEntry.objects.select_related("employer"), pk=pk, lifted_at__isnull=True)
    employer_blacklist_lift(by=request.user, entry=entry)
    messages.success(request, _("“%(name)s”已移出黑名单。") % {"name": entry.employer.name})
    return redirect("frontend:blacklist")
