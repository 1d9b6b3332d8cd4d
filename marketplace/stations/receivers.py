"""What stations do when the rest of the marketplace says something happened (marketplace.events)."""

from __future__ import annotations

from typing import Any

from marketplace.events import application_hired


def _hired(sender: Any, *, application, **kwargs: Any) -> None:
    from marketplace.stations.services import roster_from_hire

    roster_from_hire(application)


def connect() -> None:
    application_hired.connect(_hired, dispatch_uid="stations-roster-from-hire")
