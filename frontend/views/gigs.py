"""零工市场: choose a county's board, watch it live, claim a place, post a gig.

The board is server-rendered so it works without JavaScript; gigs.js then keeps it live over the
board's WebSocket. Every rule (who may post, who may claim, places left) is the service's.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from frontend.forms.gigs import GigForm
from frontend.views.common import add_service_errors, error_text, role_required
from livestream.gigs.board import board_last_seq
from livestream.gigs.enums import GIG_CLAIM_ACTIVE, GigStatus
from livestream.gigs.models import AREA_PATTERN, Gig, GigClaim, board_area
from livestream.gigs.rules import can, individual_verified, may_offer_posting, priority_rule_text, priority_window_open
from livestream.gigs.selectors import poster_ratings, rating_text
from livestream.gigs.services.availability import availability_current
from livestream.gigs.services.claims import gig_claim
from livestream.gigs.services.posting import gig_post
from marketplace.enums import KeyGroup, Role
from marketplace.models import User, WorkerProfile
from marketplace.places import COUNTIES, distance_km

COUNTY_BY_CODE = {county.code: county for county in COUNTIES}


@dataclass(frozen=True)
class Board:
    area: str
    name: str
    open_today: int
    mine: bool


def _own_county(user: User) -> str:
    """The county a person lives or works in, when we know it."""
    if not user.is_authenticated:
        return ""
    if user.is_seeker:
        profile = WorkerProfile.objects.filter(user_id=user.pk).only("current_county").first()
        return profile.current_county if profile else ""
    if user.employer_id:
        return user.employer.county
    return ""


def priority_rule(gig: Gig, now: datetime.datetime | None = None) -> str:
    """“脱贫人口或附近5公里内的人优先，10:30 后对所有人开放” while the window is on, else ""."""
    if not priority_window_open(gig, now):
        return ""
    until = timezone.localtime(gig.priority_until)
    moment = (
        f"{until:%H:%M}"
        if until.date() == timezone.localdate()
        else _("%(month)s月%(day)s日 %(time)s") % {"month": until.month, "day": until.day, "time": f"{until:%H:%M}"}
    )
    return _("%(rule)s优先，%(moment)s 后对所有人开放") % {"rule": priority_rule_text(gig), "moment": moment}


def day_label(day: datetime.date) -> str:
    today = timezone.localdate()
    if day == today:
        return _("今天")
    if day == today + datetime.timedelta(days=1):
        return _("明天")
    return _("%(month)s月%(day)s日") % {"month": day.month, "day": day.day}


def boards(request: HttpRequest) -> HttpResponse:
    """选择零工市场: the prefecture's counties with today's open gigs, the person's own county first."""
    today = timezone.localdate()
    counts = dict(
        Gig.objects.filter(status=GigStatus.OPEN, work_date=today, withdrawn_at__isnull=True)
        .values_list("area")
        .annotate(n=Count("id"))
        .values_list("area", "n")
    )
    own = _own_county(request.user).strip()
    own_area = board_area(own) if own else ""
    items = [Board(c.code, c.name, counts.get(c.code, 0), c.code == own_area) for c in COUNTIES]
    items.sort(key=lambda b: not b.mine)  # stable: the rest keep the gazetteer's order
    return render(request, "frontend/gigs/boards.html", {"boards": items})


def _position(request: HttpRequest) -> tuple[float, float] | None:
    """Where the person is: the phone's position the page sent, else their 今天可接活 position."""
    try:
        lat, lon = float(request.GET["lat"]), float(request.GET["lon"])
    except (KeyError, ValueError):
        pass
    else:
        if -90 <= lat <= 90 and -180 <= lon <= 180:
            return lat, lon
    user = request.user
    if user.is_authenticated and user.is_seeker:
        for flag in availability_current(user):
            if flag.position:
                return flag.position
    return None


def _sort_key(gig: Gig, distance: float | None, near: bool) -> str:
    """The card's place in the list; gigs.js builds the same key for cards that arrive live."""
    when = f"{gig.work_date:%Y-%m-%d} {gig.start_time:%H:%M}"
    if not near:
        return when
    return f"{distance:09.2f} {when}" if distance is not None else f"99999.99 {when}"


def board(request: HttpRequest, area: str) -> HttpResponse:
    """One county's live board: today's and upcoming gigs that are open or full."""
    if not AREA_PATTERN.match(area):
        raise Http404(_("零工市场不存在"))
    # Read the number first: an event committed meanwhile is then replayed by the page, never missed.
    last_seq = board_last_seq(area)
    gigs = list(
        Gig.objects.select_related("employer", "station").filter(
            area=area,
            status__in=[GigStatus.OPEN, GigStatus.FULL],
            work_date__gte=timezone.localdate(),
            withdrawn_at__isnull=True,
        )
    )
    county = COUNTY_BY_CODE.get(area)
    if county is None and not gigs:
        raise Http404(_("零工市场不存在"))
    name = county.name if county else gigs[0].county
    user = request.user
    mine: set[int] = set()
    if user.is_authenticated and user.is_seeker:
        mine = set(
            GigClaim.objects.filter(
                profile__user=user, gig__in=gigs, status__in=[str(s) for s in GIG_CLAIM_ACTIVE]
            ).values_list("gig_id", flat=True)
        )
    now = timezone.now()
    position = _position(request)
    near = request.GET.get("sort") == "near" and position is not None
    ratings = poster_ratings(gigs)
    cards = []
    for g in gigs:
        distance = distance_km(*position, *g.position) if position and g.position else None
        cards.append({"gig": g, "rule": priority_rule(g, now), "day": day_label(g.work_date), "mine": g.pk in mine,
                      "distance": distance, "sort_key": _sort_key(g, distance, near),
                      "rating": rating_text(ratings[g.pk])})  # fmt: skip
    cards.sort(key=lambda card: (card["sort_key"], card["gig"].pk))
    return render(
        request,
        "frontend/gigs/board.html",
        {
            "area": area,
            "name": name,
            "cards": cards,
            "near": near,
            "position": position,
            "wants_near": request.GET.get("sort") == "near",
            "last_seq": last_seq,
            "today": timezone.localdate().isoformat(),
            "tz": settings.TIME_ZONE,
            "group_labels": dict(KeyGroup.choices),
            "can_claim": can(user, "gig.claim"),
            "can_post": may_offer_posting(user),
            "login_url": reverse("frontend:login") + "?next=" + reverse("frontend:gig_board", args=[area]),
        },
    )


@require_POST
def claim(request: HttpRequest, pk: int) -> HttpResponse:
    """抢单 without JavaScript: the same service the WebSocket calls, then back to the board."""
    gig = get_object_or_404(Gig, pk=pk)
    board_url = reverse("frontend:gig_board", args=[gig.area])
    if not request.user.is_authenticated:
        return redirect_to_login(board_url)
    if not request.user.is_seeker:
        raise PermissionDenied(_("只有求职者账号可以抢单。"))
    try:
        gig_claim(by=request.user, gig=gig)
    except ValidationError as exc:
        messages.error(request, error_text(exc))
    else:
        messages.success(request, _("抢到了“%(title)s”！请按时到集合地点。") % {"title": gig.title})
    return redirect(f"{board_url}#gig-{gig.pk}")


@role_required(Role.EMPLOYER, Role.STATION, Role.SEEKER)
@require_http_methods(["GET", "POST"])
def gig_new(request: HttpRequest) -> HttpResponse:
    """发布零工: employer members, station staff and verified individuals; the service refuses the rest."""
    user = request.user
    if user.role == Role.EMPLOYER and user.employer_id is None:
        return redirect("frontend:employer")
    own = _own_county(user)
    initial = {"work_date": timezone.localdate(), "county": own if board_area(own) in COUNTY_BY_CODE else ""}
    form = GigForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            gig = gig_post(by=user, data=form.data_for_service())
        except ValidationError as exc:
            add_service_errors(form, exc)
        else:
            messages.success(
                request, _("“%(title)s”已发布到%(county)s零工市场。") % {"title": gig.title, "county": gig.county}
            )
            return redirect("frontend:gig_board", area=gig.area)
    unverified = user.role == Role.EMPLOYER and not user.employer.is_verified
    individual_unverified = user.is_seeker and not individual_verified(user)
    return render(
        request,
        "frontend/gigs/form.html",
        {"form": form, "unverified": unverified, "individual_unverified": individual_unverified},
        status=400 if form.errors else 200,
    )
