"""Login by one-time SMS code: expires, used once, limited per number and per IP."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from marketplace import sms
from marketplace.accounts.models import phone_digest
from marketplace.accounts.services import RateLimited, sms_code_login, sms_code_send, user_signup
from marketplace.models import SmsCode, User

pytestmark = pytest.mark.django_db
PHONE = "13900001111"


@pytest.fixture(autouse=True)
def outbox():
    sms.outbox.clear()
    yield sms.outbox
    sms.outbox.clear()


def last_code() -> str:
    text = sms.outbox[-1].text
    return text[text.index("验证码是") + 4 :][:6]


def test_a_new_number_signs_up_with_a_code_and_the_code_works_once(outbox):
    sms_code_send(phone=PHONE, ip="10.0.0.1")
    code = last_code()

    result = sms_code_login(phone=PHONE, code=code)

    assert result.created
    assert result.user.phone == PHONE
    assert result.user.profile is not None
    with pytest.raises(ValidationError, match="验证码不正确或已过期"):
        sms_code_login(phone=PHONE, code=code)


def test_a_returning_user_gets_the_same_account():
    user = user_signup(phone=PHONE, password="Kaili-2023-ok")
    sms_code_send(phone=PHONE, ip="10.0.0.1")

    assert sms_code_login(phone=PHONE, code=last_code()).user == user


def test_an_expired_code_is_refused():
    sms_code_send(phone=PHONE, ip="10.0.0.1")
    SmsCode.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))

    with pytest.raises(ValidationError):
        sms_code_login(phone=PHONE, code=last_code())


def test_wrong_guesses_burn_the_code():
    sms_code_send(phone=PHONE, ip="10.0.0.1")
    code = last_code()
    wrong = f"{(int(code) + 1) % 10**6:06d}"

    for _ in range(5):
        with pytest.raises(ValidationError):
            sms_code_login(phone=PHONE, code=wrong)

    with pytest.raises(ValidationError):
        sms_code_login(phone=PHONE, code=code)
    assert not User.objects.exists()


def test_a_second_code_within_a_minute_is_refused():
    sms_code_send(phone=PHONE, ip="10.0.0.1")

    with pytest.raises(RateLimited, match="60秒"):
        sms_code_send(phone=PHONE, ip="10.0.0.1")
    assert len(sms.outbox) == 1


def test_codes_are_limited_per_number_per_hour(settings):
    settings.SMS_CODES_PER_NUMBER_PER_HOUR = 3
    for minutes in (50, 30, 10):
        SmsCode.objects.create(
            phone_digest=phone_digest(PHONE), code_digest="x",
            created_at=timezone.now() - datetime.timedelta(minutes=minutes),
            expires_at=timezone.now(),
        )  # fmt: skip

    with pytest.raises(RateLimited, match="1小时"):
        sms_code_send(phone=PHONE, ip="10.0.0.9")


def test_codes_are_limited_per_ip_across_numbers(settings):
    settings.SMS_CODES_PER_IP_PER_HOUR = 3
    for n in range(3):
        sms_code_send(phone=f"1390000200{n}", ip="10.0.0.7")

    with pytest.raises(RateLimited, match="当前网络"):
        sms_code_send(phone="13900002009", ip="10.0.0.7")
    sms_code_send(phone="13900002009", ip="10.0.0.8")  # another network is unaffected


def test_a_bad_number_gets_a_clear_message_and_no_sms():
    with pytest.raises(ValidationError, match="11位"):
        sms_code_send(phone="12345", ip="10.0.0.1")
    assert sms.outbox == []


def test_staff_roles_cannot_be_self_assigned():
    with pytest.raises(ValidationError, match="人社局开通"):
        user_signup(phone=PHONE, password="Kaili-2023-ok", role="bureau")
