"""招聘会 pages for the organiser's staff: create, manage booths and sign-ups, the door, outcomes.

The door page works with the phone camera where the browser has `BarcodeDetector` (checkin.js),
and always with a typed code (a plain form, no JavaScript needed).
"""

from __future__ import annotations

import csv
import io

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_POST

from frontend.charts import PALETTE, Series, grouped_bars, share_bar
from frontend.forms.events import BoothDecisionForm, CancelForm, EventForm, TicketCodeForm, WalkInForm
from frontend.views.common import add_service_errors, error_text, role_required
from livestream.events.enums import BoothStatus, RegistrationStatus
from livestream.events.rules import require
from livestream.events.selectors import (
    Outcome,
    events_for_outcomes,
    events_for_staff,
    outcome_totals,
    outcomes_by_employer,
    outcomes_by_event,
)
from livestream.events.services.booths import booth_decide
from livestream.events.services.schedule import event_cancel, event_create, series_create
from livestream.events.services.tickets import ticket_check_in, walk_in_register
from livestream.models import Booth, EventRegistration, RecruitmentEvent
from marketplace.enums import KeyGroup, Role

STAFF = (Role.BUREAU, Role.STATION)
FUNNEL = [
    Series(gettext_lazy("报名"), PALETTE[0]),
    Series(gettext_lazy("签到"), PALETTE[1]),
    Series(gettext_lazy("投递"), PALETTE[2]),
    Series(gettext_lazy("面试"), PALETTE[3]),
    Series(gettext_lazy("达成就业意向"), PALETTE[4]),
]
EMPLOYER_FUNNEL = FUNNEL[2:]
CSV_HEADER = [
    gettext_lazy("名称"),
    gettext_lazy("报名"),
    gettext_lazy("签到"),
    gettext_lazy("投递"),
    gettext_lazy("面试"),
    gettext_lazy("达成就业意向"),
    gettext_lazy("其中重点群体"),
]


def _event_for(request: HttpRequest, pk: int, action: str = "event.manage") -> RecruitmentEvent:
    event = get_object_or_404(RecruitmentEvent.objects.select_related("station"), pk=pk)
    require(request.user, action, event)
    return event


@role_required(*STAFF)
def staff_events(request: HttpRequest) -> HttpResponse:
    events = list(events_for_staff(user=request.user)[:100])
    return render(request, "frontend/events/staff_list.html", {"events": events, "now": timezone.now()})


@role_required(*STAFF)
@require_http_methods(["GET", "POST"])
def event_new(request: HttpRequest) -> HttpResponse:
    """新建招聘会: a one-off event, or a weekly series that generates its coming occurrences."""
    form = EventForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            if form.cleaned_data["repeat_weekly"]:
                series = series_create(by=request.user, data=form.series_data())
                first = series.events.order_by("starts_at").first()
                messages.success(
                    request,
                    _("已创建“%(title)s”系列，生成 %(count)s 场。")
                    % {"title": series.title, "count": series.events.count()},
                )
                return redirect("frontend:event_manage", pk=first.pk) if first else redirect("frontend:staff_events")
            event = event_create(by=request.user, data=form.event_data())
        except ValidationError as exc:
            add_service_errors(form, exc, codes={"starts_at": "day", "ends_at": "end_time"})
        else:
            messages.success(request, _("已创建“%(title)s”。") % {"title": event.title})
            return redirect("frontend:event_manage", pk=event.pk)
    return render(request, "frontend/events/form.html", {"form": form}, status=400 if form.errors else 200)


@role_required(*STAFF)
def manage(request: HttpRequest, pk: int) -> HttpResponse:
    """管理: booths to decide, who signed up (phones masked), cancel."""
    event = _event_for(request, pk)
    booths = list(
        Booth.objects.filter(event=event).select_related("employer").prefetch_related("postings").order_by("status")
    )
    registrations = list(
        EventRegistration.objects.filter(event=event, status=RegistrationStatus.ACTIVE)
        .select_related("profile", "profile__user")
        .order_by("-checked_in_at", "created_at")[:500]
    )
    return render(
        request,
        "frontend/events/manage.html",
        {
            "event": event,
            "booths": booths,
            "statuses": BoothStatus,
            "registrations": registrations,
            "checked_in": sum(1 for r in registrations if r.checked_in_at),
            "cancel_form": CancelForm(),
            "decision_form": BoothDecisionForm(),
        },
    )


@require_POST
@role_required(*STAFF)
def booth_decide_view(request: HttpRequest, pk: int, booth_pk: int) -> HttpResponse:
    booth = get_object_or_404(Booth.objects.select_related("event", "employer"), pk=booth_pk, event_id=pk)
    approve = request.POST.get("decision") == "approve"
    try:
        booth_decide(by=request.user, booth=booth, approve=approve, note=request.POST.get("note", ""))
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        text = _("已通过%(employer)s的展位。") if approve else _("已退回%(employer)s的展位。")
        messages.success(request, text % {"employer": booth.employer.name})
    return redirect("frontend:event_manage", pk=pk)


@require_POST
@role_required(*STAFF)
def cancel(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event_for(request, pk)
    form = CancelForm(request.POST)
    try:
        if not form.is_valid():
            raise ValidationError(form.errors["reason"][0])
        event_cancel(by=request.user, event=event, reason=form.cleaned_data["reason"])
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("招聘会已取消，已报名的求职者会收到通知。"))
    return redirect("frontend:event_manage", pk=pk)


@role_required(*STAFF)
@require_http_methods(["GET", "POST"])
def check_in(request: HttpRequest, pk: int) -> HttpResponse:
    """签到: scan the ticket's QR code with the phone camera, or type the code."""
    event = _event_for(request, pk, "event.check_in")
    code_form = TicketCodeForm(request.POST if request.POST.get("form") == "code" else None)
    walk_in_form = WalkInForm(request.POST if request.POST.get("form") == "walk_in" else None)
    result, status = None, 200
    if request.method == "POST":
        try:
            if code_form.is_bound and code_form.is_valid():
                result = ticket_check_in(by=request.user, event=event, code=code_form.cleaned_data["code"])
                code_form = TicketCodeForm()
            elif walk_in_form.is_bound and walk_in_form.is_valid():
                result = walk_in_register(by=request.user, event=event, **walk_in_form.cleaned_data)
                walk_in_form = WalkInForm()
            else:
                status = 400
        except ValidationError as exc:
            add_service_errors(code_form if code_form.is_bound else walk_in_form, exc)
            status = 400
    counts = EventRegistration.objects.filter(event=event, status=RegistrationStatus.ACTIVE)
    return render(
        request,
        "frontend/events/checkin.html",
        {
            "event": event,
            "code_form": code_form,
            "walk_in_form": walk_in_form,
            "result": result,
            "signed_up": counts.count(),
            "checked_in": counts.filter(checked_in_at__isnull=False).count(),
        },
        status=status,
    )


def _charts(event_rows: list[Outcome], employer_rows: list[Outcome], total: Outcome) -> dict:
    labels = dict(KeyGroup.choices)
    groups = [(labels[g], n) for g, n in total.groups.most_common()]
    other = total.hires - total.key_group_hires
    if other:
        groups.append((_("非重点群体"), other))
    # Events nobody has signed up for yet have nothing to draw; the table still lists them.
    drawn = [r for r in event_rows if r.sign_ups or r.applications][:12]
    return {
        "event_chart": grouped_bars(
            _("各场招聘会的报名到就业"),
            [(r.label[5:], [r.sign_ups, r.check_ins, r.applications, r.interviews, r.hires]) for r in drawn],
            FUNNEL,
        )
        if event_rows
        else None,
        "employer_chart": grouped_bars(
            _("各单位的投递到就业"),
            [(r.label, [r.applications, r.interviews, r.hires]) for r in employer_rows[:15]],
            EMPLOYER_FUNNEL,
        ),
        "group_chart": share_bar(_("达成就业意向者中的重点群体"), groups),
    }


@role_required(*STAFF)
def outcomes(request: HttpRequest) -> HttpResponse:
    """成效: every event's funnel, every employer's, and the key-group share of hires."""
    events = events_for_outcomes(user=request.user)
    event_rows, employer_rows = outcomes_by_event(events), outcomes_by_employer(events)
    total = outcome_totals(event_rows)
    return render(
        request,
        "frontend/events/outcomes.html",
        {"event": None, "event_rows": event_rows, "employer_rows": employer_rows, "total": total,
         **_charts(event_rows, employer_rows, total)},
    )  # fmt: skip


@role_required(*STAFF)
def event_outcomes(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event_for(request, pk)
    event_rows, employer_rows = outcomes_by_event([event]), outcomes_by_employer([event])
    total = outcome_totals(event_rows)
    return render(
        request,
        "frontend/events/outcomes.html",
        {"event": event, "event_rows": event_rows, "employer_rows": employer_rows, "total": total,
         **_charts([], employer_rows, total)},
    )  # fmt: skip


def _csv_response(filename: str, sections: list[tuple[str, list[Outcome]]]) -> HttpResponse:
    """UTF-8 with a byte-order mark, so Excel opens the Chinese right."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for title, rows in sections:
        writer.writerow([title])
        writer.writerow([str(name) for name in CSV_HEADER])
        for r in rows:
            writer.writerow(
                [r.label, "" if r.sign_ups is None else r.sign_ups, "" if r.check_ins is None else r.check_ins,
                 r.applications, r.interviews, r.hires, r.key_group_hires]
            )  # fmt: skip
        writer.writerow([])
    response = HttpResponse(("\ufeff" + buffer.getvalue()).encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@role_required(*STAFF)
def outcomes_csv(request: HttpRequest) -> HttpResponse:
    events = events_for_outcomes(user=request.user)
    event_rows = outcomes_by_event(events)
    return _csv_response(
        f"event-outcomes-{timezone.localdate():%Y%m%d}.csv",
        [(_("按招聘会"), [*event_rows, outcome_totals(event_rows)]), (_("按单位"), outcomes_by_employer(events))],
    )


@role_required(*STAFF)
def event_outcomes_csv(request: HttpRequest, pk: int) -> HttpResponse:
    event = _event_for(request, pk)
    return _csv_response(
        f"event-{pk}-outcomes.csv",
        [(_("招聘会"), outcomes_by_event([event])), (_("按单位"), outcomes_by_employer([event]))],
    )
