"""The seeker's dashboard, the profile wizard saving each step, and withdrawing an application."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from marketplace.applications.services import application_submit
from marketplace.enums import ApplicationStatus, KeyGroup
from marketplace.models import Application, GroupTag
from tests.factories import JobPostingFactory, SeekerFactory, id_number, png_bytes

pytestmark = pytest.mark.django_db


@pytest.fixture
def signed_in(client, seeker):
    client.force_login(seeker)
    return client


def test_the_dashboard_shows_completeness_and_what_is_missing_with_links(signed_in, seeker):
    html = signed_in.get("/me/").content.decode()

    assert "档案完整度 10%" in html  # the name came from sign-up
    assert "选择想做的工种，推荐更准" in html
    assert 'href="/me/profile/step/3/"' in html
    assert seeker.masked_phone in html and seeker.phone not in html


def test_step_one_saves_name_and_id_number_then_never_shows_the_number_again(signed_in, seeker):
    number = id_number("19850612")

    response = signed_in.post(
        "/me/profile/step/1/", {"name": "杨再兴", "id_number": number, "sensitive_consent": "on", "go": "next"}
    )

    assert response["Location"] == "/me/profile/step/2/"
    profile = seeker.profile
    profile.refresh_from_db()
    assert (profile.name, profile.id_number, profile.birth_year) == ("杨再兴", number, 1985)
    html = signed_in.get("/me/profile/step/1/").content.decode()
    assert number not in html
    assert profile.masked_id_number in html


def test_a_wrong_id_number_is_refused_in_chinese_and_nothing_typed_is_lost(signed_in, seeker):
    bad = id_number()[:-1] + ("0" if id_number()[-1] != "0" else "1")

    response = signed_in.post(
        "/me/profile/step/1/", {"name": "吴秀英", "id_number": bad, "sensitive_consent": "on", "go": "next"}
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "身份证号码" in html and "请核对后重新输入" in html
    assert 'value="吴秀英"' in html and f'value="{bad}"' in html
    seeker.profile.refresh_from_db()
    assert seeker.profile.name == "杨师傅"


def test_step_two_and_three_save_place_and_wishes(signed_in, seeker, occupations):
    signed_in.post(
        "/me/profile/step/2/",
        {"current_county": "凯里市", "current_town": "鸭塘街道", "hukou_township": "台江县施洞镇", "go": "next"},
    )
    welder = occupations["电焊工"]
    response = signed_in.post(
        "/me/profile/step/3/",
        {
            "wanted_occupations": [welder.pk],
            "wanted_job_types": ["full_time", "gig"],
            "wanted_places": "凯里市，东莞市",
            "expected_pay": "5000",
            "expected_pay_unit": "month",
            "availability": "both",
            "gig_days": ["5", "6"],
            "go": "prev",
        },
    )

    assert response["Location"] == "/me/profile/step/2/"
    profile = seeker.profile
    profile.refresh_from_db()
    assert (profile.current_county, profile.hukou_township) == ("凯里市", "台江县施洞镇")
    assert list(profile.wanted_occupations.all()) == [welder]
    assert profile.wanted_places == ["凯里市", "东莞市"]
    assert (profile.expected_pay, profile.availability, profile.gig_days) == (5000, "both", [5, 6])
    html = signed_in.get("/me/profile/step/3/").content.decode()
    assert f'value="{welder.pk}" checked' in html
    assert 'data-terms="电焊工 焊工 烧电焊"' in html


def test_step_four_adds_skills_a_certificate_with_photo_and_experience(signed_in, seeker):
    photo = SimpleUploadedFile("焊工证.png", png_bytes(), content_type="image/png")

    response = signed_in.post(
        "/me/profile/step/4/",
        {
            "education": "junior",
            "skills": "电焊 看图纸",
            "cert_name": "焊工证",
            "cert_photo": photo,
            "exp_employer": "东莞某五金厂",
            "exp_title": "焊工",
            "exp_start_year": "2015",
            "exp_end_year": "2020",
            "go": "exit",
        },
    )

    assert response["Location"] == "/me/"
    profile = seeker.profile
    profile.refresh_from_db()
    assert profile.skills == ["电焊", "看图纸"]
    certificate = profile.certificates.get()
    assert certificate.name == "焊工证" and certificate.photo.name.endswith(".jpg")
    assert profile.experiences.get().employer_name == "东莞某五金厂"


def test_a_photo_that_is_not_a_picture_is_refused_and_the_step_saves_nothing(signed_in, seeker):
    fake = SimpleUploadedFile("证书.png", b"this is not an image at all", content_type="image/png")

    response = signed_in.post(
        "/me/profile/step/4/",
        {"skills": "砌墙", "cert_name": "砌筑工证", "cert_photo": fake, "go": "next"},
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "文件不是图片" in html
    assert 'value="砌筑工证"' in html and 'value="砌墙"' in html
    seeker.profile.refresh_from_db()
    assert seeker.profile.skills == [] and not seeker.profile.certificates.exists()


def test_step_five_declares_groups_for_staff_to_confirm_and_sets_privacy(signed_in, seeker):
    response = signed_in.post(
        "/me/profile/step/5/",
        {"groups": [KeyGroup.RELOCATED, KeyGroup.RURAL_MIGRANT], "visibility": "open", "go": "done"},
    )

    assert response["Location"] == "/me/"
    tags = GroupTag.objects.filter(profile=seeker.profile)
    assert {t.group for t in tags} == {KeyGroup.RELOCATED, KeyGroup.RURAL_MIGRANT}
    assert not any(t.is_confirmed for t in tags)
    seeker.profile.refresh_from_db()
    assert seeker.profile.visibility == "open"
    html = signed_in.get("/me/profile/step/5/").content.decode()
    assert "待工作人员核实" in html and "工作人员核实后" in html


def test_an_unknown_step_is_not_found(signed_in):
    assert signed_in.get("/me/profile/step/9/").status_code == 404
    assert signed_in.get("/me/profile/")["Location"] == "/me/profile/step/1/"


def test_my_applications_list_labels_and_withdraw(signed_in, seeker, employer):
    open_one = application_submit(by=seeker, posting=JobPostingFactory(employer=employer, title="保洁员"))
    hired = application_submit(by=seeker, posting=JobPostingFactory(employer=employer, title="收银员"))
    Application.objects.filter(pk=hired.pk).update(status=ApplicationStatus.HIRED)

    html = signed_in.get("/me/applications/").content.decode()
    assert "保洁员" in html and "已投递" in html and "已入职" in html
    assert html.count("撤回报名") == 1

    response = signed_in.post(f"/me/applications/{open_one.pk}/withdraw/", follow=True)

    assert "已撤回" in response.content.decode()
    open_one.refresh_from_db()
    assert open_one.status == ApplicationStatus.WITHDRAWN
    again = signed_in.post(f"/me/applications/{hired.pk}/withdraw/", follow=True).content.decode()
    assert "不能变为" in again


def test_nobody_withdraws_someone_elses_application(client, seeker, employer):
    application = application_submit(by=seeker, posting=JobPostingFactory(employer=employer))
    client.force_login(SeekerFactory())

    assert client.post(f"/me/applications/{application.pk}/withdraw/").status_code == 403
