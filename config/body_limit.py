"""A cap on request bodies, enforced while they arrive rather than after they have been stored.

Django's ASGI handler reads a whole body (spooling it to disk) before any view or setting can
look at it, so an anonymous 200 MB chunked POST to the sign-in endpoint was read to the end.
This middleware sits in front of Django: a declared ``Content-Length`` over the limit is refused
before a byte is read, and a chunked body is counted as it comes and cut off at the limit. The
answer is a 413 in Chinese, in the API's error shape under ``/api/``.

The limit covers the largest thing anyone sends on purpose: a 5 MB photo or import file with its
multipart envelope.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import override

from marketplace.api.errors import error_body

logger = logging.getLogger(__name__)

Scope = dict[str, Any]


class BodyTooLarge(Exception):
    pass


class BodyLimitMiddleware:
    def __init__(self, app: Any, max_bytes: int | None = None) -> None:
        self.app = app
        self.max_bytes = max_bytes

    @property
    def limit(self) -> int:
        return self.max_bytes if self.max_bytes is not None else settings.REQUEST_BODY_MAX_BYTES

    async def __call__(self, scope: Scope, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            logger.warning("Refused a %d-byte body for %s (limit %d)", declared, scope.get("path"), limit)
            await _refuse(scope, send, limit)
            return

        received = 0
        started = False

        async def counted_receive() -> dict[str, Any]:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    raise BodyTooLarge
            return message

        async def tracked_send(message: dict[str, Any]) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted_receive, tracked_send)
        except BodyTooLarge:
            logger.warning("Cut off a body for %s after %d bytes (limit %d)", scope.get("path"), received, limit)
            if not started:
                await _refuse(scope, send, limit)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


async def _refuse(scope: Scope, send: Any, limit: int) -> None:
    with override(settings.LANGUAGE_CODE):
        message = _("提交的内容太大（超过 %(mb)d MB），请压缩或分开提交。") % {"mb": limit // (1024 * 1024)}
    if scope.get("path", "").startswith("/api/"):
        body = json.dumps(error_body("request_too_large", message), ensure_ascii=False).encode()
        content_type = b"application/json"
    else:
        body = f"<!doctype html><meta charset=utf-8><title>{message}</title><p>{message}</p>".encode()
        content_type = b"text/html; charset=utf-8"
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", content_type),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
