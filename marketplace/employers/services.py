"""Employers: registration, verification by the bureau, integrity grade, the arrears blacklist."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.enums import IntegrityGrade, Role, VerificationStatus
from marketplace.models import BlacklistEntry, Employer, User
from marketplace.permissions import require
from marketplace.validators import normalize_credit_code, normalize_phone

REGISTRATION_FIELDS = {
    "name",
    "credit_code",
    "county",
    "town",
    "address",
    "lat",
    "lon",
    "contact_name",
    "contact_phone",
}


@transaction.atomic
def employer_register(*, by: User, data: dict[str, Any]) -> Employer:
    """An employer account registers its company; the bureau verifies it before it is trusted."""
    if by.role != Role.EMPLOYER or by.employer_id is not None:
        raise ValidationError(_("只有尚未绑定单位的企业账号可以登记单位。"), code="employer_register_role")
    unknown = set(data) - REGISTRATION_FIELDS
    if unknown:
        raise ValidationError(_("未知字段：%(f)s") % {"f": ", ".join(sorted(unknown))}, code="unknown_fields")
    data = {**data, "credit_code": normalize_credit_code(data.get("credit_code", ""))}
    if data.get("contact_phone"):
        data["contact_phone"] = normalize_phone(data["contact_phone"])
    if Employer.objects.filter(credit_code=data["credit_code"]).exists():
        raise ValidationError(
            {
                "credit_code": ValidationError(
                    _("该统一社会信用代码已登记，请联系单位管理员邀请您加入。"), code="credit_code_taken"
                )
            }
        )
    employer = Employer(**data)
    employer.full_clean()
    employer.save()
    by.employer = employer
    by.save(update_fields=["employer"])
    return employer


@transaction.atomic
def employer_update(*, by: User, employer: Employer, data: dict[str, Any]) -> Employer:
    require(by, "employer.edit", employer)
    unknown = set(data) - (REGISTRATION_FIELDS - {"credit_code"})
    if unknown:
        raise ValidationError(_("未知字段：%(f)s") % {"f": ", ".join(sorted(unknown))}, code="unknown_fields")
    for field, value in data.items():
        setattr(employer, field, normalize_phone(value) if field == "contact_phone" else value)
    employer.full_clean()
    employer.save()
    return employer


@transaction.atomic
def employer_verify(*, by: User, employer: Employer, approve: bool, note: str = "") -> Employer:
    require(by, "employer.verify", employer)
    if not approve and not note.strip():
        raise ValidationError({"note": [_("请填写未通过认证的原因。")]})
    employer.verification = VerificationStatus.VERIFIED if approve else VerificationStatus.REJECTED
    employer.verification_note = note.strip()
    employer.verified_at = timezone.now() if approve else None
    employer.save(update_fields=["verification", "verification_note", "verified_at"])
    return employer


@transaction.atomic
def employer_set_grade(*, by: User, employer: Employer, grade: str) -> Employer:
    require(by, "employer.verify", employer)
    if grade not in IntegrityGrade.values:
        raise ValidationError({"grade": [_("诚信等级只能是 A、B 或 C。")]})
    employer.integrity_grade = grade
    employer.save(update_fields=["integrity_grade"])
    return employer


@transaction.atomic
def employer_blacklist(
    *, by: User, employer: Employer, reason: str, starts_on: datetime.date | None = None,
    ends_on: datetime.date | None = None,
) -> BlacklistEntry:  # fmt: skip
    """List an employer for wage arrears: it cannot publish, and its jobs leave public view at once."""
    require(by, "employer.blacklist", employer)
    starts_on = starts_on or timezone.localdate()
    if not reason.strip():
        raise ValidationError({"reason": [_("请填写列入黑名单的原因。")]})
    if ends_on and ends_on < starts_on:
        raise ValidationError({"ends_on": [_("截止日期不能早于起始日期。")]})
    entry = BlacklistEntry.objects.create(
        employer=employer, reason=reason.strip(), starts_on=starts_on, ends_on=ends_on, created_by=by
    )
    # Every posting's public visibility changed: listeners (search index) re-read them.
    return entry


@transaction.atomic
def employer_blacklist_lift(*, by: User, entry: BlacklistEntry) -> BlacklistEntry:
    require(by, "employer.blacklist", entry.employer)
    entry.lifted_at = timezone.now()
    entry.save(update_fields=["lifted_at"])
    return entry
