"""What the posting and claim tests post through gig_post, and what the board logged of a gig."""

from __future__ import annotations

import datetime

from livestream.gigs.models import BoardEvent, Gig
from marketplace.enums import PayUnit
from tests.factories import tomorrow


def gig_data(**extra) -> dict:
    return {"title": "果园摘梨", "county": "凯里市", "town": "舟溪镇", "work_date": tomorrow(),
            "start_time": datetime.time(7, 30), "end_time": datetime.time(16, 0), "pay": 150,
            "pay_unit": PayUnit.DAY, "places": 3, "meeting_point": "舟溪镇政府门口", **extra}  # fmt: skip


def events_of(gig: Gig) -> list[tuple[int, str, int]]:
    return list(BoardEvent.objects.filter(gig=gig).order_by("seq").values_list("seq", "kind", "payload__places_left"))
