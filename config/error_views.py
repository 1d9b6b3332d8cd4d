"""The site's 400, 403, 404 and 500 answers: the API's JSON error shape under /api/, pages elsewhere.

Django's defaults are English and HTML everywhere: a non-integer id in an API URL (no route
matches) got the HTML 404 page, a malformed multipart body or an oversized form an English
"Bad Request (400)". An API client must get the same Chinese JSON shape whatever failed.
"""

from __future__ import annotations

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string

from marketplace.api.errors import MSG_FORBIDDEN, MSG_GENERIC, MSG_NOT_FOUND, MSG_PARSE, MSG_UNAVAILABLE, error_body

# Seconds a client is asked to wait when the database is away (a restart takes a few).
RETRY_AFTER_S = 5


def _answer(
    request: HttpRequest, status: int, code: str, message: str, template: str, exception: Exception | None = None
) -> HttpResponse:
    if request.path.startswith("/api/"):
        return JsonResponse(error_body(code, message), status=status, json_dumps_params={"ensure_ascii": False})
    context = {"message": message, "exception": str(exception or "")}
    try:
        body = render_to_string(template, context, request=request if status != 500 else None)
    except TemplateDoesNotExist:
        body = f"<!doctype html><meta charset=utf-8><title>{message}</title><p>{message}</p>"
    return HttpResponse(body, status=status, content_type="text/html; charset=utf-8")


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _answer(request, 400, "bad_request", str(MSG_PARSE), "400.html")


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _answer(request, 403, "permission_denied", str(MSG_FORBIDDEN), "403.html", exception)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _answer(request, 404, "not_found", str(MSG_NOT_FOUND), "404.html")


def server_error(request: HttpRequest) -> HttpResponse:
    """500, or 503 when the database could not be reached (a restart, a failover).

    Django calls this inside its `except` block, so the exception is at hand. Wherever the
    connection failed (the session middleware, a view, a serializer), the person is told to try
    again shortly rather than that something is broken: nothing was written, and the next
    request reconnects by itself (CONN_HEALTH_CHECKS).
    """
    if isinstance(sys.exc_info()[1], OperationalError | InterfaceError):
        response = _answer(request, 503, "service_unavailable", str(MSG_UNAVAILABLE), "503.html")
        response["Retry-After"] = str(RETRY_AFTER_S)
        return response
    # No request context: whatever broke may be in a context processor too.
    return _answer(request, 500, "server_error", str(MSG_GENERIC), "500.html")
