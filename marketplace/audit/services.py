"""Writing the personal-data audit log: the one road for every view, export and change."""

from __future__ import annotations

import logging

from marketplace.audit.context import current_ip
from marketplace.audit.models import AuditAction, PersonalDataAccess

access_log = logging.getLogger("jiuyetong.access")


def audit(user, action: str, record: str, record_id: object = "", *, why: str = "") -> PersonalDataAccess:
    """Record that `user` viewed, exported or changed a person's data; also a line in the access log."""
    label = f"{getattr(user, 'display_name', '') or ''} {getattr(user, 'masked_phone', '')}".strip()
    entry = PersonalDataAccess.objects.create(
        actor=user if getattr(user, "pk", None) else None,
        actor_label=(label or "system")[:60],
        action=action,
        record=record[:40],
        record_id=str(record_id)[:40],
        why=why[:200],
        ip=current_ip.get(),
    )
    access_log.info("user %s %s %s %s (%s) from %s", getattr(user, "pk", None), action, record, record_id, why,
                    entry.ip or "-")  # fmt: skip
    return entry


def audit_view(user, record: str, record_id: object, *, why: str = "") -> PersonalDataAccess:
    return audit(user, AuditAction.VIEW, record, record_id, why=why)


def audit_export(user, record: str, *, why: str = "") -> PersonalDataAccess:
    return audit(user, AuditAction.EXPORT, record, why=why)


def audit_change(user, record: str, record_id: object, *, why: str = "") -> PersonalDataAccess:
    return audit(user, AuditAction.CHANGE, record, record_id, why=why)
