"""Gigs follow the wage-arrears blacklist: an employer listed loses its coming gigs from every board.

The blacklist belongs to the floor (marketplace.employers), which knows nothing of gigs; this
listens to its entries being written (listed, lifted, edited in the admin) and lets
services.posting decide, in the same transaction, what comes off and what goes back.
"""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_delete, post_save


def _blacklist_written(sender: Any, *, instance, raw: bool = False, **kwargs: Any) -> None:
    from livestream.gigs.services.posting import gigs_follow_blacklist

    if not raw:
        gigs_follow_blacklist(employer_id=instance.employer_id)


def connect() -> None:
    from marketplace.models import BlacklistEntry

    post_save.connect(_blacklist_written, sender=BlacklistEntry, dispatch_uid="gigs-follow-blacklist")
    post_delete.connect(_blacklist_written, sender=BlacklistEntry, dispatch_uid="gigs-follow-blacklist-delete")
