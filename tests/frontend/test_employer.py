"""The employer's pages: registering, the dashboard and logo, postings, applicants with masked numbers."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from marketplace.applications.services import application_submit
from marketplace.enums import ApplicationStatus, PostingStatus, Role, VerificationStatus
from marketplace.models import ApplicationTransition, Employer, JobPosting
from marketplace.profiles.services import profile_update
from tests.factories import (
    EmployerMemberFactory,
    JobPostingFactory,
    UserFactory,
    id_number,
    png_bytes,
    unused_credit_code,
)

pytestmark = pytest.mark.django_db

POSTING = {
    "title": "电焊工",
    "description": "厂房钢结构焊接，会二保焊。",
    "occupation": "",
    "job_type": "full_time",
    "county": "凯里市",
    "pay_min": "6000",
    "pay_max": "8000",
    "pay_unit": "month",
    "headcount": "3",
    "education_min": "none",
    "benefits": ["包住", "五险"],
    "certificates_required": "焊工证",
}


def test_an_employer_account_registers_its_company(client):
    user = UserFactory(role=Role.EMPLOYER)
    client.force_login(user)
    code = unused_credit_code()

    response = client.post("/employer/", {"name": "黔东南州某建设有限公司", "credit_code": code, "county": "凯里市"})

    assert response["Location"] == "/employer/"
    user.refresh_from_db()
    assert user.employer.credit_code == code
    assert "待认证" in client.get("/employer/").content.decode()


def test_a_wrong_credit_code_is_refused_in_chinese_and_the_form_kept(client):
    client.force_login(UserFactory(role=Role.EMPLOYER))

    response = client.post(
        "/employer/",
        {"name": "某某公司", "credit_code": "91522601MA0000000X", "county": "黎平县", "contact_name": "潘"},
    )

    html = response.content.decode()
    assert response.status_code == 400
    assert "统一社会信用代码" in html and "请核对后重新输入" in html
    assert 'value="某某公司"' in html and 'value="黎平县"' in html and 'value="潘"' in html
    assert not Employer.objects.exists()


def test_the_dashboard_shows_verification_with_reason_and_postings_by_status(client, employer_user, employer):
    employer.verification = VerificationStatus.REJECTED
    employer.verification_note = "营业执照照片不清楚"
    employer.save()
    JobPostingFactory(employer=employer, title="招聘中的岗位")
    JobPostingFactory(
        employer=employer, title="被退回的岗位", status=PostingStatus.REJECTED, status_note="请删除押金要求"
    )
    client.force_login(employer_user)

    html = client.get("/employer/").content.decode()

    assert "认证未通过：营业执照照片不清楚" in html
    assert '<section aria-label="招聘中">' in html and '<section aria-label="未通过">' in html
    assert "未通过原因：请删除押金要求" in html
    assert "暂停招聘" in html and "提交审核" in html


def test_an_employer_member_cannot_register_a_second_company(client, employer_user):
    client.force_login(employer_user)

    client.post("/employer/", {"name": "另一家公司", "credit_code": unused_credit_code(), "county": "凯里市"})

    assert Employer.objects.count() == 1


def test_the_logo_upload_stores_a_clean_picture_or_says_why_not(client, employer_user, employer):
    client.force_login(employer_user)

    response = client.post("/employer/logo/", {"logo": SimpleUploadedFile("logo.txt", b"plain text")})

    assert response.status_code == 400
    assert "文件不是图片" in response.content.decode()
    response = client.post("/employer/logo/", {"logo": SimpleUploadedFile("logo.png", png_bytes())})
    assert response["Location"] == "/employer/"
    employer.refresh_from_db()
    assert employer.logo.name.endswith(".jpg") and employer.logo_thumb


def test_a_new_posting_gets_its_occupation_suggested_and_a_verified_employer_publishes_at_once(
    client, employer_user, occupations
):
    client.force_login(employer_user)

    response = client.post("/employer/postings/new/", {**POSTING, "then": "submit"}, follow=True)

    posting = JobPosting.objects.get()
    assert posting.occupation == occupations["电焊工"]
    assert posting.status == PostingStatus.PUBLISHED
    assert posting.benefits == ["包住", "五险"] and posting.certificates_required == ["焊工证"]
    assert "已发布" in response.content.decode()


def test_a_draft_stays_a_draft(client, employer_user, occupations):
    client.force_login(employer_user)

    client.post("/employer/postings/new/", {**POSTING, "then": "save"})

    assert JobPosting.objects.get().status == PostingStatus.DRAFT


def test_a_refused_posting_keeps_every_field_and_says_why_in_chinese(client, employer_user, occupations):
    client.force_login(employer_user)

    response = client.post("/employer/postings/new/", {**POSTING, "pay_min": "9000", "age_min": "14"})

    html = response.content.decode()
    assert response.status_code == 400
    assert "最高薪资不能低于最低薪资。" in html and "最小年龄不能低于16周岁。" in html
    assert 'value="电焊工"' in html and "厂房钢结构焊接，会二保焊。" in html and 'value="9000"' in html
    assert re.search(r'value="包住"[^>]*checked', html) and not re.search(r'value="包吃"[^>]*checked', html)
    assert not JobPosting.objects.exists()


def test_the_occupation_suggestion_endpoint_answers_json(client, employer_user, occupations):
    client.force_login(employer_user)

    data = client.get("/employer/occupation-suggest/", {"title": "招烧电焊师傅", "description": ""}).json()

    assert data["suggestions"][0]["name"] == "电焊工"
    assert data["suggestions"][0]["occupation_id"] == occupations["电焊工"].pk
    assert client.get("/employer/occupation-suggest/").json() == {"suggestions": []}


def test_editing_and_running_a_posting(client, employer_user, employer):
    posting = JobPostingFactory(employer=employer, title="普工")
    client.force_login(employer_user)
    assert 'value="普工"' in client.get(f"/employer/postings/{posting.pk}/edit/").content.decode()

    client.post(f"/employer/postings/{posting.pk}/edit/", {**POSTING, "title": "包装普工", "then": "save"})
    posting.refresh_from_db()
    assert posting.title == "包装普工" and posting.status == PostingStatus.PUBLISHED

    client.post(f"/employer/postings/{posting.pk}/pause/")
    posting.refresh_from_db()
    assert posting.status == PostingStatus.PAUSED
    client.post(f"/employer/postings/{posting.pk}/resume/")
    posting.refresh_from_db()
    assert posting.status == PostingStatus.PUBLISHED
    client.post(f"/employer/postings/{posting.pk}/close/")
    posting.refresh_from_db()
    assert posting.status == PostingStatus.CLOSED
    html = client.post(f"/employer/postings/{posting.pk}/pause/", follow=True).content.decode()
    assert "不能变为" in html


def test_another_employers_posting_is_refused(client, employer_user):
    other = JobPostingFactory(title="别人的岗位")
    client.force_login(employer_user)

    assert client.get(f"/employer/postings/{other.pk}/edit/").status_code == 403
    assert client.post(f"/employer/postings/{other.pk}/close/").status_code == 403
    assert client.get(f"/employer/postings/{other.pk}/applicants/").status_code == 403


@pytest.fixture
def application(seeker, posting):
    number = id_number("19880808")
    profile_update(
        by=seeker,
        profile=seeker.profile,
        data={"name": "龙阿妹", "id_number": number, "sensitive_consent": True, "skills": ["缝纫"]},
    )
    return application_submit(by=seeker, posting=posting)


def test_applicants_show_the_snapshot_with_masked_numbers_only(client, employer_user, application, seeker):
    client.force_login(employer_user)

    html = client.get(f"/employer/postings/{application.posting_id}/applicants/").content.decode()

    assert "龙阿妹" in html and "缝纫" in html and "已投递" in html
    assert seeker.masked_phone in html
    assert seeker.phone not in html
    assert seeker.profile.id_number not in html
    assert seeker.profile.masked_id_number in html


def test_opening_an_application_marks_it_viewed_and_buttons_advance_it(client, employer_user, application, seeker):
    client.force_login(employer_user)

    html = client.get(f"/employer/applications/{application.pk}/").content.decode()

    application.refresh_from_db()
    assert application.status == ApplicationStatus.VIEWED
    assert seeker.phone not in html and seeker.profile.id_number not in html
    for label in ("邀请面试", "录用", "不合适"):
        assert label in html
    response = client.post(
        f"/employer/applications/{application.pk}/advance/", {"to": "interview", "note": "周三上午面试"}
    )
    assert response["Location"] == f"/employer/postings/{application.posting_id}/applicants/"
    application.refresh_from_db()
    assert application.status == ApplicationStatus.INTERVIEW
    assert ApplicationTransition.objects.filter(application=application, note="周三上午面试").exists()


def test_an_impossible_step_is_refused_with_the_note_kept(client, employer_user, application):
    client.force_login(employer_user)

    response = client.post(f"/employer/applications/{application.pk}/advance/", {"to": "hired", "note": "直接入职"})

    html = response.content.decode()
    assert response.status_code == 400
    assert "不能变为" in html and "直接入职" in html


def test_another_employer_cannot_open_the_application(client, application):
    client.force_login(EmployerMemberFactory())

    assert client.get(f"/employer/applications/{application.pk}/").status_code == 403
    assert client.post(f"/employer/applications/{application.pk}/advance/", {"to": "rejected"}).status_code == 403


def test_an_employer_account_without_company_is_sent_to_register_from_other_pages(client):
    client.force_login(UserFactory(role=Role.EMPLOYER))

    assert client.get("/employer/postings/new/")["Location"] == "/employer/"


def test_each_applicant_shows_how_well_they_fit_the_job(client, employer_user, posting, seeker):
    profile = seeker.profile
    profile.name, profile.birth_year = "杨大姐", timezone.localdate().year - 58
    profile.save()
    posting.age_min, posting.age_max = 18, 50
    posting.save()
    application_submit(by=seeker, posting=posting)
    client.force_login(employer_user)

    html = client.get(f"/employer/postings/{posting.pk}/applicants/").content.decode()

    assert "匹配情况" in html
    assert "年龄不符：要求18–50岁，你58岁" in html
