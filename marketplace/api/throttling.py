"""Request throttling by client address, and the address the services record.

DRF's default identification trusts any X-Forwarded-For header when `NUM_PROXIES` is unset, which
would let a client pick a fresh identity per request and walk past the login and SMS limits. Here
the header is read only when `NUM_PROXIES` says how many proxies of ours stand in front.
"""

from __future__ import annotations

import ipaddress

from rest_framework.request import Request
from rest_framework.settings import api_settings
from rest_framework.throttling import BaseThrottle, ScopedRateThrottle


def client_ip(request: Request) -> str | None:
    """The client's IP address, or None when what we have is not one."""
    if api_settings.NUM_PROXIES is None:
        candidate = request.META.get("REMOTE_ADDR")
    else:
        candidate = BaseThrottle().get_ident(request)
    try:
        return str(ipaddress.ip_address((candidate or "").strip()))
    except ValueError:
        return None


class ClientScopedRateThrottle(ScopedRateThrottle):
    """`ScopedRateThrottle` (rates in `DEFAULT_THROTTLE_RATES`) keyed by `client_ip` for anonymous users."""

    def get_ident(self, request: Request) -> str:
        return client_ip(request) or "unknown"
