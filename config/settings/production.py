"""Production: PostgreSQL, Redis (channel layer, broker, results) and Elasticsearch.

Every service is named by the environment; a missing one is a start-up error that says which
variable to set, never a silent fallback to the embedded parts.
"""

from __future__ import annotations

import dj_database_url
from redis.asyncio.retry import Retry
from redis.backoff import NoBackoff
from redis.exceptions import ConnectionError as RedisConnectionError

from config.settings.base import *  # noqa: F403
from config.settings.env import env_bool, env_float, env_int, env_list, env_required, env_str

RUN_MODE = "production"
_SEE_README = "See README.md, 'Production settings'."

SECRET_KEY = env_required("DJANGO_SECRET_KEY", f"Set a long random secret. {_SEE_README}")
DEBUG = env_bool("DJANGO_DEBUG", False)
FIELD_ENCRYPTION_KEYS = env_required(
    "FIELD_ENCRYPTION_KEYS", f"Comma-separated secrets; the first encrypts personal data. {_SEE_README}"
).split(",")
ALLOWED_HOSTS = env_required("DJANGO_ALLOWED_HOSTS", f"Comma-separated host names. {_SEE_README}").split(",")
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

DATABASES = {
    "default": dj_database_url.parse(
        env_required("DATABASE_URL", f"e.g. postgres://user:pass@host:5432/db. {_SEE_README}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
# A pool of connections per process (psycopg_pool, through Django). Under ASGI every request runs
# its database work in a thread of its own, and with persistent connections each thread kept one:
# 200 signed-in users on two daphne processes took PostgreSQL past its 200 connections and a third
# of the requests failed (`python -m bench load`). The pool caps a process at
# DATABASE_POOL_MAX_SIZE connections. A request waits up to DATABASE_POOL_TIMEOUT seconds for one,
# then gets the 503 a database outage gets: short, because while PostgreSQL is down the pool waits
# all of it, and a phone should hear 服务暂时不可用 within seconds. Connections are checked before
# they are handed out (CONN_HEALTH_CHECKS), so a PostgreSQL restart costs no request.
# A failed connection attempt is retried with doubling pauses (1, 2, 4 s…) for reconnect_timeout;
# after an outage of a few seconds the next try could come 4 s after PostgreSQL was back, and the
# requests waiting meanwhile got 503 (the test that stops PostgreSQL under traffic caught it).
# Giving up on an attempt after 2 s instead lets the next request start a fresh one at once.
# Off by default for now (0: a persistent connection per thread).
DATABASE_POOL_MAX_SIZE = env_int("DATABASE_POOL_MAX_SIZE", 0)
if DATABASE_POOL_MAX_SIZE > 0:
    DATABASES["default"]["CONN_MAX_AGE"] = 0  # Django refuses persistent connections beside a pool
    DATABASES["default"].setdefault("OPTIONS", {})["pool"] = {
        "min_size": 1,
        "max_size": DATABASE_POOL_MAX_SIZE,
        "timeout": env_int("DATABASE_POOL_TIMEOUT", 3),
        "reconnect_timeout": 2.0,
    }

REDIS_URL = env_required("REDIS_URL", f"e.g. redis://127.0.0.1:6379/0. {_SEE_README}")

CHANNEL_LAYERS = {
    "default": {
        "BACKEND": "livestream.layers.RecoveringRedisChannelLayer",
        "CONFIG": {
            # channels-redis waits for messages with a 5 s blocking BZPOPMIN; redis-py 8 reads with a 5 s
            # socket timeout by default, so an idle socket's consumer died with 1011. Read longer than that.
            "hosts": [
                {
                    "address": REDIS_URL,
                    "socket_timeout": env_int("CHANNELS_REDIS_SOCKET_TIMEOUT", 30),
                    "socket_connect_timeout": 1,
                    # redis-py's pool refuses the 101st connection (MaxConnectionsError): a burst of
                    # handshakes after a restart took that to HTTP 500. Redis itself allows 10,000.
                    "max_connections": env_int("CHANNELS_REDIS_MAX_CONNECTIONS", 2000),
                    # After Redis restarts, every pooled connection is dead and its next command
                    # fails ("Connection closed by server"): reconnect and send it once more.
                    "retry": Retry(NoBackoff(), 1),
                    "retry_on_error": [RedisConnectionError],
                }
            ],
            "prefix": env_str("CHANNELS_PREFIX", "jyt"),
            # Messages a channel may hold in Redis before new ones are dropped (default 100). A board's
            # relay repairs a loss from the table, but a busy process should not need to.
            "capacity": env_int("CHANNELS_CAPACITY", 1000),
        },
    }
}

CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", REDIS_URL)
if CELERY_BROKER_URL.startswith("redis://"):
    # kombu's Redis transport with a safe close: a worker that lost Redis mid-poll reconnects.
    CELERY_BROKER_TRANSPORT = "config.broker:Transport"
CELERY_RESULT_BACKEND = env_str("CELERY_RESULT_BACKEND", REDIS_URL)
CELERY_TASK_ALWAYS_EAGER = False
# Two deployments (or a staging copy) sharing one Redis keep their tasks apart by queue name.
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_TASK_DEFAULT_QUEUE", "celery")
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Queuing a task happens after a user's change committed, inside their request. With Redis down
# it must fail at once (the effect is logged, and each caller has its catch-up: the index outbox,
# the board's event table, beat), never retry for seconds while the phone waits.
CELERY_TASK_PUBLISH_RETRY = False
CELERY_BROKER_CONNECTION_TIMEOUT = env_float("CELERY_BROKER_CONNECTION_TIMEOUT", 1.0)
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "socket_connect_timeout": CELERY_BROKER_CONNECTION_TIMEOUT,
    "socket_timeout": 5,
    "max_retries": 0,  # a sender's connection attempt is not retried (the worker's own reconnects are)
}
# Nothing reads task results; storing them made every send touch the result backend as well.
CELERY_TASK_IGNORE_RESULT = True

SEARCH_BACKENDS = {
    "default": {
        "BACKEND": "matching.search.elasticsearch",
        # One node's URL, or a cluster's nodes separated by commas.
        "URL": env_required("ELASTICSEARCH_URL", f"e.g. http://127.0.0.1:9200. {_SEE_README}"),
        # Copies of each shard on other nodes: 1 on a cluster, so that a node may stop while
        # searches go on; 0 on a single node, where a replica could never be placed (yellow).
        # New indices take it; `search_index --rebuild` applies a change to the live ones.
        "REPLICAS": env_int("ELASTICSEARCH_REPLICAS", 0),
        "INDEX_PREFIX": env_str("ELASTICSEARCH_INDEX_PREFIX", "jyt"),
        "TIMEOUT": env_int("ELASTICSEARCH_TIMEOUT", 10),
        # Text is segmented by jieba and indexed with `whitespace`, which every distribution has;
        # a cluster with the IK or smartcn plugin may name its analyzer instead (then rebuild).
        "ANALYZER": env_str("ELASTICSEARCH_ANALYZER", "whitespace"),
    }
}
# A production server that cannot reach its search engine refuses to start.
SEARCH_REQUIRE_AT_STARTUP = env_bool("SEARCH_REQUIRE_AT_STARTUP", True)

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.redis.RedisCache",
        "LOCATION": env_str("CACHE_URL", REDIS_URL),
        # Throttles and marks live here: with Redis down a request must learn it in a second.
        "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2},
    }
}

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Client addresses for throttling come from X-Forwarded-For, trusting this many proxies in front,
# and only on connections from our proxies' addresses (a client reaching daphne directly is known
# by its own address, whatever header it sends).
REST_FRAMEWORK = {**REST_FRAMEWORK, "NUM_PROXIES": env_int("DJANGO_NUM_PROXIES", 1)}
TRUSTED_PROXIES = env_list("DJANGO_TRUSTED_PROXIES", ["127.0.0.1/32", "::1/128"])

# HTTPS behind the bureau's reverse proxy, which sets X-Forwarded-Proto.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", True)
SESSION_COOKIE_SECURE = env_bool("DJANGO_SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", False)
# Preloading binds the whole registered domain for months: an explicit opt-in, not a default.
SILENCED_SYSTEM_CHECKS = [] if SECURE_HSTS_PRELOAD else ["security.W021"]
SECURE_CONTENT_TYPE_NOSNIFF = True
