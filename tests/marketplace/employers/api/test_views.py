"""Employers: registration, the public page with its masked phone, the bureau's powers, logos."""

from __future__ import annotations

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from marketplace.enums import Role
from marketplace.models import BlacklistEntry, Employer
from tests.factories import EmployerFactory, UserFactory, png_bytes, unused_credit_code
from tests.rest import error_of

pytestmark = pytest.mark.django_db


def test_employer_account_registers_its_company_and_becomes_a_member(make_client):
    user = UserFactory(role=Role.EMPLOYER)

    response = make_client(user).post(
        "/api/employers/",
        {
            "name": "都匀市好运家政服务有限公司",
            "credit_code": unused_credit_code(),
            "county": "都匀市",
            "contact_phone": "+86 138 8554 0000",
        },
        format="json",
    )

    assert response.status_code == 201, response.json()
    body = response.json()
    assert body["verification"] == "pending"
    assert body["contact_phone"] == "13885540000"  # its own member sees it in full
    user.refresh_from_db()
    assert user.employer_id == body["id"]


@pytest.mark.parametrize(("typed", "kept"), [("abc", None), ("12345", None), ("0855-8221234", "08558221234")])
def test_a_contact_phone_is_a_mobile_or_a_landline_with_its_area_code(make_client, typed, kept):
    body = {"name": "凯里市和美家政有限公司", "credit_code": unused_credit_code(), "county": "凯里市",
            "contact_phone": typed}  # fmt: skip

    response = make_client(UserFactory(role=Role.EMPLOYER)).post("/api/employers/", body, format="json")

    if kept is None:
        assert response.status_code == 400
        assert error_of(response)["fields"]["contact_phone"] == [
            "请输入手机号码，或带区号的座机号码（如0855-8221234）。"
        ]
    else:
        assert response.status_code == 201 and response.json()["contact_phone"] == kept


def test_registering_with_a_wrong_check_character_is_400_on_credit_code(make_client):
    code = unused_credit_code()
    wrong = code[:17] + ("0" if code[17] != "0" else "1")

    response = make_client(UserFactory(role=Role.EMPLOYER)).post(
        "/api/employers/", {"name": "某公司", "credit_code": wrong, "county": "都匀市"}, format="json"
    )

    assert response.status_code == 400
    assert error_of(response)["fields"]["credit_code"] == ["统一社会信用代码校验位不正确，请核对后重新输入。"]


def test_registering_a_known_credit_code_is_400_on_credit_code(make_client, employer):
    response = make_client(UserFactory(role=Role.EMPLOYER)).post(
        "/api/employers/", {"name": "某公司", "credit_code": employer.credit_code, "county": "都匀市"}, format="json"
    )

    assert response.status_code == 400
    assert "credit_code" in error_of(response)["fields"]


def test_seeker_cannot_register_an_employer(make_client, seeker):
    response = make_client(seeker).post(
        "/api/employers/", {"name": "某公司", "credit_code": unused_credit_code(), "county": "都匀市"}, format="json"
    )

    assert response.status_code == 403
    assert error_of(response)["code"] == "employer_register_role"


def test_public_sees_employer_with_contact_phone_masked(anon, employer):
    response = anon.get(f"/api/employers/{employer.pk}/")

    assert response.status_code == 200
    body = response.json()
    assert body["name"] == employer.name
    assert body["verified"] is True
    assert body["integrity_grade"] == "B"
    assert body["blacklisted"] is False
    assert body["contact_phone"] == "138****1234"
    assert "verification_note" not in body and "blacklist_entry" not in body


def test_own_member_and_bureau_see_the_contact_phone_in_full(make_client, employer, employer_user, bureau_user):
    for user in (employer_user, bureau_user):
        body = make_client(user).get(f"/api/employers/{employer.pk}/").json()
        assert body["contact_phone"] == "13885541234"
        assert "blacklist_entry" in body


def test_member_edits_own_employer_but_not_another(make_client, employer_user, employer):
    other = EmployerFactory()
    client = make_client(employer_user)

    own = client.patch(f"/api/employers/{employer.pk}/", {"address": "都匀市剑江路1号"}, format="json")
    foreign = client.patch(f"/api/employers/{other.pk}/", {"address": "x"}, format="json")

    assert own.status_code == 200
    assert own.json()["address"] == "都匀市剑江路1号"
    assert foreign.status_code == 403


def test_credit_code_cannot_be_changed_by_editing(make_client, employer_user, employer):
    registered = employer.credit_code

    make_client(employer_user).patch(
        f"/api/employers/{employer.pk}/", {"credit_code": unused_credit_code()}, format="json"
    )

    employer.refresh_from_db()
    assert employer.credit_code == registered


def test_bureau_verifies_and_rejects_with_a_note(make_client, bureau_user):
    pending = EmployerFactory(verification="pending")
    client = make_client(bureau_user)

    approved = client.post(f"/api/employers/{pending.pk}/verify", {"approve": True}, format="json")
    refused_without_note = client.post(f"/api/employers/{pending.pk}/verify", {"approve": False}, format="json")
    refused = client.post(
        f"/api/employers/{pending.pk}/verify", {"approve": False, "note": "营业执照不清晰"}, format="json"
    )

    assert approved.json()["verified"] is True
    assert refused_without_note.status_code == 400
    assert error_of(refused_without_note)["fields"] == {"note": ["请填写未通过认证的原因。"]}
    assert refused.json()["verification"] == "rejected"


def test_only_the_bureau_verifies(make_client, employer_user, employer):
    response = make_client(employer_user).post(f"/api/employers/{employer.pk}/verify", {"approve": True}, format="json")

    assert response.status_code == 403


def test_bureau_sets_the_integrity_grade(make_client, bureau_user, employer):
    client = make_client(bureau_user)

    graded = client.post(f"/api/employers/{employer.pk}/grade", {"grade": "C"}, format="json")
    unknown = client.post(f"/api/employers/{employer.pk}/grade", {"grade": "D"}, format="json")

    assert graded.json()["integrity_grade"] == "C"
    assert unknown.status_code == 400
    assert list(error_of(unknown)["fields"]) == ["grade"]


def test_bureau_blacklists_and_the_public_sees_the_badge(make_client, bureau_user, anon, employer, posting):
    response = make_client(bureau_user).post(
        f"/api/employers/{employer.pk}/blacklist", {"reason": "拖欠农民工工资3个月"}, format="json"
    )

    assert response.status_code == 201
    assert response.json()["starts_on"] == timezone.localdate().isoformat()
    assert anon.get(f"/api/employers/{employer.pk}/").json()["blacklisted"] is True
    assert anon.get(f"/api/postings/{posting.pk}/").status_code == 404


def test_blacklisting_needs_a_reason_and_a_sensible_end(make_client, bureau_user, employer):
    client = make_client(bureau_user)
    yesterday = timezone.localdate() - datetime.timedelta(days=1)

    no_reason = client.post(f"/api/employers/{employer.pk}/blacklist", {}, format="json")
    backwards = client.post(
        f"/api/employers/{employer.pk}/blacklist", {"reason": "欠薪", "ends_on": yesterday.isoformat()}, format="json"
    )

    assert error_of(no_reason)["fields"] == {"reason": ["请填写列入黑名单的原因。"]}
    assert error_of(backwards)["fields"] == {"ends_on": ["截止日期不能早于起始日期。"]}


def test_only_the_bureau_blacklists(make_client, employer_user, employer):
    response = make_client(employer_user).post(
        f"/api/employers/{employer.pk}/blacklist", {"reason": "x"}, format="json"
    )

    assert response.status_code == 403


def test_bureau_lifts_a_blacklisting_and_the_postings_come_back(make_client, bureau_user, anon, employer, posting):
    entry = BlacklistEntry.objects.create(employer=employer, reason="欠薪", starts_on=timezone.localdate())
    assert anon.get(f"/api/postings/{posting.pk}/").status_code == 404

    response = make_client(bureau_user).post(f"/api/blacklist/{entry.pk}/lift")

    assert response.status_code == 200
    assert response.json()["lifted_at"]
    assert anon.get(f"/api/postings/{posting.pk}/").status_code == 200


def test_lifting_is_for_the_bureau_only(make_client, employer_user, employer):
    entry = BlacklistEntry.objects.create(employer=employer, reason="欠薪", starts_on=timezone.localdate())

    assert make_client(employer_user).post(f"/api/blacklist/{entry.pk}/lift").status_code == 403


def test_member_uploads_a_logo(make_client, employer_user, employer, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile("logo.png", png_bytes(), content_type="image/png")

    response = make_client(employer_user).post(f"/api/employers/{employer.pk}/logo", {"logo": upload})

    assert response.status_code == 200, response.json()
    employer = Employer.objects.get(pk=employer.pk)
    assert employer.logo.name.endswith(".jpg") and employer.logo_thumb
    assert response.json()["logo"].endswith(employer.logo.name)


def test_a_file_that_is_not_a_picture_is_400_on_logo(make_client, employer_user, employer, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile("logo.png", b"%PDF-1.4 not an image", content_type="image/png")

    response = make_client(employer_user).post(f"/api/employers/{employer.pk}/logo", {"logo": upload})

    assert response.status_code == 400
    error = error_of(response)
    assert error["code"] == "not_image"
    assert error["fields"] == {"logo": ["文件不是图片，请上传 JPG 或 PNG 照片。"]}


def test_only_the_employers_members_change_its_logo(make_client, seeker, employer, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile("logo.png", png_bytes(), content_type="image/png")

    assert make_client(seeker).post(f"/api/employers/{employer.pk}/logo", {"logo": upload}).status_code == 403
