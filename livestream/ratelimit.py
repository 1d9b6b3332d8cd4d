"""Per-connection flood control for the product's WebSockets.

More than `limit` frames within `window` seconds are refused with an error frame (the phone may
just be on a bad network and resending); a connection that keeps going after `max_refusals`
refusals is closed with 4429.
"""

from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass

from django.utils.translation import gettext as _

from livestream.protocol import ProtocolError

CLOSE_TOO_MANY = 4429


@dataclass(frozen=True)
class Verdict:
    refuse: ProtocolError | None = None
    close: int | None = None


class FrameRateLimiter:
    def __init__(self, limit: int = 10, window: float = 1.0, max_refusals: int = 20) -> None:
        self.limit, self.window, self.max_refusals = limit, window, max_refusals
        self.recent: deque[float] = deque()
        self.refusals = 0

    def check(self) -> Verdict:
        now = time.monotonic()
        while self.recent and now - self.recent[0] > self.window:
            self.recent.popleft()
        if len(self.recent) < self.limit:
            self.recent.append(now)
            return Verdict()
        self.refusals += 1
        if self.refusals > self.max_refusals:
            return Verdict(close=CLOSE_TOO_MANY)
        return Verdict(refuse=ProtocolError("rate_limited", _("操作太频繁，请稍后再试。")))
