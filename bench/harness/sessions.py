"""Signed-in sessions for many users at once: the cookie a login would leave, without the login.

A load test needs hundreds of authenticated WebSocket clients; logging each one in over HTTP
would measure the password hasher, not the board. The session written here holds exactly what
`django.contrib.auth.login` stores (user id, backend, auth hash), so the server's
`AuthMiddlewareStack` resolves the cookie to the user as it does in production.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib import import_module

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY
from django.contrib.sessions.backends.base import VALID_KEY_CHARS
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.utils.crypto import get_random_string

from marketplace.models import User

BATCH = 500


def _login_data(user: User) -> dict[str, str]:
    return {
        SESSION_KEY: user._meta.pk.value_to_string(user),
        BACKEND_SESSION_KEY: settings.AUTHENTICATION_BACKENDS[0],
        HASH_SESSION_KEY: user.get_session_auth_hash(),
    }


def session_cookies(users: Iterable[User]) -> list[str]:
    """One new signed-in session per user, in order; each item is a `Cookie` header value.

    Database sessions are written in batches (one INSERT per 500 users); any other engine gets
    one `create()` per user through its own store.
    """
    users = list(users)
    store_class = import_module(settings.SESSION_ENGINE).SessionStore
    name = settings.SESSION_COOKIE_NAME
    if not issubclass(store_class, DatabaseSessionStore):
        cookies = []
        for user in users:
            store = store_class()
            store.update(_login_data(user))
            store.create()
            cookies.append(f"{name}={store.session_key}")
        return cookies
    model = store_class.get_model_class()
    template = store_class()
    expires = template.get_expiry_date()
    rows = [
        # 32 random characters from the engine's alphabet, as the engine draws them; a collision
        # would fail the INSERT rather than hand one user another's session.
        model(session_key=get_random_string(32, VALID_KEY_CHARS), session_data=template.encode(_login_data(user)),
              expire_date=expires)
        for user in users
    ]  # fmt: skip
    model.objects.bulk_create(rows, batch_size=BATCH)
    return [f"{name}={row.session_key}" for row in rows]
