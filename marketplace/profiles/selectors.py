"""Read queries of worker profiles."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from marketplace.accounts.models import phone_digest
from marketplace.profiles.models import WorkerProfile


def profile_by_phone(phone: str) -> WorkerProfile:
    """The job seeker's profile registered with this phone; refused in Chinese when there is none.

    Staff find a worker they organise this way (a trip, a dispatch batch); one without an account is
    sent to 代办 to be registered with their consent.
    """
    profile = WorkerProfile.objects.select_related("user").filter(user__phone_digest=phone_digest(phone or "")).first()
    if profile is None:
        raise ValidationError({"phone": _("这个手机号还没有求职者账号，可在“代办”里征得本人同意后代为注册。")},
                              code="not_registered")  # fmt: skip
    return profile


def profile_list_visible_to_employers() -> QuerySet[WorkerProfile]:
    return WorkerProfile.objects.filter(visibility="open")
