"""What a phone's socket carries to the server: the site's Origin and the session cookie of a signed-in user."""

from __future__ import annotations

from django.conf import settings
from django.test import Client

from marketplace.models import User

ORIGIN = (b"origin", b"http://testserver")


def session_cookie(user: User) -> tuple[bytes, bytes]:
    client = Client()
    client.force_login(user)
    return (b"cookie", f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}".encode())
