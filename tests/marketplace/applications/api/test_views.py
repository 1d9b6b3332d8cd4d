"""Applications: applying once, the seeker's and the employer's views, masking, and the steps."""

from __future__ import annotations

import pytest

from marketplace.enums import PostingStatus
from marketplace.models import Application, EmploymentOutcome
from tests.factories import EmployerMemberFactory, JobPostingFactory, SeekerFactory
from tests.rest import SEEKER_ID_NUMBER, error_of

pytestmark = pytest.mark.django_db

ID_NUMBER = SEEKER_ID_NUMBER
MASKED_ID = ID_NUMBER[:4] + "*" * 10 + ID_NUMBER[-4:]


def test_seeker_applies_to_a_public_posting(make_client, seeker, posting):
    response = make_client(seeker).post(f"/api/postings/{posting.pk}/apply")

    assert response.status_code == 201
    body = response.json()
    assert body["status"] == "submitted"
    assert body["posting"]["id"] == posting.pk
    assert [step["to_status"] for step in body["history"]] == ["submitted"]
    assert Application.objects.get(pk=body["id"]).snapshot["name"] == "李小梅"


def test_applying_twice_is_409_duplicate_application(make_client, seeker, posting):
    client = make_client(seeker)
    client.post(f"/api/postings/{posting.pk}/apply")

    response = client.post(f"/api/postings/{posting.pk}/apply")

    assert response.status_code == 409
    error = error_of(response)
    assert error["code"] == "duplicate_application"
    assert error["message"] == "你已投递过该岗位，请在“我的投递”中查看进度。"


def test_applying_to_a_closed_posting_says_it_stopped_hiring(make_client, seeker, employer):
    closed = JobPostingFactory(employer=employer, status=PostingStatus.CLOSED)

    response = make_client(seeker).post(f"/api/postings/{closed.pk}/apply")

    assert response.status_code == 409
    assert error_of(response)["code"] == "posting_not_open"


def test_only_seekers_apply(make_client, employer_user, anon, posting):
    assert make_client(employer_user).post(f"/api/postings/{posting.pk}/apply").status_code == 403
    assert anon.post(f"/api/postings/{posting.pk}/apply").status_code == 401


def test_seeker_lists_own_applications(make_client, seeker, application, employer):
    other = SeekerFactory()
    make_client(other).post(f"/api/postings/{JobPostingFactory(employer=employer).pk}/apply")

    response = make_client(seeker).get("/api/applications/")

    assert response.status_code == 200
    assert [item["id"] for item in response.json()["results"]] == [application.pk]
    assert response.json()["results"][0]["posting"]["employer_name"]


def test_application_list_is_for_seekers(make_client, employer_user):
    assert make_client(employer_user).get("/api/applications/").status_code == 403


def test_employer_lists_applicants_of_its_posting_with_numbers_masked(make_client, employer_user, application):
    response = make_client(employer_user).get(f"/api/postings/{application.posting_id}/applications/")

    assert response.status_code == 200
    (item,) = response.json()["results"]
    assert item["snapshot"]["name"] == "李小梅"
    assert item["applicant"] == {"profile_id": application.profile_id, "phone": "139****5678", "id_number": MASKED_ID}


def test_other_employers_cannot_list_the_applicants(make_client, application, seeker):
    stranger = EmployerMemberFactory()

    assert make_client(stranger).get(f"/api/postings/{application.posting_id}/applications/").status_code == 403
    assert make_client(seeker).get(f"/api/postings/{application.posting_id}/applications/").status_code == 403


def test_employer_sees_applicant_with_id_number_masked(make_client, employer_user, application):
    response = make_client(employer_user).get(f"/api/applications/{application.pk}/")

    assert response.status_code == 200
    applicant = response.json()["applicant"]
    assert applicant["id_number"] == MASKED_ID
    assert applicant["phone"] == "139****5678"
    assert "13912345678" not in response.content.decode()
    assert ID_NUMBER not in response.content.decode()


def test_bureau_sees_applicant_numbers_in_full(make_client, bureau_user, application):
    applicant = make_client(bureau_user).get(f"/api/applications/{application.pk}/").json()["applicant"]

    assert applicant == {"profile_id": application.profile_id, "phone": "13912345678", "id_number": ID_NUMBER}


def test_opening_an_application_marks_it_viewed_for_the_seeker(make_client, employer_user, seeker, application):
    make_client(employer_user).get(f"/api/applications/{application.pk}/")

    response = make_client(seeker).get(f"/api/applications/{application.pk}/")

    assert response.json()["status"] == "viewed"
    assert [step["to_status"] for step in response.json()["history"]] == ["submitted", "viewed"]


def test_bureau_opening_an_application_leaves_it_unread(make_client, bureau_user, application):
    make_client(bureau_user).get(f"/api/applications/{application.pk}/")

    application.refresh_from_db()
    assert application.status == "submitted"


def test_seeker_sees_own_application_without_the_employers_notes(make_client, employer_user, seeker, application):
    make_client(employer_user).post(
        f"/api/applications/{application.pk}/advance", {"to": "interview", "note": "年龄偏大"}, format="json"
    )

    body = make_client(seeker).get(f"/api/applications/{application.pk}/").json()

    assert body["status"] == "interview"
    assert "年龄偏大" not in str(body)
    assert "snapshot" not in body and "applicant" not in body


def test_strangers_get_404_for_an_application(make_client, application):
    other_member = EmployerMemberFactory()

    assert make_client(SeekerFactory()).get(f"/api/applications/{application.pk}/").status_code == 404
    assert make_client(other_member).get(f"/api/applications/{application.pk}/").status_code == 404


def test_employer_moves_an_application_to_hired_and_it_counts_as_employment(make_client, employer_user, application):
    client = make_client(employer_user)
    for step in ("interview", "offered", "hired"):
        response = client.post(f"/api/applications/{application.pk}/advance", {"to": step}, format="json")
        assert response.status_code == 200, response.json()

    assert response.json()["status"] == "hired"
    assert EmploymentOutcome.objects.filter(application=application).exists()


def test_advancing_backwards_is_409(make_client, employer_user, application):
    client = make_client(employer_user)
    client.post(f"/api/applications/{application.pk}/advance", {"to": "rejected"}, format="json")

    response = client.post(f"/api/applications/{application.pk}/advance", {"to": "interview"}, format="json")

    assert response.status_code == 409
    assert error_of(response)["code"] == "application_bad_transition"


def test_advance_to_an_unknown_step_is_400(make_client, employer_user, application):
    response = make_client(employer_user).post(
        f"/api/applications/{application.pk}/advance", {"to": "withdrawn"}, format="json"
    )

    assert response.status_code == 400
    assert "to" in error_of(response)["fields"]


def test_seeker_cannot_advance_own_application(make_client, seeker, application):
    response = make_client(seeker).post(f"/api/applications/{application.pk}/advance", {"to": "hired"}, format="json")

    assert response.status_code == 403


def test_seeker_withdraws_own_application(make_client, seeker, application):
    response = make_client(seeker).post(f"/api/applications/{application.pk}/withdraw")

    assert response.status_code == 200
    assert response.json()["status"] == "withdrawn"


def test_employer_cannot_withdraw_for_the_seeker(make_client, employer_user, application):
    assert make_client(employer_user).post(f"/api/applications/{application.pk}/withdraw").status_code == 403
