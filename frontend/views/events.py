"""招聘会 pages for everyone: the list, an event's page (booths, jobs, 为你推荐), sign-up and ticket,
applying from the event, an employer's booth, and the poster.

Every rule is the service's; a view parses, calls, and turns a refusal into a message.
"""

from __future__ import annotations

import logging

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from frontend.forms.events import BoothForm
from frontend.views.common import add_service_errors, employer_member_required, error_text, role_required
from livestream.events.enums import BoothStatus, EventKind
from livestream.events.rules import can
from livestream.events.selectors import (
    booth_of,
    booths_approved,
    event_live_room_url,
    event_recommended,
    event_top_jobs,
    events_upcoming,
    registration_for,
    tickets_of,
)
from livestream.events.services.booths import booth_register, event_apply
from livestream.events.services.posters import PosterFontMissing, PosterJob, poster_png, ticket_qr_png
from livestream.events.services.tickets import event_sign_up, places_taken, registration_cancel
from livestream.models import EventRegistration, RecruitmentEvent
from marketplace.enums import KeyGroup, Role
from marketplace.models import JobPosting
from marketplace.postings.selectors import posting_list_public
from marketplace.ratings.enums import Score, Service
from marketplace.ratings.selectors import ratings_given

logger = logging.getLogger(__name__)


def group_labels(groups: list[str]) -> str:
    return "、".join(str(KeyGroup(g).label) for g in groups if g in KeyGroup.values)


def event_list(request: HttpRequest) -> HttpResponse:
    """招聘会: upcoming fairs, soonest first; chips filter by kind."""
    kind = request.GET.get("kind", "")
    if kind not in EventKind.values:
        kind = ""
    events = list(events_upcoming(kind=kind))
    user = request.user
    return render(
        request,
        "frontend/events/list.html",
        {
            "events": events,
            "kind": kind,
            "kinds": EventKind.choices,
            "can_create": can(user, "event.manage"),
            "is_seeker": user.is_authenticated and user.is_seeker,
        },
    )


def event_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """An event's page: when and where, booths and their jobs (searchable), 为你推荐, sign-up or ticket."""
    event = get_object_or_404(RecruitmentEvent.objects.select_related("station"), pk=pk)
    user = request.user
    q = request.GET.get("q", "").strip()[:40]
    booths = booths_approved(event, q=q)
    recommended = []
    if user.is_authenticated and user.is_seeker and hasattr(user, "profile"):
        recommended = event_recommended(event, user.profile)
    applied = set()
    if user.is_authenticated and user.is_seeker:
        applied = set(
            JobPosting.objects.filter(applications__profile__user=user, booths__event=event).values_list(
                "pk", flat=True
            )
        )
    now = timezone.now()
    return render(
        request,
        "frontend/events/detail.html",
        {
            "event": event,
            "booths": booths,
            "q": q,
            "recommended": recommended,
            "applied": applied,
            "registration": registration_for(event, user),
            "places_left": max(0, event.capacity - places_taken(event)),
            "ended": event.has_ended(now),
            "groups": group_labels(event.target_groups),
            "live_room_url": event_live_room_url(event),
            "booth": booth_of(event, user),
            "can_manage": can(user, "event.manage", event),
            "can_check_in": can(user, "event.check_in", event),
            "is_seeker": user.is_authenticated and user.is_seeker,
            "is_employer": user.is_authenticated and user.is_employer_member,
            "login_url": reverse("frontend:login") + "?next=" + reverse("frontend:event_detail", args=[event.pk]),
        },
    )


@require_POST
def sign_up(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(RecruitmentEvent, pk=pk)
    page = reverse("frontend:event_detail", args=[pk])
    if not request.user.is_authenticated:
        return redirect_to_login(page)
    if not request.user.is_seeker:
        raise PermissionDenied(_("只有求职者账号可以报名招聘会。"))
    try:
        event_sign_up(by=request.user, event=event)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
        return redirect(page)
    messages.success(request, _("报名成功！入场时出示门票二维码即可签到。"))
    return redirect("frontend:event_ticket", pk=pk)


@require_POST
@role_required(Role.SEEKER)
def sign_up_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    event = get_object_or_404(RecruitmentEvent, pk=pk)
    registration = registration_for(event, request.user)
    if registration is None:
        messages.error(request, _("你没有报名这场招聘会。"))
    else:
        try:
            registration_cancel(by=request.user, registration=registration)
        except ValidationError as exc:
            messages.error(request, error_text(exc))
        else:
            messages.success(request, _("已取消报名，名额已让出。"))
    return redirect("frontend:event_detail", pk=pk)


@role_required(Role.SEEKER)
def ticket(request: HttpRequest, pk: int) -> HttpResponse:
    """My ticket: the QR code staff scan at the door, and the code to read out if the scan fails."""
    event = get_object_or_404(RecruitmentEvent.objects.select_related("station"), pk=pk)
    registration = registration_for(event, request.user)
    if registration is None:
        messages.error(request, _("你还没有报名这场招聘会。"))
        return redirect("frontend:event_detail", pk=pk)
    attended = registration.checked_in_at is not None  # 好差评 once the person was there
    rating = ratings_given(request.user, Service.EVENT, [registration.pk]).get(registration.pk) if attended else None
    return render(request, "frontend/events/ticket.html", {"event": event, "registration": registration,
                                                           "can_rate": attended, "rating": rating,
                                                           "scores": Score.choices})  # fmt: skip


@role_required(Role.SEEKER)
def ticket_png(request: HttpRequest, pk: int) -> HttpResponse:
    registration = get_object_or_404(
        EventRegistration.objects.select_related("event"), event_id=pk, profile__user=request.user, status="active"
    )
    response = HttpResponse(ticket_qr_png(registration), content_type="image/png")
    response["Cache-Control"] = "private, no-store"
    return response


@role_required(Role.SEEKER)
def my_tickets(request: HttpRequest) -> HttpResponse:
    return render(request, "frontend/events/tickets.html", {"tickets": list(tickets_of(request.user))})


@require_POST
def apply(request: HttpRequest, pk: int, posting_pk: int) -> HttpResponse:
    """投递 from the event's page: the application remembers the event it came from."""
    event = get_object_or_404(RecruitmentEvent, pk=pk)
    posting = get_object_or_404(posting_list_public(), pk=posting_pk)
    page = reverse("frontend:event_detail", args=[pk])
    if not request.user.is_authenticated:
        return redirect_to_login(page)
    if not request.user.is_seeker:
        raise PermissionDenied(_("只有求职者账号可以投递。"))
    try:
        event_apply(by=request.user, event=event, posting=posting)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("已投递“%(title)s”，到展位可以直接找招聘人员面谈。") % {"title": posting.title})
    return redirect(f"{page}#job-{posting.pk}")


@employer_member_required
@require_http_methods(["GET", "POST"])
def booth(request: HttpRequest, pk: int) -> HttpResponse:
    """报名参会: the employer picks its published jobs for its booth; staff approve it."""
    event = get_object_or_404(RecruitmentEvent, pk=pk)
    user = request.user
    own_jobs = posting_list_public().filter(employer_id=user.employer_id)
    current = booth_of(event, user)
    initial = {"postings": list(current.postings.all())} if current else {}
    form = BoothForm(request.POST or None, postings=own_jobs, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            booth_register(by=user, event=event, postings=form.cleaned_data["postings"])
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(request, _("展位报名已提交，等待主办方审核。"))
            return redirect("frontend:event_detail", pk=pk)
    return render(
        request,
        "frontend/events/booth.html",
        {"event": event, "form": form, "booth": current, "statuses": BoothStatus, "has_jobs": own_jobs.exists()},
        status=400 if form.errors else 200,
    )


def poster(request: HttpRequest, pk: int) -> HttpResponse:
    """The poster as a PNG, to save and share in WeChat; its QR code opens this event's page."""
    event = get_object_or_404(RecruitmentEvent.objects.select_related("station"), pk=pk)
    jobs = [PosterJob(title=p.title, employer=p.employer.name, pay=p.pay_display) for p in event_top_jobs(event)]
    url = request.build_absolute_uri(reverse("frontend:event_detail", args=[pk]))
    try:
        png = poster_png(event, url=url, jobs=jobs)
    except PosterFontMissing as exc:
        logger.error("poster of event %s not drawn: %s", pk, exc)
        message = _("海报暂时无法生成：服务器缺少中文字体（请安装 fonts-noto-cjk 或设置 POSTER_FONT_PATH）。")
        return HttpResponse(message, content_type="text/plain; charset=utf-8", status=503)
    response = HttpResponse(png, content_type="image/png")
    response["Content-Disposition"] = f'inline; filename="event-{pk}-poster.png"'
    return response
