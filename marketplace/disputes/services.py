"""Opening and closing labour-dispute cases; a failed mediation may go on to arbitration."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.disputes.enums import ARBITRATION_OUTCOMES, MEDIATION_OUTCOMES, DisputeKind, Outcome, Track
from marketplace.models import DisputeCase, Employer, User
from marketplace.permissions import require
from marketplace.places import COUNTY_BY_NAME

PREFIX = {Track.MEDIATION: "调", Track.ARBITRATION: "仲"}


def _next_number(track: str, year: int) -> str:
    prefix = f"{PREFIX[track]}{year}-"
    last = (DisputeCase.objects.select_for_update().filter(number__startswith=prefix).order_by("-number")
            .values_list("number", flat=True).first())  # fmt: skip
    return f"{prefix}{int(last.rsplit('-', 1)[1]) + 1 if last else 1:04d}"


@transaction.atomic
def dispute_open(*, by: User, kind: str, track: str, county: str, applicant_name: str, respondent_name: str = "",
                 employer: Employer | None = None, amount: int | None = None,
                 opened_on: datetime.date | None = None,
                 from_mediation: DisputeCase | None = None) -> DisputeCase:  # fmt: skip
    require(by, "record.manage")
    opened_on = opened_on or timezone.localdate()
    errors: dict[str, list[str]] = {}
    if kind not in DisputeKind.values:
        errors["kind"] = [_("请选择争议类型。")]
    if track not in Track.values:
        errors["track"] = [_("请选择调解或仲裁。")]
    if county not in COUNTY_BY_NAME:
        errors["county"] = [_("请选择本州的县市。")]
    if not applicant_name.strip():
        errors["applicant_name"] = [_("请填写申请人。")]
    respondent_name = (respondent_name or (employer.name if employer else "")).strip()
    if not respondent_name:
        errors["respondent_name"] = [_("请填写被申请人（用人单位）。")]
    if opened_on > timezone.localdate():
        errors["opened_on"] = [_("受理日期不能晚于今天。")]
    if amount is not None and not 0 <= amount <= 100_000_000:
        errors["amount"] = [_("涉及金额应在0到1亿元之间。")]
    if errors:
        raise ValidationError(errors)
    return DisputeCase.objects.create(
        number=_next_number(track, opened_on.year), kind=kind, track=track, county=county,
        applicant_name=applicant_name.strip()[:30], employer=employer, respondent_name=respondent_name[:100],
        amount=amount, opened_on=opened_on, from_mediation=from_mediation, handled_by=by,
    )  # fmt: skip


@transaction.atomic
def dispute_close(*, by: User, case: DisputeCase, outcome: str, closed_on: datetime.date | None = None) -> DisputeCase:
    """Close with an outcome of the case's track; a failed mediation may then be escalated."""
    require(by, "record.manage")
    case = DisputeCase.objects.select_for_update().get(pk=case.pk)
    closed_on = closed_on or timezone.localdate()
    allowed = MEDIATION_OUTCOMES if case.track == Track.MEDIATION else ARBITRATION_OUTCOMES
    if case.closed_on is not None:
        raise ValidationError(_("这个案件已于%(day)s结案。") % {"day": case.closed_on.isoformat()})
    if outcome not in allowed:
        labels = "、".join(str(Outcome(o).label) for o in allowed)
        raise ValidationError({"outcome": [_("%(track)s案件的结果应为：%(labels)s。") % {
            "track": case.get_track_display(), "labels": labels}]})  # fmt: skip
    if not case.opened_on <= closed_on <= timezone.localdate():
        raise ValidationError({"closed_on": [_("结案日期应在受理之后、今天之前。")]})
    case.outcome, case.closed_on = outcome, closed_on
    case.save(update_fields=["outcome", "closed_on"])
    return case


@transaction.atomic
def dispute_escalate(*, by: User, case: DisputeCase, opened_on: datetime.date | None = None) -> DisputeCase:
    """A mediation that failed goes to arbitration as a case of its own, linked to the first."""
    if case.track != Track.MEDIATION or case.outcome != Outcome.MEDIATION_FAILED:
        raise ValidationError(_("只有调解不成的案件可以转仲裁。"))
    return dispute_open(by=by, kind=case.kind, track=Track.ARBITRATION, county=case.county,
                        applicant_name=case.applicant_name, respondent_name=case.respondent_name,
                        employer=case.employer, amount=case.amount, opened_on=opened_on,
                        from_mediation=case)  # fmt: skip
