"""At the site: the poster confirms claimers, workers check in and out, no-shows are recorded.

    claim:  claimed ──confirm (poster)──▶ confirmed
            claimed / confirmed ──check in (QR code, location, or the poster for them)──▶ checked_in
            checked_in ──check out (worker or poster)──▶ checked_out   (+ a settlement, see gig_settlements)
            claimed / confirmed ──no-show (poster after the start; the periodic sweep after end + grace)──▶ no_show

A check-in proves presence one of two ways: the secret token of the gig's QR code (printed or held up
at the site; only the poster and staff can open it), or the phone's position within
`GIG_CHECKIN_RADIUS_M` of the gig's coordinates. Either only from `GIG_CHECKIN_EARLY_MINUTES` before
the start until the end.

Locks follow services.shared: the gig row first (when taken), then the claim row.
"""

from __future__ import annotations

import datetime
import hmac
import logging

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from livestream.gigs import board
from livestream.gigs.enums import GIG_CLAIM_AWAITED, BoardEventKind, CheckInMethod, GigClaimStatus, GigStatus
from livestream.gigs.models import Gig, GigClaim, new_checkin_token
from livestream.gigs.rules import can, checkin_window, format_moment, require
from livestream.gigs.services.settlements import settlement_create
from livestream.gigs.services.shared import lock_claim, lock_gig, log_transition, profile_of
from marketplace.models import User
from marketplace.places import distance_km, valid_coordinates

logger = logging.getLogger(__name__)

C = GigClaimStatus
G = GigStatus
# A gig that is still on: claims can be confirmed, checked in, marked no-show.
GIG_RUNNING = (G.OPEN, G.FULL)


def _bad_transition(claim: GigClaim, action: str) -> ValidationError:
    return ValidationError(
        _("报名当前状态为“%(now)s”，不能%(action)s。") % {"now": C(claim.status).label, "action": action},
        code="gig_claim_bad_transition",
    )


def _refuse_stopped_gig(gig: Gig) -> None:
    if gig.status not in GIG_RUNNING:
        raise ValidationError(_("该零工%(state)s。") % {"state": G(gig.status).label}, code="gig_not_running")


# --- the check-in code --------------------------------------------------------------------------


def gig_checkin_token(*, gig: Gig) -> str:
    """The gig's secret, made on first use for gigs saved before check-in existed."""
    if not gig.checkin_token:
        token = new_checkin_token()
        # Only fills an empty token: two first viewers end with the same one.
        Gig.objects.filter(pk=gig.pk, checkin_token="").update(checkin_token=token)
        gig.refresh_from_db(fields=["checkin_token"])
    return gig.checkin_token


def gig_checkin_path(*, by: User, gig: Gig) -> str:
    """The path the QR code carries (the view makes it absolute). Only the poster and staff see it."""
    require(by, "gig.check_in_code", gig)
    return f"/gigs/{gig.pk}/check-in/?t={gig_checkin_token(gig=gig)}"


# --- the poster's decisions ---------------------------------------------------------------------


@transaction.atomic
def gig_set_site(*, by: User, gig: Gig, lat: float | None, lon: float | None) -> Gig:
    """The poster, standing at the site, makes their phone's position the gig's (for location check-in).

    Locks the gig. The board does not show coordinates, so no board event is written.
    """
    gig = lock_gig(gig)
    require(by, "gig.manage", gig)
    _refuse_stopped_gig(gig)
    if lat is None or lon is None or not valid_coordinates(lat, lon):
        raise ValidationError(_("没有取得位置，请允许浏览器使用定位后重试。"), code="checkin_no_position")
    gig.lat, gig.lon = lat, lon
    gig.save(update_fields=["lat", "lon", "updated_at"])
    return gig


@transaction.atomic
def gig_claim_confirm(*, by: User, claim: GigClaim) -> GigClaim:
    """The poster confirms a claimer is expected (已确认). Locks gig, claim."""
    lock_gig(claim.gig_id)
    claim = lock_claim(claim)
    require(by, "gig.manage", claim.gig)
    if claim.status != C.CLAIMED:
        raise _bad_transition(claim, _("确认"))
    _refuse_stopped_gig(claim.gig)
    log_transition(claim, claim.status, C.CONFIRMED, by=by)
    claim.status = C.CONFIRMED
    claim.confirmed_at = timezone.now()
    claim.save(update_fields=["status", "confirmed_at", "updated_at"])
    return claim


@transaction.atomic
def gig_claim_no_show(*, by: User, claim: GigClaim, note: str = "") -> GigClaim:
    """The poster records that a claimer never came. Only after the start; the place is not given back,
    since nobody can claim a gig that has started. Locks gig, claim."""
    lock_gig(claim.gig_id)
    claim = lock_claim(claim)
    require(by, "gig.manage", claim.gig)
    if claim.status not in GIG_CLAIM_AWAITED:
        raise _bad_transition(claim, _("标记未到岗"))
    if claim.gig.status == G.CANCELLED:
        _refuse_stopped_gig(claim.gig)
    if timezone.now() < claim.gig.starts_at:
        raise ValidationError(
            _("开工（%(start)s）后才能标记未到岗。") % {"start": format_moment(claim.gig.starts_at)},
            code="gig_not_started",
        )
    log_transition(claim, claim.status, C.NO_SHOW, by=by, note=note[:200])
    claim.status = C.NO_SHOW
    claim.save(update_fields=["status", "updated_at"])
    return claim


# --- checking in ----------------------------------------------------------------------------------


def _check_window(gig: Gig, now: datetime.datetime) -> None:
    opens, closes = checkin_window(gig)
    if now < opens:
        raise ValidationError(
            _("还没到签到时间：%(opens)s 起可以签到（开工前%(minutes)s分钟）。")
            % {"opens": format_moment(opens), "minutes": settings.GIG_CHECKIN_EARLY_MINUTES},
            code="gig_checkin_too_early",
        )
    if now > closes:
        raise ValidationError(
            _("已过收工时间（%(closes)s），不能再签到。如确实到岗，请联系发布方处理。")
            % {"closes": format_moment(closes)},
            code="gig_checkin_too_late",
        )


def _check_location(gig: Gig, lat: float | None, lon: float | None) -> int:
    """Metres from the gig's coordinates, or the refusal: no position, or too far away."""
    if gig.position is None:
        raise ValidationError(_("该零工没有设置工作地点的位置，请扫描现场的二维码签到。"), code="gig_no_location")
    if lat is None or lon is None or not valid_coordinates(lat, lon):
        raise ValidationError(
            _("没有取得您的位置，请允许浏览器使用定位后重试，或扫码签到。"), code="checkin_no_position"
        )
    metres = round(distance_km(gig.lat, gig.lon, lat, lon) * 1000)
    radius = settings.GIG_CHECKIN_RADIUS_M
    if metres > radius:
        far = f"{metres / 1000:.1f} 公里" if metres >= 1000 else f"{metres} 米"
        raise ValidationError(
            _("您离工作地点还有约 %(far)s，需在 %(radius)s 米以内才能定位签到。") % {"far": far, "radius": radius},
            code="gig_checkin_too_far",
        )
    return metres


def _held_claim(by: User, gig: Gig) -> GigClaim:
    profile = profile_of(by)
    claim = (
        GigClaim.objects.filter(gig_id=gig.pk, profile=profile)
        .exclude(status__in=[C.CANCELLED, C.RELEASED])
        .order_by("-created_at", "-id")
        .first()
    )
    if claim is None:
        raise ValidationError(_("您没有抢到这个零工的名额，不能签到。"), code="gig_checkin_no_place")
    return claim


@transaction.atomic
def gig_check_in(
    *,
    by: User,
    gig: Gig,
    token: str | None = None,
    lat: float | None = None,
    lon: float | None = None,
) -> GigClaim:
    """The worker holding a place checks in with the QR code's token, or else by position.

    Idempotent: scanning again after checking in returns the same claim. Locks the claim.
    """
    require(by, "gig.check_in")
    claim = lock_claim(_held_claim(by, gig))
    require(by, "gig.check_in", claim)
    gig = claim.gig
    if claim.status == C.CHECKED_IN:
        return claim
    if claim.status == C.CHECKED_OUT:
        raise ValidationError(_("您已经完工签退了，无需再签到。"), code="gig_claim_bad_transition")
    if claim.status == C.NO_SHOW:
        raise ValidationError(_("您已被记为未到岗。如确实到岗，请联系发布方。"), code="gig_claim_bad_transition")
    _refuse_stopped_gig(gig)
    now = timezone.now()
    _check_window(gig, now)
    if token is not None:
        expected = gig_checkin_token(gig=gig)
        if not hmac.compare_digest(token.strip().encode(), expected.encode()):
            raise ValidationError(_("签到码不正确，请重新扫描现场的二维码。"), code="gig_checkin_bad_token")
        method, metres = CheckInMethod.QR, None
    else:
        method, metres = CheckInMethod.LOCATION, _check_location(gig, lat, lon)
    return _mark_checked_in(claim, by=by, method=method, metres=metres, now=now)


@transaction.atomic
def gig_check_in_for(*, by: User, claim: GigClaim) -> GigClaim:
    """The poster checks in a worker standing in front of them (no phone, older workers). Locks gig, claim."""
    lock_gig(claim.gig_id)
    claim = lock_claim(claim)
    require(by, "gig.settle", claim.gig)
    if claim.status not in GIG_CLAIM_AWAITED:
        raise _bad_transition(claim, _("签到"))
    _refuse_stopped_gig(claim.gig)
    now = timezone.now()
    _check_window(claim.gig, now)
    return _mark_checked_in(claim, by=by, method=CheckInMethod.POSTER, metres=None, now=now)


def _mark_checked_in(claim: GigClaim, *, by: User, method: str, metres: int | None, now: datetime.datetime) -> GigClaim:
    note = CheckInMethod(method).label + (f" {metres} 米" if metres is not None else "")
    log_transition(claim, claim.status, C.CHECKED_IN, by=by, note=note)
    claim.status = C.CHECKED_IN
    claim.checked_in_at = now
    claim.check_in_method = method
    claim.check_in_distance_m = metres
    claim.save(update_fields=["status", "checked_in_at", "check_in_method", "check_in_distance_m", "updated_at"])
    logger.info("gig claim %s checked in (%s)", claim.pk, method)
    return claim


# --- checking out ---------------------------------------------------------------------------------


@transaction.atomic
def gig_check_out(*, by: User, claim: GigClaim, pieces: int | None = None) -> GigClaim:
    """The worker (or the poster for them) checks out; the settlement of the day is written at once.

    Pieces of a piece-rate gig are the poster's to enter, now or later. Locks gig, claim.
    """
    lock_gig(claim.gig_id)
    claim = lock_claim(claim)
    by_poster = can(by, "gig.settle", claim.gig)
    if not by_poster:
        require(by, "gig.check_in", claim)
        pieces = None
    if claim.status != C.CHECKED_IN:
        raise _bad_transition(claim, _("签退"))
    now = timezone.now()
    log_transition(claim, claim.status, C.CHECKED_OUT, by=by)
    claim.status = C.CHECKED_OUT
    claim.checked_out_at = now
    claim.save(update_fields=["status", "checked_out_at", "updated_at"])
    settlement_create(claim=claim, pieces=pieces)
    return claim


# --- the periodic sweep ---------------------------------------------------------------------------


def gig_no_show_sweep(*, now: datetime.datetime | None = None) -> int:
    """Gigs over for longer than the grace period: claims never checked in become no-shows, the gig done.

    Idempotent (a gig already done is not looked at again), one transaction per gig so a long
    backlog never holds many locks. Returns how many claims were marked.
    """
    now = now or timezone.now()
    grace = datetime.timedelta(minutes=settings.GIG_NO_SHOW_GRACE_MINUTES)
    candidates = Gig.objects.filter(status__in=GIG_RUNNING, work_date__lte=timezone.localdate(now)).values_list(
        "pk", flat=True
    )
    marked = 0
    for pk in candidates:
        marked += _sweep_gig(pk, now=now, grace=grace)
    return marked


@transaction.atomic
def _sweep_gig(pk: int, *, now: datetime.datetime, grace: datetime.timedelta) -> int:
    gig = lock_gig(pk)
    if gig.status not in GIG_RUNNING or gig.ends_at + grace > now:
        return 0
    claims = list(GigClaim.objects.select_for_update().filter(gig=gig, status__in=GIG_CLAIM_AWAITED))
    for claim in claims:
        log_transition(claim, claim.status, C.NO_SHOW, by=None, note=_("收工后仍未签到（系统记录）"))
        claim.status = C.NO_SHOW
        claim.save(update_fields=["status", "updated_at"])
    gig.status = G.DONE
    gig.save(update_fields=["status", "updated_at"])
    board.record(gig, BoardEventKind.GIG_STATE)
    still_on_site = GigClaim.objects.filter(gig=gig, status=C.CHECKED_IN).count()
    if still_on_site:
        logger.info("gig %s done with %s workers not yet checked out", gig.pk, still_on_site)
    return len(claims)


__all__ = [
    "gig_check_in",
    "gig_check_in_for",
    "gig_check_out",
    "gig_checkin_path",
    "gig_checkin_token",
    "gig_claim_confirm",
    "gig_claim_no_show",
    "gig_no_show_sweep",
    "gig_set_site",
]
