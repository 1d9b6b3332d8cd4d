"""Signing up, signing in by password or SMS code, signing out, and who is signed in."""

from __future__ import annotations

import re

import pytest

from marketplace import sms
from marketplace.enums import Role
from marketplace.models import User
from tests.factories import PASSWORD, UserFactory
from tests.rest import error_of

pytestmark = pytest.mark.django_db


def _code_sent_to(phone: str) -> str:
    (message,) = [m for m in sms.outbox if m.phone == phone]
    return re.search(r"验证码是(\d{6})", message.text).group(1)


def test_sms_code_is_sent_to_the_number(anon):
    response = anon.post("/api/auth/sms-code", {"phone": "139 1234 5678"}, format="json")

    assert response.status_code == 200
    assert response.json()["sent"] is True
    assert _code_sent_to("13912345678")


def test_sms_code_login_signs_up_a_new_number_as_a_seeker(anon):
    anon.post("/api/auth/sms-code", {"phone": "13912345678"}, format="json")

    response = anon.post(
        "/api/auth/login", {"phone": "13912345678", "code": _code_sent_to("13912345678")}, format="json"
    )

    assert response.status_code == 201
    body = response.json()
    assert body["role"] == "seeker"
    assert body["phone"] == "139****5678"
    assert body["profile_id"] is not None
    assert anon.get("/api/auth/me").status_code == 200


def test_sms_code_login_of_a_known_number_signs_in_that_account(anon, employer_user):
    anon.post("/api/auth/sms-code", {"phone": employer_user.phone}, format="json")

    response = anon.post(
        "/api/auth/login", {"phone": employer_user.phone, "code": _code_sent_to(employer_user.phone)}, format="json"
    )

    assert response.status_code == 200
    assert response.json()["id"] == employer_user.pk
    assert response.json()["employer_id"] == employer_user.employer_id


def test_wrong_sms_code_is_refused(anon):
    anon.post("/api/auth/sms-code", {"phone": "13912345678"}, format="json")
    wrong = "000000" if _code_sent_to("13912345678") != "000000" else "111111"

    response = anon.post("/api/auth/login", {"phone": "13912345678", "code": wrong}, format="json")

    assert response.status_code == 400
    assert error_of(response)["code"] == "sms_invalid"
    assert anon.get("/api/auth/me").status_code == 401


def test_second_sms_code_within_a_minute_is_429_with_the_service_code(anon):
    anon.post("/api/auth/sms-code", {"phone": "13912345678"}, format="json")

    response = anon.post("/api/auth/sms-code", {"phone": "13912345678"}, format="json")

    assert response.status_code == 429
    error = error_of(response)
    assert error["code"] == "sms_too_soon"
    assert error["message"] == "验证码已发送，请60秒后再试。"
    assert len(sms.outbox) == 1


def test_sms_code_for_a_deactivated_account_does_not_sign_in(anon):
    user = UserFactory(is_active=False)
    anon.post("/api/auth/sms-code", {"phone": user.phone}, format="json")

    response = anon.post("/api/auth/login", {"phone": user.phone, "code": _code_sent_to(user.phone)}, format="json")

    assert response.status_code == 403
    assert anon.get("/api/auth/me").status_code == 401


def test_password_login_signs_in(anon, seeker):
    response = anon.post("/api/auth/login", {"phone": seeker.phone, "password": PASSWORD}, format="json")

    assert response.status_code == 200
    assert response.json()["id"] == seeker.pk
    assert anon.get("/api/auth/me").json()["role"] == "seeker"


def test_wrong_password_is_refused_without_saying_which_part_was_wrong(anon, seeker):
    response = anon.post("/api/auth/login", {"phone": seeker.phone, "password": "wrong-password"}, format="json")

    assert response.status_code == 400
    assert error_of(response) == {"code": "login_failed", "message": "手机号或密码不正确。", "fields": {}}


def test_login_needs_a_password_or_a_code(anon):
    response = anon.post("/api/auth/login", {"phone": "13912345678"}, format="json")

    assert response.status_code == 400
    assert error_of(response)["code"] == "credentials_required"


def test_signup_creates_a_seeker_with_a_profile_and_signs_in(anon):
    response = anon.post(
        "/api/auth/signup",
        {"phone": "13912345678", "password": PASSWORD, "role": "seeker", "display_name": "小李"},
        format="json",
    )

    assert response.status_code == 201
    user = User.objects.get_by_phone("13912345678")
    assert user.role == Role.SEEKER
    assert response.json()["profile_id"] == user.profile.pk
    assert anon.get("/api/auth/me").json()["display_name"] == "小李"


def test_signup_as_employer_account(anon):
    response = anon.post(
        "/api/auth/signup", {"phone": "13912345678", "password": PASSWORD, "role": "employer"}, format="json"
    )

    assert response.status_code == 201
    assert response.json()["role"] == "employer"
    assert response.json()["employer_id"] is None


def test_signup_with_a_registered_number_is_409_phone_taken(anon, seeker):
    response = anon.post(
        "/api/auth/signup", {"phone": seeker.phone, "password": PASSWORD, "role": "seeker"}, format="json"
    )

    assert response.status_code == 409
    assert error_of(response)["code"] == "phone_taken"


def test_signup_refuses_a_weak_password_on_the_password_field(anon):
    response = anon.post(
        "/api/auth/signup", {"phone": "13912345678", "password": "12345678", "role": "seeker"}, format="json"
    )

    assert response.status_code == 400
    assert error_of(response)["fields"]["password"]


def test_signup_cannot_choose_a_staff_role(anon):
    response = anon.post(
        "/api/auth/signup", {"phone": "13912345678", "password": PASSWORD, "role": "bureau"}, format="json"
    )

    assert response.status_code == 400
    assert "role" in error_of(response)["fields"]


def test_me_shows_role_masked_phone_and_organisation(make_client, employer_user):
    response = make_client(employer_user).get("/api/auth/me")

    assert response.status_code == 200
    assert response.json() == {
        "id": employer_user.pk,
        "role": "employer",
        "role_label": "用人单位",
        "display_name": "王经理",
        "phone": employer_user.masked_phone,
        "employer_id": employer_user.employer_id,
        "station_id": None,
        "profile_id": None,
    }
    assert "csrftoken" in response.cookies


def test_logout_ends_the_session(make_client, seeker):
    client = make_client(seeker)

    assert client.post("/api/auth/logout").status_code == 204
    assert client.get("/api/auth/me").status_code == 401


def test_logout_when_signed_out_is_401(anon):
    assert anon.post("/api/auth/logout").status_code == 401


def authenticator_code(secret: str) -> str:
    import base64

    from django_otp.oath import TOTP

    return f"{TOTP(base64.b32decode(secret)).token():06d}"


@pytest.mark.parametrize("role", [Role.BUREAU, Role.STATION])
def test_staff_sign_in_needs_an_authenticator_code_after_the_password(anon, role):
    staff = UserFactory(role=role)
    login = {"phone": staff.phone, "password": PASSWORD}

    unbound = anon.post("/api/auth/login", login, format="json")
    assert unbound.status_code == 403 and error_of(unbound)["code"] == "otp_enrolment_required"
    assert anon.get("/api/auth/me").status_code in (401, 403)  # the password alone signed nobody in

    enrolment = anon.post("/api/auth/otp/enrolment", login, format="json").json()
    assert enrolment["otpauth_url"].startswith("otpauth://totp/")
    assert enrolment["qr_png"].startswith("data:image/png;base64,")
    assert staff.phone not in enrolment["otpauth_url"]  # the app shows the masked number

    signed_in = anon.post("/api/auth/login", {**login, "otp": authenticator_code(enrolment["secret"])}, format="json")
    assert signed_in.status_code == 200 and signed_in.json()["role"] == role

    again = anon.post("/api/auth/otp/enrolment", login, format="json")
    assert again.status_code == 409 and error_of(again)["code"] == "otp_already_enrolled"


def test_a_bound_staff_member_without_a_code_or_with_a_wrong_one_is_not_signed_in(anon):
    staff = UserFactory(role=Role.BUREAU)
    login = {"phone": staff.phone, "password": PASSWORD}
    secret = anon.post("/api/auth/otp/enrolment", login, format="json").json()["secret"]
    anon.post("/api/auth/login", {**login, "otp": authenticator_code(secret)}, format="json")
    anon.post("/api/auth/logout")

    missing = anon.post("/api/auth/login", login, format="json")
    wrong = anon.post("/api/auth/login", {**login, "otp": "12345x"}, format="json")

    assert missing.status_code == 403 and error_of(missing)["code"] == "otp_required"
    assert "6位动态验证码" in error_of(missing)["message"]
    assert wrong.status_code == 400 and "otp" in error_of(wrong)["fields"]
    assert anon.get("/api/auth/me").status_code in (401, 403)


def test_seekers_and_employers_are_not_asked_for_a_code(anon, seeker):
    response = anon.post("/api/auth/login", {"phone": seeker.phone, "password": PASSWORD}, format="json")

    assert response.status_code == 200
    refused = anon.post("/api/auth/otp/enrolment", {"phone": seeker.phone, "password": PASSWORD}, format="json")
    assert refused.status_code == 400 and error_of(refused)["code"] == "otp_not_required"
