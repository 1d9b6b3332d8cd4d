"""零工 at the site, the poster's and staff's side: the gigs they manage, one gig's claimers with the
QR code and settlements, and wage complaints to handle.

Phones are shown as `personal_numbers` allows (masked for employers); every decision is the services'.
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from frontend.views.common import back_to, role_required, run_service
from frontend.views.gigs import day_label
from livestream.gigs import rules
from livestream.gigs import selectors as reads
from livestream.gigs.enums import (
    GIG_CLAIM_ACTIVE,
    GIG_CLAIM_AWAITED,
    GIG_CLAIM_FINISHED,
    ComplaintStatus,
    GigClaimStatus,
)
from livestream.gigs.models import Gig, WageComplaint
from livestream.gigs.rules import can, require
from livestream.gigs.services import attendance as site
from livestream.gigs.services.complaints import TRANSITIONS as COMPLAINT_TRANSITIONS
from livestream.gigs.services.complaints import gig_complaint_advance
from marketplace.enums import PayUnit, Role
from marketplace.permissions import personal_numbers

C = GigClaimStatus


# --- the poster's management ---------------------------------------------------------------------


@role_required(Role.EMPLOYER, Role.STATION, Role.SEEKER)
def manage_list(request: HttpRequest) -> HttpResponse:
    """零工管理: the organisation's gigs, newest first, with how many hold a place and are at the site."""
    if request.user.role == Role.EMPLOYER and request.user.employer_id is None:
        return redirect("frontend:employer")
    gigs = list(reads.gigs_of_poster(user=request.user)[:100])
    return render(request, "frontend/gigs/manage_list.html", {"gigs": gigs})


@require_GET
def manage_gig(request: HttpRequest, pk: int) -> HttpResponse:
    """One gig for its poster: the QR code, every claimer with their check-in state, settlements."""
    gig = get_object_or_404(Gig.objects.select_related("employer", "station"), pk=pk)
    user = request.user
    if not user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    require(user, "gig.manage", gig)
    claims = reads.claims_for_management(gig)
    profiles = [c.profile for c in claims]
    no_shows = reads.no_show_counts(profiles)
    ratings = reads.worker_ratings(profiles)
    now = timezone.now()
    opens, closes = rules.checkin_window(gig)
    running = reads.gig_is_running(gig)
    can_settle = can(user, "gig.settle", gig)
    rows = []
    for claim in claims:
        settlement = getattr(claim, "settlement", None)
        awaited = claim.status in GIG_CLAIM_AWAITED
        rows.append(
            {
                "claim": claim,
                "numbers": personal_numbers(user, claim.profile),
                "no_shows": no_shows.get(claim.profile_id, 0),
                "rating": reads.rating_text(ratings.get(claim.profile_id, (None, 0))) or _("暂无评价"),
                "settlement": settlement,
                "can_confirm": claim.status == C.CLAIMED and running,
                "can_release": awaited and running,
                "can_no_show": awaited and now >= gig.starts_at and gig.status != "cancelled",
                "can_check_in_for": can_settle and awaited and running and opens <= now <= closes,
                "can_check_out": claim.status == C.CHECKED_IN,
                "can_rate": can(user, "gig.rate_worker", gig)
                and claim.status in GIG_CLAIM_FINISHED
                and not claim.ratings.all(),
                "needs_pieces": settlement is not None
                and settlement.pay_unit == PayUnit.PIECE
                and settlement.status == "unpaid",
                "can_mark_paid": can_settle
                and settlement is not None
                and settlement.status == "unpaid"
                and settlement.amount is not None,
            }
        )
    owed = sum((r["settlement"].amount or Decimal(0) for r in rows if r["settlement"]), Decimal(0))
    return render(
        request,
        "frontend/gigs/manage.html",
        {
            "gig": gig,
            "rows": rows,
            "day": day_label(gig.work_date),
            "can_settle": can_settle,
            "show_qr": can(user, "gig.check_in_code", gig),
            "checkin_url": request.build_absolute_uri(site.gig_checkin_path(by=user, gig=gig))
            if can(user, "gig.check_in_code", gig)
            else "",
            "opens": opens,
            "closes": closes,
            "has_location": gig.position is not None,
            "radius": settings.GIG_CHECKIN_RADIUS_M,
            "is_piece": gig.pay_unit == PayUnit.PIECE,
            "owed": owed,
            "here": request.get_full_path(),
            "checked_in": sum(1 for c in claims if c.status == C.CHECKED_IN),
            "holding": sum(1 for c in claims if c.status in GIG_CLAIM_ACTIVE),
        },
    )


# --- wage complaints for staff -------------------------------------------------------------------


@require_POST
def set_site(request: HttpRequest, pk: int) -> HttpResponse:
    """工作地点: the poster's phone position becomes the gig's, so workers can check in by location."""
    gig = get_object_or_404(Gig, pk=pk)
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("frontend:gig_manage", args=[pk]))
    lat, lon = _float(request.POST.get("lat")), _float(request.POST.get("lon"))
    run_service(
        request,
        lambda: site.gig_set_site(by=request.user, gig=gig, lat=lat, lon=lon),
        _("已把您现在的位置设为工作地点，工人在附近就能定位签到。"),
    )
    return redirect("frontend:gig_manage", pk=pk)


def _float(value: str | None) -> float | None:
    try:
        return float((value or "").strip())
    except ValueError:
        return None


@role_required(Role.BUREAU, Role.STATION)
def complaints(request: HttpRequest) -> HttpResponse:
    """欠薪投诉: the complaints this staff member handles, open first, with the settlement beside the claim."""
    status = request.GET.get("status", "")
    rows = [
        {
            "complaint": c,
            "numbers": personal_numbers(request.user, c.claim.profile),
            "next": [s for s in (ComplaintStatus.HANDLING, ComplaintStatus.RESOLVED) if _allowed_next(c, s)],
        }
        for c in reads.complaints_for_staff(user=request.user, status=status)
    ]
    return render(
        request,
        "frontend/gigs/complaints.html",
        {"rows": rows, "status": status, "statuses": ComplaintStatus.choices, "here": request.get_full_path()},
    )


def _allowed_next(complaint: WageComplaint, to: str) -> bool:
    return to in COMPLAINT_TRANSITIONS.get(complaint.status, ())


@require_POST
def complaint_advance(request: HttpRequest, pk: int) -> HttpResponse:
    complaint = get_object_or_404(WageComplaint, pk=pk)
    if not request.user.is_authenticated:
        return redirect_to_login(reverse("frontend:gig_complaints"))
    to = request.POST.get("to", "")
    labels = dict(ComplaintStatus.choices)
    run_service(
        request,
        lambda: gig_complaint_advance(by=request.user, complaint=complaint, to=to, note=request.POST.get("note", "")),
        _("投诉#%(pk)s 已改为“%(status)s”。") % {"pk": complaint.pk, "status": labels.get(to, to)},
    )
    return back_to(request, reverse("frontend:gig_complaints"))
