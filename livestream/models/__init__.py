"""The livestream app's data: live rooms (直播送岗) here; recruitment events in their own module."""

from livestream.models.live import (
    LiveApplication,
    LiveCard,
    LiveMessage,
    LiveMute,
    LivePresence,
    LiveRoom,
    RoomStatus,
)

__all__ = ["LiveApplication", "LiveCard", "LiveMessage", "LiveMute", "LivePresence", "LiveRoom", "RoomStatus"]
