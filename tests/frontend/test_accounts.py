"""Sign-up, password and SMS-code login, logout: each role lands on its own start page."""

import re

import pytest

from marketplace import sms
from marketplace.enums import Role
from marketplace.models import User, WorkerProfile
from tests.factories import PASSWORD, unused_phone

pytestmark = pytest.mark.django_db


def texted_code(client, number: str) -> str:
    """Tap 获取验证码 on the sign-up page and read the SMS."""
    sms.outbox.clear()
    response = client.post("/signup/", {"role": "seeker", "phone": number, "send_code": "1"})
    assert response.status_code == 200 and "验证码已发送到" in response.content.decode()
    return re.search(r"验证码是(\d{6})", sms.outbox[-1].text).group(1)


def test_a_seeker_signs_up_with_the_texted_code_and_no_password(client):
    number = unused_phone()
    page = client.post("/signup/", {"role": "seeker", "phone": number, "display_name": "龙阿妹", "send_code": "1"})
    html = page.content.decode()
    assert f'value="{number}"' in html and 'value="龙阿妹"' in html  # kept while the code is on its way
    code = re.search(r"验证码是(\d{6})", sms.outbox[-1].text).group(1)

    response = client.post("/signup/", {"role": "seeker", "phone": number, "code": code, "display_name": "龙阿妹"})

    assert response["Location"] == "/me/"
    user = User.objects.get_by_phone(number)
    assert not user.has_usable_password() and user.profile.name == "龙阿妹"


def test_a_wrong_code_is_refused_beside_the_code_and_nobody_is_signed_up(client):
    number = unused_phone()
    texted_code(client, number)

    response = client.post("/signup/", {"role": "seeker", "phone": number, "code": "000000"})

    assert response.status_code == 400 and "验证码不正确或已过期" in response.content.decode()
    assert not User.objects.exists()


def test_asking_a_code_for_a_registered_or_malformed_number_says_why(client, seeker):
    taken = client.post("/signup/", {"role": "seeker", "phone": seeker.phone, "send_code": "1"})
    bad = client.post("/signup/", {"role": "seeker", "phone": "12345", "send_code": "1"})

    assert taken.status_code == 400 and "该手机号已注册，请直接登录。" in taken.content.decode()
    assert bad.status_code == 400 and "请输入11位中国大陆手机号码。" in bad.content.decode()


def test_a_seeker_signs_up_and_lands_on_their_page_with_a_profile(client):
    number = unused_phone()
    code = texted_code(client, number)

    response = client.post(
        "/signup/",
        {"role": "seeker", "phone": number, "code": code, "password": "Gongzuo-2023!", "display_name": "龙阿妹"},
    )

    assert response.status_code == 302
    assert response["Location"] == "/me/"
    user = User.objects.get_by_phone(number)
    assert user.role == Role.SEEKER
    assert WorkerProfile.objects.get(user=user).name == "龙阿妹"
    assert "档案完整度" in client.get("/me/").content.decode()


def test_an_employer_signs_up_and_is_asked_to_register_the_company(client):
    number = unused_phone()
    code = texted_code(client, number)

    response = client.post("/signup/", {"role": "employer", "phone": number, "code": code, "password": "Gongzuo-2023!"})

    assert response["Location"] == "/employer/"
    assert "登记用人单位" in client.get("/employer/").content.decode()


def test_a_refused_signup_keeps_everything_typed_and_explains_in_chinese(client, seeker):
    response = client.post(
        "/signup/",
        {"role": "employer", "phone": seeker.phone, "code": "123456", "password": "Gongzuo-2023!",
         "display_name": "吴老板"},
    )  # fmt: skip

    html = response.content.decode()
    assert response.status_code == 400
    assert "该手机号已注册，请直接登录。" in html
    assert f'value="{seeker.phone}"' in html
    assert 'value="吴老板"' in html
    assert 'value="Gongzuo-2023!"' in html
    assert re.search(r'value="employer"[^>]*checked', html)


def test_a_weak_password_or_bad_number_is_refused_next_to_the_field(client):
    html = client.post("/signup/", {"role": "seeker", "phone": "12345", "code": "123456",
                                    "password": "12345678"}).content.decode()  # fmt: skip
    assert "请输入11位中国大陆手机号码。" in html

    number = unused_phone()
    code = texted_code(client, number)
    html = client.post("/signup/", {"role": "seeker", "phone": number, "code": code,
                                    "password": "12345678"}).content.decode()  # fmt: skip
    assert "这个密码" in html  # Django's own validators, in Chinese
    assert not User.objects.exists()


def test_a_station_account_cannot_be_self_made(client):
    response = client.post("/signup/", {"role": "station", "phone": unused_phone(), "code": "123456",
                                        "password": "Gongzuo-2023!"})  # fmt: skip

    assert response.status_code == 400
    assert not User.objects.exists()


@pytest.mark.parametrize(("role", "home"), [(Role.SEEKER, "/me/"), (Role.EMPLOYER, "/employer/")])
def test_password_login_goes_to_the_roles_home(client, users, role, home):
    response = client.post("/login/", {"mode": "password", "phone": users[role].phone, "password": PASSWORD})

    assert response.status_code == 302
    assert response["Location"] == home


def current_code(secret: str) -> str:
    """What the person's authenticator app shows now for the key they scanned."""
    import base64

    from django_otp.oath import TOTP

    return f"{TOTP(base64.b32decode(secret)).token():06d}"


@pytest.mark.parametrize(("role", "home"), [(Role.STATION, "/station/"), (Role.BUREAU, "/bureau/")])
def test_staff_bind_an_authenticator_at_first_sign_in_and_give_its_code_every_time(client, users, role, home):
    import re
    import time

    response = client.post("/login/", {"mode": "password", "phone": users[role].phone, "password": PASSWORD})
    assert response["Location"] == "/login/otp/"
    assert client.get(home).status_code == 302  # not signed in yet: the password alone is not enough
    page = client.get("/login/otp/").content.decode()
    assert "扫描下面的二维码" in page and 'src="data:image/png;base64,' in page
    secret = re.search(r"<code[^>]*>([A-Z2-7]+)</code>", page).group(1)

    wrong = client.post("/login/otp/", {"otp": "000000" if current_code(secret) != "000000" else "111111"})
    assert wrong.status_code == 400 and "动态验证码不正确" in wrong.content.decode()
    time.sleep(1.1)  # each wrong code makes the next try wait longer (1 s after the first)
    right = client.post("/login/otp/", {"otp": current_code(secret)})
    assert right["Location"] == home
    assert client.get(home).status_code == 200

    client.post("/logout/")
    client.post("/login/", {"mode": "password", "phone": users[role].phone, "password": PASSWORD})
    page = client.get("/login/otp/").content.decode()
    assert "二维码" not in page and "输入它显示的6位数字" in page  # bound: no new key is shown


def test_login_returns_to_the_page_that_asked_for_it_but_never_off_site(client, seeker, posting):
    back = f"/jobs/{posting.pk}/"
    response = client.post("/login/", {"mode": "password", "phone": seeker.phone, "password": PASSWORD, "next": back})
    assert response["Location"] == back

    client.logout()
    response = client.post(
        "/login/", {"mode": "password", "phone": seeker.phone, "password": PASSWORD, "next": "https://evil.example/"}
    )
    assert response["Location"] == "/me/"


def test_a_wrong_password_is_refused_and_the_number_kept(client, seeker):
    response = client.post("/login/", {"mode": "password", "phone": seeker.phone, "password": "wrong-one"})

    html = response.content.decode()
    assert response.status_code == 400
    assert "手机号或密码不正确。" in html
    assert f'value="{seeker.phone}"' in html


def test_sms_login_sends_a_code_keeps_the_number_and_signs_in(client, seeker):
    sms.outbox.clear()

    response = client.post("/login/sms-code/", {"mode": "sms", "phone": seeker.phone, "code": ""})

    assert response.status_code == 302
    assert response["Location"] == "/login/?mode=sms"
    page = client.get(response["Location"]).content.decode()
    assert "验证码已发送到" in page
    assert f'value="{seeker.phone}"' in page
    code = re.search(r"验证码是(\d{6})", sms.outbox[-1].text).group(1)

    response = client.post("/login/", {"mode": "sms", "phone": seeker.phone, "code": code})

    assert response["Location"] == "/me/"


def test_sms_code_requests_are_rate_limited_with_a_chinese_message(client, seeker):
    client.post("/login/sms-code/", {"mode": "sms", "phone": seeker.phone})

    response = client.post("/login/sms-code/", {"mode": "sms", "phone": seeker.phone})

    html = response.content.decode()
    assert response.status_code == 400
    assert "验证码已发送，请60秒后再试。" in html
    assert f'value="{seeker.phone}"' in html


def test_a_wrong_sms_code_is_refused_on_the_code_field(client, seeker):
    client.post("/login/sms-code/", {"mode": "sms", "phone": seeker.phone})

    response = client.post("/login/", {"mode": "sms", "phone": seeker.phone, "code": "000000"})

    html = response.content.decode()
    assert response.status_code == 400
    assert "验证码不正确或已过期，请重新获取。" in html
    assert 'value="000000"' in html


def test_a_new_number_logging_in_by_sms_becomes_a_seeker(client):
    sms.outbox.clear()
    number = unused_phone()
    client.post("/login/sms-code/", {"mode": "sms", "phone": number})
    code = re.search(r"验证码是(\d{6})", sms.outbox[-1].text).group(1)

    response = client.post("/login/", {"mode": "sms", "phone": number, "code": code})

    assert response["Location"] == "/me/"
    assert User.objects.get_by_phone(number).role == Role.SEEKER


def test_logout_is_a_post_and_ends_the_session(client, seeker):
    client.force_login(seeker)

    assert client.get("/logout/").status_code == 405
    response = client.post("/logout/")

    assert response["Location"] == "/"
    assert client.get("/me/").status_code == 302


def test_the_admin_signs_in_through_the_login_that_asks_staff_for_their_code(client):
    response = client.get("/admin/login/?next=/admin/marketplace/")

    assert response.status_code == 302
    assert response["Location"] == "/login/?next=/admin/marketplace/"


def test_a_seeker_downloads_their_data_and_erases_their_account_from_my_page(client, seeker):
    client.force_login(seeker)
    assert "/me/privacy/" in client.get("/me/").content.decode()
    page = client.get("/me/privacy/").content.decode()
    assert 'href="/api/auth/me/data"' in page

    refused = client.post("/me/privacy/", {"password": PASSWORD, "confirm": "好"})
    assert refused.status_code == 400 and "注销" in refused.content.decode()
    done = client.post("/me/privacy/", {"password": PASSWORD, "confirm": "注销"})

    assert done.status_code == 302 and done["Location"] == "/"
    assert not User.objects.get(pk=seeker.pk).is_active
    assert client.get("/me/")["Location"].startswith("/login/")
