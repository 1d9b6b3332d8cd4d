"""Where the current request comes from, for the audit log, without passing the request down.

A middleware (config.middleware.AuditContextMiddleware) sets it per request; contextvars follow
the request through sync and async code alike. Outside a request (tasks, commands) it is None.
"""

from __future__ import annotations

from contextvars import ContextVar

current_ip: ContextVar[str | None] = ContextVar("audit_current_ip", default=None)
