"""Settlements of gig work: what is owed for a checked-out claim, marked paid, confirmed received.

No money moves here; the record is what a wage dispute is judged against.

    amount by pay unit:  day   → the day's pay
                         hour  → pay × hours worked, hours rounded to the nearest quarter hour
                         piece → pay × pieces, once the poster has entered the pieces
    status:              unpaid ──mark paid (poster)──▶ paid ──confirm received (worker)──▶ paid + received_at

Hours run from check-in, but not before the scheduled start (arriving early is not paid work), to
check-out.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from livestream.gigs.enums import SettlementStatus
from livestream.gigs.models import GigClaim, GigSettlement
from livestream.gigs.rules import require
from marketplace.enums import PayUnit
from marketplace.models import User

S = SettlementStatus
MAX_PIECES = 100_000
QUARTER = Decimal(4)


def hours_worked(claim: GigClaim) -> Decimal:
    """Hours between check-in (not before the start) and check-out, to the nearest quarter hour."""
    if claim.checked_in_at is None or claim.checked_out_at is None:
        return Decimal(0)
    begin = max(claim.checked_in_at, claim.gig.starts_at)
    seconds = max(0.0, (claim.checked_out_at - begin).total_seconds())
    quarters = (Decimal(seconds) / Decimal(900)).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return (quarters / QUARTER).quantize(Decimal("0.01"))


def amount_owed(pay_unit: str, rate: int, hours: Decimal, pieces: int | None) -> Decimal | None:
    """The amount for one worker, or None while a piece-rate gig's pieces are unknown."""
    if pay_unit == PayUnit.DAY:
        return Decimal(rate).quantize(Decimal("0.01"))
    if pay_unit == PayUnit.HOUR:
        return (Decimal(rate) * hours).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    if pay_unit == PayUnit.PIECE:
        return None if pieces is None else (Decimal(rate) * pieces).quantize(Decimal("0.01"))
    raise ValueError(f"gigs are not paid by {pay_unit}")


def _clean_pieces(pieces: object) -> int:
    if isinstance(pieces, bool) or not isinstance(pieces, int) or not 0 <= pieces <= MAX_PIECES:
        raise ValidationError({"pieces": [_("件数须是0到%(max)s之间的整数。") % {"max": MAX_PIECES}]}, code="invalid")
    return pieces


def settlement_create(*, claim: GigClaim, pieces: int | None = None) -> GigSettlement:
    """Write the settlement of a claim just checked out. The caller holds the claim's lock."""
    gig = claim.gig
    if gig.pay_unit != PayUnit.PIECE:
        pieces = None
    elif pieces is not None:
        pieces = _clean_pieces(pieces)
    hours = hours_worked(claim)
    return GigSettlement.objects.create(
        claim=claim,
        pay_unit=gig.pay_unit,
        rate=gig.pay,
        hours=hours,
        pieces=pieces,
        amount=amount_owed(gig.pay_unit, gig.pay, hours, pieces),
    )


def _lock(settlement: GigSettlement) -> GigSettlement:
    return (
        GigSettlement.objects.select_for_update(of=("self",))
        .select_related("claim", "claim__gig", "claim__profile", "claim__gig__employer", "claim__gig__station")
        .get(pk=settlement.pk)
    )


@transaction.atomic
def settlement_set_pieces(*, by: User, settlement: GigSettlement, pieces: int) -> GigSettlement:
    """The poster enters (or corrects) the pieces of a piece-rate settlement not yet paid."""
    settlement = _lock(settlement)
    require(by, "gig.settle", settlement.claim.gig)
    if settlement.pay_unit != PayUnit.PIECE:
        raise ValidationError(_("该零工不是按件计酬，无需填写件数。"), code="settlement_not_piece_rate")
    if settlement.status != S.UNPAID:
        raise ValidationError(_("已付款的结算不能再修改件数。"), code="settlement_bad_transition")
    settlement.pieces = _clean_pieces(pieces)
    settlement.amount = amount_owed(settlement.pay_unit, settlement.rate, settlement.hours, settlement.pieces)
    settlement.save(update_fields=["pieces", "amount", "updated_at"])
    return settlement


@transaction.atomic
def settlement_mark_paid(*, by: User, settlement: GigSettlement) -> GigSettlement:
    """The poster says the worker was paid (cash, transfer: outside the product)."""
    settlement = _lock(settlement)
    require(by, "gig.settle", settlement.claim.gig)
    if settlement.status == S.PAID:
        raise ValidationError(_("这笔工钱已经标记为已付款。"), code="settlement_bad_transition")
    if settlement.amount is None:
        raise ValidationError(_("请先填写件数，算出应付金额后再标记付款。"), code="settlement_amount_unknown")
    settlement.status = S.PAID
    settlement.paid_at = timezone.now()
    settlement.paid_by = by
    settlement.save(update_fields=["status", "paid_at", "paid_by", "updated_at"])
    return settlement


@transaction.atomic
def settlement_confirm_received(*, by: User, settlement: GigSettlement) -> GigSettlement:
    """The worker confirms the money arrived. Idempotent once confirmed."""
    settlement = _lock(settlement)
    require(by, "gig.settlement_receive", settlement.claim)
    if settlement.received_at is not None:
        return settlement
    if settlement.status != S.PAID:
        raise ValidationError(
            _("发布方还没有标记付款。如已收到工钱也可以等对方标记；如未收到可以投诉。"),
            code="settlement_not_paid",
        )
    settlement.received_at = timezone.now()
    settlement.save(update_fields=["received_at", "updated_at"])
    return settlement
