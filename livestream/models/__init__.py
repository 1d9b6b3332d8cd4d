"""Data of the real-time app: recruitment events (events.py); livestream rooms live beside them."""

from livestream.models.events import (
    Booth,
    EventApplication,
    EventNotice,
    EventRegistration,
    EventSeries,
    RecruitmentEvent,
)

__all__ = [
    "Booth",
    "EventApplication",
    "EventNotice",
    "EventRegistration",
    "EventSeries",
    "RecruitmentEvent",
]
