"""直播送岗 pages: the room list, opening a room, the viewer page, the host's control panel, the
timeline after the stream, and the bureau's comparison of streams.

The viewer page is server-rendered (current and pinned card, recent chat, 一键报名 as a plain
form) so it works without JavaScript; liveroom.js then plays the stream and keeps everything live
over the room's WebSocket. The host panel needs the socket: every host command goes through it.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from frontend.charts import Series, grouped_bars
from frontend.forms.live import LiveRoomForm
from frontend.views.common import add_service_errors, error_text, role_required
from livestream.live import rules as live_rules
from livestream.live.enums import RoomStatus
from livestream.live.selectors import FunnelRow, push_choices, room_funnel, room_list, room_state, room_timeline
from livestream.live.services import live_apply, room_create
from livestream.models import LiveCard, LiveRoom
from marketplace.enums import Role
from marketplace.permissions import can

HOST_ROLES = (Role.EMPLOYER, Role.STATION, Role.BUREAU)


def _is_host(request: HttpRequest, room: LiveRoom) -> bool:
    return request.user.is_authenticated and request.user.pk == room.host_id


def rooms(request: HttpRequest) -> HttpResponse:
    """直播送岗: live now, coming up, and past streams with their timelines."""
    groups: dict[str, list[LiveRoom]] = {RoomStatus.LIVE: [], RoomStatus.SCHEDULED: [], RoomStatus.ENDED: []}
    for room in room_list()[:200]:
        groups[room.status].append(room)
    user = request.user
    return render(
        request,
        "frontend/live/rooms.html",
        {
            "live": groups[RoomStatus.LIVE],
            "scheduled": groups[RoomStatus.SCHEDULED],
            "ended": groups[RoomStatus.ENDED][:30],
            "can_host": live_rules.can(user, "live.host"),
            "can_compare": live_rules.can(user, "live.view_funnel"),
        },
    )


@role_required(*HOST_ROLES)
@require_http_methods(["GET", "POST"])
def room_new(request: HttpRequest) -> HttpResponse:
    """创建直播间: employers for their own jobs, station and bureau staff for anyone's."""
    if request.user.role == Role.EMPLOYER and request.user.employer_id is None:
        return redirect("frontend:employer")
    form = LiveRoomForm(request.POST or None, host=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            room = room_create(by=request.user, data=form.data_for_service())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, _("直播间“%(title)s”已创建。开播时在控制台点“开始直播”。") % {"title": room.title}
            )
            return redirect("frontend:live_host", pk=room.pk)
    return render(request, "frontend/live/form.html", {"form": form}, status=400 if form.errors else 200)


def room(request: HttpRequest, pk: int) -> HttpResponse:
    """The viewer page: the stream, the job on screen with 一键报名, the pinned job, the chat."""
    room = get_object_or_404(LiveRoom.objects.select_related("employer", "host"), pk=pk)
    user = request.user
    state = room_state(room, user)
    return render(
        request,
        "frontend/live/room.html",
        {
            "room": room,
            "state": state,
            "applied": set(state["applied"]),
            "is_host": _is_host(request, room),
            "can_apply": user.is_authenticated and user.is_seeker,
            "login_url": reverse("frontend:login") + "?next=" + reverse("frontend:live_room", args=[room.pk]),
        },
    )


def room_host(request: HttpRequest, pk: int) -> HttpResponse:
    """主播控制台: start and end, choose and push a job, pin it, watch applications rise, moderate chat."""
    room = get_object_or_404(LiveRoom, pk=pk)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not _is_host(request, room):
        raise PermissionDenied(_("只有本直播间的主播可以打开控制台。"))
    return render(
        request,
        "frontend/live/host.html",
        {
            "room": room,
            "state": room_state(room, request.user),
            "postings": push_choices(room, by=request.user),
            "timeline": room_timeline(room),
        },
    )


@require_GET
def room_host_postings(request: HttpRequest, pk: int) -> JsonResponse:
    """The host's job search as they type (主播控制台): a few matches, the event's booths first."""
    room = get_object_or_404(LiveRoom, pk=pk)
    if not request.user.is_authenticated or not _is_host(request, room):
        raise PermissionDenied(_("只有本直播间的主播可以推送岗位。"))
    query = request.GET.get("q", "")[:50]
    found = push_choices(room, by=request.user, query=query)
    rows = [{"id": p.pk, "title": p.title, "pay": p.pay_display, "employer": p.employer.name, "county": p.county}
            for p in found]  # fmt: skip
    return JsonResponse({"postings": rows})


@require_POST
def card_apply(request: HttpRequest, pk: int, card_pk: int) -> HttpResponse:
    """一键报名 without JavaScript: the same service the socket calls, then back to the room."""
    card = get_object_or_404(LiveCard.objects.select_related("posting"), pk=card_pk, room_id=pk)
    room_url = reverse("frontend:live_room", args=[pk])
    if not request.user.is_authenticated:
        return redirect_to_login(room_url)
    if not request.user.is_seeker:
        raise PermissionDenied(_("只有求职者账号可以报名。"))
    try:
        result = live_apply(by=request.user, card=card)
    except ValidationError as exc:
        if getattr(exc, "code", None) == "no_profile":
            messages.error(request, error_text(exc))
            return redirect("frontend:profile")
        messages.error(request, error_text(exc))
    else:
        if result.already:
            messages.info(request, _("你已报名“%(title)s”。") % {"title": card.posting.title})
        else:
            messages.success(request, _("已报名“%(title)s”，企业会尽快与你联系。") % {"title": card.posting.title})
    return redirect(f"{room_url}#card")


def timeline(request: HttpRequest, pk: int) -> HttpResponse:
    """The stream afterwards: every card in the order shown, how long it was up, what it drew.

    Everyone sees the counts; a person's name is listed only to those who may see that application.
    """
    room = get_object_or_404(LiveRoom.objects.select_related("employer", "host"), pk=pk)
    entries = room_timeline(room, with_applicants=True)
    user = request.user
    for entry in entries:
        entry.applicants = [a for a in entry.applicants if can(user, "application.view", a)]
    (funnel,) = room_funnel([room])
    return render(
        request,
        "frontend/live/timeline.html",
        {"room": room, "entries": entries, "funnel": funnel, "is_host": _is_host(request, room)},
    )


FUNNEL_SERIES = (
    Series(gettext_lazy("报名"), "#c8102e"),
    Series(gettext_lazy("面试"), "#e3833a"),
    Series(gettext_lazy("入职"), "#1a7f37"),
    Series(gettext_lazy("重点群体入职"), "#2f6fb0"),
)
VIEWER_SERIES = (Series(gettext_lazy("最高同时在线"), "#8250df"), Series(gettext_lazy("累计观看人数"), "#9aa4ad"))


def _label(row: FunnelRow) -> str:
    when = timezone.localtime(row.room.started_at or row.room.scheduled_at)
    return _("%(title)s · %(month)s月%(day)s日") % {"title": row.room.title[:16], "month": when.month, "day": when.day}


@role_required(Role.BUREAU)
def funnel(request: HttpRequest) -> HttpResponse:
    """直播效果对比: which streams brought applications, interviews and hires, key groups apart."""
    started = LiveRoom.objects.exclude(status=RoomStatus.SCHEDULED).order_by("-started_at", "-id")[:30]
    rows = room_funnel(started)
    return render(
        request,
        "frontend/live/funnel.html",
        {
            "rows": rows,
            "funnel_chart": grouped_bars(
                _("各场直播的报名、面试与入职"),
                [(_label(r), [r.applications, r.interviews, r.hires, r.key_group_hires]) for r in rows],
                list(FUNNEL_SERIES),
            ),
            "viewer_chart": grouped_bars(
                _("各场直播的观看人数"),
                [(_label(r), [r.viewers_peak, r.viewers_unique]) for r in rows],
                list(VIEWER_SERIES),
            ),
            "totals": {
                "applications": sum(r.applications for r in rows),
                "interviews": sum(r.interviews for r in rows),
                "hires": sum(r.hires for r in rows),
                "key_group_hires": sum(r.key_group_hires for r in rows),
            },
        },
    )
