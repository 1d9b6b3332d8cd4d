"""Wage disputes (欠薪投诉) on gig work: the worker opens one, staff move it to resolved.

    open ──take up (staff)──▶ handling ──resolve with a note (staff)──▶ resolved
      └──────────────resolve with a note (staff)──────────────────────────▲

Bureau staff handle every complaint; a station handles those against employers linked to it or
by workers it organises (see permissions: `gig.complaint_handle`). Every step is logged.
"""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from livestream.gigs.enums import GIG_CLAIM_FINISHED, ComplaintStatus, GigClaimStatus
from livestream.gigs.models import GigClaim, GigSettlement, WageComplaint, WageComplaintStep
from livestream.gigs.rules import require
from livestream.gigs.services.shared import lock_claim
from marketplace.models import User

S = ComplaintStatus
TRANSITIONS = {S.OPEN: (S.HANDLING, S.RESOLVED), S.HANDLING: (S.RESOLVED,)}
MAX_AMOUNT = Decimal(100_000)
MIN_DESCRIPTION = 5
MAX_DESCRIPTION = 1000
MAX_NOTE = 500


def _clean_amount(value: object) -> Decimal:
    try:
        amount = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        amount = Decimal(-1)
    if not amount.is_finite() or amount <= 0 or amount > MAX_AMOUNT or amount != amount.quantize(Decimal("0.01")):
        raise ValidationError({"amount_claimed": [_("请填写被拖欠的金额（元），大于0，最多两位小数。")]})
    return amount


@transaction.atomic
def gig_complaint_open(*, by: User, claim: GigClaim, amount_claimed: object, description: str) -> WageComplaint:
    """The worker disputes the wage of a finished claim. One complaint under way per claim.

    Locks the claim row only (services.shared.lock_claim): nothing here changes the gig.
    """
    claim = lock_claim(claim)
    require(by, "gig.complaint_open", claim)
    if claim.status not in GIG_CLAIM_FINISHED:
        raise ValidationError(
            _("报名当前状态为“%(now)s”，完工后才能投诉工钱问题。") % {"now": GigClaimStatus(claim.status).label},
            code="gig_claim_bad_transition",
        )
    errors: dict[str, list[str]] = {}
    try:
        amount = _clean_amount(amount_claimed)
    except ValidationError as exc:
        errors.update(exc.message_dict)
    description = (description or "").strip()
    if not MIN_DESCRIPTION <= len(description) <= MAX_DESCRIPTION:
        errors["description"] = [
            _("请用%(min)s到%(max)s个字说明情况。") % {"min": MIN_DESCRIPTION, "max": MAX_DESCRIPTION}
        ]
    if errors:
        raise ValidationError(errors)
    settlement = GigSettlement.objects.filter(claim=claim).first()
    try:
        with transaction.atomic():
            complaint = WageComplaint.objects.create(
                claim=claim, settlement=settlement, amount_claimed=amount, description=description
            )
    except IntegrityError:
        raise ValidationError(
            _("这次零工已有一条投诉正在处理，请等待工作人员答复。"), code="complaint_under_way"
        ) from None
    WageComplaintStep.objects.create(complaint=complaint, from_status="", to_status=S.OPEN, by=by)
    return complaint


@transaction.atomic
def gig_complaint_advance(*, by: User, complaint: WageComplaint, to: str, note: str = "") -> WageComplaint:
    """Staff take a complaint up or resolve it; resolving needs a note the worker will read."""
    complaint = (
        WageComplaint.objects.select_for_update(of=("self",))
        .select_related("claim", "claim__gig", "claim__gig__employer", "claim__profile")
        .get(pk=complaint.pk)
    )
    require(by, "gig.complaint_handle", complaint)
    if to not in TRANSITIONS.get(complaint.status, ()):
        label = S(to).label if to in S.values else to
        raise ValidationError(
            _("投诉当前为“%(now)s”，不能改为“%(to)s”。") % {"now": S(complaint.status).label, "to": label},
            code="complaint_bad_transition",
        )
    note = (note or "").strip()
    if len(note) > MAX_NOTE:
        raise ValidationError({"note": [_("处理意见最多%(max)s个字。") % {"max": MAX_NOTE}]})
    if to == S.RESOLVED and not note:
        raise ValidationError({"note": [_("办结时请写明处理结果，投诉人会看到。")]})
    WageComplaintStep.objects.create(complaint=complaint, from_status=complaint.status, to_status=to, by=by, note=note)
    complaint.status = to
    complaint.handled_by = by
    if note:
        complaint.note = note
    if to == S.RESOLVED:
        complaint.resolved_at = timezone.now()
    complaint.save(update_fields=["status", "handled_by", "note", "resolved_at", "updated_at"])
    return complaint
