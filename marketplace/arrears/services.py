"""Wage-arrears cases (根治欠薪): filed by a worker, a station or the service window, handled by the
bureau with a deadline and steps, closed with an outcome that reaches the employer's record.

Outcomes drive consequences in one place: a refusal to pay puts the employer on the blacklist and
grades it C (劳动保障诚信等级); arrears recovered after the bureau stepped in cost an A its grade.
Matching already respects both (blacklisted employers' jobs leave search; grade C ranks last).
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.arrears import rules
from marketplace.arrears.models import ArrearsOutcome, ArrearsSource, ArrearsStatus, ArrearsStep, WageArrearsCase
from marketplace.employers.services import employer_blacklist
from marketplace.enums import IntegrityGrade, Role
from marketplace.images import ImageRejected, arrears_evidence_store, image_clean
from marketplace.models import DisputeCase, Employer, RosterEntry, User
from marketplace.notifications.services import notify
from marketplace.permissions import require
from marketplace.places import COUNTY_BY_NAME
from marketplace.validators import normalize_phone, validate_phone

DEADLINE_DAYS = rules.DEADLINE_DAYS


def _tell_bureau(*, kind: str, title: str, body: str, dedupe_key: str) -> None:
    for user in User.objects.filter(role=Role.BUREAU, is_active=True):
        notify(user=user, kind=kind, title=title, body=body, dedupe_key=dedupe_key)


def arrears_open_from_roster(*, entry: RosterEntry, description: str) -> WageArrearsCase:
    """A worker on a roster says they are not paid on time: one open case per worker and employer."""
    existing = WageArrearsCase.objects.filter(roster_entry=entry, status="open").first()
    if existing is not None:
        return existing
    case = WageArrearsCase.objects.create(
        worker_name=entry.name,
        phone=entry.phone,
        roster_entry=entry,
        station=entry.station,
        home_county=entry.home_county,
        employer=entry.employer,
        employer_name=entry.workplace,
        description=description[:500],
        source=ArrearsSource.FOLLOW_UP,
        deadline=timezone.localdate() + datetime.timedelta(days=DEADLINE_DAYS),
    )
    title = _("欠薪线索：%(name)s") % {"name": entry.name}
    body = _("%(station)s的务工人员%(name)s在回访中反映工资未按时发放（%(employer)s），请在%(deadline)s前办结。") % {
        "station": entry.station.name,
        "name": entry.name,
        "employer": entry.workplace or _("用工单位未登记"),
        "deadline": case.deadline.isoformat(),
    }
    _tell_bureau(kind="arrears_opened", title=title, body=body, dedupe_key=f"arrears-{case.pk}")
    _warn_if_repeated(case.employer)
    return case


def _source_for(user: User) -> str:
    return {Role.SEEKER: ArrearsSource.COMPLAINT, Role.STATION: ArrearsSource.STATION,
            Role.BUREAU: ArrearsSource.WINDOW}.get(user.role, "")  # fmt: skip


@transaction.atomic
def arrears_file(*, by: User, employer_name: str, description: str, worker_name: str = "", phone: str = "",
                 employer: Employer | None = None, project: str = "", amount: int | None = None, period: str = "",
                 workers: int | None = 1, home_county: str = "",
                 photos: list[Any] = ()) -> WageArrearsCase:  # fmt: skip
    """A complaint of unpaid wages. A worker files for themself; a station or the window for a worker.

    Every photo is checked before anything is stored: a bad photo refuses the whole complaint with
    the reason, and the person sends it again with the photo replaced.
    """
    require(by, "arrears.file")
    source = _source_for(by)
    profile = getattr(by, "profile", None) if by.role == Role.SEEKER else None
    if profile is not None:
        worker_name, phone = worker_name or profile.name, by.phone
        home_county = home_county or (profile.current_county if profile.current_county in COUNTY_BY_NAME else "")
    errors: dict[str, list[str]] = {}
    if not (worker_name or "").strip():
        errors["worker_name"] = [_("请填写被欠薪的劳动者姓名。")]
    try:
        validate_phone(phone or "")
    except ValidationError as exc:
        errors["phone"] = exc.messages
    employer_name = (employer.name if employer else employer_name or "").strip()
    if not employer_name:
        errors["employer_name"] = [_("请填写欠薪的单位或老板。")]
    if not (description or "").strip():
        errors["description"] = [_("请说明欠薪的情况：做了什么工、欠了多久。")]
    if amount is not None and not 1 <= amount <= 100_000_000:
        errors["amount"] = [_("拖欠金额应在1元到1亿元之间。")]
    workers = 1 if workers is None else workers
    if not 1 <= workers <= 10_000:
        errors["workers"] = [_("涉及人数应在1到10000之间。")]
    if home_county and home_county not in COUNTY_BY_NAME:
        errors["home_county"] = [_("“%(county)s”不是本州的县市。") % {"county": home_county}]
    photos = list(photos or [])
    if len(photos) > rules.MAX_PHOTOS:
        errors["photos"] = [_("最多上传%(n)d张照片。") % {"n": rules.MAX_PHOTOS}]
    cleaned = []
    if not errors:
        for index, photo in enumerate(photos, start=1):
            try:
                cleaned.append(image_clean(photo, max_side=2400))
            except ImageRejected as exc:
                errors["photos"] = [_("第%(n)d张照片：%(why)s") % {"n": index, "why": exc.message}]
                break
    if errors:
        raise ValidationError(errors)
    case = WageArrearsCase.objects.create(
        worker_name=worker_name.strip()[:30], phone=normalize_phone(phone), profile=profile, filed_by=by,
        station=by.station if by.role == Role.STATION else None, home_county=home_county, employer=employer,
        employer_name=employer_name[:100], description=description.strip()[:500], project=project.strip()[:100],
        amount=amount, period=period.strip()[:40], workers=workers, source=source,
        deadline=timezone.localdate() + datetime.timedelta(days=DEADLINE_DAYS),
    )  # fmt: skip
    for clean in cleaned:
        arrears_evidence_store(case=case, clean=clean)
    _tell_bureau(kind="arrears_opened", title=_("欠薪投诉：%(employer)s") % {"employer": employer_name},
                 body=_("%(name)s反映%(employer)s拖欠工资%(amount)s，请在%(deadline)s前办结。") % {
                     "name": case.worker_name, "employer": employer_name,
                     "amount": _("%(n)s元") % {"n": amount} if amount else "", "deadline": case.deadline.isoformat()},
                 dedupe_key=f"arrears-{case.pk}")  # fmt: skip
    _warn_if_repeated(employer)
    return case


def complaints_against(employer: Employer, *, today: datetime.date | None = None) -> int:
    since = (today or timezone.localdate()) - datetime.timedelta(days=rules.WARNING_WINDOW_DAYS)
    return (WageArrearsCase.objects.filter(employer=employer, opened_at__date__gte=since).count()
            + DisputeCase.objects.filter(employer=employer, opened_on__gte=since).count()
            + rules.other_complaints(since).get(employer.pk, 0))  # fmt: skip


def _warn_if_repeated(employer: Employer | None) -> None:
    """欠薪预警: the bureau hears once per employer and window when complaints pile up."""
    if employer is None:
        return
    count = complaints_against(employer)
    if count >= rules.WARNING_AT:
        window = timezone.localdate().toordinal() // rules.WARNING_WINDOW_DAYS
        _tell_bureau(kind="arrears_warning", title=_("欠薪预警：%(employer)s") % {"employer": employer.name},
                     body=_("%(days)d天内已有%(n)d件欠薪线索或劳动争议，请重点核查。") % {
                         "days": rules.WARNING_WINDOW_DAYS, "n": count},
                     dedupe_key=f"arrears-warning-{employer.pk}-{window}")  # fmt: skip


@transaction.atomic
def arrears_step(*, by: User, case: WageArrearsCase, note: str) -> ArrearsStep:
    require(by, "arrears.handle")
    case = WageArrearsCase.objects.select_for_update().get(pk=case.pk)  # the page's copy may be stale
    if case.status != ArrearsStatus.OPEN:
        raise ValidationError(_("这个案件已办结。"))
    if not (note or "").strip():
        raise ValidationError({"note": [_("请写下办理情况。")]})
    return ArrearsStep.objects.create(case=case, note=note.strip()[:300], by=by)


@transaction.atomic
def arrears_close(*, by: User, case: WageArrearsCase, outcome: str, note: str = "") -> WageArrearsCase:
    """Close with an outcome; the employer's blacklist entry and grade follow from it."""
    require(by, "arrears.handle")
    case = WageArrearsCase.objects.select_for_update().get(pk=case.pk)
    if case.status != ArrearsStatus.OPEN:
        raise ValidationError(_("这个案件已办结。"))
    if outcome not in ArrearsOutcome.values:
        raise ValidationError({"outcome": [_("请选择办理结果。")]})
    if outcome == ArrearsOutcome.REFUSED and case.employer is None:
        raise ValidationError({"outcome": [_("未关联平台上的用人单位，无法列入黑名单；请先在案件中关联单位。")]})
    case.status, case.outcome, case.closed_at = ArrearsStatus.CLOSED, outcome, timezone.now()
    case.save(update_fields=["status", "outcome", "closed_at"])
    ArrearsStep.objects.create(case=case, by=by, note=(note.strip() or str(ArrearsOutcome(outcome).label))[:300])
    employer = case.employer
    if employer is not None and outcome == ArrearsOutcome.REFUSED:
        employer_blacklist(by=by, employer=employer, reason=_("拒不支付拖欠的工资（欠薪案件%(pk)s）") % {"pk": case.pk})
        Employer.objects.filter(pk=employer.pk).update(integrity_grade=IntegrityGrade.C)
    elif employer is not None and outcome == ArrearsOutcome.RECOVERED and employer.integrity_grade == IntegrityGrade.A:
        Employer.objects.filter(pk=employer.pk).update(integrity_grade=IntegrityGrade.B)
    if case.profile_id:
        notify(user=case.profile.user, kind="arrears_closed", title=_("您反映的欠薪问题已办结"),
               body=str(ArrearsOutcome(outcome).label), dedupe_key=f"arrears-closed-{case.pk}")  # fmt: skip
    return case
