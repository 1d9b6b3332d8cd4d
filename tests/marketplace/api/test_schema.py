"""The OpenAPI schema documents the API."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.django_db


def test_schema_is_served_and_lists_the_api(anon):
    response = anon.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json")

    assert response.status_code == 200
    paths = response.json()["paths"]
    for path in (
        "/api/auth/login",
        "/api/auth/sms-code",
        "/api/postings/",
        "/api/postings/{id}/",
        "/api/postings/{id}/apply",
        "/api/postings/{id}/applications/",
        "/api/postings/import",
        "/api/moderation/postings/",
        "/api/employers/{id}/blacklist",
        "/api/profile/",
        "/api/profiles/{id}/",
        "/api/applications/{id}/advance",
        "/api/occupations/suggest",
        "/api/gigs/",
        "/api/gigs/{id}/claim",
        "/api/gig-claims/{id}/cancel",
        "/api/gig-boards/{area}/events",
    ):
        assert path in paths, path
    assert "ApiError" in response.json()["components"]["schemas"]


def test_docs_page_is_served(anon):
    assert anon.get("/api/docs/").status_code == 200
