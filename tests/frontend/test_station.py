"""Station pages: their employers' jobs and workers, posting on an employer's behalf, bulk import."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from marketplace.enums import PostingStatus
from marketplace.models import JobPosting, WorkerProfile
from tests.factories import EmployerFactory, JobPostingFactory, SeekerFactory

pytestmark = pytest.mark.django_db

CSV_HEADER = "岗位名称,用工类型,县市,最低薪资,最高薪资,计薪方式\n"


@pytest.fixture
def station_employer(station):
    return EmployerFactory(name="东莞市某电子厂", county="东莞市", station=station)


def test_the_dashboard_lists_the_stations_jobs_and_workers(client, station_user, station, station_employer):
    JobPostingFactory(employer=station_employer, title="东莞电子厂普工", county="东莞市")
    JobPostingFactory(title="别的单位的岗位")
    worker = SeekerFactory(display_name="石大哥")
    WorkerProfile.objects.filter(user=worker).update(station=station, name="石大哥")
    client.force_login(station_user)

    html = client.get("/station/").content.decode()

    assert "驻东莞劳务协作站" in html
    assert "东莞电子厂普工" in html and "别的单位的岗位" not in html
    assert "石大哥" in html
    assert 'href="/station/import/"' in html


def test_a_station_posts_for_one_of_its_employers(client, station_user, station, station_employer, occupations):
    client.force_login(station_user)
    form = client.get("/employer/postings/new/").content.decode()
    assert "代发单位" in form and "东莞市某电子厂" in form

    response = client.post(
        "/employer/postings/new/",
        {"employer": station_employer.pk, "title": "电子厂普工", "job_type": "full_time", "county": "东莞市",
         "pay_min": "5000", "pay_max": "6500", "pay_unit": "month", "headcount": "20", "education_min": "none",
         "then": "save"},
    )  # fmt: skip

    assert response["Location"] == "/station/"
    posting = JobPosting.objects.get()
    assert (posting.employer, posting.station, posting.status) == (station_employer, station, PostingStatus.DRAFT)


def test_a_station_cannot_pick_an_employer_that_is_not_theirs(client, station_user, station_employer):
    stranger = EmployerFactory(name="外地公司")
    client.force_login(station_user)

    response = client.post(
        "/employer/postings/new/",
        {"employer": stranger.pk, "title": "普工", "job_type": "full_time", "county": "东莞市", "pay_min": "1",
         "pay_max": "2", "pay_unit": "month", "headcount": "1", "education_min": "none"},
    )  # fmt: skip

    assert response.status_code == 400
    assert "选择一个有效的选项" in response.content.decode()
    assert not JobPosting.objects.exists()


def test_bulk_import_reports_created_rows_and_each_refused_row(client, station_user, station_employer):
    client.force_login(station_user)
    sheet = CSV_HEADER + "电子厂普工,全职,东莞市,5000,6500,元/月\n装配工,全职,东莞市,5000,,元/月\n"

    response = client.post(
        "/station/import/",
        {"file": SimpleUploadedFile("岗位.csv", sheet.encode("utf-8")), "employer": station_employer.pk, "submit": ""},
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "共 2 行，成功导入 <strong>1</strong> 个岗位" in html
    assert "电子厂普工" in html
    assert "最高薪资" in html and "必填" in html
    assert JobPosting.objects.get().title == "电子厂普工"


def test_a_file_that_cannot_be_imported_is_explained_on_the_form(client, station_user, station_employer):
    client.force_login(station_user)

    response = client.post("/station/import/", {"file": SimpleUploadedFile("岗位.pdf", b"%PDF-1.4")})

    assert response.status_code == 400
    assert "只能导入 .csv 或 .xlsx 文件" in response.content.decode()
