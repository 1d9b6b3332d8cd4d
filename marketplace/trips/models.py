"""务工人员返岗直通车: trips after the holidays from a home county to a destination city, and seats.

A seat is one worker's place on one trip. Sign-ups are served in order under the trip's row lock,
so N people racing for K seats get exactly K confirmed and the rest wait-listed by time; a trip
that seats key groups first holds every sign-up as `applied` until the deadline, then allocates.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from marketplace.trips.enums import SeatStatus, TripStatus

ACTIVE_SEATS = (SeatStatus.APPLIED, SeatStatus.CONFIRMED, SeatStatus.WAITLISTED, SeatStatus.BOARDED)


class Trip(models.Model):
    station = models.ForeignKey(
        "marketplace.CooperationStation", on_delete=models.PROTECT, related_name="trips", verbose_name=_("协作站")
    )
    title = models.CharField(_("车次名称"), max_length=60)
    home_county = models.CharField(_("出发县市"), max_length=30)
    departs_at = models.DateTimeField(_("发车时间"))
    signup_deadline = models.DateTimeField(_("报名截止"))
    seats = models.PositiveSmallIntegerField(_("座位数"))
    # [{"plate": "贵H·12345", "seats": 45}]: what the escort checks at the door.
    vehicles = models.JSONField(_("车辆"), default=list, blank=True)
    # [{"place": "凯里火车站广场", "time": "07:30"}], in the order the bus calls.
    pickup_points = models.JSONField(_("上车点"), default=list, blank=True)
    postings = models.ManyToManyField("marketplace.JobPosting", blank=True, related_name="trips")
    key_groups_first = models.BooleanField(_("重点群体优先"), default=False)
    status = models.CharField(_("状态"), max_length=10, choices=TripStatus.choices, default=TripStatus.OPEN)
    note = models.CharField(_("说明"), max_length=300, blank=True)
    allocated_at = models.DateTimeField(null=True, blank=True, editable=False)
    created_by = models.ForeignKey("marketplace.User", on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["departs_at", "id"]
        verbose_name = verbose_name_plural = _("返岗直通车")

    def __str__(self) -> str:
        return self.title


class Seat(models.Model):
    trip = models.ForeignKey(Trip, on_delete=models.CASCADE, related_name="seat_list")
    profile = models.ForeignKey("marketplace.WorkerProfile", on_delete=models.CASCADE, related_name="trip_seats")
    status = models.CharField(_("状态"), max_length=12, choices=SeatStatus.choices)
    key_group = models.BooleanField(_("重点群体"), default=False)
    # Order of sign-up on this trip: the wait-list is served in this order.
    number = models.PositiveIntegerField()
    pickup_point = models.CharField(_("上车点"), max_length=60, blank=True)
    signed_up_by = models.ForeignKey("marketplace.User", on_delete=models.SET_NULL, null=True, related_name="+")
    signed_up_at = models.DateTimeField(auto_now_add=True)
    boarded_at = models.DateTimeField(null=True, blank=True)
    arrived_at = models.DateTimeField(null=True, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["trip", "number"]
        verbose_name = verbose_name_plural = _("直通车座位")
        constraints = [
            models.UniqueConstraint(fields=["trip", "number"], name="seat_number_once"),
            # A double tap, or staff and the worker at once: one active seat per person and trip.
            models.UniqueConstraint(
                fields=["trip", "profile"], condition=Q(status__in=ACTIVE_SEATS), name="one_active_seat_per_person"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.trip} #{self.number}"
