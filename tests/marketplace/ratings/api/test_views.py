"""/api/ratings/: a seeker rates the answer to an application once."""

from __future__ import annotations

import pytest

from marketplace.enums import ApplicationStatus
from tests.factories import ApplicationFactory, SeekerFactory

pytestmark = pytest.mark.django_db


def test_a_seeker_rates_an_answered_application_once(make_client):
    seeker = SeekerFactory()
    application = ApplicationFactory(profile=seeker.profile, status=ApplicationStatus.INTERVIEW)
    client = make_client(seeker)
    body = {"service": "application", "ref_id": application.pk, "score": "good", "comment": "回复很快"}

    first = client.post("/api/ratings/", body, format="json")
    again = client.post("/api/ratings/", body, format="json")

    assert first.status_code == 201 and first.json()["county"] == application.posting.county
    assert again.status_code == 400


def test_rating_someone_elses_application_is_refused(make_client):
    application = ApplicationFactory(status=ApplicationStatus.REJECTED)
    response = make_client(SeekerFactory()).post(
        "/api/ratings/", {"service": "application", "ref_id": application.pk, "score": "bad"}, format="json"
    )
    assert response.status_code == 403
