"""Data of the real-time app: recruitment events (events.py) and live rooms (直播送岗, live.py)."""

from livestream.models.events import (
    Booth,
    EventApplication,
    EventNotice,
    EventRegistration,
    EventSeries,
    RecruitmentEvent,
)
from livestream.models.live import (
    LiveApplication,
    LiveCard,
    LiveMessage,
    LiveMute,
    LivePresence,
    LiveRoom,
)

__all__ = [
    "Booth",
    "EventApplication",
    "EventNotice",
    "EventRegistration",
    "EventSeries",
    "LiveApplication",
    "LiveCard",
    "LiveMessage",
    "LiveMute",
    "LivePresence",
    "LiveRoom",
    "RecruitmentEvent",
]
