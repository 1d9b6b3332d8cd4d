"""The gig market (零工市场): same-day work, claimed place by place, announced on county boards.

A gig belongs to the board of its county (`area`, an ASCII name Channels can use as a group).
Every change to a board is also a numbered `BoardEvent`, so a phone that lost its connection
asks for the events after the last number it saw instead of reloading everything.
"""

from __future__ import annotations

import datetime
import hashlib
import re

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marketplace.enums import GIG_CLAIM_ACTIVE, BoardEventKind, GigClaimStatus, GigStatus, PayUnit

AREA_PATTERN = re.compile(r"^[a-z0-9-]{1,32}$")


def board_area(county: str) -> str:
    """The board of a county: its GB/T 2260 code when known, else a stable ASCII slug of the name.

    Channels group names must be ASCII, and the name must not change when the gazetteer grows,
    so unknown counties get a digest of their name rather than a running number.
    """
    # Imported here: the seed package imports the models, and this runs long after they are loaded.
    from marketplace.services.seed.places import COUNTY_BY_NAME

    county = county.strip()
    known = COUNTY_BY_NAME.get(county)
    if known is not None:
        return known.code
    return "c-" + hashlib.sha1(county.encode("utf-8")).hexdigest()[:12]  # noqa: S324 - a name, not a secret


def board_group(area: str) -> str:
    return f"gigs.{area}"


class Gig(models.Model):
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
    lat = models.FloatField(_("纬度"), null=True, blank=True)
    lon = models.FloatField(_("经度"), null=True, blank=True)
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
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
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
        super().save(*args, **kwargs)

    @property
    def group_name(self) -> str:
        return board_group(self.area)

    @property
    def starts_at(self) -> datetime.datetime:
        return timezone.make_aware(datetime.datetime.combine(self.work_date, self.start_time))

    @property
    def pay_display(self) -> str:
        return f"{self.pay} {PayUnit(self.pay_unit).label}"


class GigClaim(models.Model):
    gig = models.ForeignKey(Gig, on_delete=models.CASCADE, related_name="claims")
    profile = models.ForeignKey("marketplace.WorkerProfile", on_delete=models.CASCADE, related_name="gig_claims")
    status = models.CharField(_("状态"), max_length=10, choices=GigClaimStatus.choices, default=GigClaimStatus.CLAIMED)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
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


class GigClaimTransition(models.Model):
    claim = models.ForeignKey(GigClaim, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(max_length=10, choices=GigClaimStatus.choices, blank=True)
    to_status = models.CharField(max_length=10, choices=GigClaimStatus.choices)
    by = models.ForeignKey("marketplace.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    note = models.CharField(max_length=200, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.from_status or '-'} → {self.to_status}"


class BoardSequence(models.Model):
    """The last event number of a board; its row lock orders a board's writers (see services.gigs)."""

    area = models.CharField(max_length=32, primary_key=True)
    last_seq = models.PositiveBigIntegerField(default=0)

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
        ordering = ["area", "seq"]
        constraints = [models.UniqueConstraint(fields=["area", "seq"], name="board_event_seq_once")]

    def __str__(self) -> str:
        return f"{self.area}#{self.seq} {self.kind}"

    def frame(self) -> dict:
        """The WebSocket frame (and catch-up item) of this event."""
        return {"type": "event", "area": self.area, "seq": self.seq, "kind": self.kind, "gig": self.payload}
