"""代办: staff act for a worker only after the worker tells them the SMS code; the worker can undo it."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from marketplace import sms
from marketplace.enums import ApplicationStatus, Role
from marketplace.models import Notification, PersonalDataAccess, ProxyConsent, User
from marketplace.stations.enums import ProxyPurpose
from marketplace.stations.proxy import (
    MAX_ATTEMPTS,
    assist_consent,
    proxy_confirm,
    proxy_contest,
    proxy_request,
    proxy_withdraw,
)
from tests.factories import JobPostingFactory, SeekerFactory, StationStaffFactory, UserFactory, id_number

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff():
    return StationStaffFactory(display_name="小周", station__name="驻宁波劳务协作站")


def code_sent(django_capture_on_commit_callbacks, **request) -> tuple[ProxyConsent, str]:
    with django_capture_on_commit_callbacks(execute=True):
        consent = proxy_request(**request)
    text = sms.outbox[-1].text
    return consent, re.search(r"验证码(\d{6})", text).group(1)


def test_staff_register_a_worker_once_the_worker_tells_them_the_code(staff, django_capture_on_commit_callbacks):
    consent, code = code_sent(django_capture_on_commit_callbacks, by=staff, name="杨文", phone="13700008888",
                              purpose=ProxyPurpose.REGISTER)  # fmt: skip
    assert "驻宁波劳务协作站的小周请求为您代为注册账号" in sms.outbox[-1].text
    assert User.objects.filter(display_name="杨文").count() == 0  # nothing before consent

    proxy_confirm(by=staff, consent=consent, code=code, home_county="丹寨县")

    consent.refresh_from_db()
    worker = consent.user
    assert (worker.role, worker.profile.name, worker.profile.station) == (Role.SEEKER, "杨文", staff.station)
    assert consent.confirmed_at is not None and consent.staff == staff
    assert Notification.objects.filter(user=worker, kind="proxy_done").exists()
    logged = PersonalDataAccess.objects.get(record="profile", record_id=str(worker.profile.pk))
    assert (logged.actor, logged.action) == (staff, "change") and "代为注册账号" in logged.why
    with pytest.raises(ValidationError, match="已经确认过"):
        proxy_confirm(by=staff, consent=consent, code=code)


def test_a_wrong_code_counts_and_five_wrong_codes_end_it(staff, django_capture_on_commit_callbacks):
    consent, code = code_sent(django_capture_on_commit_callbacks, by=staff, name="杨文", phone="13700008888",
                              purpose=ProxyPurpose.REGISTER)  # fmt: skip
    for _ in range(MAX_ATTEMPTS):
        with pytest.raises(ValidationError, match="验证码不对"):
            proxy_confirm(by=staff, consent=consent, code="000000" if code != "000000" else "111111")
    with pytest.raises(ValidationError, match="错误次数过多"):
        proxy_confirm(by=staff, consent=consent, code=code)
    assert not User.objects.filter(display_name="杨文").exists()


def test_an_expired_code_or_another_staff_member_cannot_confirm(staff, django_capture_on_commit_callbacks):
    consent, code = code_sent(django_capture_on_commit_callbacks, by=staff, name="杨文", phone="13700008888",
                              purpose=ProxyPurpose.REGISTER)  # fmt: skip
    with pytest.raises(PermissionDenied):
        proxy_confirm(by=StationStaffFactory(station=staff.station), consent=consent, code=code)
    ProxyConsent.objects.filter(pk=consent.pk).update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    with pytest.raises(ValidationError, match="过期"):
        proxy_confirm(by=staff, consent=consent, code=code)


def test_a_person_already_registered_is_not_registered_again_by_phone_or_id_number(staff):
    existing = SeekerFactory(phone="13700007777", profile__id_number=id_number("19900101"))
    with pytest.raises(ValidationError, match="已经注册过"):
        proxy_request(by=staff, name="杨文", phone="137 0000 7777", purpose=ProxyPurpose.REGISTER)
    with pytest.raises(ValidationError, match="身份证号已有账号"):
        proxy_request(by=staff, name="杨文", phone="13700006666", purpose=ProxyPurpose.REGISTER,
                      id_number=existing.profile.id_number)  # fmt: skip


def test_staff_apply_for_a_worker_and_the_worker_withdraws_it(staff, django_capture_on_commit_callbacks):
    worker = SeekerFactory(phone="13700007777")
    posting = JobPostingFactory(title="宁波电子厂普工")
    consent, code = code_sent(django_capture_on_commit_callbacks, by=staff, name="杨文", phone="13700007777",
                              purpose=ProxyPurpose.APPLY, posting=posting)  # fmt: skip
    assert "代为投递岗位“宁波电子厂普工”" in sms.outbox[-1].text
    proxy_confirm(by=staff, consent=consent, code=code)
    consent.refresh_from_db()
    assert consent.application.profile == worker.profile and consent.application.source == "station"

    proxy_withdraw(by=worker, consent=consent)
    consent.application.refresh_from_db()
    assert consent.application.status == ApplicationStatus.WITHDRAWN
    with pytest.raises(PermissionDenied):
        proxy_withdraw(by=SeekerFactory(), consent=consent)


def test_a_worker_who_says_it_was_not_them_undoes_it_and_the_bureau_is_told(staff, django_capture_on_commit_callbacks):
    bureau = UserFactory(role=Role.BUREAU)
    consent, code = code_sent(django_capture_on_commit_callbacks, by=staff, name="杨文", phone="13700008888",
                              purpose=ProxyPurpose.REGISTER)  # fmt: skip
    proxy_confirm(by=staff, consent=consent, code=code)
    consent.refresh_from_db()

    proxy_contest(by=consent.user, consent=consent)

    consent.refresh_from_db()
    assert consent.contested_at is not None and consent.withdrawn_at is not None
    assert consent.user.profile.station is None  # the station no longer manages the profile
    assert Notification.objects.filter(user=bureau, kind="proxy_contested").exists()


def test_help_filling_in_is_for_a_registered_worker_not_organised_by_another_station(staff):
    other = SeekerFactory(phone="13700005555")
    other.profile.station = StationStaffFactory(station__name="驻宁波劳务协作站二站").station
    other.profile.save()

    with pytest.raises(ValidationError) as refused:
        proxy_request(by=staff, name="龙秀英", phone="13700005555", purpose=ProxyPurpose.ASSIST)
    with pytest.raises(ValidationError) as unknown:
        proxy_request(by=staff, name="龙秀英", phone="13700004444", purpose=ProxyPurpose.ASSIST)

    assert "由驻宁波劳务协作站二站服务" in refused.value.message_dict["phone"][0]
    assert "还没有求职者账号" in unknown.value.message_dict["phone"][0]


def test_help_filling_in_closes_two_hours_after_the_code(staff, django_capture_on_commit_callbacks):
    worker = SeekerFactory(phone="13700003333")
    consent, code = code_sent(django_capture_on_commit_callbacks, by=staff, name="龙秀英", phone="13700003333",
                              purpose=ProxyPurpose.ASSIST)  # fmt: skip
    proxy_confirm(by=staff, consent=consent, code=code)
    assert assist_consent(by=staff, consent_id=consent.pk).user == worker

    long_ago = timezone.now() - datetime.timedelta(hours=2, seconds=1)
    ProxyConsent.objects.filter(pk=consent.pk).update(confirmed_at=long_ago)

    with pytest.raises(PermissionDenied, match="超过2小时"):
        assist_consent(by=staff, consent_id=consent.pk)
