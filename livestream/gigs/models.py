"""The gig market (零工市场): same-day work, claimed place by place, announced on county boards.

Gigs and their claims, the numbered board events, what a day of work leaves behind (settlement,
ratings, wage complaints) and a worker's 今天可接活 flag. The tables were made by the marketplace
app and keep its names (`Meta.db_table`): the models moved, the rows never did.

A gig belongs to the board of its county (`area`, an ASCII name Channels can use as a group).
Every change to a board is also a numbered `BoardEvent`, so a phone that lost its connection
asks for the events after the last number it saw instead of reloading everything.
"""

from __future__ import annotations

import datetime
import hashlib
import re
import secrets

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from livestream.gigs.enums import (
    COMPLAINT_UNDER_WAY,
    GIG_CLAIM_ACTIVE,
    BoardEventKind,
    CheckInMethod,
    ComplaintStatus,
    GigClaimStatus,
    GigStatus,
    RatingSide,
    SettlementStatus,
)
from marketplace.enums import PayUnit
from marketplace.models import WorkerProfile
from marketplace.places import COUNTY_BY_NAME
from marketplace.places.position import Position
from marketplace.transition_log import TransitionLog

AREA_PATTERN = re.compile(r"^[a-z0-9-]{1,32}$")


def board_area(county: str) -> str:
    """The board of a county: its GB/T 2260 code when known, else a stable ASCII slug of the name.

    Channels group names must be ASCII, and the name must not change when the gazetteer grows,
    so unknown counties get a digest of their name rather than a running number.
    """
    county = county.strip()
    known = COUNTY_BY_NAME.get(county)
    if known is not None:
        return known.code
    return "c-" + hashlib.sha1(county.encode("utf-8")).hexdigest()[:12]  # noqa: S324 - a name, not a secret


def board_group(area: str) -> str:
    return f"gigs.{area}"


def new_checkin_token() -> str:
    """The secret a gig's check-in QR code carries: whoever scans it is standing at the site."""
    return secrets.token_urlsafe(18)


class Gig(Position):
    posted_by = models.ForeignKey("marketplace.User", on_delete=models.PROTECT, related_name="gigs_posted")
    # Exactly one of employer / station: who stands behind the gig.
    employer = models.ForeignKey(
        "marketplace.Employer", on_delete=models.CASCADE, null=True, blank=True, related_name="gigs"
    )
    station = models.ForeignKey(
        "marketplace.CooperationStation", on_delete=models.CASCADE, null=True, blank=True, related_name="gigs"
    )
    title = models.CharField(_("活儿"), max_length=80)
    description = models.TextField(_("说明"), blank=True)
    occupation = models.ForeignKey(
        "marketplace.Occupation", on_delete=models.SET_NULL, null=True, blank=True, related_name="gigs"
    )
    county = models.CharField(_("县市"), max_length=30)
    town = models.CharField(_("乡镇/街道"), max_length=30, blank=True)
    # The board: derived from the county on save, stored so boards can be queried by it.
    area = models.CharField(max_length=32, editable=False, db_index=True)
    work_date = models.DateField(_("日期"))
    start_time = models.TimeField(_("开工时间"))
    end_time = models.TimeField(_("收工时间"))
    pay = models.PositiveIntegerField(_("报酬"))
    pay_unit = models.CharField(_("计酬方式"), max_length=10, choices=PayUnit.choices, default=PayUnit.DAY)
    places = models.PositiveIntegerField(_("人数"))
    places_left = models.PositiveIntegerField(_("剩余名额"))
    skills = models.JSONField(_("需要的技能"), default=list, blank=True)
    certificates_required = models.JSONField(_("需要的证书"), default=list, blank=True)
    meeting_point = models.CharField(_("集合地点"), max_length=200, blank=True)
    status = models.CharField(_("状态"), max_length=10, choices=GigStatus.choices, default=GigStatus.OPEN)
    # Until priority_until only workers with a confirmed tag in one of these groups may claim.
    priority_groups = models.JSONField(_("优先群体"), default=list, blank=True)
    priority_until = models.DateTimeField(_("优先报名截止"), null=True, blank=True)
    # ...or (also) workers within this many km of the gig, by their 今天可接活 position or township.
    priority_radius_km = models.PositiveSmallIntegerField(_("附近优先（公里）"), null=True, blank=True)
    # Set while the employer behind it is on the wage-arrears blacklist: off every board, not claimable.
    withdrawn_at = models.DateTimeField(_("因欠薪黑名单下架"), null=True, blank=True)
    # Printed as a QR code at the site; empty only on gigs saved before check-in existed (filled on first use).
    checkin_token = models.CharField(max_length=32, blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        # Moved from the marketplace app; the table keeps its name (and its rows).
        db_table = "marketplace_gig"
        ordering = ["work_date", "start_time", "id"]
        verbose_name = verbose_name_plural = _("零工")
        indexes = [models.Index(fields=["area", "status", "work_date"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(places__gte=1) & Q(places_left__gte=0) & Q(places_left__lte=models.F("places")),
                name="gig_places_left_in_range",
            ),
            models.CheckConstraint(
                condition=Q(employer__isnull=True) | Q(station__isnull=True), name="gig_one_poster_organisation"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.title} ({self.work_date})"

    def save(self, *args, **kwargs) -> None:
        self.area = board_area(self.county)
        if not self.checkin_token:
            self.checkin_token = new_checkin_token()
            if kwargs.get("update_fields") is not None:
                kwargs["update_fields"] = {*kwargs["update_fields"], "checkin_token"}
        super().save(*args, **kwargs)

    @property
    def group_name(self) -> str:
        return board_group(self.area)

    @property
    def starts_at(self) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(self.work_date, self.start_time))

    @property
    def poster_name(self) -> str:
        """Who stands behind the gig, as boards show it: the organisation, or “杨女士（个人）”."""
        if self.employer_id:
            return self.employer.name
        if self.station_id:
            return self.station.name
        profile = WorkerProfile.objects.filter(user_id=self.posted_by_id).first()
        return _("%(name)s（个人）") % {"name": profile.public_name if profile else _("个人")}

    @property
    def ends_at(self) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(self.work_date, self.end_time))

    @property
    def pay_display(self) -> str:
        return f"{self.pay} {PayUnit(self.pay_unit).label}"


class GigClaim(models.Model):
    gig = models.ForeignKey(Gig, on_delete=models.CASCADE, related_name="claims")
    profile = models.ForeignKey("marketplace.WorkerProfile", on_delete=models.CASCADE, related_name="gig_claims")
    status = models.CharField(_("状态"), max_length=12, choices=GigClaimStatus.choices, default=GigClaimStatus.CLAIMED)
    # At the site (services.attendance): when and how the worker arrived and left.
    confirmed_at = models.DateTimeField(_("确认时间"), null=True, blank=True)
    checked_in_at = models.DateTimeField(_("签到时间"), null=True, blank=True)
    check_in_method = models.CharField(_("签到方式"), max_length=10, choices=CheckInMethod.choices, blank=True)
    # Metres from the gig's coordinates, for a location check-in.
    check_in_distance_m = models.PositiveIntegerField(_("签到距离（米）"), null=True, blank=True)
    checked_out_at = models.DateTimeField(_("完工时间"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        # Moved from the marketplace app; the table keeps its name (and its rows).
        db_table = "marketplace_gigclaim"
        ordering = ["created_at", "id"]
        verbose_name = verbose_name_plural = _("零工报名")
        constraints = [
            # A double tap is one claim, whatever the application code does.
            models.UniqueConstraint(
                fields=["gig", "profile"],
                condition=Q(status__in=[str(s) for s in GIG_CLAIM_ACTIVE]),
                name="gig_claim_once_active",
            )
        ]

    def __str__(self) -> str:
        return f"{self.profile} → {self.gig}"

    @property
    def is_active(self) -> bool:
        return self.status in GIG_CLAIM_ACTIVE


class GigClaimTransition(TransitionLog):
    claim = models.ForeignKey(GigClaim, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(max_length=12, choices=GigClaimStatus.choices, blank=True)
    to_status = models.CharField(max_length=12, choices=GigClaimStatus.choices)

    class Meta(TransitionLog.Meta):
        # Moved from the marketplace app; the table keeps its name (and its rows).
        db_table = "marketplace_gigclaimtransition"


class BoardSequence(models.Model):
    """The last event number of a board; its row lock orders a board's writers (see board._next_seqs)."""

    area = models.CharField(max_length=32, primary_key=True)
    last_seq = models.PositiveBigIntegerField(default=0)

    class Meta:
        # Moved from the marketplace app; the table keeps its name (and its rows).
        db_table = "marketplace_boardsequence"

    def __str__(self) -> str:
        return f"{self.area}#{self.last_seq}"


class BoardEvent(models.Model):
    area = models.CharField(max_length=32)
    seq = models.PositiveBigIntegerField()
    kind = models.CharField(max_length=20, choices=BoardEventKind.choices)
    gig = models.ForeignKey(Gig, on_delete=models.CASCADE, related_name="board_events")
    payload = models.JSONField(default=dict)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        # Moved from the marketplace app; the table keeps its name (and its rows).
        db_table = "marketplace_boardevent"
        ordering = ["area", "seq"]
        constraints = [models.UniqueConstraint(fields=["area", "seq"], name="board_event_seq_once")]

    def __str__(self) -> str:
        return f"{self.area}#{self.seq} {self.kind}"

    def frame(self) -> dict:
        """The WebSocket frame (and catch-up item) of this event."""
        return {"type": "event", "area": self.area, "seq": self.seq, "kind": self.kind, "gig": self.payload}


class GigSettlement(models.Model):
    """Created at check-out: hours worked and the amount owed, by the gig's pay unit."""

    claim = models.OneToOneField(GigClaim, on_delete=models.CASCADE, related_name="settlement")
    pay_unit = models.CharField(_("计酬方式"), max_length=10, choices=PayUnit.choices)
    # The gig's pay per unit at check-out, kept so a later edit of the gig changes no settlement.
    rate = models.PositiveIntegerField(_("单价"))
    hours = models.DecimalField(_("工时（小时）"), max_digits=5, decimal_places=2)
    pieces = models.PositiveIntegerField(_("件数"), null=True, blank=True)
    # Empty until known: a piece-rate gig waits for the poster to enter the pieces.
    amount = models.DecimalField(_("应付金额（元）"), max_digits=10, decimal_places=2, null=True, blank=True)
    status = models.CharField(
        _("付款状态"), max_length=10, choices=SettlementStatus.choices, default=SettlementStatus.UNPAID
    )
    paid_at = models.DateTimeField(_("付款时间"), null=True, blank=True)
    paid_by = models.ForeignKey("marketplace.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    received_at = models.DateTimeField(_("确认收款时间"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        # Moved from the marketplace app; the table keeps its name (and its rows).
        db_table = "marketplace_gigsettlement"
        ordering = ["-created_at", "-id"]
        verbose_name = verbose_name_plural = _("零工结算")

    def __str__(self) -> str:
        return f"{self.claim} {self.amount or '?'} 元"

    @property
    def amount_display(self) -> str:
        if self.amount is None:
            return "待填写件数"
        return f"{self.amount.normalize():f} 元" if self.amount == self.amount.to_integral() else f"{self.amount} 元"

    @property
    def hours_display(self) -> str:
        return f"{self.hours.normalize():f}"


class GigRating(models.Model):
    """1–5 stars and a short comment, once per side of a finished claim."""

    claim = models.ForeignKey(GigClaim, on_delete=models.CASCADE, related_name="ratings")
    side = models.CharField(max_length=10, choices=RatingSide.choices)
    stars = models.PositiveSmallIntegerField(_("星级"), validators=[MinValueValidator(1), MaxValueValidator(5)])
    comment = models.CharField(_("评价"), max_length=200, blank=True)
    by = models.ForeignKey("marketplace.User", on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        # Moved from the marketplace app; the table keeps its name (and its rows).
        db_table = "marketplace_gigrating"
        ordering = ["-created_at", "-id"]
        verbose_name = verbose_name_plural = _("零工评价")
        constraints = [
            models.UniqueConstraint(fields=["claim", "side"], name="gig_rating_once_per_side"),
            models.CheckConstraint(condition=Q(stars__gte=1) & Q(stars__lte=5), name="gig_rating_stars_1_to_5"),
        ]

    def __str__(self) -> str:
        return f"{self.get_side_display()} {self.stars}★"


class WageComplaint(models.Model):
    """A worker's wage dispute on a claim, for staff to handle (劳动保障监察 / 调解)."""

    claim = models.ForeignKey(GigClaim, on_delete=models.CASCADE, related_name="complaints")
    settlement = models.ForeignKey(
        GigSettlement, on_delete=models.SET_NULL, null=True, blank=True, related_name="complaints"
    )
    amount_claimed = models.DecimalField(_("主张金额（元）"), max_digits=10, decimal_places=2)
    description = models.TextField(_("情况说明"), max_length=1000)
    status = models.CharField(_("状态"), max_length=10, choices=ComplaintStatus.choices, default=ComplaintStatus.OPEN)
    # The staff's latest note; every step is also in WageComplaintStep.
    note = models.CharField(_("处理意见"), max_length=500, blank=True)
    handled_by = models.ForeignKey(
        "marketplace.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)
    resolved_at = models.DateTimeField(_("办结时间"), null=True, blank=True)

    class Meta:
        # Moved from the marketplace app; the table keeps its name (and its rows).
        db_table = "marketplace_wagecomplaint"
        ordering = ["-created_at", "-id"]
        verbose_name = verbose_name_plural = _("欠薪投诉")
        constraints = [
            models.UniqueConstraint(
                fields=["claim"],
                condition=Q(status__in=[str(s) for s in COMPLAINT_UNDER_WAY]),
                name="wage_complaint_one_under_way",
            )
        ]

    def __str__(self) -> str:
        return f"投诉#{self.pk} {self.get_status_display()}"


class WageComplaintStep(TransitionLog):
    """Who moved a complaint, from what, to what, when, and why."""

    complaint = models.ForeignKey(WageComplaint, on_delete=models.CASCADE, related_name="steps")
    from_status = models.CharField(max_length=10, choices=ComplaintStatus.choices, blank=True)
    to_status = models.CharField(max_length=10, choices=ComplaintStatus.choices)
    # As this log was first made: a longer note for staff decisions, `by` not blank in forms.
    by = models.ForeignKey("marketplace.User", on_delete=models.SET_NULL, null=True, related_name="+")
    note = models.CharField(max_length=500, blank=True)

    class Meta(TransitionLog.Meta):
        # Moved from the marketplace app; the table keeps its name (and its rows).
        db_table = "marketplace_wagecomplaintstep"


def end_of_day(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min))


class WorkerAvailability(Position):
    """今天可接活: a worker is free for gigs today, around a place, for some kinds of work.

    One row per worker and day; it lapses at midnight by itself (queries compare `expires_at`),
    so nobody has to remember to switch it off and yesterday's flag never brings a call.
    """

    profile = models.ForeignKey("marketplace.WorkerProfile", on_delete=models.CASCADE, related_name="gig_availability")
    day = models.DateField()
    county = models.CharField(_("县市"), max_length=30)
    town = models.CharField(_("乡镇/街道"), max_length=30, blank=True)
    area = models.CharField(max_length=32, editable=False, db_index=True)
    # Empty means any kind of work.
    families = models.ManyToManyField("marketplace.OccupationFamily", blank=True, related_name="+")
    note = models.CharField(_("备注"), max_length=100, blank=True)
    expires_at = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        # Moved from the marketplace app; the table keeps its name (and its rows).
        db_table = "marketplace_workeravailability"
        ordering = ["-day", "-id"]
        verbose_name = verbose_name_plural = _("今天可接活")
        constraints = [models.UniqueConstraint(fields=["profile", "day"], name="available_once_a_day")]

    def __str__(self) -> str:
        return f"{self.profile_id} {self.day} {self.county}"

    def save(self, *args, **kwargs) -> None:
        self.area = board_area(self.county)
        self.expires_at = end_of_day(self.day)
        super().save(*args, **kwargs)

    @property
    def is_current(self) -> bool:
        return self.expires_at > timezone.now()
