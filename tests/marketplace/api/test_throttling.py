"""marketplace.api.throttling: limits count real clients, not the headers they choose to send."""

from __future__ import annotations

import pytest
from django.core.cache import cache
from rest_framework.test import APIClient

from tests.rest import error_of

pytestmark = pytest.mark.django_db

LOGIN = "/api/auth/login"


def wrong_password(client, seeker, **headers):
    return client.post(LOGIN, {"phone": seeker.phone, "password": "猜一猜"}, format="json", **headers)


def test_a_client_rotating_x_forwarded_for_is_still_one_client_and_is_stopped(anon, seeker):
    answers = [wrong_password(anon, seeker, HTTP_X_FORWARDED_FOR=f"203.0.113.{n}").status_code for n in range(31)]

    assert 429 not in answers[:30]
    assert answers[30] == 429
    assert "\u4e00" <= error_of(wrong_password(anon, seeker))["message"][0] <= "\u9fff"


def test_behind_our_own_proxy_each_forwarded_client_has_its_own_count(seeker):
    proxy = APIClient(REMOTE_ADDR="127.0.0.1")  # nginx on the same host, appending the client's address
    try:
        for _ in range(30):
            wrong_password(proxy, seeker, HTTP_X_FORWARDED_FOR="198.51.100.7")

        stopped = wrong_password(proxy, seeker, HTTP_X_FORWARDED_FOR="198.51.100.7")
        other = wrong_password(proxy, seeker, HTTP_X_FORWARDED_FOR="198.51.100.8")

        assert stopped.status_code == 429
        assert other.status_code != 429
    finally:
        cache.delete_many(["throttle_login_198.51.100.7", "throttle_login_198.51.100.8"])
