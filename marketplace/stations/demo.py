"""The demo's rosters: seeded workers on each station's roster, with follow-ups answered or due.

Made through the services, as staff would make them, so the hand-overs, follow-up calendar and
wage-arrears cases are the real ones. About three in four went organised, so the share shown on
the roster page sits near the plan's 70% and some counties fall short of it.
"""

from __future__ import annotations

import datetime

from marketplace.models import Employer, RosterEntry, WageArrearsCase
from marketplace.places import COUNTY_BY_NAME
from marketplace.seed.core import SeedContext, weighted
from marketplace.seed.workers import SeedWorker
from marketplace.stations import services
from marketplace.stations.enums import ArrivalRoute

PER_STATION = 14
ROUTES = ((ArrivalRoute.TRIP, 30), (ArrivalRoute.STATION, 20), (ArrivalRoute.DISPATCH, 15),
          (ArrivalRoute.APPLICATION, 10), (ArrivalRoute.SELF, 25))  # fmt: skip


def seed_rosters(ctx: SeedContext, workers: list[SeedWorker]) -> int:
    """Put seeded workers on each station's roster and answer the follow-ups already due; returns entries."""
    adults = [w for w in workers if 18 <= w.age <= 55 and w.profile.name]
    made = 0
    taken: set[int] = set()
    for city, station in ctx.stations.items():
        staff = ctx.station_staff[city]
        employers = list(Employer.objects.filter(station=station))
        pool = [w for w in adults if w.profile.pk not in taken]
        chosen = ctx.rng.sample(pool, min(PER_STATION, len(pool)))
        for worker in chosen:
            taken.add(worker.profile.pk)
            profile = worker.profile
            employer = ctx.rng.choice(employers) if employers and ctx.rng.random() < 0.7 else None
            entry = services.roster_add(
                by=staff, station=station, name=profile.name, phone=worker.user.phone,
                home_county=profile.current_county if profile.current_county in COUNTY_BY_NAME else "凯里市",
                home_township=profile.hukou_township or profile.current_town,
                key_groups=list(worker.groups), employer=employer,
                employer_name="" if employer else ctx.rng.choice(("电子厂", "服装厂", "物流园", "建筑工地")),
                start_date=ctx.today - datetime.timedelta(days=ctx.rng.randint(10, 230)),
                route=weighted(ctx.rng, ROUTES),
            )  # fmt: skip
            RosterEntry.objects.filter(pk=entry.pk).update(profile=profile)
            _answer_due(ctx, entry, staff)
            made += 1
    return made


def _answer_due(ctx: SeedContext, entry: RosterEntry, staff) -> None:
    for follow_up in entry.follow_ups.filter(due_on__lte=ctx.today).order_by("months"):
        entry.refresh_from_db()
        if entry.status != "working" or ctx.rng.random() < 0.25:  # left already, or not reached yet
            return
        left = ctx.rng.random() < 0.08
        unpaid = not left and ctx.rng.random() < 0.07
        services.follow_up_answer(
            follow_up=follow_up, by=staff if ctx.rng.random() < 0.5 else None,
            still_employed=not left, paid_on_time=not unpaid, housing_ok=ctx.rng.random() > 0.1,
            problem=("上个月工资到现在还没发" if unpaid else "回老家照顾孩子" if left else ""),
        )  # fmt: skip


def release_rosters(phone_digests: list[str]) -> int:
    """Before seeded accounts go: their roster entries and the arrears cases about them."""
    entries = RosterEntry.objects.filter(phone_digest__in=phone_digests)
    deleted = WageArrearsCase.objects.filter(roster_entry__in=entries).delete()[0]
    return deleted + entries.delete()[0]
