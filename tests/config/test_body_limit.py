"""Request bodies are capped while they arrive: nobody can make a server read 200 MB to refuse it."""

from __future__ import annotations

import json
import secrets

import pytest
from asgiref.testing import ApplicationCommunicator

from config.asgi import application

pytestmark = pytest.mark.django_db(transaction=True)

MB = 1024 * 1024


def http_scope(path: str, headers: list[tuple[bytes, bytes]]) -> dict:
    # A client address of its own: the sign-in throttle counts per address in the shared Redis.
    return {
        "type": "http", "asgi": {"version": "3.0"}, "http_version": "1.1", "method": "POST", "scheme": "http",
        "path": path, "raw_path": path.encode(), "query_string": b"", "root_path": "",
        "headers": [(b"host", b"testserver"), (b"content-type", b"application/json"), *headers],
        "client": (f"10.9.{secrets.randbelow(250)}.{secrets.randbelow(250) + 1}", 40000), "server": ("testserver", 80),
    }  # fmt: skip


async def answer(communicator: ApplicationCommunicator) -> tuple[int, bytes]:
    start = await communicator.receive_output(timeout=10)
    assert start["type"] == "http.response.start"
    body = b""
    while True:
        message = await communicator.receive_output(timeout=10)
        body += message.get("body", b"")
        if not message.get("more_body"):
            return start["status"], body


async def test_a_declared_200_mb_sign_in_is_refused_before_any_of_it_is_read(settings):
    settings.REQUEST_BODY_MAX_BYTES = 8 * MB
    scope = http_scope("/api/auth/login", [(b"content-length", str(200 * MB).encode())])
    communicator = ApplicationCommunicator(application, scope)

    status, body = await answer(communicator)  # nothing was sent: the answer came from the header alone

    assert status == 413
    error = json.loads(body)["error"]
    assert error["code"] == "request_too_large" and "太大" in error["message"]


async def test_a_chunked_body_is_cut_off_at_the_limit_not_read_to_the_end(settings):
    settings.REQUEST_BODY_MAX_BYTES = 2 * MB
    communicator = ApplicationCommunicator(application, http_scope("/api/auth/login", []))
    chunk = b"x" * (MB // 2)
    for _ in range(5):  # 2.5 MB: over the limit
        await communicator.send_input({"type": "http.request", "body": chunk, "more_body": True})

    status, body = await answer(communicator)

    assert status == 413 and "太大" in json.loads(body)["error"]["message"]
    for _ in range(200):  # the rest of a "200 MB" body: nobody is reading it any more
        await communicator.send_input({"type": "http.request", "body": chunk, "more_body": True})
    assert communicator.input_queue.qsize() == 200


async def test_a_page_outside_the_api_gets_the_refusal_as_a_chinese_page(settings):
    settings.REQUEST_BODY_MAX_BYTES = 1 * MB
    scope = http_scope("/login/", [(b"content-length", str(3 * MB).encode())])

    status, body = await answer(ApplicationCommunicator(application, scope))

    assert status == 413 and "提交的内容太大" in body.decode()


async def test_an_ordinary_sign_in_passes_through_to_the_api(settings):
    settings.REQUEST_BODY_MAX_BYTES = 1 * MB
    payload = json.dumps({"phone": "13800138000", "password": "不对的密码"}).encode()
    communicator = ApplicationCommunicator(
        application, http_scope("/api/auth/login", [(b"content-length", str(len(payload)).encode())])
    )
    await communicator.send_input({"type": "http.request", "body": payload, "more_body": False})

    status, body = await answer(communicator)

    assert status in (400, 401, 403)  # the API's own answer about the password, not the size
    assert json.loads(body)["error"]["code"] != "request_too_large"
