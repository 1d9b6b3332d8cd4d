"""The site's last-resort answers: a lost database connection is 503 (try again), a bug is 500.

Django calls the 500 handler inside its `except` block, wherever the request failed; the handler is
called the same way here. The fault test (tests/faults/test_under_traffic.py) does it for real by
stopping PostgreSQL under traffic.
"""

from __future__ import annotations

import json

import pytest
from django.db import InterfaceError, OperationalError
from django.test import RequestFactory

from config.error_views import server_error


def answer_while_raising(exc: Exception, path: str):
    try:
        raise exc
    except Exception:
        return server_error(RequestFactory().get(path))


@pytest.mark.parametrize("exc", [OperationalError("connection refused"), InterfaceError("connection already closed")])
def test_a_lost_database_connection_is_503_in_chinese_with_a_time_to_come_back(exc):
    response = answer_while_raising(exc, "/api/postings/")

    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    error = json.loads(response.content)["error"]
    assert (error["code"], error["message"]) == ("service_unavailable", "服务暂时不可用，请稍后再试。")


def test_a_page_says_the_service_is_briefly_away_and_nothing_was_sent():
    response = answer_while_raising(OperationalError("the connection is closed"), "/jobs/")

    assert response.status_code == 503
    page = response.content.decode()
    assert "服务暂时不可用" in page and "还没有提交" in page
    assert 'name="viewport"' in page  # a phone page, not Django's bare text


def test_any_other_failure_stays_a_500():
    response = answer_while_raising(ValueError("a bug"), "/api/postings/")

    assert response.status_code == 500
    assert json.loads(response.content)["error"]["code"] == "server_error"
