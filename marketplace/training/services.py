"""Training courses, enrolments and completions: the only writers. A completion with a certificate
gives the trainee's profile that certificate, so matching and employers see it."""

from __future__ import annotations

import datetime

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.accounts.models import phone_digest
from marketplace.audit.services import audit_change
from marketplace.models import Certificate, TrainingCourse, TrainingEnrolment, User, WorkerProfile
from marketplace.permissions import require
from marketplace.places import COUNTY_BY_NAME
from marketplace.training.enums import EnrolmentStatus
from marketplace.validators import normalize_phone, validate_phone


def _county(value: str, field: str, errors: dict) -> str:
    value = (value or "").strip()
    if value and value not in COUNTY_BY_NAME:
        errors[field] = [_("“%(county)s”不是本州的县市。") % {"county": value}]
    return value


@transaction.atomic
def course_create(*, by: User, name: str, provider: str, county: str, starts_on: datetime.date,
                  ends_on: datetime.date, kind: str = "skill", certificate: str = "") -> TrainingCourse:  # fmt: skip
    require(by, "record.manage")
    errors: dict[str, list[str]] = {}
    if not name.strip():
        errors["name"] = [_("请填写培训项目名称。")]
    if not provider.strip():
        errors["provider"] = [_("请填写培训机构。")]
    county = _county(county, "county", errors)
    if not county:
        errors["county"] = [_("请选择培训地点所在县市。")]
    if starts_on and ends_on and ends_on < starts_on:
        errors["ends_on"] = [_("结业日期不能早于开班日期。")]
    if errors:
        raise ValidationError(errors)
    course = TrainingCourse(name=name.strip()[:80], provider=provider.strip()[:100], county=county,
                            starts_on=starts_on, ends_on=ends_on, kind=kind, certificate=certificate.strip()[:60],
                            created_by=by)  # fmt: skip
    course.full_clean()
    course.save()
    return course


def _give_certificate(enrolment: TrainingEnrolment) -> None:
    course = enrolment.course
    if enrolment.profile_id is None or not course.certificate:
        return
    Certificate.objects.get_or_create(
        profile_id=enrolment.profile_id, name=course.certificate,
        defaults={"number": enrolment.certificate_number[:60]},
    )  # fmt: skip


@transaction.atomic
def enrol(*, by: User, course: TrainingCourse, name: str, phone: str, home_county: str = "",
          status: str = EnrolmentStatus.ENROLLED, completed_on: datetime.date | None = None,
          certificate_number: str = "") -> TrainingEnrolment:  # fmt: skip
    """Put one person on a course (and, from an import, their result); their profile is found by phone."""
    require(by, "record.manage")
    errors: dict[str, list[str]] = {}
    if not (name or "").strip():
        errors["name"] = [_("请填写姓名。")]
    try:
        validate_phone(phone or "")
    except ValidationError as exc:
        errors["phone"] = exc.messages
    home_county = _county(home_county, "home_county", errors)
    if status not in EnrolmentStatus.values:
        errors["status"] = [_("状态应为在训、结业或退训。")]
    if status == EnrolmentStatus.COMPLETED:
        completed_on = completed_on or course.ends_on
        if completed_on < course.starts_on:
            errors["completed_on"] = [_("结业日期不能早于开班日期。")]
        elif completed_on > timezone.localdate():
            errors["completed_on"] = [_("结业日期不能晚于今天。")]
    else:
        completed_on = None
    if errors:
        raise ValidationError(errors)
    phone = normalize_phone(phone)
    profile = WorkerProfile.objects.filter(user__phone_digest=phone_digest(phone)).first()
    enrolment = TrainingEnrolment(course=course, profile=profile, name=name.strip()[:30], phone=phone,
                                  phone_digest=phone_digest(phone), home_county=home_county, status=status,
                                  completed_on=completed_on,
                                  certificate_number=(certificate_number or "").strip()[:60])  # fmt: skip
    try:
        with transaction.atomic():
            enrolment.save()
    except IntegrityError:
        raise ValidationError({"phone": [_("此人已在这个培训班的名单上。")]}) from None
    if status == EnrolmentStatus.COMPLETED:
        _give_certificate(enrolment)
    audit_change(by, "training_enrolment", enrolment.pk, why=_("登记培训学员"))
    return enrolment


@transaction.atomic
def enrolment_complete(*, by: User, enrolment: TrainingEnrolment, completed_on: datetime.date | None = None,
                       certificate_number: str = "") -> TrainingEnrolment:  # fmt: skip
    require(by, "record.manage")
    enrolment = TrainingEnrolment.objects.select_for_update().select_related("course").get(pk=enrolment.pk)
    if enrolment.status == EnrolmentStatus.COMPLETED:
        return enrolment
    completed_on = completed_on or min(enrolment.course.ends_on, timezone.localdate())
    if completed_on < enrolment.course.starts_on or completed_on > timezone.localdate():
        raise ValidationError({"completed_on": [_("结业日期应在开班之后、今天之前。")]})
    enrolment.status, enrolment.completed_on = EnrolmentStatus.COMPLETED, completed_on
    enrolment.certificate_number = (certificate_number or enrolment.certificate_number).strip()[:60]
    enrolment.save(update_fields=["status", "completed_on", "certificate_number"])
    _give_certificate(enrolment)
    return enrolment
