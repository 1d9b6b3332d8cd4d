"""Data of the real-time app, one package per feature: the gig market (零工市场, livestream.gigs),
recruitment events (livestream.events) and live rooms (直播送岗, livestream.live). Django finds
every model through this module."""

from livestream.events.models import (
    Booth,
    EventApplication,
    EventNotice,
    EventRegistration,
    EventSeries,
    RecruitmentEvent,
)
from livestream.gigs.models import (
    BoardEvent,
    BoardSequence,
    Gig,
    GigClaim,
    GigClaimTransition,
    GigRating,
    GigSettlement,
    WageComplaint,
    WageComplaintStep,
    WorkerAvailability,
)
from livestream.live.models import LiveApplication, LiveCard, LiveMessage, LiveMute, LivePresence, LiveRoom

__all__ = [
    "BoardEvent",
    "BoardSequence",
    "Booth",
    "EventApplication",
    "EventNotice",
    "EventRegistration",
    "EventSeries",
    "Gig",
    "GigClaim",
    "GigClaimTransition",
    "GigRating",
    "GigSettlement",
    "LiveApplication",
    "LiveCard",
    "LiveMessage",
    "LiveMute",
    "LivePresence",
    "LiveRoom",
    "RecruitmentEvent",
    "WageComplaint",
    "WageComplaintStep",
    "WorkerAvailability",
]
