"""Background work of the marketplace, one module per feature (postings.tasks).

Celery discovers `marketplace.tasks` only; importing the features' task modules here registers
them, and their schedules make up the app's part of beat's.
"""

from __future__ import annotations

from marketplace.postings.tasks import BEAT_SCHEDULE as POSTING_SCHEDULE
from marketplace.postings.tasks import postings_expire

__all__ = ["BEAT_SCHEDULE", "postings_expire"]

BEAT_SCHEDULE = {**POSTING_SCHEDULE}
