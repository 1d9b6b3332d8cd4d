"""Background work of the real-time app, one module per feature (gigs.tasks, events.tasks).

Celery discovers `livestream.tasks` only; importing the features' task modules here registers
them, and their schedules make up the app's part of beat's.
"""

from __future__ import annotations

from livestream.events import tasks as events
from livestream.gigs import tasks as gigs

__all__ = ["BEAT_SCHEDULE"]

BEAT_SCHEDULE = {**events.BEAT_SCHEDULE, **gigs.BEAT_SCHEDULE}
