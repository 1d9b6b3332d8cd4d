"""Every API error in one shape, in Chinese, whatever raised it.

    {"error": {"code": "duplicate_application", "message": "你已投递过该岗位……", "fields": {}}}

Services raise Django's ValidationError (a message, or field → messages) and PermissionDenied;
DRF raises its own exceptions while parsing, authenticating and throttling. All of them end here.
`code` is stable and meant for programs; `message` is for the person; `fields` holds per-field
messages keyed by the request's field names (nested ones joined with dots: "skills.0").
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.settings import api_settings
from rest_framework.views import set_rollback

from marketplace.accounts.services import RateLimited
from marketplace.api.parsers import MSG_NUL, RefuseNul

# Service refusals of a well-formed request because of the current state of things: 409.
CONFLICT_CODES = frozenset(
    {
        "application_bad_transition",
        "booth_own",
        "check_in_not_open",
        "complaint_bad_transition",
        "complaint_under_way",
        "gig_already_rated",
        "gig_checkin_bad_token",
        "gig_checkin_no_place",
        "gig_checkin_too_early",
        "gig_checkin_too_far",
        "gig_checkin_too_late",
        "gig_no_location",
        "gig_not_running",
        "gig_not_started",
        "settlement_amount_unknown",
        "settlement_bad_transition",
        "settlement_not_paid",
        "settlement_not_piece_rate",
        "duplicate_application",
        "duplicate_registration",
        "employer_blacklisted",
        "employer_unverified",
        "event_cancelled",
        "event_closed",
        "event_full",
        "gig_bad_transition",
        "gig_certificate_missing",
        "gig_claim_bad_transition",
        "gig_claim_too_late",
        "gig_full",
        "gig_not_open",
        "gig_priority_only",
        "gig_started",
        "no_profile",
        "otp_already_enrolled",
        "phone_taken",
        "posting_bad_transition",
        "posting_closed",
        "posting_not_at_event",
        "posting_not_open",
        "registration_cancelled",
        "registration_checked_in",
        "ticket_cancelled",
        "ticket_other_event",
    }
)
# Service refusals that depend on who asks rather than on what was sent: 403.
FORBIDDEN_CODES = frozenset({"account_inactive", "employer_register_role", "otp_required", "otp_enrolment_required"})

INVALID = "invalid"
MSG_INVALID = _("提交的内容有误，请按提示修改。")
MSG_NOT_AUTHENTICATED = _("请先登录。")
MSG_FORBIDDEN = _("您没有权限进行此操作。")
MSG_CSRF = _("页面已过期，请刷新后重试。")
MSG_NOT_FOUND = _("找不到该内容。")
MSG_METHOD = _("不支持该请求方式。")
MSG_THROTTLED = _("操作太频繁，请稍后再试。")
MSG_PARSE = _("请求内容格式不正确。")
MSG_MEDIA_TYPE = _("不支持该内容类型。")
MSG_NOT_ACCEPTABLE = _("无法提供所要求的格式。")
MSG_GENERIC = _("请求未能完成，请稍后再试。")
MSG_UNAVAILABLE = _("服务暂时不可用，请稍后再试。")

# (field or None, message, code)
ErrorItem = tuple[str | None, str, str]


def error_body(code: str, message: str, fields: dict[str, list[str]] | None = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": str(message), "fields": fields or {}}}


def _response(http_status: int, code: str, message: str, fields=None, headers=None) -> Response:
    set_rollback()
    return Response(error_body(code, message, fields), status=http_status, headers=headers)


def _drf_items(detail: Any, prefix: str | None = None) -> Iterator[ErrorItem]:
    """Flatten DRF's nested error detail (dicts by field, dicts by list index, lists of messages)."""
    if isinstance(detail, dict):
        for key, value in detail.items():
            nested = None if key == api_settings.NON_FIELD_ERRORS_KEY else str(key)
            yield from _drf_items(value, f"{prefix}.{nested}" if prefix and nested else (nested or prefix))
    elif isinstance(detail, list):
        for position, value in enumerate(detail):
            if isinstance(value, dict):  # a list of nested objects: keep the position
                yield from _drf_items(value, f"{prefix}.{position}" if prefix else str(position))
            else:
                yield from _drf_items(value, prefix)
    else:
        yield prefix, str(detail), getattr(detail, "code", None) or INVALID


def _django_items(exc: DjangoValidationError) -> Iterator[ErrorItem]:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            for error in errors:
                for message in error:
                    yield (None if field == NON_FIELD_ERRORS else field), str(message), error.code or INVALID
    else:
        for error in exc.error_list:
            for message in error:
                yield None, str(message), error.code or INVALID


def _validation_response(items: list[ErrorItem]) -> Response:
    fields: dict[str, list[str]] = {}
    general: list[str] = []
    for field, message, _code in items:
        if field is None:
            general.append(message)
        else:
            fields.setdefault(field, []).append(message)
    codes = {code for _field, _message, code in items}
    code = codes.pop() if len(codes) == 1 else INVALID
    message = " ".join(general) if general else str(MSG_INVALID)
    if code in FORBIDDEN_CODES:
        http_status = status.HTTP_403_FORBIDDEN
    elif code in CONFLICT_CODES:
        http_status = status.HTTP_409_CONFLICT
    else:
        http_status = status.HTTP_400_BAD_REQUEST
    return _response(http_status, code, message, fields)


def _is_csrf_failure(exc: exceptions.PermissionDenied) -> bool:
    # DRF's SessionAuthentication words it this way and gives it no code of its own.
    return str(exc.detail).startswith("CSRF Failed")


def exception_handler(exc: Exception, context: dict[str, Any]) -> Response | None:
    """DRF's EXCEPTION_HANDLER: anything not handled here (a bug) stays a 500."""
    if isinstance(exc, RateLimited):
        (_field, message, code), *_rest = list(_django_items(exc))
        return _response(status.HTTP_429_TOO_MANY_REQUESTS, code, message)
    if isinstance(exc, DjangoValidationError):
        return _validation_response(list(_django_items(exc)))
    if isinstance(exc, exceptions.ValidationError):
        return _validation_response(list(_drf_items(exc.detail)))
    if isinstance(exc, DjangoPermissionDenied):
        return _response(status.HTTP_403_FORBIDDEN, "permission_denied", str(exc) or str(MSG_FORBIDDEN))
    if isinstance(exc, Http404 | exceptions.NotFound):
        return _response(status.HTTP_404_NOT_FOUND, "not_found", MSG_NOT_FOUND)
    if isinstance(exc, exceptions.NotAuthenticated | exceptions.AuthenticationFailed):
        # Session authentication names no scheme, so DRF would turn this into a 403; a client needs
        # to tell "sign in" apart from "not allowed", so it stays a 401.
        return _response(
            status.HTTP_401_UNAUTHORIZED, "not_authenticated", MSG_NOT_AUTHENTICATED,
            headers={"WWW-Authenticate": 'Session realm="api"'},
        )  # fmt: skip
    if isinstance(exc, exceptions.PermissionDenied):
        if _is_csrf_failure(exc):
            return _response(status.HTTP_403_FORBIDDEN, "csrf_failed", MSG_CSRF)
        return _response(status.HTTP_403_FORBIDDEN, "permission_denied", MSG_FORBIDDEN)
    if isinstance(exc, exceptions.MethodNotAllowed):
        return _response(status.HTTP_405_METHOD_NOT_ALLOWED, "method_not_allowed", MSG_METHOD)
    if isinstance(exc, exceptions.Throttled):
        headers = {"Retry-After": str(math.ceil(exc.wait))} if exc.wait else None
        return _response(status.HTTP_429_TOO_MANY_REQUESTS, "throttled", MSG_THROTTLED, headers=headers)
    if isinstance(exc, exceptions.UnsupportedMediaType):
        return _response(status.HTTP_415_UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type", MSG_MEDIA_TYPE)
    if isinstance(exc, RefuseNul):
        return _response(status.HTTP_400_BAD_REQUEST, "nul_character", MSG_NUL)
    if isinstance(exc, exceptions.ParseError):
        return _response(status.HTTP_400_BAD_REQUEST, "parse_error", MSG_PARSE)
    if isinstance(exc, exceptions.NotAcceptable):
        return _response(status.HTTP_406_NOT_ACCEPTABLE, "not_acceptable", MSG_NOT_ACCEPTABLE)
    if isinstance(exc, exceptions.APIException):
        return _response(exc.status_code, exc.default_code, MSG_GENERIC)
    return None
