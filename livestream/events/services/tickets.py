"""Sign-ups, tickets and check-in at the door, walk-ins included.

Locks: a sign-up locks the event row (FOR NO KEY UPDATE) before counting places, so two last-place
sign-ups cannot both succeed; a check-in locks the registration row, so a ticket scanned at two
doors at once is checked in once.

Ticket codes are 12 characters of Crockford's base32 drawn by `secrets` (60 bits): far beyond
guessing at the door, where every try needs a staff login, and short enough to read out or type.
"""

from __future__ import annotations

import datetime
import re
import secrets
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from livestream.events.enums import EventStatus, RegistrationStatus
from livestream.events.rules import require
from livestream.models import EventRegistration, RecruitmentEvent
from marketplace.accounts.models import phone_digest
from marketplace.enums import Role
from marketplace.models import User, WorkerProfile
from marketplace.validators import normalize_phone, validate_phone

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
CODE_LENGTH = 12
# What the ticket's QR code holds: a prefix so the door page can tell our tickets from other codes.
QR_PREFIX = "JYT-TICKET:"
# The door opens this long before the start.
CHECK_IN_OPENS_BEFORE = datetime.timedelta(hours=3)
_TYPO = str.maketrans({"O": "0", "I": "1", "L": "1", "U": "V"})


def new_ticket_code() -> str:
    return "".join(secrets.choice(ALPHABET) for _ in range(CODE_LENGTH))


def ticket_qr_payload(registration: EventRegistration) -> str:
    return QR_PREFIX + registration.ticket_code


def normalize_ticket_code(raw: str) -> str:
    """What was scanned or typed → the stored form: prefix, dashes, spaces and case forgiven."""
    text = (raw or "").strip().upper()
    if text.startswith(QR_PREFIX):
        text = text[len(QR_PREFIX) :]
    return re.sub(r"[\s\-]", "", text).translate(_TYPO)


def _refuse_unless_open(event: RecruitmentEvent, now: datetime.datetime) -> None:
    if event.is_cancelled:
        raise ValidationError(_("该招聘会已取消。"), code="event_cancelled")
    if event.has_ended(now):
        raise ValidationError(_("该招聘会已结束，不能再报名。"), code="event_closed")
    if event.status != EventStatus.OPEN:
        raise ValidationError(_("该招聘会报名已截止。"), code="event_closed")


def _profile_of(user: User) -> WorkerProfile:
    profile = WorkerProfile.objects.filter(user_id=user.pk).first()
    if profile is None:
        raise ValidationError(_("请先完善求职者档案再报名。"), code="no_profile")
    return profile


def places_taken(event: RecruitmentEvent) -> int:
    return event.registrations.filter(status=RegistrationStatus.ACTIVE, walk_in=False).count()


def _issue(event: RecruitmentEvent, profile: WorkerProfile, **fields) -> EventRegistration:
    """Create or reactivate the person's registration with a fresh code (retried on the rare clash)."""
    for _attempt in range(5):
        try:
            with transaction.atomic():
                registration, _created = EventRegistration.objects.update_or_create(
                    event=event,
                    profile=profile,
                    defaults={
                        "ticket_code": new_ticket_code(),
                        "status": RegistrationStatus.ACTIVE,
                        "created_at": timezone.now(),
                        **fields,
                    },
                )
                return registration
        except IntegrityError as exc:
            if "sign_up_once" in str(exc):
                raise ValidationError(_("你已报名该招聘会。"), code="duplicate_registration") from exc
    raise RuntimeError("could not draw a unique ticket code in 5 tries")


@transaction.atomic
def event_sign_up(*, by: User, event: RecruitmentEvent, now: datetime.datetime | None = None) -> EventRegistration:
    """A seeker signs up and gets a ticket. Walk-ins do not take the places sign-ups count."""
    now = now or timezone.now()
    require(by, "event.sign_up", event)
    profile = _profile_of(by)
    event = RecruitmentEvent.objects.select_for_update(no_key=True, of=("self",)).get(pk=event.pk)
    _refuse_unless_open(event, now)
    existing = EventRegistration.objects.filter(event=event, profile=profile).first()
    if existing is not None and existing.status == RegistrationStatus.ACTIVE:
        raise ValidationError(_("你已报名该招聘会，门票在“我的门票”中。"), code="duplicate_registration")
    if places_taken(event) >= event.capacity:
        raise ValidationError(_("该招聘会报名人数已满。"), code="event_full")
    return _issue(event, profile, walk_in=False, checked_in_at=None, checked_in_by=None)


@transaction.atomic
def registration_cancel(*, by: User, registration: EventRegistration) -> EventRegistration:
    """The seeker gives the place back before the event; the ticket stops working."""
    registration = (
        EventRegistration.objects.select_for_update().select_related("event", "profile").get(pk=registration.pk)
    )
    if registration.profile.user_id != by.pk:
        require(by, "event.manage", registration.event)
    if registration.status != RegistrationStatus.ACTIVE:
        raise ValidationError(_("该报名已取消。"), code="registration_cancelled")
    if registration.checked_in_at is not None:
        raise ValidationError(_("已签到，不能取消报名。"), code="registration_checked_in")
    registration.status = RegistrationStatus.CANCELLED
    registration.save(update_fields=["status"])
    return registration


@dataclass(frozen=True)
class CheckIn:
    registration: EventRegistration
    already: bool

    @property
    def message(self) -> str:
        name = self.registration.profile.name or self.registration.profile.user.masked_phone
        at = timezone.localtime(self.registration.checked_in_at)
        if self.already:
            return _("%(name)s 已于 %(at)s 签到过，无需重复签到。") % {"name": name, "at": f"{at:%H:%M}"}
        return _("%(name)s 签到成功（%(at)s）。") % {"name": name, "at": f"{at:%H:%M}"}


def _refuse_unless_door_open(event: RecruitmentEvent, now: datetime.datetime) -> None:
    if event.is_cancelled:
        raise ValidationError(_("该招聘会已取消，不能签到。"), code="event_cancelled")
    if event.has_ended(now):
        raise ValidationError(_("该招聘会已结束，不能签到。"), code="event_closed")
    if now < event.starts_at - CHECK_IN_OPENS_BEFORE:
        raise ValidationError(_("签到尚未开始：开场前3小时开放签到。"), code="check_in_not_open")


def _mark_checked_in(registration: EventRegistration, by: User, now: datetime.datetime) -> CheckIn:
    if registration.checked_in_at is not None:
        return CheckIn(registration, already=True)
    registration.checked_in_at = now
    registration.checked_in_by = by
    registration.save(update_fields=["checked_in_at", "checked_in_by"])
    return CheckIn(registration, already=False)


@transaction.atomic
def ticket_check_in(*, by: User, event: RecruitmentEvent, code: str, now: datetime.datetime | None = None) -> CheckIn:
    """Staff at the door scan or type a ticket. A second scan says when, and changes nothing."""
    now = now or timezone.now()
    require(by, "event.check_in", event)
    _refuse_unless_door_open(event, now)
    normalized = normalize_ticket_code(code)
    if len(normalized) != CODE_LENGTH or any(ch not in ALPHABET for ch in normalized):
        raise ValidationError(
            {"code": [ValidationError(_("票码应为12位字母或数字，请核对后重试。"), code="ticket_invalid")]}
        )
    registration = (
        EventRegistration.objects.select_for_update(of=("self",))
        .select_related("profile", "profile__user", "event")
        .filter(ticket_code=normalized)
        .first()
    )
    if registration is None:
        raise ValidationError(_("票码无效：没有这张门票，请核对后重试。"), code="ticket_invalid")
    if registration.event_id != event.pk:
        raise ValidationError(
            _("这张门票属于“%(other)s”，不是本场招聘会的。") % {"other": registration.event}, code="ticket_other_event"
        )
    if registration.status != RegistrationStatus.ACTIVE:
        raise ValidationError(_("这张门票的报名已取消。"), code="ticket_cancelled")
    return _mark_checked_in(registration, by, now)


@transaction.atomic
def walk_in_register(
    *, by: User, event: RecruitmentEvent, name: str, phone: str, now: datetime.datetime | None = None
) -> CheckIn:
    """Someone at the door without a ticket: find or create their seeker account, register, check in."""
    now = now or timezone.now()
    require(by, "event.check_in", event)
    _refuse_unless_door_open(event, now)
    name = (name or "").strip()
    errors: dict[str, list[str]] = {}
    if not name or len(name) > 30:
        errors["name"] = [_("请填写姓名（30字以内）。")]
    try:
        validate_phone(phone)
    except ValidationError as exc:
        errors["phone"] = list(exc.messages)
    if errors:
        raise ValidationError(errors)
    phone = normalize_phone(phone)
    user = User.objects.filter(phone_digest=phone_digest(phone)).first()
    if user is not None and user.role != Role.SEEKER:
        message = _("该手机号已注册为单位或工作人员账号，请换一个号码。")
        raise ValidationError({"phone": [ValidationError(message, code="phone_taken")]})
    if user is None:
        user = User.objects.create_user(phone, role=Role.SEEKER, display_name=name)
    profile, _created = WorkerProfile.objects.get_or_create(user=user, defaults={"name": name})
    existing = (
        EventRegistration.objects.select_for_update()
        .select_related("profile", "profile__user")
        .filter(event=event, profile=profile)
        .first()
    )
    if existing is not None and existing.status == RegistrationStatus.ACTIVE:
        return _mark_checked_in(existing, by, now)
    registration = _issue(event, profile, walk_in=True, checked_in_at=now, checked_in_by=by)
    registration = EventRegistration.objects.select_related("profile", "profile__user").get(pk=registration.pk)
    return CheckIn(registration, already=False)
