"""Schemathesis against the published OpenAPI schema, on a production-mode server: no input is a 5xx,
and every answer is what the schema says.

The server is daphne with the production settings on the test database, PostgreSQL, Redis and
Elasticsearch, as deployed. Schemathesis generates requests from the schema (valid, boundary and
invalid values, for every operation) as an anonymous visitor and signed in as each role, and fails
on any 5xx and on any answer the schema does not describe (CHECKS): a status it does not list, a
missing or undocumented content type, a body or header that does not match. A client generated
from the schema must be able to read every answer. Bounded: a few minutes in all (see FULL).
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import subprocess
import sys
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.test import Client

from tests.conftest import ROOT, free_port, subprocess_database_url, wait_http
from tests.factories import GigFactory, JobPostingFactory

pytestmark = pytest.mark.django_db(transaction=True)

EXAMPLES_PER_OPERATION = int(os.environ.get("JYT_FUZZ_EXAMPLES", "8"))
# The coverage phase (every boundary and invalid value of every field, ~6,600 requests a role) runs
# for the anonymous visitor, whom anyone on the internet can be; signed-in roles get random
# examples. JYT_FUZZ_FULL=1 runs every phase for every role (about 13 minutes).
FULL = os.environ.get("JYT_FUZZ_FULL") == "1"
ROLES = ("anonymous", "seeker", "employer", "station", "bureau")
# The server's answers against the schema. Not the checks about which inputs the API accepts
# (negative_data_rejection, positive_data_acceptance, ...): those judge validation rules and the
# generated data's fit to the seeded world rather than whether a client can read the answer.
CHECKS = (
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_schema_conformance",
    "response_headers_conformance",
)


@pytest.fixture
def production_server(settings, search_index, embedding_model_path: Path, tmp_path: Path) -> Iterator[str]:
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env.update(
        DJANGO_SETTINGS_MODULE="config.settings.test",
        DATABASE_URL=subprocess_database_url(),
        ELASTICSEARCH_INDEX_PREFIX=settings.SEARCH_BACKENDS["default"]["INDEX_PREFIX"],
        MATCHING_EMBEDDING_MODEL=str(embedding_model_path),
        JYT_VAR_DIR=str(tmp_path / "var"),
    )
    port, log = free_port(), tmp_path / "daphne.log"
    daphne = str(Path(sys.executable).parent / "daphne")
    with log.open("w") as out:
        process = subprocess.Popen([daphne, "-b", "127.0.0.1", "-p", str(port), "config.asgi:application"],
                                   env=env, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    try:
        wait_http(f"{url}/healthz", timeout=90, process=process, log=log)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=20)


def signed_in_headers(user) -> list[str]:
    client = Client()
    client.force_login(user)
    csrf = secrets.token_hex(16)  # 32 characters, the form Django accepts for a CSRF cookie
    cookie = f"sessionid={client.cookies['sessionid'].value}; csrftoken={csrf}"
    return ["-H", f"Cookie: {cookie}", "-H", f"X-CSRFToken: {csrf}"]


def test_every_generated_request_gets_a_documented_answer_for_each_role(
    world, search_index, production_server, tmp_path
):
    JobPostingFactory(employer=world.employer)
    GigFactory(employer=world.employer)
    search_index()
    people = {"seeker": world.seeker, "employer": world.employer_member, "station": world.station_staff,
              "bureau": world.bureau}  # fmt: skip
    st = shutil.which("st", path=str(Path(sys.executable).parent))
    assert st, "schemathesis is installed with the test requirements"

    failed = {}
    for role in ROLES:
        headers = signed_in_headers(people[role]) if role in people else []
        phases = "examples,coverage,fuzzing" if FULL or role == "anonymous" else "examples,fuzzing"
        run = subprocess.run(
            [st, "--no-color", "run", f"{production_server}/api/schema/?format=json", "--checks", ",".join(CHECKS),
             "-n", str(EXAMPLES_PER_OPERATION), "--exclude-path", "/api/auth/logout", "--request-timeout", "15",
             "--phases", phases, *headers],
            cwd=tmp_path, capture_output=True, text=True, timeout=600,
        )  # fmt: skip
        if run.returncode != 0:
            failed[role] = _failures_and_summary(run.stdout) + run.stderr[-2000:]

    assert not failed, "\n\n".join(f"===== {role} =====\n{report}" for role, report in failed.items())


def test_a_form_body_twisted_cannot_parse_gets_the_api_answer_not_a_bare_400(production_server):
    # An empty multipart body (the closing boundary alone): twisted refused it with a 400 without
    # Content-Type or body before Django saw it (config/daphne_requests.py); Django reads it as an
    # empty form, and the view answers with the missing field.
    boundary = "c637e12e2b1a998d80d1b087531af51c"
    request = urllib.request.Request(  # noqa: S310 - loopback URL built here
        f"{production_server}/api/occupations/suggest", data=f"--{boundary}--\r\n".encode(), method="POST",
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
    )  # fmt: skip

    with pytest.raises(urllib.error.HTTPError) as answer:
        urllib.request.urlopen(request, timeout=10)  # noqa: S310 - loopback URL built here

    assert answer.value.code == 400
    assert answer.value.headers["Content-Type"] == "application/json"
    assert json.loads(answer.value.read())["error"]["fields"] == {"title": ["该字段是必填项。"]}


def _failures_and_summary(output: str) -> str:
    """Schemathesis's report, bounded: the first failures in full (which operation, which check, the
    response and a curl line to reproduce it) and the summary counting them all."""
    failures = output.find("FAILURES")
    summary = output.rfind("SUMMARY")
    if failures == -1 or summary == -1:
        return output[-6000:]
    return output[failures : failures + 8000] + "\n[...]\n" + output[summary:]
