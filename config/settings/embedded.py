"""The embedded default: everything in one process, no servers to install.

What `make run` uses on a fresh machine: SQLite, the in-memory channel layer, Celery tasks run
inline, the in-process search backend and the offline model built by the project.
"""

from __future__ import annotations

from config.settings.base import *  # noqa: F403
from config.settings.base import LOGGING, VAR_DIR
from config.settings.env import env_bool, env_str

RUN_MODE = "embedded"
# The SQLite file and the embedded index live here; a fresh clone has no such folder yet.
VAR_DIR.mkdir(parents=True, exist_ok=True)
# Off by default, as a phone sees it: Chinese error pages, never the debug page with URL patterns.
# DJANGO_DEBUG=1 turns it on while developing.
DEBUG = env_bool("DJANGO_DEBUG", False)

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": env_str("SQLITE_PATH", str(VAR_DIR / "jiuyetong.sqlite3")),
        # Several ASGI workers and inline tasks share one file: wait instead of failing on a lock.
        "OPTIONS": {"timeout": 20},
    }
}

# One process, so groups never need to cross process boundaries.
CHANNEL_LAYERS = {"default": {"BACKEND": "channels.layers.InMemoryChannelLayer"}}

# Tasks run inline; exceptions surface in the request that caused them.
CELERY_TASK_ALWAYS_EAGER = True
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_BROKER_URL = "memory://"
CELERY_RESULT_BACKEND = "cache+memory://"
# Inline tasks would log a line for every saved row (seeding, imports); keep warnings and errors.
LOGGING["loggers"]["celery.app.trace"] = {"level": "WARNING"}

SEARCH_BACKENDS = {
    "default": {
        "BACKEND": "matching.search.embedded",
        "PATH": env_str("EMBEDDED_SEARCH_PATH", str(VAR_DIR / "search")),
    }
}

# Static files straight from the apps' folders: no collectstatic step for a first run.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = DEBUG
