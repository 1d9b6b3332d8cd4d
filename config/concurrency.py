"""At most a few expensive requests in flight per person: one phone cannot hold every worker.

Search and recommendations embed text, query the engine and rank (tens of milliseconds to a second
each). Throttles count requests per hour; they do not stop one client from opening fifty at once,
which would queue everyone else behind it. Here each signed-in user (or, anonymous, each client
address) may have `REQUEST_CONCURRENCY_PER_CLIENT` such requests in flight; the next gets 429 in
Chinese at once. The count lives in the cache (Redis) with a short expiry, so a process killed
mid-request cannot leave a person locked out; with the cache down the limit is not applied.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _

from marketplace.api.errors import error_body
from marketplace.api.throttling import client_ip

logger = logging.getLogger(__name__)

# Longer than any expensive request takes; a count left by a killed process lapses after it.
HOLD_SECONDS = 60


class ConcurrencyLimitMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.paths = [re.compile(p) for p in settings.EXPENSIVE_PATHS]

    def __call__(self, request: HttpRequest) -> HttpResponse:
        limit = settings.REQUEST_CONCURRENCY_PER_CLIENT
        if not limit or not any(p.match(request.path) for p in self.paths):
            return self.get_response(request)
        key = self._key(request)
        try:
            cache.add(key, 0, timeout=HOLD_SECONDS)
            in_flight = cache.incr(key)
        except Exception:  # the cache is away: serve without the limit rather than refuse everyone
            logger.warning("concurrency limit not applied to %s: cache unavailable", request.path, exc_info=True)
            return self.get_response(request)
        try:
            if in_flight > limit:
                return self._refuse(request)
            return self.get_response(request)
        finally:
            try:
                cache.decr(key)
            except Exception:  # lapsed or the cache went away: the expiry clears it
                logger.debug("concurrency count %s not released", key, exc_info=True)

    @staticmethod
    def _key(request: HttpRequest) -> str:
        user = getattr(request, "user", None)
        who = f"u{user.pk}" if user is not None and user.is_authenticated else f"ip{client_ip(request) or 'unknown'}"
        return f"inflight:{who}"

    @staticmethod
    def _refuse(request: HttpRequest) -> HttpResponse:
        message = _("上一次查询还没完成，请稍等再试。")
        if request.path.startswith("/api/"):
            response = JsonResponse(error_body("too_many_in_flight", message), status=429,
                                    json_dumps_params={"ensure_ascii": False})  # fmt: skip
        else:
            response = HttpResponse(message, status=429, content_type="text/plain; charset=utf-8")
        response["Retry-After"] = "1"
        return response
