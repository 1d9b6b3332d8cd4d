"""Sign-ups, tickets and the door: full, closed, duplicate and forged are refused; nothing corrupted."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from livestream.events.enums import EventStatus, RegistrationStatus
from livestream.events.services.tickets import (
    ALPHABET,
    CODE_LENGTH,
    QR_PREFIX,
    event_sign_up,
    registration_cancel,
    ticket_check_in,
    walk_in_register,
)
from livestream.models import EventRegistration
from marketplace.enums import Role
from marketplace.models import User
from tests.factories import RecruitmentEventFactory

pytestmark = pytest.mark.django_db


def code_of(exc: pytest.ExceptionInfo) -> str:
    """The code of a service refusal, whether it names a field or not."""
    error = exc.value
    if hasattr(error, "error_dict"):
        return next(iter(error.error_dict.values()))[0].code
    return error.error_list[0].code


def test_a_seeker_signs_up_and_gets_an_unguessable_ticket(seeker, other_seeker, event):
    first = event_sign_up(by=seeker, event=event)
    second = event_sign_up(by=other_seeker, event=event)

    assert len(first.ticket_code) == CODE_LENGTH and set(first.ticket_code) <= set(ALPHABET)
    assert first.ticket_code != second.ticket_code
    assert first.ticket_display.count("-") == 2
    assert first.status == RegistrationStatus.ACTIVE and not first.walk_in


def test_a_duplicate_sign_up_is_refused_and_keeps_the_first_ticket(seeker, event):
    ticket = event_sign_up(by=seeker, event=event)
    with pytest.raises(ValidationError) as caught:
        event_sign_up(by=seeker, event=event)
    assert code_of(caught) == "duplicate_registration" and "已报名" in caught.value.messages[0]
    assert EventRegistration.objects.get().ticket_code == ticket.ticket_code


def test_a_full_event_refuses_the_next_sign_up(seeker, other_seeker):
    event = RecruitmentEventFactory(capacity=1)
    event_sign_up(by=seeker, event=event)
    with pytest.raises(ValidationError) as caught:
        event_sign_up(by=other_seeker, event=event)
    assert code_of(caught) == "event_full" and "已满" in caught.value.messages[0]
    assert EventRegistration.objects.count() == 1


def test_a_cancelled_place_can_be_taken_again(seeker, other_seeker):
    event = RecruitmentEventFactory(capacity=1)
    ticket = event_sign_up(by=seeker, event=event)
    registration_cancel(by=seeker, registration=ticket)
    again = event_sign_up(by=other_seeker, event=event)
    assert again.status == RegistrationStatus.ACTIVE


def test_closed_ended_and_cancelled_events_refuse_sign_ups(seeker):
    past_start = timezone.now() - datetime.timedelta(hours=5)
    cases = {
        "event_closed": [
            RecruitmentEventFactory(status=EventStatus.CLOSED),
            RecruitmentEventFactory(starts_at=past_start, ends_at=past_start + datetime.timedelta(hours=2)),
        ],
        "event_cancelled": [RecruitmentEventFactory(status=EventStatus.CANCELLED)],
    }
    for code, events in cases.items():
        for event in events:
            with pytest.raises(ValidationError) as caught:
                event_sign_up(by=seeker, event=event)
            assert code_of(caught) == code
    assert not EventRegistration.objects.exists()


def test_only_seekers_sign_up(employer_user, bureau_user, event):
    for user in (employer_user, bureau_user):
        with pytest.raises(PermissionDenied):
            event_sign_up(by=user, event=event)


def soon_event(**extra):
    start = timezone.now() + datetime.timedelta(minutes=30)
    return RecruitmentEventFactory(starts_at=start, ends_at=start + datetime.timedelta(hours=3), **extra)


def test_staff_check_a_ticket_in_by_its_qr_payload_and_a_second_scan_just_says_when(seeker, bureau_user):
    event = soon_event()
    ticket = event_sign_up(by=seeker, event=event)

    first = ticket_check_in(by=bureau_user, event=event, code=QR_PREFIX + ticket.ticket_code)
    second = ticket_check_in(by=bureau_user, event=event, code=ticket.ticket_display.lower())

    assert not first.already and "签到成功" in first.message
    assert second.already and "已于" in second.message and "无需重复签到" in second.message
    ticket.refresh_from_db()
    assert ticket.checked_in_by == bureau_user
    assert ticket.checked_in_at == first.registration.checked_in_at


def test_forged_foreign_and_cancelled_tickets_are_refused(seeker, other_seeker, bureau_user):
    event, other = soon_event(), soon_event(title="黎平县周周招聘")
    foreign = event_sign_up(by=seeker, event=other)
    cancelled = event_sign_up(by=other_seeker, event=event)
    registration_cancel(by=other_seeker, registration=cancelled)
    forged = "".join(reversed(foreign.ticket_code))

    refusals = {
        "ticket_invalid": ["", "123", "<script>", forged if forged != foreign.ticket_code else "ZZZZZZZZZZZZ"],
        "ticket_other_event": [foreign.ticket_code],
        "ticket_cancelled": [cancelled.ticket_code],
    }
    for code, tries in refusals.items():
        for attempt in tries:
            with pytest.raises(ValidationError) as caught:
                ticket_check_in(by=bureau_user, event=event, code=attempt)
            assert code_of(caught) == code, attempt
    assert not EventRegistration.objects.filter(checked_in_at__isnull=False).exists()


def test_seekers_and_other_stations_cannot_check_people_in(seeker, other_seeker, station, station_user):
    event = soon_event()
    ticket = event_sign_up(by=seeker, event=event)
    for user in (seeker, other_seeker):
        with pytest.raises(PermissionDenied):
            ticket_check_in(by=user, event=event, code=ticket.ticket_code)
    with pytest.raises(PermissionDenied):  # the bureau's event, not this station's
        ticket_check_in(by=station_user, event=event, code=ticket.ticket_code)
    own = soon_event(station=station)
    own_ticket = event_sign_up(by=seeker, event=own)
    assert not ticket_check_in(by=station_user, event=own, code=own_ticket.ticket_code).already


def test_the_door_opens_three_hours_before_the_start(seeker, bureau_user, event):
    ticket = event_sign_up(by=seeker, event=event)  # in two days
    with pytest.raises(ValidationError) as caught:
        ticket_check_in(by=bureau_user, event=event, code=ticket.ticket_code)
    assert code_of(caught) == "check_in_not_open"
    assert ticket_check_in(by=bureau_user, event=event, code=ticket.ticket_code, now=event.starts_at).registration


def test_a_walk_in_gets_an_account_and_is_checked_in_and_a_known_phone_finds_the_person(bureau_user, seeker):
    event = soon_event(capacity=1)
    event_sign_up(by=seeker, event=event)

    fresh = walk_in_register(by=bureau_user, event=event, name="龙阿姨", phone="139 0000 1234")
    known = walk_in_register(by=bureau_user, event=event, name="杨师傅", phone=seeker.phone)

    user = User.objects.get(pk=fresh.registration.profile.user_id)
    assert user.role == Role.SEEKER and user.display_name == "龙阿姨" and not user.has_usable_password()
    assert fresh.registration.walk_in and fresh.registration.checked_in_at is not None
    assert known.registration.profile == seeker.profile and not known.already
    again = walk_in_register(by=bureau_user, event=event, name="龙阿姨", phone="13900001234")
    assert again.already
    assert EventRegistration.objects.filter(event=event).count() == 2


def test_a_walk_in_with_a_bad_phone_or_an_organisations_number_is_refused(bureau_user, employer_user):
    event = soon_event()
    users = User.objects.count()
    with pytest.raises(ValidationError) as caught:
        walk_in_register(by=bureau_user, event=event, name="", phone="12345")
    assert set(caught.value.message_dict) == {"name", "phone"}
    with pytest.raises(ValidationError) as caught:
        walk_in_register(by=bureau_user, event=event, name="王经理", phone=employer_user.phone)
    assert "单位或工作人员账号" in caught.value.message_dict["phone"][0]
    assert not EventRegistration.objects.exists()
    assert User.objects.count() == users
