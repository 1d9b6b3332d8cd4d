"""Searching the audit log (bureau staff only: the page checks the role)."""

from __future__ import annotations

import datetime

from django.db.models import Q, QuerySet

from marketplace.audit.models import PersonalDataAccess


def audit_search(*, who: str = "", record: str = "", record_id: str = "", action: str = "",
                 since: datetime.date | None = None,
                 until: datetime.date | None = None) -> QuerySet[PersonalDataAccess]:  # fmt: skip
    qs = PersonalDataAccess.objects.all()
    if who:
        qs = qs.filter(Q(actor_label__icontains=who))
    if record:
        qs = qs.filter(record=record)
    if record_id:
        qs = qs.filter(record_id=record_id)
    if action:
        qs = qs.filter(action=action)
    if since:
        qs = qs.filter(at__date__gte=since)
    if until:
        qs = qs.filter(at__date__lte=until)
    return qs
