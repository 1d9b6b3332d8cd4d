"""Reads of the gig market at the site: ratings, no-show counts, a worker's gigs, a poster's gigs.

Averages are computed from the ratings themselves each time (a few rows per person), so there is
no cached number to drift.
"""

from __future__ import annotations

import datetime
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Avg, Count, Prefetch, Q, QuerySet
from django.utils import timezone

from livestream.gigs.enums import (
    GIG_CLAIM_ACTIVE,
    GIG_CLAIM_FINISHED,
    ComplaintStatus,
    GigClaimStatus,
    GigStatus,
    RatingSide,
)
from livestream.gigs.models import Gig, GigClaim, GigRating, WageComplaint
from livestream.gigs.rules import can
from marketplace.models import User, WorkerProfile

C = GigClaimStatus
Rating = tuple[Decimal | None, int]

MY_GIG_TABS = {"claimed": "已抢到", "today": "今天", "done": "已结束"}


def _average(rows: QuerySet[GigRating]) -> Rating:
    result = rows.aggregate(avg=Avg("stars"), n=Count("id"))
    if not result["n"]:
        return None, 0
    return Decimal(str(result["avg"])).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP), result["n"]


def rating_text(rating: Rating) -> str:
    """“4.5 分（12 条评价）”, or "" before the first rating."""
    average, count = rating
    return f"{average} 分（{count} 条评价）" if count else ""


def poster_rating(gig: Gig) -> Rating:
    """Average stars workers gave the organisation behind this gig (employer or station), and how many."""
    rows = GigRating.objects.filter(side=RatingSide.WORKER_RATES_POSTER)
    if gig.employer_id:
        return _average(rows.filter(claim__gig__employer_id=gig.employer_id))
    if gig.station_id:
        return _average(rows.filter(claim__gig__station_id=gig.station_id))
    # A verified individual: the gigs they posted for their household.
    return _average(
        rows.filter(
            claim__gig__posted_by_id=gig.posted_by_id,
            claim__gig__employer__isnull=True,
            claim__gig__station__isnull=True,
        )
    )


def poster_ratings(gigs: list[Gig]) -> dict[int, Rating]:
    """poster_rating for many gigs, one query per organisation."""
    by_org: dict[tuple[str, int | None], Rating] = {}
    out: dict[int, Rating] = {}
    for gig in gigs:
        if gig.employer_id:
            key = ("employer", gig.employer_id)
        elif gig.station_id:
            key = ("station", gig.station_id)
        else:
            key = ("individual", gig.posted_by_id)
        if key not in by_org:
            by_org[key] = poster_rating(gig)
        out[gig.pk] = by_org[key]
    return out


def worker_rating(profile: WorkerProfile) -> Rating:
    return _average(GigRating.objects.filter(side=RatingSide.POSTER_RATES_WORKER, claim__profile=profile))


def no_show_count(profile: WorkerProfile) -> int:
    return GigClaim.objects.filter(profile=profile, status=C.NO_SHOW).count()


def claims_of_worker(*, user: User, tab: str, today: datetime.date | None = None) -> list[GigClaim]:
    """我的零工: claimed (upcoming places held), today (today's gigs), done (over, given back or ended)."""
    today = today or timezone.localdate()
    claims = (
        GigClaim.objects.filter(profile__user=user)
        .select_related("gig", "gig__employer", "gig__station", "settlement")
        .prefetch_related(
            Prefetch("ratings", queryset=GigRating.objects.filter(side=RatingSide.WORKER_RATES_POSTER)),
            Prefetch("complaints", queryset=WageComplaint.objects.order_by("-created_at")),
        )
    )
    active = [str(s) for s in GIG_CLAIM_ACTIVE]
    if tab == "claimed":
        rows = claims.filter(status__in=active, gig__work_date__gt=today).order_by("gig__work_date", "gig__start_time")
    elif tab == "today":
        rows = claims.filter(gig__work_date=today).exclude(status__in=[C.CANCELLED, C.RELEASED])
        rows = rows.order_by("gig__start_time", "id")
    else:
        over = Q(status__in=[*GIG_CLAIM_FINISHED, C.CANCELLED, C.RELEASED]) | Q(gig__work_date__lt=today)
        rows = claims.filter(over).exclude(gig__work_date=today, status__in=active).order_by("-gig__work_date", "-id")
    return list(rows[:100])


def gigs_of_poster(*, user: User) -> QuerySet[Gig]:
    """The gigs a poster manages: their employer's, their station's, or their own as an individual."""
    gigs = Gig.objects.select_related("employer", "station").annotate(
        claimers=Count("claims", filter=Q(claims__status__in=[str(s) for s in GIG_CLAIM_ACTIVE])),
        checked_in=Count("claims", filter=Q(claims__status=C.CHECKED_IN)),
        finished=Count("claims", filter=Q(claims__status=C.CHECKED_OUT)),
    )
    if user.is_employer_member:
        gigs = gigs.filter(employer_id=user.employer_id)
    elif user.is_station_staff:
        gigs = gigs.filter(station_id=user.station_id)
    elif user.is_seeker:
        gigs = gigs.filter(posted_by=user, employer__isnull=True, station__isnull=True)
    else:
        return gigs.none()
    return gigs.order_by("-work_date", "-start_time", "-id")


def claims_for_management(gig: Gig) -> list[GigClaim]:
    """Everyone who claimed a gig (those who gave their place back last), with what a poster needs."""
    claims = (
        GigClaim.objects.filter(gig=gig)
        .select_related("profile", "profile__user", "settlement")
        .prefetch_related(
            Prefetch("ratings", queryset=GigRating.objects.filter(side=RatingSide.POSTER_RATES_WORKER)),
        )
    )
    gone = {C.CANCELLED, C.RELEASED}
    return sorted(claims, key=lambda c: (c.status in gone, c.created_at, c.pk))


def no_show_counts(profiles: list[WorkerProfile]) -> dict[int, int]:
    rows = (
        GigClaim.objects.filter(profile__in=profiles, status=C.NO_SHOW)
        .values_list("profile_id")
        .annotate(n=Count("id"))
    )
    return dict(rows)


def worker_ratings(profiles: list[WorkerProfile]) -> dict[int, Rating]:
    rows = (
        GigRating.objects.filter(side=RatingSide.POSTER_RATES_WORKER, claim__profile__in=profiles)
        .values_list("claim__profile_id")
        .annotate(avg=Avg("stars"), n=Count("id"))
    )
    return {pk: (Decimal(str(avg)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP), n) for pk, avg, n in rows}


def complaints_for_staff(*, user: User, status: str = "") -> list[WageComplaint]:
    """The complaints this staff member may handle, open ones first."""
    rows = WageComplaint.objects.select_related(
        "claim", "claim__gig", "claim__gig__employer", "claim__gig__station", "claim__profile", "settlement"
    ).order_by("-created_at", "-id")
    if status in ComplaintStatus.values:
        rows = rows.filter(status=status)
    if user.is_station_staff:
        rows = rows.filter(claim__gig__station__isnull=True).filter(
            Q(claim__gig__employer__station_id=user.station_id) | Q(claim__profile__station_id=user.station_id)
        )
    order = {ComplaintStatus.OPEN: 0, ComplaintStatus.HANDLING: 1, ComplaintStatus.RESOLVED: 2}
    visible = [c for c in rows[:300] if can(user, "gig.complaint_handle", c)]
    return sorted(visible, key=lambda c: order.get(c.status, 3))


def gig_is_running(gig: Gig) -> bool:
    return gig.status in (GigStatus.OPEN, GigStatus.FULL)


def county_of_finished_claim(user, claim_id: int) -> str | None:
    """好差评: the gig's county when `user` worked this claim to the end, else None (may not rate)."""
    return (
        GigClaim.objects.filter(pk=claim_id, profile__user=user, status=GigClaimStatus.CHECKED_OUT)
        .values_list("gig__county", flat=True)
        .first()
    )


def wage_complaints_by_employer(since: datetime.date) -> dict[int, int]:
    """欠薪预警: gig wage complaints since `since`, per employer behind the gig."""
    rows = (WageComplaint.objects.filter(created_at__date__gte=since, claim__gig__employer__isnull=False)
            .values_list("claim__gig__employer_id").annotate(n=Count("id")).order_by())  # fmt: skip
    return dict(rows)
