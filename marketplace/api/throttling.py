"""Request throttling by client address, and the address the services record.

DRF's default identification trusts any X-Forwarded-For header when `NUM_PROXIES` is unset, which
would let a client pick a fresh identity per request and walk past the login and SMS limits. Here
the header is read only when the connection comes from one of our own proxies
(`TRUSTED_PROXIES`, loopback by default) and `NUM_PROXIES` says how many stand in front: a client
that reaches the server directly is known by its own address, whatever header it sends.

The counts live in the cache (Redis in production). When Redis is down a throttle cannot count:
signing in goes on (refusing everyone is worse than an hour without a limit, and the outage is
logged), but SMS codes, which cost money and can be abused to flood a number, wait with a clear
message until it is back.
"""

from __future__ import annotations

import ipaddress
import logging
from functools import lru_cache

from django.conf import settings
from django.utils.translation import gettext_lazy as _
from rest_framework.exceptions import APIException
from rest_framework.request import Request
from rest_framework.settings import api_settings
from rest_framework.throttling import BaseThrottle, ScopedRateThrottle

logger = logging.getLogger(__name__)

# Scopes whose limit protects money or third parties: without the cache they refuse, not allow.
FAIL_CLOSED_SCOPES = frozenset({"sms"})


class ThrottleUnavailable(APIException):
    status_code = 503
    default_detail = _("服务繁忙，请稍后再试。")
    default_code = "throttle_unavailable"


@lru_cache(maxsize=8)
def _trusted(networks: tuple[str, ...]) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    return tuple(ipaddress.ip_network(n, strict=False) for n in networks)


def _from_trusted_proxy(remote: str | None) -> bool:
    try:
        address = ipaddress.ip_address((remote or "").strip())
    except ValueError:
        return False
    networks = _trusted(tuple(getattr(settings, "TRUSTED_PROXIES", ("127.0.0.1/32", "::1/128"))))
    return any(address in network for network in networks)


def client_ip(request: Request) -> str | None:
    """The client's IP address, or None when what we have is not one."""
    remote = request.META.get("REMOTE_ADDR")
    if api_settings.NUM_PROXIES is None or not _from_trusted_proxy(remote):
        candidate = remote
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

    def allow_request(self, request: Request, view) -> bool:
        try:
            return super().allow_request(request, view)
        except Exception as exc:  # the cache (Redis) is unreachable: no count can be kept
            if getattr(view, "throttle_scope", None) in FAIL_CLOSED_SCOPES:
                logger.error("throttle cache unavailable, refusing %s: %s", request.path, exc)
                raise ThrottleUnavailable() from exc
            logger.error("throttle cache unavailable, allowing %s without a limit: %s", request.path, exc)
            return True
