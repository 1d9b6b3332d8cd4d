"""/api/disputes/: open and close labour-dispute cases."""

from __future__ import annotations

import pytest

from marketplace.enums import Role
from tests.factories import SeekerFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_mediation_is_opened_and_closed_with_an_outcome_of_its_track(make_client):
    client = make_client(UserFactory(role=Role.BUREAU))
    body = {
        "kind": "wages",
        "track": "mediation",
        "county": "凯里市",
        "applicant_name": "张某",
        "respondent_name": "某公司",
    }
    case = client.post("/api/disputes/", body, format="json").json()

    wrong = client.post(f"/api/disputes/{case['id']}/close", {"outcome": "award"}, format="json")
    right = client.post(f"/api/disputes/{case['id']}/close", {"outcome": "mediated"}, format="json")

    assert case["number"].startswith("调") and wrong.status_code == 400
    assert right.status_code == 200 and right.json()["outcome"] == "mediated"


def test_seekers_cannot_open_cases_here(make_client):
    response = make_client(SeekerFactory()).post("/api/disputes/", {}, format="json")
    assert response.status_code == 403
