"""`/healthz`: one JSON answer on every part the product depends on.

Each probe is independent and bounded in time, so one dead service shows as such instead of
hanging the whole answer. The embedding model is reported but does not make the service
unhealthy: matching degrades to lexical and structured signals without it.
"""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable

from asgiref.sync import async_to_sync
from channels.layers import get_channel_layer
from django.conf import settings
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.http import require_GET

from config.celery import app as celery_app
from marketplace.enums import Role
from matching.embeddings import model_status
from matching.search import get_search_backend

logger = logging.getLogger(__name__)


def check_database() -> dict:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()
    return {"vendor": connection.vendor, "version": _database_version()}


def _database_version() -> str:
    if connection.vendor == "postgresql":
        return str(connection.pg_version)
    if connection.vendor == "sqlite":
        import sqlite3

        return sqlite3.sqlite_version
    return ""


def check_channel_layer() -> dict:
    """Round-trip a message through the layer, which exercises Redis when that is the backend."""
    layer = get_channel_layer()
    if layer is None:
        raise RuntimeError("no channel layer configured")
    channel = async_to_sync(layer.new_channel)()
    token = uuid.uuid4().hex
    async_to_sync(layer.send)(channel, {"type": "health.ping", "token": token})
    message = async_to_sync(layer.receive)(channel)
    if message.get("token") != token:
        raise RuntimeError("channel layer returned a different message")
    return {"backend": f"{type(layer).__module__}.{type(layer).__name__}"}


def check_broker() -> dict:
    if celery_app.conf.task_always_eager:
        return {"mode": "eager"}
    with celery_app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=3)
        transport = conn.transport_cls
    return {"mode": "worker", "transport": str(transport)}


def check_search() -> dict:
    return get_search_backend().health()


def check_embedding_model() -> dict:
    return model_status()


PROBES: dict[str, tuple[Callable[[], dict], bool]] = {
    # name: (probe, whether a failure makes the whole service unhealthy)
    "database": (check_database, True),
    "channel_layer": (check_channel_layer, True),
    "broker": (check_broker, True),
    "search": (check_search, True),
    "embedding_model": (check_embedding_model, False),
}


def run_probes() -> tuple[bool, dict]:
    healthy = True
    report: dict[str, dict] = {}
    for name, (probe, critical) in PROBES.items():
        started = time.monotonic()
        try:
            result = {"status": "ok", **probe()}
        except Exception as exc:  # a probe must report, never raise
            logger.warning("health probe %s failed: %s", name, exc)
            result = {"status": "error", "error": f"{type(exc).__name__}: {exc}"}
            healthy = healthy and not critical
        result["ms"] = round((time.monotonic() - started) * 1000, 1)
        report[name] = result
    return healthy, report


def may_see_detail(request: HttpRequest) -> bool:
    """Versions, addresses, paths and error texts help an attacker as much as an operator: they are
    for bureau staff, and for a probe on the machine itself (loopback, not forwarded by a proxy)."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and (user.is_staff or user.role == Role.BUREAU):
        return True
    local = request.META.get("REMOTE_ADDR") in ("127.0.0.1", "::1")
    return local and "HTTP_X_FORWARDED_FOR" not in request.META


@require_GET
def healthz(request: HttpRequest) -> JsonResponse:
    healthy, report = run_probes()
    if not may_see_detail(request):  # a load balancer needs only up or down, part by part
        report = {name: {"status": result["status"]} for name, result in report.items()}
    body = {
        "status": "ok" if healthy else "error",
        "mode": settings.RUN_MODE,
        "checks": report,
    }
    return JsonResponse(body, status=200 if healthy else 503, json_dumps_params={"ensure_ascii": False})
