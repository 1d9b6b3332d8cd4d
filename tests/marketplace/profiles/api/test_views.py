"""Worker profiles: the seeker's wizard, and who sees the ID and phone numbers in full."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from marketplace.enums import ProfileVisibility, Role
from marketplace.models import GroupTag, Occupation
from marketplace.occupations.services import occupations_load
from tests.factories import SeekerFactory, StationFactory, UserFactory, id_number, png_bytes
from tests.rest import SEEKER_ID_NUMBER, error_of

pytestmark = pytest.mark.django_db

ID_NUMBER = SEEKER_ID_NUMBER  # 520102199003071234-style, as the `seeker` fixture has it
MASKED_ID = ID_NUMBER[:4] + "*" * 10 + ID_NUMBER[-4:]


def test_seeker_reads_own_profile_with_numbers_in_full_and_completeness(make_client, seeker):
    response = make_client(seeker).get("/api/profile/")

    assert response.status_code == 200
    body = response.json()
    assert body["id_number"] == ID_NUMBER
    assert body["phone"] == "13912345678"
    assert 0 < body["completeness"]["score"] < 100
    assert "选择想做的工种，推荐更准" in body["completeness"]["missing"]


def test_one_wizard_step_saves_only_its_fields_and_raises_completeness(make_client):
    occupations_load()
    welder = Occupation.objects.get(name="电焊工")
    client = make_client(SeekerFactory(profile__current_county="都匀市"))
    before = client.get("/api/profile/").json()["completeness"]["score"]

    response = client.patch(
        "/api/profile/", {"wanted_occupations": [welder.pk], "skills": ["氩弧焊", "看图纸"]}, format="json"
    )

    assert response.status_code == 200
    body = response.json()
    assert [o["name"] for o in body["wanted_occupations"]] == ["电焊工"]
    assert body["skills"] == ["氩弧焊", "看图纸"]
    assert body["current_county"] == "都匀市"
    assert body["completeness"]["score"] == before + 25


def test_id_number_step_fills_birth_year_and_gender(make_client):
    response = make_client(SeekerFactory()).patch(
        "/api/profile/",
        {"id_number": id_number("19850612", region="520102", serial=222), "sensitive_consent": True},
        format="json",
    )

    assert response.status_code == 200
    assert (response.json()["birth_year"], response.json()["gender"]) == (1985, "female")


def test_id_number_with_a_wrong_check_digit_is_400_on_id_number(make_client):
    number = id_number()
    wrong = number[:17] + ("0" if number[17] != "0" else "1")

    response = make_client(SeekerFactory()).patch(
        "/api/profile/", {"id_number": wrong, "sensitive_consent": True}, format="json"
    )

    assert response.status_code == 400
    assert error_of(response)["fields"] == {"id_number": ["身份证号码校验位不正确，请核对后重新输入。"]}


def test_id_number_used_by_another_account_is_400_on_id_number(make_client, seeker):
    response = make_client(SeekerFactory()).patch(
        "/api/profile/", {"id_number": ID_NUMBER, "sensitive_consent": True}, format="json"
    )

    assert response.status_code == 400
    assert error_of(response)["fields"] == {"id_number": ["该身份证号已被其他账号使用，如有疑问请联系人社局。"]}


def test_bad_choices_are_400_per_field(make_client, seeker):
    response = make_client(seeker).patch("/api/profile/", {"education": "phd", "gig_days": [7]}, format="json")

    assert response.status_code == 400
    assert set(error_of(response)["fields"]) == {"education", "gig_days.0"}


def test_own_profile_needs_a_seeker(make_client, employer_user, anon):
    assert make_client(employer_user).get("/api/profile/").status_code == 403
    assert anon.get("/api/profile/").status_code == 401


def test_seeker_declares_key_groups_that_wait_for_confirmation(make_client, seeker):
    response = make_client(seeker).post(
        "/api/profile/groups", {"groups": ["poverty_relieved", "rural_migrant"]}, format="json"
    )

    assert response.status_code == 200
    assert sorted((t["group"], t["confirmed"]) for t in response.json()) == [
        ("poverty_relieved", False),
        ("rural_migrant", False),
    ]


def test_a_group_named_twice_is_declared_once(make_client, seeker):
    body = {"groups": ["graduate", "graduate", "rural_migrant", "graduate"]}

    response = make_client(seeker).post("/api/profile/groups", body, format="json")

    assert response.status_code == 200
    assert sorted(t["group"] for t in response.json()) == ["graduate", "rural_migrant"]


def test_unknown_key_group_is_400(make_client, seeker):
    response = make_client(seeker).post("/api/profile/groups", {"groups": ["vip"]}, format="json")

    assert response.status_code == 400
    assert "groups.0" in error_of(response)["fields"]


def test_seeker_adds_work_experience(make_client, seeker):
    response = make_client(seeker).post(
        "/api/profile/experiences",
        {"employer_name": "宁波某电子厂", "title": "普工", "place": "宁波", "start_year": 2019, "end_year": 2022},
        format="json",
    )

    assert response.status_code == 201
    assert response.json()["employer_name"] == "宁波某电子厂"
    assert seeker.profile.experiences.count() == 1


def test_seeker_adds_a_certificate_with_a_photo(make_client, seeker, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    photo = SimpleUploadedFile("cert.png", png_bytes((300, 200)), content_type="image/png")

    response = make_client(seeker).post(
        "/api/profile/certificates", {"name": "特种作业操作证（焊接与热切割）", "number": "T52", "photo": photo}
    )

    assert response.status_code == 201, response.json()
    assert response.json()["has_photo"] is True
    assert response.json()["photo"].endswith(".jpg")


def test_certificate_photo_that_is_not_a_picture_is_400_on_photo(make_client, seeker, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    photo = SimpleUploadedFile("cert.png", b"not a picture", content_type="image/png")

    response = make_client(seeker).post("/api/profile/certificates", {"name": "电工证", "photo": photo})

    assert response.status_code == 400
    assert list(error_of(response)["fields"]) == ["photo"]


def test_certificate_without_a_name_is_400_on_name(make_client, seeker):
    response = make_client(seeker).post("/api/profile/certificates", {"name": " "}, format="json")

    assert error_of(response)["fields"] == {"name": ["请填写证书名称。"]}


def test_employer_sees_an_open_profile_with_id_number_and_phone_masked(make_client, employer_user, seeker):
    seeker.profile.visibility = ProfileVisibility.OPEN
    seeker.profile.save()
    GroupTag.objects.create(profile=seeker.profile, group="graduate")

    response = make_client(employer_user).get(f"/api/profiles/{seeker.profile.pk}/")

    assert response.status_code == 200
    body = response.json()
    assert body["id_number"] == MASKED_ID
    assert body["phone"] == "139****5678"
    assert body["group_tags"] == []  # declared, not yet confirmed by staff


def test_numbers_a_seeker_typed_into_the_intro_are_hidden_from_employers_but_not_from_them(
    make_client, employer_user, seeker
):
    seeker.profile.visibility = ProfileVisibility.OPEN
    seeker.profile.intro = "会开叉车，电话 139 1234 5678，身份证522601199001011234，月薪4000-6000"
    seeker.profile.save()

    employer_view = make_client(employer_user).get(f"/api/profiles/{seeker.profile.pk}/").json()["intro"]
    own_view = make_client(seeker).get("/api/profile/").json()["intro"]

    assert "5678" not in employer_view and "1234" not in employer_view
    assert employer_view.count("［号码已隐藏］") == 2 and "4000-6000" in employer_view  # pay is not a number to hide
    assert own_view == seeker.profile.intro


def test_employer_sees_an_applicant_profile_masked(make_client, employer_user, application):
    response = make_client(employer_user).get(f"/api/profiles/{application.profile_id}/")

    assert response.status_code == 200
    assert response.json()["id_number"] == MASKED_ID


def test_employer_cannot_see_a_private_profile_that_did_not_apply(make_client, employer_user, seeker):
    assert make_client(employer_user).get(f"/api/profiles/{seeker.profile.pk}/").status_code == 404


def test_bureau_sees_profile_numbers_in_full(make_client, bureau_user, seeker):
    body = make_client(bureau_user).get(f"/api/profiles/{seeker.profile.pk}/").json()

    assert (body["id_number"], body["phone"]) == (ID_NUMBER, "13912345678")


def test_station_sees_its_own_workers_numbers_in_full(make_client):
    station = StationFactory()
    staff = UserFactory(role=Role.STATION, station=station)
    number = id_number("19750101", region="520102", serial=111)
    worker = SeekerFactory(profile__station=station, profile__id_number=number)

    body = make_client(staff).get(f"/api/profiles/{worker.profile.pk}/").json()

    assert body["id_number"] == number


def test_seeker_cannot_see_another_seekers_profile(make_client, seeker):
    assert make_client(SeekerFactory()).get(f"/api/profiles/{seeker.profile.pk}/").status_code == 404


def test_bureau_confirms_a_declared_key_group(make_client, bureau_user, seeker):
    tag = GroupTag.objects.create(profile=seeker.profile, group="poverty_relieved")

    response = make_client(bureau_user).post(f"/api/group-tags/{tag.pk}/confirm")

    assert response.status_code == 200
    assert response.json()["confirmed"] is True


def test_seeker_cannot_confirm_own_key_group(make_client, seeker):
    tag = GroupTag.objects.create(profile=seeker.profile, group="poverty_relieved")

    assert make_client(seeker).post(f"/api/group-tags/{tag.pk}/confirm").status_code == 403


def test_wanted_places_take_regions_and_local_words_and_refuse_unknown_names_with_near_ones(make_client):
    client = make_client(SeekerFactory(profile__current_county="丹寨县"))

    accepted = client.patch("/api/profile/", {"wanted_places": ["浙江", "珠三角", "县城"]}, format="json")
    typo = client.patch("/api/profile/", {"wanted_places": ["凯理"]}, format="json")
    nonsense = client.patch("/api/profile/", {"wanted_places": ["火星"]}, format="json")

    assert accepted.status_code == 200 and accepted.json()["wanted_places"] == ["浙江", "珠三角", "县城"]
    assert typo.status_code == 400 and "凯里" in str(typo.json())
    assert nonsense.status_code == 400 and "珠三角" in str(nonsense.json())
