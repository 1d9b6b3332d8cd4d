"""The job-posting lifecycle: draft → pending review → published → paused / closed / expired.

Each change is one function that checks who may make it and from which state, writes the change
and its transition log in one transaction, and announces it after commit.

    draft ──submit──▶ pending ──approve──▶ published ──pause──▶ paused ──resume──▶ published
      ▲                 │ reject                │ close / expire        │ close / expire
      └──── edit ◀── rejected                   ▼                       ▼
                                             closed / expired ──renew──▶ pending
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.enums import BENEFITS, IntegrityGrade, PostingStatus
from marketplace.models import Employer, JobPosting, Occupation, PostingTransition, User
from marketplace.permissions import require
from marketplace.postings.moderation import posting_flags_for_text

S = PostingStatus

TRANSITIONS: dict[str, set[str]] = {
    S.DRAFT: {S.PENDING},
    S.PENDING: {S.PUBLISHED, S.REJECTED, S.DRAFT},
    S.REJECTED: {S.PENDING, S.DRAFT},
    S.PUBLISHED: {S.PAUSED, S.CLOSED, S.EXPIRED, S.PENDING},
    S.PAUSED: {S.PUBLISHED, S.CLOSED, S.EXPIRED, S.PENDING},
    S.EXPIRED: {S.PENDING},
    S.CLOSED: set(),
}

EDITABLE_FIELDS = {
    "title", "description", "occupation", "job_type", "county", "town", "address", "lat", "lon",
    "pay_min", "pay_max", "pay_unit", "headcount", "education_min", "certificates_required",
    "age_min", "age_max", "benefits", "schedule", "valid_until",
}  # fmt: skip

MIN_WORKING_AGE = 16
# Older workers are served too (some gigs take people in their late sixties); beyond this an age
# is a typing mistake, not a requirement.
MAX_WORKING_AGE = 75
# Agency mass ads say 1000人; more than this is a mistake in the number, and it would swamp the
# plan's statistics.
MAX_HEADCOUNT = 10_000
_HAN = re.compile(r"[\u4e00-\u9fff]")


def _move(posting: JobPosting, to: str, *, by: User | None, note: str = "") -> JobPosting:
    if to not in TRANSITIONS[posting.status]:
        raise ValidationError(
            _("岗位当前状态为“%(now)s”，不能变为“%(to)s”。") % {"now": S(posting.status).label, "to": S(to).label},
            code="posting_bad_transition",
        )
    PostingTransition.objects.create(posting=posting, from_status=posting.status, to_status=to, by=by, note=note)
    posting.status = to
    if to == S.PUBLISHED and posting.published_at is None:
        posting.published_at = timezone.now()
    if to in (S.REJECTED,):
        posting.status_note = note
    posting.save()
    return posting


def _lock(posting: JobPosting) -> JobPosting:
    return JobPosting.objects.select_for_update().select_related("employer").get(pk=posting.pk)


def _validate(posting: JobPosting) -> None:
    errors: dict[str, list[str]] = {}
    if posting.age_min is not None and posting.age_min < MIN_WORKING_AGE:
        errors["age_min"] = [_("最小年龄不能低于16周岁。")]
    for field in ("age_min", "age_max"):
        if getattr(posting, field) is not None and getattr(posting, field) > MAX_WORKING_AGE:
            errors[field] = [_("年龄不能超过%(age)d周岁。") % {"age": MAX_WORKING_AGE}]
    if posting.headcount is not None and not 1 <= posting.headcount <= MAX_HEADCOUNT:
        errors["headcount"] = [_("招聘人数须在1到%(max)d之间。") % {"max": MAX_HEADCOUNT}]
    if posting.county and not _is_known_place(posting.county):
        errors["county"] = [_("找不到“%(name)s”这个县市，请填写如“凯里市”“东莞市”。") % {"name": posting.county}]
    benefits, unreadable = _benefits_clean(posting.benefits)
    if unreadable:
        errors["benefits"] = [_("福利“%(item)s”看不懂，请从列表中选择或用中文填写。") % {"item": unreadable}]
    posting.benefits = benefits
    if posting.pay_min is not None and posting.pay_max is not None and posting.pay_max < posting.pay_min:
        errors["pay_max"] = [_("最高薪资不能低于最低薪资。")]
    if posting.valid_until and posting.valid_until < timezone.localdate():
        errors["valid_until"] = [_("有效期不能早于今天。")]
    if errors:
        raise ValidationError(errors)
    posting.full_clean(exclude=["employer", "station", "created_by"])


def _is_known_place(name: str) -> bool:
    """A county or city of the gazetteer (a province is too wide to be where a job is)."""
    from marketplace.places.gazetteer import resolve_place

    place = resolve_place(name)
    return place is not None and place.level != "province"


def _benefits_clean(items: Any) -> tuple[list[str], str]:
    """The benefits trimmed and each once; and the first that is neither the catalogue's nor Chinese."""
    if not isinstance(items, list):
        return [], str(items)[:20]
    cleaned = list(dict.fromkeys(str(item).strip() for item in items if str(item).strip()))
    unreadable = next((item for item in cleaned if item not in BENEFITS and not _HAN.search(item)), "")
    return cleaned, unreadable


def _check_can_publish(employer: Employer) -> None:
    entry = employer.active_blacklist_entry()
    if entry is not None:
        raise ValidationError(
            _("该单位已被列入拖欠农民工工资黑名单（%(reason)s），暂不能发布岗位。") % {"reason": entry.reason},
            code="employer_blacklisted",
        )


def _suggest_occupation(posting: JobPosting) -> None:
    if posting.occupation_id is None:
        from marketplace.occupations.taxonomy import suggest_occupations

        suggestions = suggest_occupations(title=posting.title, description=posting.description, limit=1)
        if suggestions:
            posting.occupation = Occupation.objects.get(pk=suggestions[0].occupation_id)


@transaction.atomic
def posting_create(
    *, by: User, employer: Employer, data: dict[str, Any], permission: str = "posting.create"
) -> JobPosting:
    """A new draft. Stations post for employers of their city; the occupation is suggested if unset.

    `permission` is "posting.import" for bulk imports, which bureau staff may also run.
    """
    if permission not in ("posting.create", "posting.import"):
        raise ValueError(f"posting_create does not take permission {permission!r}")
    require(by, permission, employer)
    unknown = set(data) - EDITABLE_FIELDS
    if unknown:
        raise ValidationError(_("未知字段：%(f)s") % {"f": ", ".join(sorted(unknown))}, code="unknown_fields")
    posting = JobPosting(
        employer=employer, created_by=by, station_id=by.station_id if by.is_station_staff else None, **data
    )
    _suggest_occupation(posting)
    _validate(posting)
    posting.flags = posting_flags_for_text(posting.title, posting.description, posting.schedule)
    posting.save()
    PostingTransition.objects.create(posting=posting, from_status="", to_status=S.DRAFT, by=by)
    return posting


@transaction.atomic
def posting_update(*, by: User, posting: JobPosting, data: dict[str, Any]) -> JobPosting:
    """Edit a posting. A published one whose new text trips a rule goes back to review."""
    posting = _lock(posting)
    require(by, "posting.edit", posting)
    if posting.status == S.CLOSED:
        raise ValidationError(_("岗位已结束，不能再修改。"), code="posting_closed")
    unknown = set(data) - EDITABLE_FIELDS
    if unknown:
        raise ValidationError(_("未知字段：%(f)s") % {"f": ", ".join(sorted(unknown))}, code="unknown_fields")
    for field, value in data.items():
        setattr(posting, field, value)
    _suggest_occupation(posting)
    _validate(posting)
    posting.flags = posting_flags_for_text(posting.title, posting.description, posting.schedule)
    posting.save()
    if posting.flags and posting.status in (S.PUBLISHED, S.PAUSED):
        _move(posting, S.PENDING, by=by, note=_("修改后需重新审核"))
    return posting


def _auto_approvable(posting: JobPosting) -> bool:
    employer = posting.employer
    return employer.is_verified and employer.integrity_grade != IntegrityGrade.C and not posting.flags


@transaction.atomic
def posting_submit(*, by: User, posting: JobPosting) -> JobPosting:
    """Send for review. Verified, trusted employers with nothing flagged are published at once."""
    posting = _lock(posting)
    # "manage", not "edit": bureau staff submit the postings they bulk-imported for employers.
    require(by, "posting.manage", posting)
    _check_can_publish(posting.employer)
    _validate(posting)
    posting.flags = posting_flags_for_text(posting.title, posting.description, posting.schedule)
    _move(posting, S.PENDING, by=by)
    if _auto_approvable(posting):
        _move(posting, S.PUBLISHED, by=None, note=_("自动通过：认证单位，未发现风险内容"))
    return posting


@transaction.atomic
def posting_approve(*, by: User, posting: JobPosting, note: str = "") -> JobPosting:
    posting = _lock(posting)
    require(by, "posting.moderate", posting)
    _check_can_publish(posting.employer)
    posting.flags = []
    return _move(posting, S.PUBLISHED, by=by, note=note)


@transaction.atomic
def posting_reject(*, by: User, posting: JobPosting, reason: str) -> JobPosting:
    posting = _lock(posting)
    require(by, "posting.moderate", posting)
    if not reason.strip():
        raise ValidationError({"reason": [_("请填写不通过的原因，方便单位修改。")]})
    return _move(posting, S.REJECTED, by=by, note=reason.strip())


@transaction.atomic
def posting_pause(*, by: User, posting: JobPosting) -> JobPosting:
    posting = _lock(posting)
    require(by, "posting.manage", posting)
    return _move(posting, S.PAUSED, by=by)


@transaction.atomic
def posting_resume(*, by: User, posting: JobPosting) -> JobPosting:
    posting = _lock(posting)
    require(by, "posting.manage", posting)
    if posting.status != S.PAUSED:
        raise ValidationError(_("只有暂停中的岗位可以恢复招聘。"), code="posting_bad_transition")
    _check_can_publish(posting.employer)
    return _move(posting, S.PUBLISHED, by=by)


@transaction.atomic
def posting_close(*, by: User, posting: JobPosting, note: str = "") -> JobPosting:
    posting = _lock(posting)
    require(by, "posting.manage", posting)
    return _move(posting, S.CLOSED, by=by, note=note)


@transaction.atomic
def posting_renew(*, by: User, posting: JobPosting, valid_until: datetime.date) -> JobPosting:
    """An expired posting comes back through review with a new validity."""
    posting = _lock(posting)
    require(by, "posting.edit", posting)
    if posting.status != S.EXPIRED:
        raise ValidationError(_("只有已过期的岗位可以续期。"), code="posting_bad_transition")
    posting.valid_until = valid_until
    _validate(posting)
    posting.save(update_fields=["valid_until", "updated_at"])
    return posting_submit(by=by, posting=posting)


def posting_expire_due(*, today: datetime.date | None = None) -> int:
    """Expire published or paused postings past their validity; run daily by Celery beat."""
    today = today or timezone.localdate()
    expired = 0
    due = JobPosting.objects.filter(status__in=[S.PUBLISHED, S.PAUSED], valid_until__lt=today)
    for posting_id in due.values_list("pk", flat=True):
        with transaction.atomic():
            posting = JobPosting.objects.select_for_update().get(pk=posting_id)
            # Re-checked under the lock: an edit may have extended it meanwhile.
            if posting.status in (S.PUBLISHED, S.PAUSED) and posting.valid_until and posting.valid_until < today:
                _move(posting, S.EXPIRED, by=None, note=_("超过有效期自动下架"))
                expired += 1
    return expired


__all__ = [
    "TRANSITIONS",
    "posting_approve",
    "posting_close",
    "posting_create",
    "posting_expire_due",
    "posting_pause",
    "posting_reject",
    "posting_renew",
    "posting_resume",
    "posting_submit",
    "posting_update",
]
