"""Settings shared by every way of running the product.

The run mode (embedded default or production) only changes which services back the same code:
database, channel layer, Celery broker and search backend. Nothing here or elsewhere asks
whether it is under test.
"""

from __future__ import annotations

from pathlib import Path

from config.settings.env import env_bool, env_float, env_int, env_json_object, env_list, env_str

# Which services back the product; each run-mode module sets it (shown by /healthz).
RUN_MODE = "base"

BASE_DIR = Path(__file__).resolve().parent.parent.parent
# Files the product writes at run time (SQLite database, embedded index, built model, uploads).
VAR_DIR = Path(env_str("JYT_VAR_DIR", str(BASE_DIR / "var")))

# Overridden in production from DJANGO_SECRET_KEY; this one only signs local sessions.
SECRET_KEY = env_str("DJANGO_SECRET_KEY", "embedded-only-insecure-key-change-me-in-production")
DEBUG = env_bool("DJANGO_DEBUG", False)
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["127.0.0.1", "localhost", "[::1]"])

INSTALLED_APPS = [
    # daphne first: its runserver serves HTTP and WebSocket through the ASGI application.
    "daphne",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "channels",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    # TOTP devices for staff's second factor (marketplace.accounts.second_factor)
    "django_otp",
    "django_otp.plugins.otp_totp",
    "marketplace",
    "matching",
    "livestream",
    "frontend",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "config.middleware.RefuseNulMiddleware",
    "config.middleware.AuditContextMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, and sync-only: under daphne Django runs a stack in the mode of its innermost
    # middleware, and Django's own in async mode hop to a thread for each of their hooks (9
    # thread hand-offs a request here, against 6 when the whole stack runs in one thread).
    "config.concurrency.ConcurrencyLimitMiddleware",
]

ROOT_URLCONF = "config.urls"
ASGI_APPLICATION = "config.asgi.application"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "marketplace.User"
AUTHENTICATION_BACKENDS = ["marketplace.accounts.auth.PhoneBackend"]
LOGIN_URL = "/login/"

# Keys for personal data at rest (ID and phone numbers). The first encrypts, all decrypt, so a
# new key goes first and old ones stay until re-encrypted. Embedded runs derive one locally.
FIELD_ENCRYPTION_KEYS = env_list("FIELD_ENCRYPTION_KEYS", ["embedded-only-" + SECRET_KEY])

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# The UI is Chinese; logs and code stay English.
LANGUAGE_CODE = "zh-hans"
LANGUAGES = [("zh-hans", "简体中文")]
TIME_ZONE = env_str("DJANGO_TIME_ZONE", "Asia/Shanghai")
USE_I18N = True
USE_TZ = True
LOCALE_PATHS = [BASE_DIR / "locale"]

STATIC_URL = "/static/"
STATIC_ROOT = Path(env_str("DJANGO_STATIC_ROOT", str(VAR_DIR / "static")))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("DJANGO_MEDIA_ROOT", str(VAR_DIR / "media")))
# Largest request body accepted, counted while it arrives (config/body_limit.py): a 5 MB photo or
# import file with its multipart envelope. Django's own limit on form fields stays as it is.
REQUEST_BODY_MAX_BYTES = env_int("REQUEST_BODY_MAX_BYTES", 8 * 1024 * 1024)
# Where backup_database and restore_database find pg_dump and pg_restore; empty: Debian's
# /usr/lib/postgresql/<major>/bin, then PATH (marketplace/backups.py).
POSTGRES_BIN_DIR = env_str("POSTGRES_BIN_DIR", "")

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "marketplace.api.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "marketplace.api.pagination.Pagination",
    "PAGE_SIZE": 20,
    # Errors as {"error": {"code", "message", "fields"}} in Chinese, whatever raised them.
    "EXCEPTION_HANDLER": "marketplace.api.errors.exception_handler",
    "DEFAULT_AUTHENTICATION_CLASSES": ["rest_framework.authentication.SessionAuthentication"],
    # DRF's parsers, refusing NUL characters that PostgreSQL cannot store or compare (a 500 before).
    "DEFAULT_PARSER_CLASSES": [
        "marketplace.api.parsers.JSONParser",
        "marketplace.api.parsers.FormParser",
        "marketplace.api.parsers.MultiPartParser",
    ],
    "DEFAULT_THROTTLE_RATES": {"sms": "10/hour", "login": "30/hour"},
}
SPECTACULAR_SETTINGS = {
    "TITLE": "就业通 API",
    "DESCRIPTION": "Job-matching marketplace of the prefecture's public employment service.",
    "VERSION": "0.1.0",
    # Swagger UI from the installed sidecar package, not a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    # One schema name per choice set, however many serializer fields use it.
    "ENUM_NAME_OVERRIDES": {
        f"{name}Enum": f"marketplace.enums.{name}"
        for name in (
            "Role",
            "JobType",
            "PayUnit",
            "PostingStatus",
            "VerificationStatus",
            "IntegrityGrade",
            "Education",
            "Gender",
            "KeyGroup",
            "Availability",
            "ProfileVisibility",
            "ApplicationStatus",
        )
    }
    | {
        f"{name}Enum": f"livestream.gigs.enums.{name}"
        for name in (
            "GigStatus",
            "GigClaimStatus",
            "CheckInMethod",
            "SettlementStatus",
            "RatingSide",
            "ComplaintStatus",
        )
    }
    | {"SelfServiceRoleEnum": [("seeker", "求职者"), ("employer", "用人单位")]}
    | {
        f"{name}Enum": f"livestream.events.enums.{name}"
        for name in ("EventKind", "EventStatus", "BoothStatus", "RegistrationStatus")
    }
    | {
        f"{name}Enum": f"marketplace.stations.enums.{name}"
        for name in ("ArrivalRoute", "RosterStatus", "ContactStatus", "Owner", "AnsweredVia")
    }
    | {f"{name}Enum": f"marketplace.trips.enums.{name}" for name in ("TripStatus", "SeatStatus")}
    | {f"{name}Enum": f"marketplace.plan.enums.{name}" for name in ("Measure", "Comparison", "Standing")}
    | {f"{name}Enum": f"marketplace.ratings.enums.{name}" for name in ("Service", "Score")}
    | {f"{name}Enum": f"marketplace.training.enums.{name}" for name in ("CourseKind", "EnrolmentStatus")}
    | {f"{name}Enum": f"marketplace.disputes.enums.{name}" for name in ("DisputeKind", "Track", "Outcome")}
    | {
        f"{name}Enum": f"marketplace.arrears.models.{name}"
        for name in ("ArrearsSource", "ArrearsStatus", "ArrearsOutcome")
    },
}

# Celery: broker and eagerness are set per run mode.
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = TIME_ZONE
# A task that hangs must not hold a worker for ever.
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 300)
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 240)
# Acknowledge after the task ran, so a worker killed mid-task leaves the message for another.
CELERY_TASK_ACKS_LATE = True

# Expensive requests (search, recommendations, candidates) a person may have in flight at once
# (config.concurrency); 0 turns the limit off.
REQUEST_CONCURRENCY_PER_CLIENT = env_int("REQUEST_CONCURRENCY_PER_CLIENT", 3)
EXPENSIVE_PATHS = [r"^/api/search/", r"^/api/recommendations/", r"^/api/postings/\d+/candidates$", r"^/jobs/$",
                   r"^/me/recommended/$"]  # fmt: skip

# How long personal data outlives its purpose (marketplace.retention, swept nightly).
RETENTION_SMS_CODES_DAYS = env_int("RETENTION_SMS_CODES_DAYS", 30)
RETENTION_READ_NOTIFICATIONS_DAYS = env_int("RETENTION_READ_NOTIFICATIONS_DAYS", 180)
RETENTION_CLOSED_APPLICATIONS_DAYS = env_int("RETENTION_CLOSED_APPLICATIONS_DAYS", 730)
# The personal-data audit log: at least six months by law; three years unless the bureau says otherwise.
RETENTION_AUDIT_DAYS = max(env_int("RETENTION_AUDIT_DAYS", 1095), 183)
# A pool process warms up (model, dictionaries) before it reports ready; Celery's 4 s default
# would take that for a hung child and replace it, forever.
CELERY_WORKER_PROC_ALIVE_TIMEOUT = env_float("CELERY_WORKER_PROC_ALIVE_TIMEOUT", 120.0)
CELERY_WORKER_PREFETCH_MULTIPLIER = 1

# SMS: a dotted path to a backend class (marketplace.sms); the default writes to the log.
SMS_BACKEND = env_str("SMS_BACKEND", "marketplace.sms.ConsoleSmsBackend")
SMS_CODE_TTL_SECONDS = env_int("SMS_CODE_TTL_SECONDS", 300)
SMS_CODES_PER_NUMBER_PER_HOUR = env_int("SMS_CODES_PER_NUMBER_PER_HOUR", 5)
SMS_CODES_PER_IP_PER_HOUR = env_int("SMS_CODES_PER_IP_PER_HOUR", 20)

# The address people reach the product at: links in SMS texts and QR codes are absolute.
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000").rstrip("/")

# Notifications (marketplace.notifications.services): how often one person may be told, so a busy
# board does not turn into spam. Every notice is still listed at /me/notifications/.
NOTIFY_GIG_NEARBY_PER_DAY = env_int("NOTIFY_GIG_NEARBY_PER_DAY", 5)
NOTIFY_SMS_PER_DAY = env_int("NOTIFY_SMS_PER_DAY", 3)
# No texts at night (local hours, start inclusive, end exclusive); the notice waits in the list.
NOTIFY_SMS_QUIET_HOURS = env_list("NOTIFY_SMS_QUIET_HOURS", ["21", "7"])
# How far from a gig an available worker is told about it, when both have coordinates.
GIG_NOTIFY_RADIUS_KM = env_int("GIG_NOTIFY_RADIUS_KM", 15)
# Gig market at the site: a location check-in counts within this many metres of the gig's coordinates,
GIG_CHECKIN_RADIUS_M = env_int("GIG_CHECKIN_RADIUS_M", 500)
# from this many minutes before the start until the end of the gig;
GIG_CHECKIN_EARLY_MINUTES = env_int("GIG_CHECKIN_EARLY_MINUTES", 60)
# a claim still without check-in this long after the end is marked no-show by the periodic task.
GIG_NO_SHOW_GRACE_MINUTES = env_int("GIG_NO_SHOW_GRACE_MINUTES", 60)

# Search backends are chosen like Django's caches: a dotted path and its options.
SEARCH_BACKENDS: dict[str, dict] = {}
# Whether start-up (ASGI application load) refuses to go on when the search engine is unreachable.
SEARCH_REQUIRE_AT_STARTUP = env_bool("SEARCH_REQUIRE_AT_STARTUP", False)

# The sentence-transformers model: a local path or a model name (see README, "Matching").
MATCHING_EMBEDDING_MODEL = env_str("MATCHING_EMBEDDING_MODEL", str(VAR_DIR / "models" / "jiuyetong-zh-static"))
# Load the model, jieba, the gazetteer and the taxonomy when a server process starts (config/asgi.py),
# so the first recommendation after a restart is as fast as the next ones.
MATCHING_WARM_UP = env_bool("MATCHING_WARM_UP", True)
# How long a seeker's 为你推荐 is remembered while neither their profile nor the index changes
# (matching.cached); 0 computes it on every request.
MATCHING_RECOMMENDATION_CACHE_SECONDS = env_int("MATCHING_RECOMMENDATION_CACHE_SECONDS", 300)
# Overrides of matching.ranking.DEFAULT_WEIGHTS, e.g. {"key_group_priority": 1.0}: the policy weights
# live here so the bureau can change them with a deployment, and the explanations show their effect.
MATCHING_WEIGHTS: dict[str, float] = env_json_object("MATCHING_WEIGHTS")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"jieba": {"level": "WARNING"}},
}

# A font file with Chinese glyphs for event posters (Debian's fonts-noto-cjk, SIL OFL 1.1); empty:
# the standard install paths are searched (livestream.events.services.posters).
POSTER_FONT_PATH = env_str("POSTER_FONT_PATH", "")
