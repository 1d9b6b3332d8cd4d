"""A hire or a roster entry of a household member clears the household: no staff step needed."""

from __future__ import annotations

from typing import Any

from django.db.models.signals import post_save

from marketplace.events import application_hired


def _hired(sender: Any, *, application, **kwargs: Any) -> None:
    from marketplace.households.services import household_clear_for

    household_clear_for(application.profile)


def _roster_saved(sender: Any, *, instance, raw: bool = False, **kwargs: Any) -> None:
    from marketplace.households.services import household_clear_for
    from marketplace.stations.enums import RosterStatus

    if not raw and instance.profile_id and instance.status == RosterStatus.WORKING:
        household_clear_for(instance.profile, on=instance.start_date)


def connect() -> None:
    from marketplace.models import RosterEntry

    application_hired.connect(_hired, dispatch_uid="households-clear-on-hire")
    post_save.connect(_roster_saved, sender=RosterEntry, dispatch_uid="households-clear-on-roster")
