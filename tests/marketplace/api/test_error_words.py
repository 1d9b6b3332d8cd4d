"""Every API refusal a phone shows is Chinese: no English sentence, no stored code for its label.

Each operation of the OpenAPI schema is called as each role with what a careless or hostile client
sends (an empty body, a body of the wrong shape, ids that do not exist, a page that is not a
number); every error's message and field messages are read as a person would read them.
"""

from __future__ import annotations

import re

import pytest

from tests.frontend.test_words import stored_codes

pytestmark = pytest.mark.django_db

CJK = re.compile(r"[\u4e00-\u9fff]")
ENGLISH_PHRASE = re.compile(r"[A-Za-z]{3,}[ ,.'’]+[A-Za-z]{2,}")
# Bodies sent to every write: nothing, the wrong shape, values of the wrong kind.
BODIES = [{}, {"id": "x", "county": ["凯里市"], "page": -1, "status": "bogus", "phone": 12}]


def messages_of(body: object) -> list[str]:
    """Every string a client would show from an error body, fields included."""
    if isinstance(body, str):
        return [body]
    if isinstance(body, list):
        return [text for item in body for text in messages_of(item)]
    if isinstance(body, dict):
        return [text for key, value in body.items() if key != "code" for text in messages_of(value)]
    return []


def test_every_api_refusal_reads_in_chinese_for_every_role(make_client, world, search_index, embedding_model):
    schema = make_client().get("/api/schema/?format=json").json()
    people = {"anonymous": None, "seeker": world.seeker, "employer": world.employer_member,
              "station": world.station_staff, "bureau": world.bureau}  # fmt: skip
    codes = stored_codes()
    code_word = re.compile(r"(?<![A-Za-z_\"'“])(" + "|".join(sorted(codes, key=len, reverse=True)) + r")(?![A-Za-z_])")
    english: list[str] = []
    errors_read = 0
    for role, user in people.items():
        client = make_client(user)
        for path, operations in schema["paths"].items():
            url = re.sub(r"\{[^}]+\}", "999999", path)
            if "logout" in url or "account" in url:
                continue  # signing out or erasing the account would end the walk for this role
            for method in operations:
                if method not in ("get", "post", "put", "patch", "delete"):
                    continue
                bodies = BODIES if method in ("post", "put", "patch") else [None]
                for body in bodies:
                    if body is None:
                        response = getattr(client, method)(url, {"page": "abc"} if method == "get" else None)
                    else:
                        response = getattr(client, method)(url, body, format="json")
                    if response.status_code < 400 or "json" not in response.get("Content-Type", ""):
                        continue
                    errors_read += 1
                    texts = messages_of(response.json().get("error", response.json()))
                    for text in texts:
                        if not CJK.search(text) or ENGLISH_PHRASE.search(text) or code_word.search(text):
                            english.append(f"{role} {method.upper()} {path} {response.status_code}: {text}")

    assert errors_read > 500, "the walk met the API's refusals"
    assert not english, "\n".join(sorted(set(english)))
