"""A board's numbered event log (零工市场): what every phone on a county's board is told, in order.

Every change to a gig writes its `BoardEvent`s in the change's own transaction, numbered per board
without gaps (`_next_seqs`), and they are broadcast to the board's Channels group after commit,
one message per transaction. The table is the catch-up log: a phone that missed frames (lost
connection, a dropped broadcast) asks for the events after the last number it saw
(`events_after`, used by the socket and by the REST catch-up alike).

Lock: `_next_seqs` takes the board's `BoardSequence` row until the transaction ends; callers hold
the gig's row first (see services.claims), so no two writers can deadlock.
"""

from __future__ import annotations

from typing import Any

from django.db import connection

from livestream.gigs.models import BoardEvent, BoardSequence, Gig, board_group
from marketplace.effects import broadcast_after_commit

# The message type consumers of a board handle (GigBoardConsumer.board_event).
BOARD_MESSAGE_TYPE = "board.event"
# The most events one catch-up read returns; a client asks again from the last one it got.
CATCH_UP_LIMIT = 500


def gig_board_payload(gig: Gig) -> dict[str, Any]:
    """What a board shows of a gig: public facts only, JSON-ready."""
    poster = gig.poster_name
    return {
        "id": gig.pk,
        "title": gig.title,
        "poster": poster,
        "county": gig.county,
        "town": gig.town,
        "work_date": gig.work_date.isoformat(),
        "start_time": gig.start_time.strftime("%H:%M"),
        "end_time": gig.end_time.strftime("%H:%M"),
        "pay": gig.pay,
        "pay_unit": gig.pay_unit,
        "pay_display": gig.pay_display,
        "places": gig.places,
        "places_left": gig.places_left,
        "status": gig.status,
        # Off the board (its employer is blacklisted): phones take the card down; back when lifted.
        "withdrawn": gig.withdrawn_at is not None,
        "meeting_point": gig.meeting_point,
        "skills": list(gig.skills),
        "certificates_required": list(gig.certificates_required),
        "priority_groups": list(gig.priority_groups),
        "priority_until": gig.priority_until.isoformat() if gig.priority_until else None,
        "priority_radius_km": gig.priority_radius_km,
        "lat": gig.lat,
        "lon": gig.lon,
    }


def _next_seqs(area: str, count: int = 1) -> range:
    """Take the board's next `count` numbers. Locks the board's sequence row until the transaction ends.

    One upsert statement both creates the row for a new board and advances an existing one, so
    two first writers cannot both insert. Writers of one board are serialised by the row lock and
    commit in number order; a rolled-back writer rolls its increment back, so numbers have no gaps.
    """
    table = connection.ops.quote_name(BoardSequence._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (area, last_seq) VALUES (%s, %s) "  # noqa: S608 - table name from the model
            f"ON CONFLICT (area) DO UPDATE SET last_seq = {table}.last_seq + %s RETURNING last_seq",
            [area, count, count],
        )
        last = cursor.fetchone()[0]
    return range(last - count + 1, last + 1)


def board_last_seq(area: str) -> int:
    return BoardSequence.objects.filter(area=area).values_list("last_seq", flat=True).first() or 0


def events_after(area: str, after: int, *, before: int | None = None, limit: int = CATCH_UP_LIMIT) -> list[BoardEvent]:
    """The board's events numbered after `after` (and before `before`), in order, at most `limit`."""
    events = BoardEvent.objects.filter(area=area, seq__gt=after)
    if before is not None:
        events = events.filter(seq__lt=before)
    return list(events.order_by("seq")[:limit])


def record_many(gig: Gig, changes: list[tuple[str, dict[str, Any]]]) -> list[BoardEvent]:
    """Write the board events of a transaction's changes to one gig (kind, payload); broadcast after commit."""
    events = BoardEvent.objects.bulk_create(
        [
            BoardEvent(area=gig.area, seq=seq, kind=kind, gig=gig, payload=payload)
            for seq, (kind, payload) in zip(_next_seqs(gig.area, len(changes)), changes, strict=True)
        ]
    )
    frames = [event.frame() for event in events]
    broadcast_after_commit(
        board_group(gig.area),
        {"type": BOARD_MESSAGE_TYPE, "frames": frames},
        # The events are in the table either way: clients catch up from there.
        what=f"board events {frames[0]['seq']}–{frames[-1]['seq']} of {gig.area}",
    )
    return events


def record(gig: Gig, kind: str) -> BoardEvent:
    """Write the board event of a change, inside the change's transaction; broadcast after commit."""
    return record_many(gig, [(kind, gig_board_payload(gig))])[0]
