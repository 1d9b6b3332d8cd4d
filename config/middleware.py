"""Django middleware of the whole site (pages and API alike)."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, JsonResponse
from django.utils.translation import gettext as _

from marketplace.api.errors import error_body
from marketplace.api.parsers import contains_nul
from marketplace.audit.context import current_ip


class RefuseNulMiddleware:
    """A NUL character in the path or the query string gets a 400, before any view can query with it.

    PostgreSQL cannot compare text with NUL in it: ``?county=%00`` reached a filter and was a 500.
    Bodies are checked by the API's parsers (marketplace.api.parsers) and by Django's form fields.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if "\x00" in request.path or contains_nul(request.GET):
            message = _("提交的内容含有无法识别的字符，请删除后再试。")
            if request.path.startswith("/api/"):
                return JsonResponse(error_body("nul_character", message), status=400)
            return HttpResponseBadRequest(message, content_type="text/plain; charset=utf-8")
        return self.get_response(request)


class AuditContextMiddleware:
    """Give the audit log the address a request comes from (REMOTE_ADDR; behind a proxy, the proxy sets it)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = current_ip.set(request.META.get("REMOTE_ADDR") or None)
        try:
            return self.get_response(request)
        finally:
            current_ip.reset(token)
