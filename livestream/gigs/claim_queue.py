"""Claim taps of this server process, handed to the database a batch per gig at a time.

When a popular gig opens, hundreds of phones tap within a second. One transaction per tap would
queue them all on the gig's row lock, each holding it for its round trips; instead the taps that
arrive while a gig's previous batch is committing wait here and go in together as the next batch
(`gig_claim_many`, one transaction). A lone tap goes at once, so a quiet board answers as fast as
before; a busy one answers hundreds a second with exactly as many winners as places.
"""

from __future__ import annotations

import asyncio
import weakref
from typing import Any

from channels.db import database_sync_to_async
from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from livestream.gigs.models import Gig
from livestream.gigs.services.claims import ClaimOutcome, gig_claim_many
from livestream.protocol import ProtocolError
from marketplace.models import User

# A bigger batch holds the gig's lock longer; the rest of a burst simply goes in the next one.
MAX_BATCH = 200


def claim_result(gig_id: int, outcome: ClaimOutcome) -> dict[str, Any]:
    """The `claim_result` frame a claimer gets."""
    result: dict[str, Any] = {"type": "claim_result", "gig": gig_id}
    if isinstance(outcome.refusal, PermissionDenied):
        return {**result, "ok": False, "code": "permission_denied", "message": str(outcome.refusal)}
    if outcome.refusal is not None:
        refusal = ProtocolError.refusing(outcome.refusal)
        return {**result, "ok": False, "code": refusal.code, "message": refusal.message}
    return {**result, "ok": True, "claim": outcome.claim.pk, "code": "", "message": _("抢到了！请按时到集合地点。")}


@database_sync_to_async
def _claim_batch(gig_id: int, area: str, claimers: list[User]) -> list[dict[str, Any]] | ProtocolError:
    gig_area = Gig.objects.filter(pk=gig_id).values_list("area", flat=True).first()
    if gig_area is None:
        return ProtocolError("gig_not_found", _("找不到该零工。"))
    if gig_area != area:
        return ProtocolError("gig_other_board", _("该零工不在本县的零工市场。"))
    return [claim_result(gig_id, outcome) for outcome in gig_claim_many(gig=gig_id, claimers=claimers)]


class ClaimQueue:
    """The taps waiting per (board, gig) in one event loop, and the task committing each gig's batches."""

    def __init__(self) -> None:
        self.waiting: dict[tuple[str, int], list[tuple[User, asyncio.Future]]] = {}
        self.running: dict[tuple[str, int], asyncio.Task] = {}

    async def claim(self, user: User, gig_id: int, area: str) -> dict[str, Any]:
        """The claimer's `claim_result` frame; raises ProtocolError for a gig not on this board."""
        key = (area, gig_id)
        answer = asyncio.get_running_loop().create_future()
        self.waiting.setdefault(key, []).append((user, answer))
        if key not in self.running:
            self.running[key] = asyncio.ensure_future(self._commit(key))
        # Shielded: a socket closing mid-batch must not cancel the batch of everyone else's taps.
        result = await asyncio.shield(answer)
        if isinstance(result, ProtocolError):
            raise result
        return result

    async def _commit(self, key: tuple[str, int]) -> None:
        area, gig_id = key
        try:
            while self.waiting.get(key):
                queued = self.waiting[key]
                batch, self.waiting[key] = queued[:MAX_BATCH], queued[MAX_BATCH:]
                try:
                    results = await _claim_batch(gig_id, area, [user for user, _answer in batch])
                except Exception as exc:  # the database went away: every tap of the batch hears it
                    for _user, answer in batch:
                        if not answer.done():
                            answer.set_exception(exc)
                    continue
                for n, (_user, answer) in enumerate(batch):
                    if not answer.done():
                        answer.set_result(results if isinstance(results, ProtocolError) else results[n])
        finally:
            del self.running[key]
            for _user, answer in self.waiting.pop(key, []):  # only when cancelled: the server is stopping
                if not answer.done():
                    answer.set_exception(ConnectionError("the server stopped before the claim was made"))


_queues: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, ClaimQueue] = weakref.WeakKeyDictionary()


def claim_queue() -> ClaimQueue:
    """This event loop's queue (a server has one loop; each test has its own)."""
    return _queues.setdefault(asyncio.get_running_loop(), ClaimQueue())
