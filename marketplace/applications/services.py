"""Applications: one tap to apply, then the employer moves it along; the seeker may withdraw.

    submitted → viewed → interview → offered → hired
        └──────────┴─────────┴──────────┴──→ rejected (employer) / withdrawn (seeker)

A hire records an EmploymentOutcome with the worker's confirmed key groups at that moment: the
bureau's 新增就业 statistics count these rows.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.enums import ApplicationStatus, Role
from marketplace.events import application_hired
from marketplace.models import Application, ApplicationTransition, EmploymentOutcome, JobPosting, User
from marketplace.permissions import require
from marketplace.postings.selectors import posting_is_public
from marketplace.privacy import mask_personal_numbers

A = ApplicationStatus

TRANSITIONS: dict[str, set[str]] = {
    A.SUBMITTED: {A.VIEWED, A.INTERVIEW, A.OFFERED, A.REJECTED, A.WITHDRAWN},
    A.VIEWED: {A.INTERVIEW, A.OFFERED, A.REJECTED, A.WITHDRAWN},
    A.INTERVIEW: {A.OFFERED, A.REJECTED, A.WITHDRAWN},
    A.OFFERED: {A.HIRED, A.REJECTED, A.WITHDRAWN},
    A.HIRED: set(),
    A.REJECTED: set(),
    A.WITHDRAWN: set(),
}
EMPLOYER_STEPS = {A.VIEWED, A.INTERVIEW, A.OFFERED, A.HIRED, A.REJECTED}


def profile_snapshot(profile) -> dict:
    """What the employer sees of the applicant: never the ID or phone number."""
    return {
        "name": profile.name,
        "gender": profile.get_gender_display() if profile.gender else "",
        "age": profile.age,
        "education": profile.get_education_display() if profile.education else "",
        "current_place": " ".join(p for p in (profile.current_county, profile.current_town) if p),
        "skills": list(profile.skills),
        "wanted_occupations": list(profile.wanted_occupations.values_list("name", flat=True)),
        "certificates": list(profile.certificates.values_list("name", flat=True)),
        "experiences": [
            {"employer": e.employer_name, "title": e.title, "years": [e.start_year, e.end_year]}
            for e in profile.experiences.all()[:5]
        ],
        "key_groups": list(profile.group_tags.filter(confirmed_at__isnull=False).values_list("group", flat=True)),
        "intro": mask_personal_numbers(profile.intro[:500]),  # numbers typed in free text too
    }


@transaction.atomic
def application_submit(*, by: User, posting: JobPosting, source: str = "web") -> Application:
    require(by, "application.create")
    profile = getattr(by, "profile", None)
    if profile is None:
        raise ValidationError(_("请先完善求职者档案再投递。"), code="no_profile")
    if not posting_is_public(posting):
        raise ValidationError(_("该岗位已停止招聘。"), code="posting_not_open")
    if Application.objects.filter(profile=profile, posting=posting).exists():
        raise ValidationError(_("你已投递过该岗位，请在“我的投递”中查看进度。"), code="duplicate_application")
    try:
        with transaction.atomic():
            application = Application.objects.create(
                profile=profile, posting=posting, snapshot=profile_snapshot(profile), source=source
            )
    except IntegrityError as exc:  # a double tap: the unique constraint is the final word
        raise ValidationError(_("你已投递过该岗位，请在“我的投递”中查看进度。"), code="duplicate_application") from exc
    ApplicationTransition.objects.create(application=application, from_status="", to_status=A.SUBMITTED, by=by)
    return application


def _move(application: Application, to: str, *, by: User, note: str = "") -> Application:
    if to not in TRANSITIONS[application.status]:
        raise ValidationError(
            _("申请当前状态为“%(now)s”，不能变为“%(to)s”。") % {"now": A(application.status).label, "to": A(to).label},
            code="application_bad_transition",
        )
    ApplicationTransition.objects.create(
        application=application, from_status=application.status, to_status=to, by=by, note=note
    )
    application.status = to
    application.save(update_fields=["status", "updated_at"])
    if to == A.HIRED:
        profile, posting = application.profile, application.posting
        EmploymentOutcome.objects.create(
            application=application,
            profile=profile,
            employer=posting.employer,
            county=posting.county,
            job_type=posting.job_type,
            key_groups=sorted(profile.group_tags.filter(confirmed_at__isnull=False).values_list("group", flat=True)),
            hired_at=timezone.now(),
        )
        application_hired.send(sender=Application, application=application)
    return application


def _lock(application: Application) -> Application:
    return (
        Application.objects.select_for_update(of=("self",))
        .select_related("posting", "posting__employer", "profile")
        .get(pk=application.pk)
    )


@transaction.atomic
def application_advance(*, by: User, application: Application, to: str, note: str = "") -> Application:
    """The employer's (or station's) step: viewed, interview, offered, hired or rejected."""
    application = _lock(application)
    require(by, "application.process", application)
    if to not in EMPLOYER_STEPS:
        raise ValidationError(_("该操作只能由求职者本人进行。"), code="application_bad_transition")
    if note:
        application.employer_note = (application.employer_note + "\n" + note).strip()
        application.save(update_fields=["employer_note"])
    return _move(application, to, by=by, note=note[:200])


@transaction.atomic
def application_mark_viewed(*, by: User, application: Application) -> Application:
    """Opening an application tells the seeker it was seen; opening it again changes nothing."""
    application = _lock(application)
    require(by, "application.process", application)
    if application.status == A.SUBMITTED and by.role != Role.BUREAU:
        return _move(application, A.VIEWED, by=by)
    return application


@transaction.atomic
def application_withdraw(*, by: User, application: Application) -> Application:
    application = _lock(application)
    require(by, "application.withdraw", application)
    return _move(application, A.WITHDRAWN, by=by)
