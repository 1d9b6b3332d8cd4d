"""What every page needs: who may open it, where each role starts, and showing service refusals.

Business rules live in the services; a view only turns their ValidationError into messages on the
form the person just filled in, so nothing they typed is lost.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from functools import wraps
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from marketplace.enums import Role
from marketplace.models import User

ROLE_HOME = {
    Role.SEEKER: "frontend:me",
    Role.EMPLOYER: "frontend:employer",
    Role.STATION: "frontend:station",
    Role.BUREAU: "frontend:bureau",
}

ROLE_REFUSAL = {
    Role.SEEKER: gettext_lazy("此页面仅供求职者使用。"),
    Role.EMPLOYER: gettext_lazy("此页面仅供用人单位使用。"),
    Role.STATION: gettext_lazy("此页面仅供劳务协作站工作人员使用。"),
    Role.BUREAU: gettext_lazy("此页面仅供人社局工作人员使用。"),
}

# Error codes services raise without naming a field, and the form field they belong to.
PASSWORD_CODES = {
    "password_too_short": "password",
    "password_too_common": "password",
    "password_entirely_numeric": "password",
    "password_too_similar": "password",
}


def role_home_url(user: User) -> str:
    """Where a signed-in person lands: their role's own start page."""
    if not user.is_authenticated:
        return reverse("frontend:login")
    return reverse(ROLE_HOME.get(user.role, "frontend:home"))


def role_required(*roles: str) -> Callable:
    """Anonymous visitors go to the login page and come back; other roles get the 403 page."""

    def decorator(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
        @wraps(view)
        def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
            user = request.user
            if not user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if user.role not in roles:
                raise PermissionDenied(ROLE_REFUSAL[roles[0]])
            if user.role == Role.STATION and user.station_id is None:
                raise PermissionDenied(_("您的账号尚未绑定劳务协作站，请联系人社局开通。"))
            return view(request, *args, **kwargs)

        return wrapped

    return decorator


def employer_member_required(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Employer pages other than the start page need a registered company first."""

    @role_required(Role.EMPLOYER)
    @wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if request.user.employer_id is None:
            return redirect("frontend:employer")
        return view(request, *args, **kwargs)

    return wrapped


def add_service_errors(form: forms.Form, exc: ValidationError, codes: dict[str, str] | None = None) -> None:
    """Put a service's refusal on the form: on the field it names, else at the top of the form."""
    codes = {**PASSWORD_CODES, **(codes or {})}
    if hasattr(exc, "error_dict"):
        for field, errors in exc.error_dict.items():
            target = field if field in form.fields else None
            for error in errors:
                form.add_error(target, list(error.messages) if field != NON_FIELD_ERRORS else error.messages)
        return
    for error in exc.error_list:
        target = codes.get(error.code or "")
        form.add_error(target if target in form.fields else None, error.messages)


def error_text(exc: ValidationError) -> str:
    """One line for a flash message."""
    return " ".join(exc.messages)


def client_ip(request: HttpRequest) -> str | None:
    """The address rate limits count against. Behind a proxy, configure it to set REMOTE_ADDR."""
    return request.META.get("REMOTE_ADDR") or None


def group_by(items: Iterable[Any], key: Callable[[Any], str], order: Iterable[str]) -> list[tuple[str, list[Any]]]:
    """Items in buckets, buckets in the given order, empty buckets left out."""
    buckets: dict[str, list[Any]] = {k: [] for k in order}
    for item in items:
        buckets.setdefault(key(item), []).append(item)
    return [(k, v) for k, v in buckets.items() if v]


def back_to(request: HttpRequest, default: str) -> HttpResponseRedirect:
    """Back to the page a form was on (a same-site `next`), else to `default`; never off the site."""
    target = request.POST.get("next") or request.GET.get("next") or ""
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return redirect(target)
    return redirect(default)


def run_service(request: HttpRequest, action: Callable[[], Any], success: str) -> bool:
    """A button's service call: a refusal becomes an error message, success a success message."""
    try:
        action()
    except ValidationError as exc:
        messages.error(request, error_text(exc))
        return False
    messages.success(request, success)
    return True
