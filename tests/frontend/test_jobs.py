"""The public job list and detail, the blacklist hiding jobs at once, and one-tap apply."""

import datetime

import pytest
from django.utils import timezone

from marketplace.enums import ApplicationStatus, JobType, PostingStatus, Role
from marketplace.models import Application, BlacklistEntry
from tests.frontend.conftest import make_employer, make_posting, make_user

pytestmark = pytest.mark.django_db


def test_the_list_shows_only_public_jobs_twenty_a_page(client, employer):
    for n in range(23):
        make_posting(employer, title=f"普工{n:02d}号", published_at=timezone.now() - datetime.timedelta(minutes=n))
    make_posting(employer, title="草稿岗位", status=PostingStatus.DRAFT)
    make_posting(employer, title="过期岗位", valid_until=timezone.localdate() - datetime.timedelta(days=1))

    first = client.get("/jobs/").content.decode()
    second = client.get("/jobs/?page=2").content.decode()

    assert "共 23 个岗位" in first
    assert first.count('class="job-card"') == 20
    assert second.count('class="job-card"') == 3
    assert "普工00号" in first and "普工22号" in second
    assert "草稿岗位" not in first + second and "过期岗位" not in first + second
    assert "第 1 / 2 页" in first


def test_filter_chips_narrow_by_county_job_type_and_family(client, employer, occupations):
    make_posting(employer, title="凯里电焊工", county="凯里市", occupation=occupations["电焊工"])
    make_posting(employer, title="黎平零工", county="黎平县", job_type=JobType.GIG)
    make_posting(employer, title="凯里普工", county="凯里市", occupation=occupations["电子厂普工"])

    by_county = client.get("/jobs/", {"county": "黎平县"}).content.decode()
    by_type = client.get("/jobs/", {"type": "gig"}).content.decode()
    family = occupations["电焊工"].family_id
    by_family = client.get("/jobs/", {"family": family, "county": "凯里市"}).content.decode()

    assert "黎平零工" in by_county and "凯里电焊工" not in by_county
    assert "黎平零工" in by_type and "凯里普工" not in by_type
    assert "凯里电焊工" in by_family and "凯里普工" not in by_family and "黎平零工" not in by_family
    # The chosen chips are marked, and each chip keeps the other filters.
    kaili = "county=%E5%87%AF%E9%87%8C%E5%B8%82"
    assert f'<a class="chip on" href="?family={family}&amp;{kaili}">凯里市</a>' in by_family
    assert f'<a class="chip on" href="?family={family}&amp;{kaili}">建筑施工</a>' in by_family
    assert f'<a class="chip" href="?{kaili}">全部工种</a>' in by_family


def test_a_blacklisted_employers_jobs_vanish_from_the_list_and_their_pages(client, seeker, bureau_user):
    bad = make_employer(name="欠薪建筑公司")
    job = make_posting(bad, title="欠薪公司的岗位")
    BlacklistEntry.objects.create(
        employer=bad, reason="拖欠工资", starts_on=timezone.localdate(), created_by=bureau_user
    )

    assert "欠薪公司的岗位" not in client.get("/jobs/").content.decode()
    assert "欠薪公司的岗位" not in client.get("/").content.decode()
    assert client.get(f"/jobs/{job.pk}/").status_code == 404
    client.force_login(seeker)
    assert client.get(f"/jobs/{job.pk}/").status_code == 404


def test_the_detail_shows_pay_place_employer_and_requirements(client, employer):
    employer.integrity_grade = "A"
    employer.save()
    job = make_posting(
        employer,
        title="叉车司机",
        town="鸭塘街道",
        schedule="长白班 8:00-17:30",
        certificates_required=["叉车证"],
        benefits=["五险一金", "包住"],
        valid_until=datetime.date(2099, 12, 31),
        description="负责仓库装卸。",
    )

    html = client.get(f"/jobs/{job.pk}/").content.decode()

    for text in ("叉车司机", "4000–5500 元/月", "鸭塘街道", "全职", "凯里市黔味食品有限公司", "已认证", "A级（诚信）",
                 "叉车证", "五险一金、包住", "长白班 8:00-17:30", "2099年12月31日", "负责仓库装卸。"):  # fmt: skip
        assert text in html, text


def test_anonymous_visitors_are_asked_to_log_in_to_apply(client, posting):
    html = client.get(f"/jobs/{posting.pk}/").content.decode()

    assert "登录后报名" in html
    assert f"/login/?next=/jobs/{posting.pk}/" in html
    response = client.post(f"/jobs/{posting.pk}/apply/")
    assert response["Location"] == f"/login/?next=/jobs/{posting.pk}/"


def test_a_seeker_applies_in_one_tap_and_then_sees_applied(client, seeker, posting):
    client.force_login(seeker)
    assert "一键报名" in client.get(f"/jobs/{posting.pk}/").content.decode()

    response = client.post(f"/jobs/{posting.pk}/apply/", follow=True)

    html = response.content.decode()
    assert "报名成功" in html
    assert "已投递" in html
    assert "一键报名" not in html
    assert Application.objects.get(profile__user=seeker, posting=posting).status == ApplicationStatus.SUBMITTED


def test_applying_twice_is_refused_with_the_services_message(client, seeker, posting):
    client.force_login(seeker)
    client.post(f"/jobs/{posting.pk}/apply/")

    html = client.post(f"/jobs/{posting.pk}/apply/", follow=True).content.decode()

    assert "你已投递过该岗位" in html
    assert Application.objects.count() == 1


def test_only_seekers_may_apply(client, employer_user, posting):
    client.force_login(employer_user)

    assert "一键报名" not in client.get(f"/jobs/{posting.pk}/").content.decode()
    assert client.post(f"/jobs/{posting.pk}/apply/").status_code == 403


def test_an_owner_may_preview_a_job_the_public_cannot_see(client, employer_user, employer):
    draft = make_posting(employer, title="还在写的岗位", status=PostingStatus.DRAFT)
    other = make_user(Role.EMPLOYER, employer=make_employer())

    assert client.get(f"/jobs/{draft.pk}/").status_code == 404
    client.force_login(other)
    assert client.get(f"/jobs/{draft.pk}/").status_code == 404
    client.force_login(employer_user)
    html = client.get(f"/jobs/{draft.pk}/").content.decode()
    assert "求职者看不到" in html and "一键报名" not in html
