"""Two gigs of the first demo employer, so the at-the-site pages have something to show on a first run.

Yesterday's gig is over: one worker checked out and was paid (both sides rated), one checked out
and is still waiting for the money (and complained), one never came. Tomorrow's gig has a claimed
and a confirmed worker and one place left. The demo seeker login (the first worker) took part in
yesterday's gig, the second and third logins in tomorrow's.

Written directly, not through the services: they refuse anything in the past, which is the point
here. Times are fixed on the reference day, so a run with the same --today gives the same rows.
"""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from livestream.gigs.enums import CheckInMethod, ComplaintStatus, GigClaimStatus, GigStatus, RatingSide
from livestream.gigs.models import (
    Gig,
    GigClaim,
    GigClaimTransition,
    GigRating,
    GigSettlement,
    WageComplaint,
    WageComplaintStep,
)
from livestream.gigs.services.settlements import amount_owed, hours_worked
from marketplace.enums import PayUnit
from marketplace.seed.core import SeedContext, SeedEmployer
from marketplace.seed.workers import SeedWorker

C = GigClaimStatus


def _at(day: datetime.date, hour: int, minute: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))


def _claim(gig: Gig, worker: SeedWorker, status: str, by, **fields) -> GigClaim:
    claim = GigClaim.objects.create(gig=gig, profile=worker.profile, status=status, **fields)
    GigClaimTransition.objects.create(claim=claim, from_status="", to_status=C.CLAIMED, by=worker.user)
    if status != C.CLAIMED:
        GigClaimTransition.objects.create(claim=claim, from_status=C.CLAIMED, to_status=status, by=by)
    return claim


def _settle(claim: GigClaim, *, paid_by=None, received: bool = False) -> GigSettlement:
    hours = hours_worked(claim)
    gig = claim.gig
    paid_at = claim.checked_out_at + datetime.timedelta(minutes=20) if paid_by else None
    return GigSettlement.objects.create(
        claim=claim, pay_unit=gig.pay_unit, rate=gig.pay, hours=hours,
        amount=amount_owed(gig.pay_unit, gig.pay, hours, None), status="paid" if paid_by else "unpaid",
        paid_at=paid_at, paid_by=paid_by, received_at=paid_at + datetime.timedelta(hours=1) if received else None,
    )  # fmt: skip


def seed_gigs(ctx: SeedContext, employer: SeedEmployer, workers: list[SeedWorker]) -> list[Gig]:
    """The two demo gigs (see the module's docstring). Needs at least five workers."""
    if not employer.members or len(workers) < 5 or not employer.verified:
        return []
    poster = employer.members[0]
    org = employer.employer
    yesterday, tomorrow = ctx.today - datetime.timedelta(days=1), ctx.today + datetime.timedelta(days=1)
    common = {"posted_by": poster, "employer": org, "county": org.county, "lat": org.lat, "lon": org.lon}
    done = Gig.objects.create(
        **common, title="仓库卸货", description="卸一车日用品，按小时计，管午饭。", work_date=yesterday,
        start_time=datetime.time(8, 0), end_time=datetime.time(17, 0), pay=22, pay_unit=PayUnit.HOUR, places=4,
        places_left=1, status=GigStatus.DONE, meeting_point="单位大门口", skills=["搬运"],
    )  # fmt: skip
    paid = _claim(
        done, workers[0], C.CHECKED_OUT, poster, confirmed_at=_at(yesterday, 7, 0),
        checked_in_at=_at(yesterday, 7, 52), check_in_method=CheckInMethod.QR, checked_out_at=_at(yesterday, 17, 5),
    )  # fmt: skip
    _settle(paid, paid_by=poster, received=True)
    GigRating.objects.create(
        claim=paid, side=RatingSide.WORKER_RATES_POSTER, stars=5, comment="当天结清，管饭", by=workers[0].user
    )
    GigRating.objects.create(claim=paid, side=RatingSide.POSTER_RATES_WORKER, stars=4, comment="干活踏实", by=poster)
    waiting = _claim(
        done, workers[3], C.CHECKED_OUT, poster, checked_in_at=_at(yesterday, 8, 10),
        check_in_method=CheckInMethod.LOCATION, check_in_distance_m=120, checked_out_at=_at(yesterday, 16, 40),
    )  # fmt: skip
    unpaid = _settle(waiting)
    complaint = WageComplaint.objects.create(
        claim=waiting, settlement=unpaid, amount_claimed=unpaid.amount or Decimal(0),
        description="说好当天结账，到现在还没给。", status=ComplaintStatus.OPEN,
    )  # fmt: skip
    WageComplaintStep.objects.create(
        complaint=complaint, from_status="", to_status=ComplaintStatus.OPEN, by=workers[3].user
    )
    absent = _claim(done, workers[4], C.NO_SHOW, None)
    GigRating.objects.create(
        claim=absent, side=RatingSide.POSTER_RATES_WORKER, stars=2, comment="没来也没请假", by=poster
    )

    coming = Gig.objects.create(
        **common, title="酒席帮厨", description="洗菜切菜、端盘子，管午饭。", work_date=tomorrow,
        start_time=datetime.time(7, 30), end_time=datetime.time(14, 0), pay=150, pay_unit=PayUnit.DAY, places=3,
        places_left=1, meeting_point="单位食堂门口", skills=["切菜", "洗碗"],
    )  # fmt: skip
    _claim(coming, workers[1], C.CLAIMED, None)
    _claim(coming, workers[2], C.CONFIRMED, poster, confirmed_at=_at(ctx.today, 0, 0))
    return [done, coming]


def release_accounts(user_ids: list[int]) -> int:
    """Delete the gigs seeded accounts posted (with their claims and settlements): a gig protects its poster."""
    deleted = 0
    for start in range(0, len(user_ids), 500):
        deleted += Gig.objects.filter(posted_by_id__in=user_ids[start : start + 500]).delete()[0]
    return deleted
