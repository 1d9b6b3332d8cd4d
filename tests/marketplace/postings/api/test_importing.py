"""Bulk import of postings through the API: a report of what was created and what each bad row lacks."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from marketplace.models import JobPosting
from tests.factories import EmployerFactory, StationStaffFactory
from tests.rest import error_of

pytestmark = pytest.mark.django_db

HEADER = "岗位名称,用工类型,县市,最低薪资,最高薪资,计薪方式"


def _csv(*rows: str) -> SimpleUploadedFile:
    text = "\n".join([HEADER, *rows]) + "\n"
    return SimpleUploadedFile("岗位.csv", text.encode("utf-8-sig"), content_type="text/csv")


@pytest.fixture
def station_staff():
    return StationStaffFactory()


@pytest.fixture
def partner(station_staff):
    return EmployerFactory(station=station_staff.station)


def test_station_imports_postings_for_a_partner_employer(make_client, station_staff, partner):
    upload = _csv("普工,全职,宁波市,5000,6500,元/月", "叉车工,全职,宁波市,6000,7500,元/月")

    response = make_client(station_staff).post("/api/postings/import", {"file": upload, "employer": partner.pk})

    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["total_rows"], body["created"], body["errors"]) == (2, 2, [])
    assert sorted(JobPosting.objects.filter(employer=partner).values_list("pk", flat=True)) == sorted(
        body["created_ids"]
    )


def test_a_bad_row_is_reported_by_row_and_column_and_not_created(make_client, station_staff, partner):
    upload = _csv("普工,全职,宁波市,5000,6500,元/月", "叉车工,全职,宁波市,很多,7500,元/月")

    response = make_client(station_staff).post("/api/postings/import", {"file": upload, "employer": partner.pk})

    assert response.status_code == 200
    body = response.json()
    assert (body["total_rows"], body["created"]) == (2, 1)
    assert [(e["row"], e["field"]) for e in body["errors"]] == [(3, "最低薪资")]
    assert body["errors"][0]["message"]
    assert list(JobPosting.objects.filter(employer=partner).values_list("title", flat=True)) == ["普工"]


def test_dry_run_only_checks(make_client, station_staff, partner):
    upload = _csv("普工,全职,宁波市,5000,6500,元/月")

    response = make_client(station_staff).post(
        "/api/postings/import", {"file": upload, "employer": partner.pk, "dry_run": True}
    )

    assert (response.json()["total_rows"], response.json()["created"]) == (1, 0)


def test_a_file_that_is_not_a_sheet_is_400_on_file(make_client, station_staff, partner):
    upload = SimpleUploadedFile("岗位.pdf", b"%PDF-1.4", content_type="application/pdf")

    response = make_client(station_staff).post("/api/postings/import", {"file": upload, "employer": partner.pk})

    assert response.status_code == 400
    error = error_of(response)
    assert error["code"] == "import_file_invalid"
    assert list(error["fields"]) == ["file"]


def test_import_without_a_file_is_400(make_client, station_staff):
    response = make_client(station_staff).post("/api/postings/import", {})

    assert error_of(response)["fields"]["file"]


def test_employers_and_seekers_cannot_import(make_client, employer_user, seeker):
    for user in (employer_user, seeker):
        response = make_client(user).post("/api/postings/import", {"file": _csv()})
        assert response.status_code == 403
