"""The gig market: post a gig, claim a place, give it back, cancel the gig.

    gig:    open ⇄ full (places_left reaches 0 / a place comes back) ──cancel──▶ cancelled
                                                    └──ended + grace (gig_attendance sweep)──▶ done
    claim:  claimed ──cancel (worker, before start)──▶ cancelled
               └────release (poster, not yet checked in)──▶ released
            (confirm, check-in, check-out, no-show: services.gig_attendance)

Locks, always taken in this order so no two writers can deadlock:
1. the gig row (FOR NO KEY UPDATE, `_lock_gig`);
2. the claim row, when one is changed;
3. the board's `BoardSequence` row (`_next_seqs`), held until commit.

Claims are atomic in the database: places are counted and taken under the gig's row lock, so N
people racing for K places give exactly K winners, whatever the number of processes; a batch of
taps (`gig_claim_many`) takes the lock once. Every change writes its `BoardEvent`s in the same
transaction and broadcasts them to the board's Channels group after commit, one message per
transaction; the table is the catch-up log for whoever missed it.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.enums import (
    GIG_CLAIM_ACTIVE,
    GIG_CLAIM_AWAITED,
    GIG_PAY_UNITS,
    BoardEventKind,
    GigClaimStatus,
    GigStatus,
    KeyGroup,
)
from marketplace.models import BoardEvent, BoardSequence, Gig, GigClaim, GigClaimTransition, User, WorkerProfile
from marketplace.models.gigs import board_group
from marketplace.permissions import require

logger = logging.getLogger(__name__)

C = GigClaimStatus
G = GigStatus

POSTABLE_FIELDS = {
    "title", "description", "occupation", "county", "town", "lat", "lon", "work_date", "start_time", "end_time",
    "pay", "pay_unit", "places", "skills", "certificates_required", "meeting_point", "priority_groups",
    "priority_until", "priority_radius_km",
}  # fmt: skip
MAX_PLACES = 500
MAX_PRIORITY_RADIUS_KM = 50

# The message type consumers of a board handle (GigBoardConsumer.board_event).
BOARD_MESSAGE_TYPE = "board.event"


# --- board events -------------------------------------------------------------------------------


def gig_board_payload(gig: Gig) -> dict[str, Any]:
    """What a board shows of a gig: public facts only, JSON-ready."""
    poster = gig.poster_name
    return {
        "id": gig.pk,
        "title": gig.title,
        "poster": poster,
        "county": gig.county,
        "town": gig.town,
        "work_date": gig.work_date.isoformat(),
        "start_time": gig.start_time.strftime("%H:%M"),
        "end_time": gig.end_time.strftime("%H:%M"),
        "pay": gig.pay,
        "pay_unit": gig.pay_unit,
        "pay_display": gig.pay_display,
        "places": gig.places,
        "places_left": gig.places_left,
        "status": gig.status,
        "meeting_point": gig.meeting_point,
        "skills": list(gig.skills),
        "certificates_required": list(gig.certificates_required),
        "priority_groups": list(gig.priority_groups),
        "priority_until": gig.priority_until.isoformat() if gig.priority_until else None,
        "priority_radius_km": gig.priority_radius_km,
        "lat": gig.lat,
        "lon": gig.lon,
    }


def _next_seqs(area: str, count: int = 1) -> range:
    """Take the board's next `count` numbers. Locks the board's sequence row until the transaction ends.

    One upsert statement both creates the row for a new board and advances an existing one, so
    two first writers cannot both insert. Writers of one board are serialised by the row lock and
    commit in number order; a rolled-back writer rolls its increment back, so numbers have no gaps.
    """
    table = connection.ops.quote_name(BoardSequence._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (area, last_seq) VALUES (%s, %s) "  # noqa: S608 - table name from the model
            f"ON CONFLICT (area) DO UPDATE SET last_seq = {table}.last_seq + %s RETURNING last_seq",
            [area, count, count],
        )
        last = cursor.fetchone()[0]
    return range(last - count + 1, last + 1)


def board_last_seq(area: str) -> int:
    return BoardSequence.objects.filter(area=area).values_list("last_seq", flat=True).first() or 0


def _broadcast(area: str, frames: list[dict[str, Any]]) -> None:
    """Send a transaction's board events to the board's group: one message, however many events."""
    try:
        async_to_sync(get_channel_layer().group_send)(board_group(area), {"type": BOARD_MESSAGE_TYPE, "frames": frames})
    except Exception:
        # The change is committed and the events are in the table: clients catch up from there.
        logger.exception("could not broadcast board events %s–%s of %s; clients will catch up from the table",
                         frames[0]["seq"], frames[-1]["seq"], area)  # fmt: skip


def _record_many(gig: Gig, changes: list[tuple[str, dict[str, Any]]]) -> list[BoardEvent]:
    """Write the board events of a transaction's changes to one gig (kind, payload); broadcast after commit."""
    events = BoardEvent.objects.bulk_create(
        [
            BoardEvent(area=gig.area, seq=seq, kind=kind, gig=gig, payload=payload)
            for seq, (kind, payload) in zip(_next_seqs(gig.area, len(changes)), changes, strict=True)
        ]
    )
    frames = [event.frame() for event in events]
    transaction.on_commit(lambda: _broadcast(gig.area, frames))
    return events


def _record(gig: Gig, kind: str) -> BoardEvent:
    """Write the board event of a change, inside the change's transaction; broadcast after commit."""
    return _record_many(gig, [(kind, gig_board_payload(gig))])[0]


# --- helpers ------------------------------------------------------------------------------------


def _lock_gig(gig: Gig | int) -> Gig:
    pk = gig.pk if isinstance(gig, Gig) else gig
    # NO KEY UPDATE: it does not conflict with the key-share locks inserting a claim takes on the gig.
    return Gig.objects.select_for_update(no_key=True, of=("self",)).select_related("employer", "station").get(pk=pk)


def _lock_claim(claim: GigClaim) -> GigClaim:
    return (
        GigClaim.objects.select_for_update(of=("self",))
        .select_related("profile", "gig", "gig__employer", "gig__station")
        .get(pk=claim.pk)
    )


def _log(claim: GigClaim, from_status: str, to_status: str, *, by: User | None, note: str = "") -> None:
    GigClaimTransition.objects.create(claim=claim, from_status=from_status, to_status=to_status, by=by, note=note)


def _format_moment(moment: datetime.datetime) -> str:
    local = timezone.localtime(moment)
    return f"{local.month}月{local.day}日 {local:%H:%M}"


def _give_place_back(gig: Gig) -> None:
    """Return one place to a locked gig; a full gig opens again."""
    gig.places_left = min(gig.places, gig.places_left + 1)
    if gig.status == G.FULL:
        gig.status = G.OPEN
    gig.save(update_fields=["places_left", "status", "updated_at"])


def _profile_of(user: User) -> WorkerProfile:
    profile = WorkerProfile.objects.filter(user_id=user.pk).first()
    if profile is None:
        raise ValidationError(_("请先完善求职者档案再报名。"), code="no_profile")
    return profile


# --- posting ------------------------------------------------------------------------------------


def _validate_gig(gig: Gig) -> None:
    errors: dict[str, list[str]] = {}
    if gig.work_date and gig.work_date < timezone.localdate():
        errors["work_date"] = [_("日期不能早于今天。")]
    if gig.start_time and gig.end_time and gig.end_time <= gig.start_time:
        errors["end_time"] = [_("收工时间必须晚于开工时间。")]
    if gig.work_date and gig.start_time and not errors and gig.starts_at <= timezone.now():
        errors["start_time"] = [_("开工时间已过，请重新选择。")]
    if gig.pay_unit not in GIG_PAY_UNITS:
        errors["pay_unit"] = [_("零工按天、按小时或按件计酬。")]
    if gig.places is None or not 1 <= gig.places <= MAX_PLACES:
        errors["places"] = [_("人数须在1到%(max)s之间。") % {"max": MAX_PLACES}]
    for name in ("skills", "certificates_required", "priority_groups"):
        value = getattr(gig, name)
        if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
            errors[name] = [_("请填写文字列表。")]
    if "priority_groups" not in errors:
        unknown = [g for g in gig.priority_groups if g not in KeyGroup.values]
        if unknown:
            errors["priority_groups"] = [_("未知的重点群体：%(g)s") % {"g": ", ".join(unknown)}]
    radius = gig.priority_radius_km
    if radius is not None and not 1 <= radius <= MAX_PRIORITY_RADIUS_KM:
        errors["priority_radius_km"] = [_("附近优先的范围须在1到%(max)s公里之间。") % {"max": MAX_PRIORITY_RADIUS_KM}]
    elif radius and (gig.lat is None or gig.lon is None) and not gig.town:
        errors["priority_radius_km"] = [_("附近优先需要零工的位置：请填写乡镇或定位。")]
    if gig.priority_until and not (gig.priority_groups or radius):
        errors["priority_until"] = [_("设置了优先报名截止时间，请同时选择优先群体或附近优先范围。")]
    if (gig.priority_groups or radius) and not gig.priority_until:
        errors["priority_until"] = [_("请设置优先报名的截止时间。")]
    if errors:
        raise ValidationError(errors)
    gig.full_clean(exclude=["posted_by", "employer", "station", "area"])


def _check_poster(by: User) -> dict[str, Any]:
    """The organisation a gig is posted for; refuses an employer that may not publish.

    A verified individual posts for nobody but themselves: both organisations stay empty.
    """
    if by.is_station_staff:
        return {"station": by.station}
    if by.is_seeker:
        profile = WorkerProfile.objects.filter(user_id=by.pk).first()
        if profile is None or profile.identity_verified_at is None:
            raise ValidationError(
                _("个人发布零工需先实名核验：请带身份证到就业服务站或劳务协作站办理。"), code="identity_unverified"
            )
        return {}
    employer = by.employer
    if not employer.is_verified:
        raise ValidationError(_("单位通过认证后才能发布零工。"), code="employer_unverified")
    entry = employer.active_blacklist_entry()
    if entry is not None:
        raise ValidationError(
            _("该单位已被列入拖欠农民工工资黑名单（%(reason)s），暂不能发布零工。") % {"reason": entry.reason},
            code="employer_blacklisted",
        )
    return {"employer": employer}


@transaction.atomic
def gig_post(*, by: User, data: dict[str, Any]) -> Gig:
    """Publish a gig on its county's board at once. Holds the board's sequence lock until commit."""
    require(by, "gig.post")
    unknown = set(data) - POSTABLE_FIELDS
    if unknown:
        raise ValidationError(_("未知字段：%(f)s") % {"f": ", ".join(sorted(unknown))}, code="unknown_fields")
    organisation = _check_poster(by)
    gig = Gig(posted_by=by, **organisation, **data)
    gig.places_left = gig.places
    gig.status = G.OPEN
    _validate_gig(gig)
    gig.save()
    _record(gig, BoardEventKind.GIG_POSTED)
    transaction.on_commit(lambda: _tell_available_workers(gig))
    return gig


def _tell_available_workers(gig: Gig) -> None:
    """Queue the notices to available workers: now, and again when a key-group window opens to all."""
    from marketplace.tasks import gig_notify_available

    try:
        gig_notify_available.delay(gig.pk)
        if priority_window_open(gig):
            gig_notify_available.apply_async((gig.pk,), eta=gig.priority_until)
    except Exception:
        # The gig is on the board either way; notices are a courtesy, not part of posting.
        logger.exception("could not queue the notices for gig %s", gig.pk)


# --- claiming -----------------------------------------------------------------------------------


def priority_window_open(gig: Gig, now: datetime.datetime | None = None) -> bool:
    """Whether the gig is still reserved for key groups and/or nearby workers."""
    now = now or timezone.now()
    reserved = gig.priority_groups or gig.priority_radius_km
    return bool(reserved) and gig.priority_until is not None and now < gig.priority_until


def _is_nearby(gig: Gig, profile: WorkerProfile) -> bool:
    """Within the gig's radius by the worker's 今天可接活 position; without one, the same township."""
    from marketplace.models import WorkerAvailability
    from matching.places import distance_km

    flags = WorkerAvailability.objects.filter(
        profile=profile, day__in={gig.work_date, timezone.localdate()}, expires_at__gt=timezone.now()
    )
    for flag in flags:
        if None not in (flag.lat, flag.lon, gig.lat, gig.lon):
            if distance_km(flag.lat, flag.lon, gig.lat, gig.lon) <= gig.priority_radius_km:
                return True
        elif gig.town and flag.town == gig.town:
            return True
    return bool(gig.town) and profile.current_town == gig.town and profile.current_county == gig.county


def priority_rule_text(gig: Gig) -> str:
    """Who may claim during the window, as the card and the refusal say it."""
    who = []
    if gig.priority_groups:
        who.append("、".join(KeyGroup(g).label for g in gig.priority_groups if g in KeyGroup.values))
    if gig.priority_radius_km:
        who.append(_("附近%(km)s公里内的人") % {"km": gig.priority_radius_km})
    return _("或").join(who)


def _check_priority(gig: Gig, profile: WorkerProfile) -> None:
    if not priority_window_open(gig):
        return
    if (
        gig.priority_groups
        and profile.group_tags.filter(confirmed_at__isnull=False, group__in=gig.priority_groups).exists()
    ):
        return
    if gig.priority_radius_km and _is_nearby(gig, profile):
        return
    how = []
    if gig.priority_groups:
        how.append(_("重点群体身份需经工作人员确认"))
    if gig.priority_radius_km:
        how.append(_("附近的人请先在“今天可接活”里用手机定位"))
    raise ValidationError(
        _("该零工在%(until)s前仅限%(who)s报名（%(how)s），届时向所有人开放。")
        % {"until": _format_moment(gig.priority_until), "who": priority_rule_text(gig), "how": "；".join(how)},
        code="gig_priority_only",
    )


def _check_certificates(gig: Gig, profile: WorkerProfile) -> None:
    if not gig.certificates_required:
        return
    today = timezone.localdate()
    held = {
        name.strip()
        for name, valid_until in profile.certificates.values_list("name", "valid_until")
        if valid_until is None or valid_until >= today
    }
    missing = [name for name in gig.certificates_required if name.strip() not in held]
    if missing:
        raise ValidationError(
            _("该零工需要以下证书：%(names)s。请先在档案中添加。") % {"names": "、".join(missing)},
            code="gig_certificate_missing",
        )


def check_claim_requirements(gig: Gig, profile: WorkerProfile) -> None:
    """Refuse a worker who may not claim this gig now: the key-group window, missing certificates."""
    _check_priority(gig, profile)
    _check_certificates(gig, profile)


def _refuse_closed(gig: Gig) -> None:
    if gig.status == G.FULL or (gig.status == G.OPEN and gig.places_left == 0):
        raise ValidationError(_("名额已满，下次早点来抢。有人取消时会重新开放。"), code="gig_full")
    raise ValidationError(_("该零工已停止报名。"), code="gig_not_open")


@dataclass(frozen=True)
class ClaimOutcome:
    """One claimer's answer from a batch: the claim taken (or already held), or why not."""

    claim: GigClaim | None = None
    refusal: ValidationError | PermissionDenied | None = None


def gig_claim(*, by: User, gig: Gig | int) -> GigClaim:
    """Take one place. Idempotent: a worker holding a place gets that claim back."""
    (outcome,) = gig_claim_many(gig=gig, claimers=[by])
    if outcome.refusal is not None:
        raise outcome.refusal
    return outcome.claim


@transaction.atomic
def gig_claim_many(*, gig: Gig | int, claimers: Sequence[User]) -> list[ClaimOutcome]:
    """Take one place for each claimer in turn, in one transaction; one outcome per claimer, in order.

    Why a batch: every claim of a gig serialises on the gig's row, so a popular gig filled one
    transaction at a time is capped by the round trips each spends holding that lock. A server
    process hands over all the taps that queued while its previous batch committed (group commit):
    the lock is taken once, and the claims, their log and their board events are written in bulk.
    Exactly-K still comes from the lock: places are counted under it, whatever the process count.

    Locks: the gig row first (FOR NO KEY UPDATE), then the board's sequence row, both until commit.
    A claimer named twice (a double tap) gets the same claim twice.
    """
    outcomes: list[ClaimOutcome | None] = [None] * len(claimers)
    profiles = {p.user_id: p for p in WorkerProfile.objects.filter(user_id__in={u.pk for u in claimers})}
    candidates: list[tuple[int, User, WorkerProfile]] = []
    for n, user in enumerate(claimers):
        try:
            require(user, "gig.claim")
            profile = profiles.get(user.pk)
            if profile is None:
                raise ValidationError(_("请先完善求职者档案再报名。"), code="no_profile")
        except (ValidationError, PermissionDenied) as exc:
            outcomes[n] = ClaimOutcome(refusal=exc)
            continue
        candidates.append((n, user, profile))
    if not candidates:
        return outcomes
    gig = _lock_gig(gig)
    held = {
        claim.profile_id: claim
        for claim in GigClaim.objects.filter(
            gig=gig, profile_id__in={p.pk for _n, _u, p in candidates}, status__in=GIG_CLAIM_ACTIVE
        )
    }
    now = timezone.now()
    card = gig_board_payload(gig)  # each event below differs from it only in the count and the state
    taken: list[tuple[GigClaim, User, dict[str, Any], str]] = []
    for n, user, profile in candidates:
        if profile.pk in held:
            outcomes[n] = ClaimOutcome(claim=held[profile.pk])
            continue
        try:
            _check_claimable(gig, profile, now)
        except ValidationError as exc:
            outcomes[n] = ClaimOutcome(refusal=exc)
            continue
        gig.places_left -= 1
        if gig.places_left == 0:
            gig.status = G.FULL
        claim = held[profile.pk] = GigClaim(gig=gig, profile=profile, status=C.CLAIMED)
        kind = BoardEventKind.PLACES_CHANGED if gig.status == G.OPEN else BoardEventKind.GIG_STATE
        taken.append((claim, user, {**card, "places_left": gig.places_left, "status": gig.status}, kind))
        outcomes[n] = ClaimOutcome(claim=claim)
    if taken:
        gig.save(update_fields=["places_left", "status", "updated_at"])
        # A claim and its board event commit together, in the same transaction as the place.
        GigClaim.objects.bulk_create([claim for claim, _u, _p, _k in taken])
        GigClaimTransition.objects.bulk_create(
            [GigClaimTransition(claim=c, from_status="", to_status=C.CLAIMED, by=u) for c, u, _p, _k in taken]
        )
        _record_many(gig, [(kind, payload) for _c, _u, payload, kind in taken])
    return outcomes


def _check_claimable(gig: Gig, profile: WorkerProfile, now: datetime.datetime) -> None:
    """Refuse a claim on a locked gig: not open, already started, the worker may not, or no place left."""
    if gig.status not in (G.OPEN, G.FULL):
        _refuse_closed(gig)
    if gig.starts_at <= now:
        raise ValidationError(_("该零工已经开工，不能再报名。"), code="gig_started")
    if gig.status != G.OPEN or gig.places_left <= 0:
        _refuse_closed(gig)
    check_claim_requirements(gig, profile)


@transaction.atomic
def gig_claim_cancel(*, by: User, claim: GigClaim) -> GigClaim:
    """The worker gives their place back, before the start time. Locks gig, claim, board sequence."""
    _lock_gig(claim.gig_id)
    claim = _lock_claim(claim)
    require(by, "gig.claim_cancel", claim)
    if claim.status != C.CLAIMED:
        raise ValidationError(
            _("报名当前状态为“%(now)s”，不能取消。") % {"now": C(claim.status).label},
            code="gig_claim_bad_transition",
        )
    gig = claim.gig
    if gig.starts_at <= timezone.now():
        raise ValidationError(_("零工已开工，不能再取消报名，请联系发布方。"), code="gig_claim_too_late")
    return _end_claim(claim, C.CANCELLED, by=by)


@transaction.atomic
def gig_claim_release(*, by: User, claim: GigClaim, note: str = "") -> GigClaim:
    """The poster frees a claimer's place (no answer, wrong person). Locks gig, claim, board sequence."""
    _lock_gig(claim.gig_id)
    claim = _lock_claim(claim)
    require(by, "gig.manage", claim.gig)
    # A worker who checked in has been at the site: they check out (and are paid), not released.
    if claim.status not in GIG_CLAIM_AWAITED:
        raise ValidationError(
            _("报名当前状态为“%(now)s”，不能释放名额。") % {"now": C(claim.status).label},
            code="gig_claim_bad_transition",
        )
    if claim.gig.status not in (G.OPEN, G.FULL):
        raise ValidationError(_("该零工已停止报名。"), code="gig_not_open")
    return _end_claim(claim, C.RELEASED, by=by, note=note[:200])


def _end_claim(claim: GigClaim, to: str, *, by: User, note: str = "") -> GigClaim:
    """End an active claim of a locked gig and give its place back."""
    gig = _lock_gig(claim.gig_id)  # already held by the caller: this only re-reads the row
    _log(claim, claim.status, to, by=by, note=note)
    claim.status = to
    claim.save(update_fields=["status", "updated_at"])
    was_full = gig.status == G.FULL
    _give_place_back(gig)
    _record(gig, BoardEventKind.GIG_STATE if was_full else BoardEventKind.PLACES_CHANGED)
    claim.gig = gig
    return claim


@transaction.atomic
def gig_cancel(*, by: User, gig: Gig, note: str = "") -> Gig:
    """The poster (or staff) calls a gig off; every active claim is released. Locks gig, board sequence."""
    gig = _lock_gig(gig)
    require(by, "gig.manage", gig)
    if gig.status not in (G.OPEN, G.FULL):
        raise ValidationError(
            _("零工当前状态为“%(now)s”，不能取消。") % {"now": G(gig.status).label}, code="gig_bad_transition"
        )
    if GigClaim.objects.filter(gig=gig, status=C.CHECKED_IN).exists():
        raise ValidationError(_("已有人签到上工，不能取消零工。请为他们签退结算。"), code="gig_bad_transition")
    for claim in GigClaim.objects.select_for_update().filter(gig=gig, status__in=GIG_CLAIM_ACTIVE):
        _log(claim, claim.status, C.RELEASED, by=by, note=_("零工已取消"))
        claim.status = C.RELEASED
        claim.save(update_fields=["status", "updated_at"])
    gig.status = G.CANCELLED
    gig.save(update_fields=["status", "updated_at"])
    _record(gig, BoardEventKind.GIG_STATE)
    return gig


__all__ = [
    "BOARD_MESSAGE_TYPE",
    "ClaimOutcome",
    "board_last_seq",
    "check_claim_requirements",
    "gig_board_payload",
    "gig_cancel",
    "gig_claim",
    "gig_claim_cancel",
    "gig_claim_many",
    "gig_claim_release",
    "gig_post",
    "priority_rule_text",
    "priority_window_open",
]
