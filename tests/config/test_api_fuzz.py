"""Schemathesis against the published OpenAPI schema, on a production-mode server: no input is a 5xx.

The server is daphne with the production settings on the test database, PostgreSQL, Redis and
Elasticsearch, as deployed. Schemathesis generates requests from the schema (valid, boundary and
invalid values, for every operation) as an anonymous visitor and signed in as each role, and fails
on any 5xx. Bounded: a few minutes in all (see FULL).
"""

from __future__ import annotations

import os
import secrets
import shutil
import subprocess
import sys
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


def test_no_generated_request_gets_a_server_error_for_any_role(world, search_index, production_server, tmp_path):
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
            [st, "--no-color", "run", f"{production_server}/api/schema/?format=json", "--checks", "not_a_server_error",
             "-n", str(EXAMPLES_PER_OPERATION), "--exclude-path", "/api/auth/logout", "--request-timeout", "15",
             "--phases", phases, *headers],
            cwd=tmp_path, capture_output=True, text=True, timeout=600,
        )  # fmt: skip
        if run.returncode != 0:
            failed[role] = run.stdout[-6000:] + run.stderr[-2000:]

    assert not failed, "\n\n".join(f"===== {role} =====\n{report}" for role, report in failed.items())
