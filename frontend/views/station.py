"""Cooperation-station pages: their employers' postings, the roster of workers, bulk import, the survey."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q, QuerySet
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from frontend.charts import organised_chart
from frontend.forms.staff import ImportForm
from frontend.forms.stations import (
    DispatchAddForm,
    DispatchForm,
    FollowUpForm,
    HandOverForm,
    ProxyConfirmForm,
    ProxyRequestForm,
    RosterEntryForm,
    RosterImportForm,
)
from frontend.views.common import add_service_errors, error_text, role_required
from frontend.views.employer import postings_by_status
from frontend.views.seeker import wizard_step
from marketplace.audit.services import audit_view
from marketplace.enums import Role
from marketplace.models import Dispatch, Employer, JobPosting, ProxyConsent, RosterEntry, User, WorkerProfile
from marketplace.notifications.services import absolute_url
from marketplace.permissions import personal_numbers, require
from marketplace.postings.selectors import posting_list_public_for_station
from marketplace.qr import qr_png
from marketplace.ratings.enums import Score, Service
from marketplace.ratings.selectors import ratings_given
from marketplace.stations import selectors, services
from marketplace.stations.dispatch import (
    check_in_token,
    dispatch_add,
    dispatch_check_in,
    dispatch_close,
    dispatch_create,
    dispatch_for_token,
)
from marketplace.stations.enums import MemberStatus, Owner, ProxyPurpose, RosterStatus
from marketplace.stations.importing import COLUMNS as ROSTER_COLUMNS
from marketplace.stations.importing import roster_import
from marketplace.stations.proxy import assist_consent, proxy_confirm, proxy_contest, proxy_request, proxy_withdraw
from marketplace.stations.rules import FOLLOW_UP_MONTHS
from marketplace.tabular import ImportFileError


def _employers(user: User) -> QuerySet[Employer]:
    if user.role == Role.BUREAU:
        return Employer.objects.order_by("name")
    return Employer.objects.filter(station_id=user.station_id).order_by("name")


@role_required(Role.STATION)
def dashboard(request: HttpRequest) -> HttpResponse:
    user = request.user
    workers = WorkerProfile.objects.filter(station_id=user.station_id).select_related("user").order_by("name")[:200]
    return render(
        request,
        "frontend/station/dashboard.html",
        {
            "station": user.station,
            "groups": postings_by_status(user),
            "employers": _employers(user),
            "workers": [{"profile": w, "numbers": personal_numbers(user, w)} for w in workers],
        },
    )


@role_required(Role.STATION, Role.BUREAU)
@require_http_methods(["GET", "POST"])
def bulk_import(request: HttpRequest) -> HttpResponse:
    """Upload a CSV/XLSX of postings; the report names each refused row, field and reason."""
    require(request.user, "posting.import")
    employers = _employers(request.user)
    form = ImportForm(request.POST or None, request.FILES or None, employers=employers)
    report = None
    if request.method == "POST" and form.is_valid():
        # Imported here: the importer is its own module and the rest of the site must not depend on it.
        from marketplace.postings.importing import ImportFileError, postings_import

        upload = form.cleaned_data["file"]
        try:
            report = postings_import(
                by=request.user,
                file=upload,
                filename=upload.name,
                employer=form.cleaned_data["employer"],
                submit=form.cleaned_data["submit"],
            )
        except ImportFileError as exc:
            form.add_error("file", exc.message)
    status = 400 if form.errors else 200
    return render(request, "frontend/station/import.html", {"form": form, "report": report}, status=status)


# --- the roster (在外务工人员) -------------------------------------------------------------------


@role_required(Role.STATION, Role.BUREAU)
def roster(request: HttpRequest) -> HttpResponse:
    """The station's workers (every station's for the bureau), who to call, and the organised share."""
    user = request.user
    entries = selectors.roster_for(user)
    query, status, owner = request.GET.get("q", "")[:30], request.GET.get("status", ""), request.GET.get("owner", "")
    shown = selectors.roster_filtered(entries, query=query, status=status, owner=owner)
    today = timezone.localdate()
    return render(
        request,
        "frontend/station/roster.html",
        {
            "station": user.station if user.role == Role.STATION else None,
            "entries": shown[:200],
            "count": shown.count(),
            "query": query, "status": status, "owner": owner,
            "calls": selectors.follow_ups_open(entries, today)[:50],
            "share_chart": organised_chart(
                _("外出务工组织化程度（按户籍县市）"), selectors.organised_by_county(entries),
                selectors.ORGANISED_TARGET, label=lambda row: row.county,
            ),
            "statuses": RosterStatus.choices, "owners": Owner.choices,
        },
    )  # fmt: skip


@role_required(Role.STATION)
@require_http_methods(["GET", "POST"])
def roster_new(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = RosterEntryForm(
        request.POST or None, employers=_employers(user), initial={"start_date": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        try:
            entry = services.roster_add(by=user, station=user.station, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("已登记%(name)s，将在到岗1、3、6个月时回访。") % {"name": entry.name})
            return redirect("frontend:roster_entry", pk=entry.pk)
    return render(request, "frontend/station/roster_new.html", {"form": form}, status=400 if form.errors else 200)


@role_required(Role.STATION, Role.BUREAU)
@require_http_methods(["GET", "POST"])
def roster_entry(request: HttpRequest, pk: int) -> HttpResponse:
    """One worker: the full phone (logged), follow-ups with a form to record a call, hand-overs."""
    user = request.user
    entry = selectors.roster_for(user).filter(pk=pk).first()
    if entry is None:
        raise Http404(_("找不到这位务工人员。"))
    other_side = Owner.HOME_COUNTY if entry.owner == Owner.STATION else Owner.STATION
    call_form = FollowUpForm(prefix="call")
    hand_over_form = HandOverForm(prefix="handover", initial={"to": other_side})
    action = request.POST.get("action")
    if request.method == "POST":
        try:
            if action == "call":
                call_form = FollowUpForm(request.POST, prefix="call")
                months = {str(m): m for m in FOLLOW_UP_MONTHS}.get(request.POST.get("months", ""), 0)
                follow_up = entry.follow_ups.filter(months=months).order_by("-due_on").first()  # the latest round
                if follow_up is None:
                    raise Http404(_("找不到这次回访。"))
                if call_form.is_valid():
                    services.follow_up_answer(follow_up=follow_up, by=user, **call_form.answers())
                    messages.success(request, _("已记录回访。"))
                    return redirect("frontend:roster_entry", pk=entry.pk)
            elif action == "hand_over":
                hand_over_form = HandOverForm(request.POST, prefix="handover")
                if hand_over_form.is_valid():
                    services.roster_hand_over(by=user, entry=entry, **hand_over_form.cleaned_data)
                    messages.success(request, _("已交接。"))
                    return redirect("frontend:roster_entry", pk=entry.pk)
        except ValidationError as exc:
            add_service_errors(call_form if action == "call" else hand_over_form, exc)
    audit_view(user, "roster_entry", entry.pk, why=_("在外务工人员名册：联系与回访"))
    today = timezone.localdate()
    follow_ups = [{"follow_up": f, "due": f.answered_at is None and f.due_on <= today} for f in entry.follow_ups.all()]
    bound = call_form.is_bound or hand_over_form.is_bound
    return render(
        request,
        "frontend/station/roster_entry.html",
        {"entry": entry, "follow_ups": follow_ups, "handovers": entry.handovers.select_related("by"),
         "call_form": call_form, "hand_over_form": hand_over_form},
        status=400 if bound else 200,
    )  # fmt: skip


@role_required(Role.STATION)
@require_http_methods(["GET", "POST"])
def roster_import_page(request: HttpRequest) -> HttpResponse:
    """Upload the station's Excel list; good rows are entered, every bad one is named with its reason."""
    form = RosterImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            report = roster_import(by=request.user, station=request.user.station, file=upload, filename=upload.name)
        except ImportFileError as exc:
            form.add_error("file", exc.message)
    columns = [(header, required) for header, required, _aliases in ROSTER_COLUMNS.values()]
    context = {"form": form, "report": report, "columns": columns}
    return render(request, "frontend/station/roster_import.html", context, status=400 if form.errors else 200)


# --- the worker's follow-up survey, from the SMS link (no login) --------------------------------


@require_http_methods(["GET", "POST"])
def survey(request: HttpRequest, token: str) -> HttpResponse:
    follow_up = services.follow_up_for_token(token)
    if follow_up is None:
        return render(request, "frontend/station/survey_gone.html", status=404)
    form = FollowUpForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.follow_up_answer(follow_up=follow_up, **form.answers())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return render(request, "frontend/station/survey_done.html", {"entry": follow_up.entry})
    context = {"follow_up": follow_up, "entry": follow_up.entry, "form": form}
    return render(request, "frontend/station/survey.html", context, status=400 if form.errors else 200)


# --- 代办: acting for a worker with their SMS consent -------------------------------------------------


def _station_postings(user: User) -> QuerySet[JobPosting]:
    return posting_list_public_for_station(station_id=user.station_id)


@role_required(Role.STATION, Role.BUREAU)
@require_http_methods(["GET", "POST"])
def proxy(request: HttpRequest) -> HttpResponse:
    """Ask the worker beside you (or on the phone) for a code, then do what they agreed to.

    The bureau's service window (就业服务窗口) uses the same page for 帮我填 only."""
    user = request.user
    window = user.role == Role.BUREAU
    form = ProxyRequestForm(request.POST if request.POST.get("action") == "send" else None, window=window,
                            postings=None if window else _station_postings(user))  # fmt: skip
    confirm_form, consent = ProxyConfirmForm(), None
    action = request.POST.get("action")
    if action == "send" and form.is_valid():
        data = form.cleaned_data
        try:
            consent = proxy_request(by=user, name=data["name"], phone=data["phone"], purpose=data["purpose"],
                                    posting=data.get("posting"), id_number=data.get("id_number", ""))  # fmt: skip
        except ValidationError as exc:
            add_service_errors(form, exc)
    elif action == "confirm":
        raw = request.POST.get("consent", "")
        mine = ProxyConsent.objects.filter(staff=user)
        consent = mine.filter(pk=int(raw)).first() if raw.isdigit() and len(raw) < 10 else None
        if consent is None:
            raise Http404(_("找不到这次代办。"))
        confirm_form = ProxyConfirmForm(request.POST)
        if confirm_form.is_valid():
            try:
                consent = proxy_confirm(by=user, consent=consent, code=confirm_form.cleaned_data["code"],
                                        home_county=request.POST.get("home_county", "")[:30])  # fmt: skip
            except ValidationError as exc:
                add_service_errors(confirm_form, exc)
            else:
                if consent.purpose == ProxyPurpose.ASSIST:  # straight into their profile, with them beside you
                    messages.success(request, _("%(name)s已同意，请一起填写档案。") % {"name": consent.name})
                    return redirect("frontend:assist_step", pk=consent.pk, step=1)
                messages.success(request, _("%(name)s已同意，%(what)s已办好。") % {
                    "name": consent.name, "what": consent.get_purpose_display()})  # fmt: skip
                return redirect(_proxy_home(user))
    mine = ProxyConsent.objects.filter(staff=user) if window else ProxyConsent.objects.filter(station=user.station)
    recent = mine.select_related("staff", "posting")[:20]
    bad = form.errors or confirm_form.errors
    context = {"form": form, "confirm_form": confirm_form, "consent": consent, "recent": recent, "window": window}
    return render(request, "frontend/station/proxy.html", context, status=400 if bad else 200)


@role_required(Role.SEEKER)
@require_http_methods(["GET", "POST"])
def my_proxy(request: HttpRequest) -> HttpResponse:
    """我的代办记录: every act a station did for me, with a way to take it back or say it was not me."""
    consents = ProxyConsent.objects.filter(user=request.user, confirmed_at__isnull=False).select_related(
        "station", "staff", "posting")  # fmt: skip
    if request.method == "POST":
        raw = request.POST.get("consent", "")
        consent = consents.filter(pk=int(raw)).first() if raw.isdigit() and len(raw) < 10 else None
        if consent is None:
            raise Http404(_("找不到这条代办记录。"))
        if request.POST.get("action") == "contest":
            proxy_contest(by=request.user, consent=consent)
            messages.success(request, _("已撤回，并已报告人社局核查。"))
        else:
            proxy_withdraw(by=request.user, consent=consent)
            messages.success(request, _("已撤回。"))
        return redirect("frontend:my_proxy")
    # 好差评 of a station's help: every station that has this worker on its roster
    entries = list(RosterEntry.objects.filter(profile__user=request.user).select_related("station"))
    rated = ratings_given(request.user, Service.STATION, [e.pk for e in entries])
    stations = [{"entry": e, "rating": rated.get(e.pk)} for e in entries]
    context = {"consents": consents, "stations": stations, "scores": Score.choices}
    return render(request, "frontend/station/my_proxy.html", context)


# --- 组团输送 --------------------------------------------------------------------------------------


@role_required(Role.STATION)
@require_http_methods(["GET", "POST"])
def dispatches(request: HttpRequest) -> HttpResponse:
    user = request.user
    form = DispatchForm(request.POST or None, employers=_employers(user), postings=_station_postings(user),
                        initial={"arrives_on": timezone.localdate()})  # fmt: skip
    if request.method == "POST" and form.is_valid():
        try:
            batch = dispatch_create(by=user, station=user.station, **form.cleaned_data)
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            return redirect("frontend:dispatch", pk=batch.pk)
    batches = Dispatch.objects.filter(station=user.station).select_related("employer").annotate(
        listed=Count("members"), arrived=Count("members", filter=Q(members__status=MemberStatus.ARRIVED)))  # fmt: skip
    context = {"form": form, "batches": batches[:50]}
    return render(request, "frontend/station/dispatches.html", context, status=400 if form.errors else 200)


@role_required(Role.STATION)
@require_http_methods(["GET", "POST"])
def dispatch(request: HttpRequest, pk: int) -> HttpResponse:
    """One batch at a glance: who arrived, who has not; add, check in, show the QR code, close."""
    user = request.user
    batch = Dispatch.objects.filter(pk=pk, station=user.station).select_related("employer", "posting").first()
    if batch is None:
        raise Http404(_("找不到这个批次。"))
    add_form = DispatchAddForm(request.POST if request.POST.get("action") == "add" else None)
    action = request.POST.get("action")
    if request.method == "POST":
        try:
            if action == "add" and add_form.is_valid():
                dispatch_add(by=user, dispatch=batch, phone=add_form.cleaned_data["phone"])
                return redirect("frontend:dispatch", pk=batch.pk)
            if action == "check_in":
                raw = request.POST.get("member", "")
                member = batch.members.filter(pk=int(raw)).first() if raw.isdigit() and len(raw) < 10 else None
                if member is None:
                    raise Http404(_("找不到这位务工人员。"))
                dispatch_check_in(by=user, member=member)
                return redirect("frontend:dispatch", pk=batch.pk)
            if action == "close":
                absent = dispatch_close(by=user, dispatch=batch)
                messages.success(request, _("批次已结束，%(n)s人未到岗。") % {"n": absent})
                return redirect("frontend:dispatch", pk=batch.pk)
        except ValidationError as exc:
            add_service_errors(add_form, exc)
    members = batch.members.select_related("profile__user").order_by("status", "id")
    counts = {status: members.filter(status=status).count() for status in MemberStatus.values}
    context = {"batch": batch, "members": members, "add_form": add_form, "counts": counts,
               "statuses": MemberStatus.choices}  # fmt: skip
    return render(request, "frontend/station/dispatch.html", context, status=400 if add_form.errors else 200)


@role_required(Role.STATION)
def dispatch_qr(request: HttpRequest, pk: int) -> HttpResponse:
    batch = Dispatch.objects.filter(pk=pk, station=request.user.station).first()
    if batch is None:
        raise Http404(_("找不到这个批次。"))
    url = absolute_url(reverse("frontend:dispatch_check_in", args=[check_in_token(batch)]))
    response = HttpResponse(qr_png(url, box_size=8), content_type="image/png")
    response["Cache-Control"] = "private, no-store"
    return response


@role_required(Role.SEEKER)
@require_http_methods(["GET", "POST"])
def dispatch_check_in_page(request: HttpRequest, token: str) -> HttpResponse:
    """The worker scanned the batch's code at the gate: one tap says 我到了."""
    batch = dispatch_for_token(token)
    member = batch.members.filter(profile__user=request.user).first() if batch else None
    if member is None:
        return render(request, "frontend/station/dispatch_gone.html", status=404)
    if request.method == "POST":
        try:
            member = dispatch_check_in(by=request.user, member=member, self_service=True)
        except ValidationError as exc:
            messages.error(request, error_text(exc))
    return render(request, "frontend/station/dispatch_check_in.html", {"batch": batch, "member": member})


@role_required(Role.STATION, Role.BUREAU)
@require_http_methods(["GET", "POST"])
def assist_step(request: HttpRequest, pk: int, step: int) -> HttpResponse:
    """帮我填: the person's own profile wizard, filled by the staff member beside them after their code."""
    try:
        consent = assist_consent(by=request.user, consent_id=pk)
    except PermissionDenied as exc:
        messages.error(request, str(exc))
        return redirect(_proxy_home(request.user))
    return wizard_step(request, consent.user.profile, step, assisted=consent, done_url=_proxy_home(request.user),
                       step_url=lambda n: reverse("frontend:assist_step", args=[pk, n]))  # fmt: skip


def _proxy_home(user: User) -> str:
    return reverse("frontend:window_assist" if user.role == Role.BUREAU else "frontend:proxy")
