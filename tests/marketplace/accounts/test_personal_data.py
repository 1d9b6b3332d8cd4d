"""A person's copy of their data, and erasing their account (PIPL art. 45 and 47)."""

from __future__ import annotations

import json

import pytest

from marketplace import sms
from marketplace.enums import ProfileVisibility
from marketplace.models import Application, Notification, User, WorkerProfile
from marketplace.notifications.services import notify
from tests.factories import PASSWORD, SeekerFactory
from tests.rest import SEEKER_ID_NUMBER, SEEKER_PHONE, error_of

pytestmark = pytest.mark.django_db

ERASE = "/api/auth/me/erase"


@pytest.fixture(autouse=True)
def _no_earlier_tries(seeker):
    """Erasing is limited like signing in, per account; pks repeat between test databases."""
    from django.core.cache import cache

    cache.delete(f"throttle_login_{seeker.pk}")
    yield
    cache.delete(f"throttle_login_{seeker.pk}")


def test_the_copy_holds_the_persons_own_numbers_applications_and_messages_and_nobody_elses(
    make_client, seeker, application
):
    notify(user=seeker, kind="test", title="面试通知", body="明天上午九点到厂里")
    SeekerFactory(profile__name="别人家的")

    response = make_client(seeker).get("/api/auth/me/data")

    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="jiuyetong-personal-data.json"'
    data = json.loads(response.content)
    assert data["账号"]["手机号"] == SEEKER_PHONE
    assert data["求职档案"]["身份证号"] == SEEKER_ID_NUMBER and data["求职档案"]["姓名"] == "李小梅"
    assert [(a["岗位"], a["状态"]) for a in data["投递记录"]] == [("电焊工", "已投递")]
    assert [m["标题"] for m in data["消息"]] == ["面试通知"]
    assert "别人家的" not in response.content.decode()


def test_erasing_leaves_nothing_that_points_at_the_person_but_keeps_the_employers_record(
    make_client, seeker, application, employer_user
):
    notify(user=seeker, kind="test", title="面试通知", body="明天上午九点")
    client = make_client(seeker)

    response = client.post(ERASE, {"password": PASSWORD, "confirm": "注销"}, format="json")

    assert response.status_code == 204
    profile = WorkerProfile.objects.get(pk=seeker.profile.pk)
    assert (profile.name, profile.id_number, profile.id_number_digest, profile.intro) == ("", "", None, "")
    assert profile.visibility == ProfileVisibility.APPLICATIONS_ONLY  # out of the employers' search
    assert not User.objects.filter(phone_digest=seeker.phone_digest).exists()
    assert not Notification.objects.filter(user=seeker).exists()
    kept = Application.objects.get(pk=application.pk)
    assert kept.snapshot == {"erased": True, "name": "已注销用户"}
    assert SEEKER_ID_NUMBER not in json.dumps(kept.snapshot, ensure_ascii=False)
    # The employer's list still counts the application, with nobody's name on it.
    listed = make_client(employer_user).get(f"/api/postings/{application.posting_id}/applications/").content.decode()
    assert "李小梅" not in listed and SEEKER_PHONE not in listed
    # Signed out, and signing in again is refused; the number may sign up anew as a new person.
    assert client.get("/api/auth/me").status_code in (401, 403)
    login = make_client().post("/api/auth/login", {"phone": SEEKER_PHONE, "password": PASSWORD}, format="json")
    assert login.status_code == 400
    signup = make_client().post("/api/auth/signup", {"phone": SEEKER_PHONE, "password": PASSWORD, "role": "seeker"},
                                format="json")  # fmt: skip
    assert signup.status_code == 201


def test_an_sms_code_proves_it_is_the_person_when_there_is_no_password(make_client):
    person = SeekerFactory(phone="13912340001")
    person.set_unusable_password()
    person.save()
    client = make_client(person)
    client.post("/api/auth/sms-code", {"phone": "13912340001"}, format="json")
    code = sms.outbox[-1].text.split("验证码是")[1][:6]

    response = client.post(ERASE, {"code": code, "confirm": "注销"}, format="json")

    assert response.status_code == 204
    assert not User.objects.get(pk=person.pk).is_active


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"password": "不对的密码", "confirm": "注销"}, "password"),
        ({"password": PASSWORD, "confirm": "好的"}, "confirm"),
    ],
)
def test_a_wrong_password_or_no_confirmation_erases_nothing(make_client, seeker, body, field):
    response = make_client(seeker).post(ERASE, body, format="json")

    assert response.status_code == 400
    assert field in error_of(response)["fields"]
    assert WorkerProfile.objects.get(user=seeker).id_number == SEEKER_ID_NUMBER


def test_an_erased_profile_leaves_the_employers_search(make_client, seeker, search_index):
    from matching.search import get_search_backend

    WorkerProfile.objects.filter(user=seeker).update(visibility=ProfileVisibility.OPEN)
    seeker.profile.refresh_from_db()
    seeker.profile.save()  # indexed as an open profile
    search_index()
    assert seeker.profile.pk in get_search_backend().document_versions("profiles")

    make_client(seeker).post(ERASE, {"password": PASSWORD, "confirm": "注销"}, format="json")
    search_index()

    assert seeker.profile.pk not in get_search_backend().document_versions("profiles")
