"""零工 at the site, the worker's side: gig detail, check-in by QR code or position, my gigs, and the
buttons both sides press on a claim or a settlement (the poster's pages are in gig_manage).

Every page works without JavaScript (the QR scan is a plain link; location check-in needs the
phone's position, so it is the one thing that needs JS, and the page says so). Every rule is the
services'; a refusal comes back as a flash message in Chinese and the person lands where they were.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from frontend.views.common import back_to, error_text, role_required, run_service
from frontend.views.gigs import day_label, priority_rule
from livestream.gigs import rules
from livestream.gigs import selectors as reads
from livestream.gigs.board import board_last_seq
from livestream.gigs.enums import (
    GIG_CLAIM_ACTIVE,
    GIG_CLAIM_AWAITED,
    GigClaimStatus,
)
from livestream.gigs.models import Gig, GigClaim, GigSettlement
from livestream.gigs.rules import can, require
from livestream.gigs.services import attendance as site
from livestream.gigs.services.claims import gig_claim_cancel, gig_claim_release
from livestream.gigs.services.complaints import gig_complaint_open
from livestream.gigs.services.ratings import gig_rate
from livestream.gigs.services.settlements import (
    settlement_confirm_received,
    settlement_mark_paid,
    settlement_set_pieces,
)
from marketplace.enums import KeyGroup, PayUnit, Role
from marketplace.qr import qr_png
from marketplace.ratings.enums import Score, Service
from marketplace.ratings.selectors import ratings_given

C = GigClaimStatus
# How the amount owed is worked out, in the words a worker reads on the gig's page.
PAY_BASIS = {
    PayUnit.DAY: gettext_lazy("干满一天付一天"),
    PayUnit.HOUR: gettext_lazy("按实际干活时间算（开工后从签到到签退），精确到一刻钟"),
    PayUnit.PIECE: gettext_lazy("按件数算，件数由发布方登记"),
}


def _int(value: str | None) -> int | None:
    try:
        return int((value or "").strip())
    except ValueError:
        return None


def _float(value: str | None) -> float | None:
    try:
        return float((value or "").strip())
    except ValueError:
        return None


# --- gig detail -----------------------------------------------------------------------------------


def gig_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """One gig: facts, the poster's rating, places left live over the board's socket, 抢单 or my place."""
    gig = get_object_or_404(Gig.objects.select_related("employer", "station", "occupation"), pk=pk)
    user = request.user
    mine = None
    if user.is_authenticated and user.is_seeker:
        mine = (
            GigClaim.objects.filter(gig=gig, profile__user=user)
            .exclude(status__in=[C.CANCELLED, C.RELEASED])
            .select_related("settlement")
            .order_by("-created_at")
            .first()
        )
    login_url = reverse("frontend:login") + "?next=" + reverse("frontend:gig_detail", args=[gig.pk])
    return render(
        request,
        "frontend/gigs/detail.html",
        {
            "gig": gig,
            "card": {
                "rule": priority_rule(gig),
                "day": day_label(gig.work_date),
                "rating": reads.rating_text(reads.poster_rating(gig)),
            },
            "mine": mine,
            "pay_basis": PAY_BASIS.get(gig.pay_unit, ""),
            "mine_active": mine is not None and mine.status in GIG_CLAIM_ACTIVE,
            "can_cancel": mine is not None and rules.claim_cancellable(mine),
            "poster_rating": reads.rating_text(reads.poster_rating(gig)) or _("暂无评价"),
            "can_manage": can(user, "gig.manage", gig),
            "can_claim": can(user, "gig.claim"),
            "last_seq": board_last_seq(gig.area),
            "today": timezone.localdate().isoformat(),
            "tz": timezone.get_current_timezone_name(),
            "group_labels": dict(KeyGroup.choices),
            "login_url": login_url,
        },
    )


# --- check-in -------------------------------------------------------------------------------------


@never_cache
@require_http_methods(["GET", "POST"])
def check_in(request: HttpRequest, pk: int) -> HttpResponse:
    """The QR code's page: arriving with `?t=<token>` checks the worker in; POST lat/lon checks in by position.

    A check-in is redirected to the plain page afterwards, so the token leaves the address bar and a
    reload does not post again.
    """
    gig = get_object_or_404(Gig.objects.select_related("employer", "station"), pk=pk)
    here = reverse("frontend:gig_check_in", args=[gig.pk])
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    if not user.is_seeker:
        if can(user, "gig.manage", gig):
            return redirect("frontend:gig_manage", pk=gig.pk)
        raise PermissionDenied(_("只有抢到名额的求职者可以签到。"))
    token = request.GET.get("t")
    if request.method == "POST" or token is not None:
        if request.method == "POST":
            call = lambda: site.gig_check_in(  # noqa: E731
                by=user, gig=gig, lat=_float(request.POST.get("lat")), lon=_float(request.POST.get("lon"))
            )
        else:
            call = lambda: site.gig_check_in(by=user, gig=gig, token=token)  # noqa: E731
        try:
            claim = call()
        except ValidationError as exc:
            messages.error(request, error_text(exc))
        else:
            moment = timezone.localtime(claim.checked_in_at)
            messages.success(request, _("签到成功！签到时间 %(time)s。收工时记得签退。") % {"time": f"{moment:%H:%M}"})
        return redirect(here)
    claim = (
        GigClaim.objects.filter(gig=gig, profile__user=user)
        .exclude(status__in=[C.CANCELLED, C.RELEASED])
        .order_by("-created_at")
        .first()
    )
    opens, closes = rules.checkin_window(gig)
    return render(
        request,
        "frontend/gigs/check_in.html",
        {
            "gig": gig,
            "claim": claim,
            "awaited": claim is not None and claim.status in GIG_CLAIM_AWAITED,
            "opens": opens,
            "closes": closes,
            "has_location": gig.position is not None,
        },
    )


@require_GET
def checkin_qr(request: HttpRequest, pk: int) -> HttpResponse:
    """The check-in QR code as a PNG, for the poster and staff only: it is the proof of presence."""
    gig = get_object_or_404(Gig.objects.select_related("employer", "station"), pk=pk)
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    url = request.build_absolute_uri(site.gig_checkin_path(by=request.user, gig=gig))
    response = HttpResponse(qr_png(url), content_type="image/png")
    response["Cache-Control"] = "private, no-store"
    return response


# --- my gigs --------------------------------------------------------------------------------------


@role_required(Role.SEEKER)
def my_gigs(request: HttpRequest) -> HttpResponse:
    """我的零工 in three tabs: claimed (coming up), today (check in and out here), done."""
    tab = request.GET.get("tab", "today")
    if tab not in reads.MY_GIG_TABS:
        tab = "today"
    now = timezone.now()
    claims = list(reads.claims_of_worker(user=request.user, tab=tab))
    # 好差评 of the gig market's service, once a day's work is done (the stars are for the poster)
    served = ratings_given(request.user, Service.GIG, [c.pk for c in claims if c.status == C.CHECKED_OUT])
    rows = []
    for claim in claims:
        gig = claim.gig
        rows.append(
            {
                "claim": claim,
                "gig": gig,
                "day": day_label(gig.work_date),
                "settlement": getattr(claim, "settlement", None),
                "complaint": next(iter(claim.complaints.all()), None),
                "service_rated": claim.status == C.CHECKED_OUT,
                "service_rating": served.get(claim.pk),
                **rules.worker_claim_actions(claim, now),
            }
        )
    return render(
        request,
        "frontend/gigs/mine.html",
        {
            "tab": tab,
            "tabs": reads.MY_GIG_TABS.items(),
            "rows": rows,
            "here": request.get_full_path(),
            "posted_any": reads.gigs_of_poster(user=request.user).exists(),
            "scores": Score.choices,
        },
    )


@require_POST
def claim_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    """The buttons on my gigs and on the management page: one service call each."""
    claim = get_object_or_404(GigClaim.objects.select_related("gig", "profile"), pk=pk)
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(reverse("frontend:home"))
    is_poster = can(user, "gig.manage", claim.gig)
    default = reverse("frontend:gig_manage", args=[claim.gig_id]) if is_poster else reverse("frontend:my_gigs")
    name = claim.profile.name or _("该求职者")
    pieces = _int(request.POST.get("pieces")) if request.POST.get("pieces", "").strip() else None
    if request.POST.get("pieces", "").strip() and pieces is None:
        messages.error(request, _("件数须是整数。"))
        return back_to(request, default)
    actions = {
        "confirm": (lambda: site.gig_claim_confirm(by=user, claim=claim), _("已确认%(name)s的报名。") % {"name": name}),
        "release": (lambda: gig_claim_release(by=user, claim=claim), _("已释放%(name)s的名额。") % {"name": name}),
        "no-show": (lambda: site.gig_claim_no_show(by=user, claim=claim), _("已记录%(name)s未到岗。") % {"name": name}),
        "check-in-for": (lambda: site.gig_check_in_for(by=user, claim=claim), _("已为%(name)s签到。") % {"name": name}),
        "check-out": (lambda: site.gig_check_out(by=user, claim=claim, pieces=pieces), _("已签退，工钱已记入结算。")),
        "cancel": (lambda: gig_claim_cancel(by=user, claim=claim), _("已取消报名，名额已退回。")),
    }
    call, success = actions[action]
    run_service(request, call, success)
    return back_to(request, default)


@require_POST
def settlement_action(request: HttpRequest, pk: int, action: str) -> HttpResponse:
    settlement = get_object_or_404(GigSettlement.objects.select_related("claim", "claim__gig"), pk=pk)
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(reverse("frontend:home"))
    gig_id = settlement.claim.gig_id
    default = (
        reverse("frontend:gig_manage", args=[gig_id])
        if can(user, "gig.settle", settlement.claim.gig)
        else reverse("frontend:my_gigs")
    )
    if action == "pieces":
        pieces = _int(request.POST.get("pieces"))
        if pieces is None:
            messages.error(request, _("请填写件数（整数）。"))
            return back_to(request, default)
        run_service(
            request,
            lambda: settlement_set_pieces(by=user, settlement=settlement, pieces=pieces),
            _("已填写件数 %(pieces)s 件。") % {"pieces": pieces},
        )
    elif action == "paid":
        run_service(request, lambda: settlement_mark_paid(by=user, settlement=settlement), _("已标记为已付款。"))
    else:
        run_service(request, lambda: settlement_confirm_received(by=user, settlement=settlement), _("已确认收到工钱。"))
    return back_to(request, default)


@require_POST
def rate(request: HttpRequest, pk: int) -> HttpResponse:
    claim = get_object_or_404(GigClaim.objects.select_related("gig"), pk=pk)
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(reverse("frontend:home"))
    default = (
        reverse("frontend:gig_manage", args=[claim.gig_id])
        if can(user, "gig.manage", claim.gig)
        else reverse("frontend:my_gigs")
    )
    stars = _int(request.POST.get("stars")) or 0
    comment = request.POST.get("comment", "")
    run_service(request, lambda: gig_rate(by=user, claim=claim, stars=stars, comment=comment), _("评价已提交，谢谢！"))
    return back_to(request, default)


@role_required(Role.SEEKER)
@require_http_methods(["GET", "POST"])
def complaint_new(request: HttpRequest, pk: int) -> HttpResponse:
    """欠薪投诉: what is owed and what happened; staff see it at once."""
    claim = get_object_or_404(GigClaim.objects.select_related("gig", "gig__employer", "gig__station"), pk=pk)
    require(request.user, "gig.complaint_open", claim)
    settlement = GigSettlement.objects.filter(claim=claim).first()
    values = {"amount_claimed": "", "description": ""}
    errors: dict[str, list[str]] = {}
    general: list[str] = []
    if request.method == "POST":
        values = {k: request.POST.get(k, "") for k in values}
        try:
            gig_complaint_open(by=request.user, claim=claim, **values)
        except ValidationError as exc:
            if hasattr(exc, "error_dict"):
                errors = exc.message_dict
            else:
                general = exc.messages
        else:
            messages.success(request, _("投诉已提交，工作人员会尽快处理。处理进度可在“我的零工”查看。"))
            return redirect(reverse("frontend:my_gigs") + "?tab=done")
    elif settlement is not None and settlement.amount is not None:
        values["amount_claimed"] = f"{settlement.amount.normalize():f}"
    status = 400 if (errors or general) else 200
    return render(
        request,
        "frontend/gigs/complaint_form.html",
        {"claim": claim, "settlement": settlement, "values": values, "errors": errors, "general": general},
        status=status,
    )
