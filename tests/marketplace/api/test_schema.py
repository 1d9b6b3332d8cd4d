"""The OpenAPI schema documents the API."""

from __future__ import annotations

import datetime
import re

import pytest

from tests.factories import GigFactory

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


# What the schema promises a client generated from it; tests/config/test_api_fuzz.py holds the whole
# API to it with schemathesis, these name the promises that were broken once.


@pytest.fixture
def schema(anon) -> dict:
    return anon.get("/api/schema/", HTTP_ACCEPT="application/vnd.oai.openapi+json").json()


def _component(schema: dict, name: str) -> dict:
    return schema["components"]["schemas"][name]


def test_every_operation_lists_the_errors_any_request_to_it_can_meet(schema):
    for path, operations in schema["paths"].items():
        for method, operation in operations.items():
            expected = {"400", "503"}  # a NUL in the URL; the database away
            if "{" in path:
                expected.add("404")
            if method in ("post", "put", "patch", "delete"):
                expected |= {"403", "413", "415"}  # CSRF, the body limit, the parsers
            responses = operation["responses"]
            assert expected <= set(responses), (method, path, sorted(responses))
            for status in expected:
                assert responses[status]["content"]["application/json"]["schema"] == {
                    "$ref": "#/components/schemas/ApiError"
                }
    assert "429" in schema["paths"]["/api/auth/sms-code"]["post"]["responses"]


def test_a_gig_time_is_documented_as_the_api_writes_it(anon, schema, employer):
    gig = GigFactory(employer=employer, posted_by__employer=employer, start_time=datetime.time(7, 30))

    body = anon.get(f"/api/gigs/{gig.pk}/").json()

    start_time = _component(schema, "GigDetail")["properties"]["start_time"]
    assert body["start_time"] == "07:30:00"
    assert "format" not in start_time  # JSON Schema's `time` wants a UTC offset Django never writes
    assert re.fullmatch(start_time["pattern"], body["start_time"])
    assert re.fullmatch(start_time["pattern"], "07:30")  # what a client may send


def test_the_first_step_of_an_application_has_no_from_status_and_the_schema_allows_it(
    make_client, seeker, application, schema
):
    history = make_client(seeker).get(f"/api/applications/{application.pk}/").json()["history"]

    assert history[0]["from_status"] == ""
    allowed = [_component(schema, ref["$ref"].rsplit("/", 1)[1])["enum"]
               for ref in _component(schema, "Transition")["properties"]["from_status"]["oneOf"]]  # fmt: skip
    assert any("" in values for values in allowed)


def test_fields_only_their_managers_see_are_not_required_of_what_the_public_gets(anon, schema, posting, employer):
    employer_body = anon.get(f"/api/employers/{employer.pk}/").json()
    posting_body = anon.get(f"/api/postings/{posting.pk}/").json()

    assert "blacklist_entry" not in employer_body and "status" not in posting_body
    assert set(_component(schema, "Employer")["required"]) <= set(employer_body)
    assert set(_component(schema, "PostingPrivate")["required"]) <= set(posting_body)


def test_the_limits_the_api_enforces_on_pages_and_board_names_are_in_the_schema(anon, schema):
    """A client built from the schema reads there that page 0 and page_size 51 are refused."""
    refused = anon.get("/api/postings/", {"page": 0})
    parameters = {p["name"]: p["schema"] for p in schema["paths"]["/api/postings/"]["get"]["parameters"]}
    board = {p["name"]: p["schema"] for p in schema["paths"]["/api/gig-boards/{area}/events"]["get"]["parameters"]}

    assert refused.status_code == 400
    assert parameters["page"]["minimum"] == 1
    assert (parameters["page_size"]["minimum"], parameters["page_size"]["maximum"]) == (1, 50)
    assert anon.get("/api/gig-boards/KAILI!/events").status_code == 400
    assert not re.fullmatch(board["area"]["pattern"], "KAILI!")


def test_errors_document_when_to_try_again_and_how_to_sign_in(schema, anon):
    sms = schema["paths"]["/api/auth/sms-code"]["post"]["responses"]
    assert "Retry-After" in sms["429"]["headers"]
    assert "Retry-After" in sms["503"]["headers"]
    with_401 = [op["responses"]["401"] for ops in schema["paths"].values() for op in ops.values()
                if "401" in op["responses"]]  # fmt: skip
    assert with_401 and all("WWW-Authenticate" in r["headers"] for r in with_401)

    # And the API sends what the schema says: an anonymous request for a seeker's own page.
    response = anon.get("/api/profile/")
    assert response.status_code == 401
    assert response.headers["WWW-Authenticate"]
