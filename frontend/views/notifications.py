"""我的通知 and 今天可接活: the pages behind the bell and the "I am free today" switch."""

from __future__ import annotations

import datetime

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from frontend.forms.availability import AvailabilityForm
from frontend.views.common import add_service_errors, role_required
from livestream.gigs.services.availability import availability_clear, availability_current, availability_set
from marketplace.enums import Role
from marketplace.models import Notification, WorkerProfile
from marketplace.notifications.services import notifications_mark_read

PAGE_SIZE = 30


@role_required(Role.SEEKER, Role.EMPLOYER, Role.STATION, Role.BUREAU)
def notification_list(request: HttpRequest) -> HttpResponse:
    """Opening the list reads what it shows: the badge then counts only what came after."""
    page = Paginator(Notification.objects.filter(user=request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    items = list(page.object_list)
    unread_ids = [n.pk for n in items if n.read_at is None]
    notifications_mark_read(user=request.user, ids=unread_ids)
    return render(
        request, "frontend/me/notifications.html", {"page": page, "items": items, "unread_ids": set(unread_ids)}
    )


@role_required(Role.SEEKER)
@require_http_methods(["GET", "POST"])
def availability(request: HttpRequest) -> HttpResponse:
    """今天可接活: mark, update or clear; the flags lapse at midnight by themselves."""
    user = request.user
    profile = WorkerProfile.objects.filter(user_id=user.pk).first()
    if profile is None:
        messages.info(request, _("请先完善求职者档案，再标记可接活。"))
        return redirect("frontend:me")
    current = availability_current(user)
    initial = {"county": profile.current_county, "town": profile.current_town}
    if current:
        latest = current[0]
        initial = {"county": latest.county, "town": latest.town, "families": list(latest.families.all()),
                   "note": latest.note}  # fmt: skip
    form = AvailabilityForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            row = availability_set(by=user, **form.data_for_service())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            day = _("今天") if row.day == timezone.localdate() else _("明天")
            messages.success(
                request,
                _("已标记%(day)s可接活。%(county)s有合适的零工时会通知你。") % {"day": day, "county": row.county},
            )
            return redirect("frontend:availability")
    return render(
        request,
        "frontend/me/availability.html",
        {"form": form, "current": current, "today": timezone.localdate(), "radius_km": settings.GIG_NOTIFY_RADIUS_KM},
        status=400 if form.errors else 200,
    )


@role_required(Role.SEEKER)
@require_POST
def availability_stop(request: HttpRequest) -> HttpResponse:
    day = request.POST.get("day")
    try:
        parsed = datetime.date.fromisoformat(day) if day else None
    except ValueError:
        parsed = None
    if availability_clear(by=request.user, day=parsed):
        messages.success(request, _("已取消可接活，不再收到零工通知。"))
    return redirect("frontend:availability")
