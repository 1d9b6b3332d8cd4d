"""Tests: the production settings, against the real services `scripts/services.sh` started.

Only what plain HTTP on loopback and fast test runs need differs from production; the services
themselves are the production ones (PostgreSQL, Redis, Elasticsearch).
"""

from __future__ import annotations

import os

# Local services started by scripts/services.sh; an explicit environment wins.
os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-key-9f3c1e7a5b2d4c6e8a0b1c3d5e7f9a1b3c5d7e9f")
os.environ.setdefault("FIELD_ENCRYPTION_KEYS", "test-only-field-key-2f8e6a1c9d7b5e3f")
os.environ.setdefault("DJANGO_ALLOWED_HOSTS", "testserver,127.0.0.1,localhost")

from config.settings.env import env_bool
from config.settings.production import *  # noqa: F403
from config.settings.production import SEARCH_BACKENDS

# Tests speak plain HTTP to the test client.
SECURE_SSL_REDIRECT = False
SESSION_COOKIE_SECURE = False
CSRF_COOKIE_SECURE = False
SECURE_HSTS_SECONDS = 0

# Tests read the codes back from an in-process outbox, as with Django's locmem email backend.
SMS_BACKEND = "marketplace.sms.MemorySmsBackend"

# Hashing strength is not under test; speed is welcome.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

# Keep test documents apart from any development index on the same server.
SEARCH_BACKENDS["default"]["INDEX_PREFIX"] = os.environ.get("ELASTICSEARCH_INDEX_PREFIX", "jyt-test")

# Test modules import config.asgi at collection, before any model is built or database opened;
# tests/matching/test_warmup.py runs the warm-up itself, in process and in a started server.
MATCHING_WARM_UP = env_bool("MATCHING_WARM_UP", False)

# No collectstatic before tests: static files are served from the apps' folders.
WHITENOISE_USE_FINDERS = True
STATIC_ROOT = None

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
