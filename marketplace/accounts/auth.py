"""Signing in with a mobile number (password); SMS-code login goes through accounts.services."""

from __future__ import annotations

from django.contrib.auth.backends import ModelBackend

from marketplace.accounts.models import User, phone_digest


class PhoneBackend(ModelBackend):
    """Accepts the phone number as typed, in the `phone` or the `username` (admin form) argument."""

    def authenticate(self, request, phone: str | None = None, password: str | None = None, **kwargs):
        phone = phone or kwargs.get("username") or kwargs.get(User.USERNAME_FIELD)
        if not phone or password is None:
            return None
        try:
            user = User.objects.get(phone_digest=phone_digest(phone))
        except User.DoesNotExist:
            User().set_password(password)  # same work either way: no timing hint that the number exists
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None


# The dotted path `login()` records in the session, for sign-ins that did not go through authenticate().
PHONE_BACKEND = f"{PhoneBackend.__module__}.{PhoneBackend.__qualname__}"
