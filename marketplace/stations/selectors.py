"""What a station's staff, the bureau and a worker see of rosters, and the organised share."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet
from django.db.models.functions import TruncMonth

from marketplace.enums import Role
from marketplace.models import CooperationStation, FollowUp, RosterEntry, User
from marketplace.stations.enums import ArrivalRoute, Owner, RosterStatus

# 外出务工组织化程度: the plan's floor, per county.
ORGANISED_TARGET = 0.70


def stations_for(user: User) -> QuerySet[CooperationStation]:
    if user.role == Role.BUREAU:
        return CooperationStation.objects.all()
    if user.role == Role.STATION and user.station_id:
        return CooperationStation.objects.filter(pk=user.station_id)
    return CooperationStation.objects.none()


def roster_for(user: User, *, station: CooperationStation | None = None) -> QuerySet[RosterEntry]:
    """Entries the user may see: their station's (staff), every station's (bureau), their own (a worker)."""
    entries = RosterEntry.objects.select_related("station", "employer", "profile")
    if user.role == Role.BUREAU:
        pass
    elif user.role == Role.STATION and user.station_id:
        entries = entries.filter(station_id=user.station_id)
    elif user.role == Role.SEEKER:
        entries = entries.filter(profile__user_id=user.pk)
    else:
        return entries.none()
    if station is not None:
        entries = entries.filter(station=station)
    return entries


def roster_filtered(entries: QuerySet[RosterEntry], *, query: str = "", status: str = "", owner: str = "",
                    county: str = "") -> QuerySet[RosterEntry]:  # fmt: skip
    if query:
        entries = entries.filter(Q(name__contains=query) | Q(employer_name__contains=query)
                                 | Q(employer__name__contains=query) | Q(home_township__contains=query))  # fmt: skip
    if status in RosterStatus.values:
        entries = entries.filter(status=status)
    if owner in Owner.values:
        entries = entries.filter(owner=owner)
    if county:
        entries = entries.filter(home_county=county)
    return entries


def follow_ups_open(entries: QuerySet[RosterEntry], today: datetime.date) -> list[FollowUp]:
    """Whom staff should call: each working worker's latest follow-up that is due and unanswered.

    One line per worker, soonest first: a 1-month follow-up missed and a 3-month one now due are one
    call, not two.
    """
    due = (
        FollowUp.objects.filter(entry__in=entries, due_on__lte=today, answered_at__isnull=True,
                                entry__status=RosterStatus.WORKING)
        .select_related("entry")
        .order_by("entry_id", "-due_on")
    )  # fmt: skip
    latest: dict[int, FollowUp] = {}
    for follow_up in due:
        latest.setdefault(follow_up.entry_id, follow_up)
    return sorted(latest.values(), key=lambda f: (f.due_on, f.pk))


@dataclass(frozen=True)
class OrganisedShare:
    county: str
    month: datetime.date
    organised: int
    total: int

    @property
    def share(self) -> float:
        return self.organised / self.total if self.total else 0.0

    @property
    def met(self) -> bool:
        return self.share >= ORGANISED_TARGET


def organised_shares(entries: QuerySet[RosterEntry]) -> list[OrganisedShare]:
    """Per home county and month of arrival: workers who went organised over all known workers away.

    Computed from roster entries, never typed in: a worker who went through a station, a dispatch,
    a trip or an application on the product counts as organised; one who went on their own does not.
    """
    rows = (
        entries.annotate(month=TruncMonth("start_date"))
        .values("home_county", "month")
        .annotate(total=Count("id"), organised=Count("id", filter=~Q(route=ArrivalRoute.SELF)))
        .order_by("home_county", "month")
    )
    return [OrganisedShare(r["home_county"], r["month"], r["organised"], r["total"]) for r in rows]


def organised_by_county(entries: QuerySet[RosterEntry]) -> list[OrganisedShare]:
    """The same share over the whole period, one row per home county (month: the latest arrival's)."""
    rows = (
        entries.values("home_county")
        .annotate(total=Count("id"), organised=Count("id", filter=~Q(route=ArrivalRoute.SELF)))
        .order_by("home_county")
    )
    latest = entries.order_by("-start_date").values_list("start_date", flat=True).first() or datetime.date.today()
    return [OrganisedShare(r["home_county"], latest.replace(day=1), r["organised"], r["total"]) for r in rows]


def organised_by_month(entries: QuerySet[RosterEntry], months: int = 12) -> list[OrganisedShare]:
    """The share per month of arrival over the last `months` months, every county together."""
    since = (datetime.date.today().replace(day=1) - datetime.timedelta(days=31 * (months - 1))).replace(day=1)
    rows = (
        entries.filter(start_date__gte=since)
        .annotate(month=TruncMonth("start_date"))
        .values("month")
        .annotate(total=Count("id"), organised=Count("id", filter=~Q(route=ArrivalRoute.SELF)))
        .order_by("month")
    )
    return [OrganisedShare("", r["month"], r["organised"], r["total"]) for r in rows]
