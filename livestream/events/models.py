"""Recruitment events (周周招聘, 天天招聘, 巡回招聘, 专场): series, occurrences, booths, tickets.

A weekly or daily series generates its occurrences a few weeks ahead; each occurrence is a
`RecruitmentEvent` of its own that seekers sign up for and employers take booths at. One-off
events (roving fairs, special sessions) are events without a series.
"""

from __future__ import annotations

import datetime

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from livestream.events.enums import BoothStatus, EventKind, EventStatus, NoticeKind, RegistrationStatus
from marketplace.places.position import Position


class EventFields(Position):
    """What a series hands down to each occurrence it generates."""

    kind = models.CharField(_("类型"), max_length=10, choices=EventKind.choices, default=EventKind.WEEKLY)
    title = models.CharField(_("名称"), max_length=80)
    description = models.TextField(_("介绍"), blank=True)
    # Organiser: a cooperation station, or the bureau itself when empty.
    station = models.ForeignKey(
        "marketplace.CooperationStation", on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    venue_name = models.CharField(_("场地"), max_length=80, blank=True)
    address = models.CharField(_("地址"), max_length=200, blank=True)
    county = models.CharField(_("县市"), max_length=30, blank=True)
    # An online room (直播间) is linked by the livestream app; this only says the event has one.
    online = models.BooleanField(_("线上直播"), default=False)
    target_groups = models.JSONField(_("面向群体"), default=list, blank=True)
    capacity = models.PositiveIntegerField(_("可报名人数"), default=200)
    created_by = models.ForeignKey("marketplace.User", on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True

    @property
    def organiser_name(self) -> str:
        return self.station.name if self.station_id else "州人力资源和社会保障局"

    @property
    def place_display(self) -> str:
        return " ".join(p for p in (self.county, self.venue_name) if p) or ("线上" if self.online else "")


class EventSeries(EventFields):
    """A recurring fair: e.g. every Wednesday 09:00–12:00 at the county's job centre."""

    weekdays = models.JSONField(_("每周举办日"), default=list, help_text=_("0=周一 … 6=周日"))
    start_time = models.TimeField(_("开始时间"))
    end_time = models.TimeField(_("结束时间"))
    starts_on = models.DateField(_("首场日期"))
    until = models.DateField(_("截止日期"), null=True, blank=True)
    weeks_ahead = models.PositiveSmallIntegerField(_("提前生成周数"), default=4)
    active = models.BooleanField(_("启用"), default=True)

    class Meta:
        ordering = ["title"]
        verbose_name = verbose_name_plural = _("招聘会系列")

    def __str__(self) -> str:
        return self.title


class RecruitmentEvent(EventFields):
    series = models.ForeignKey(EventSeries, on_delete=models.SET_NULL, null=True, blank=True, related_name="events")
    # The series day this occurrence stands for: one occurrence per day, however often generation runs.
    series_date = models.DateField(null=True, blank=True, editable=False)
    # Edited on its own: a later edit of the series leaves it alone.
    detached = models.BooleanField(default=False, editable=False)
    starts_at = models.DateTimeField(_("开始时间"))
    ends_at = models.DateTimeField(_("结束时间"))
    status = models.CharField(_("状态"), max_length=10, choices=EventStatus.choices, default=EventStatus.OPEN)
    cancel_reason = models.CharField(_("取消原因"), max_length=200, blank=True)
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = verbose_name_plural = _("招聘会")
        constraints = [
            models.UniqueConstraint(fields=["series", "series_date"], name="event_once_per_series_day"),
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")), name="event_ends_after_start"
            ),
        ]
        indexes = [models.Index(fields=["status", "starts_at"])]

    def __str__(self) -> str:
        return f"{self.title} {timezone.localtime(self.starts_at):%Y-%m-%d}"

    @property
    def group_name(self) -> str:
        return f"event.{self.pk}"

    @property
    def is_cancelled(self) -> bool:
        return self.status == EventStatus.CANCELLED

    def has_ended(self, now: datetime.datetime | None = None) -> bool:
        return (now or timezone.now()) >= self.ends_at

    @property
    def when_display(self) -> str:
        """“3月15日（周三）09:00–12:00”."""
        start, end = timezone.localtime(self.starts_at), timezone.localtime(self.ends_at)
        day = f"{start.month}月{start.day}日（周{'一二三四五六日'[start.weekday()]}）"
        if start.date() == end.date():
            return f"{day}{start:%H:%M}–{end:%H:%M}"
        return f"{day}{start:%H:%M} – {end.month}月{end.day}日 {end:%H:%M}"


class Booth(models.Model):
    """An employer's stand at one event, with the published jobs it brings; staff approve it."""

    event = models.ForeignKey(RecruitmentEvent, on_delete=models.CASCADE, related_name="booths")
    employer = models.ForeignKey("marketplace.Employer", on_delete=models.CASCADE, related_name="booths")
    postings = models.ManyToManyField("marketplace.JobPosting", blank=True, related_name="booths")
    status = models.CharField(_("状态"), max_length=10, choices=BoothStatus.choices, default=BoothStatus.PENDING)
    note = models.CharField(_("审核意见"), max_length=200, blank=True)
    registered_by = models.ForeignKey("marketplace.User", on_delete=models.SET_NULL, null=True, related_name="+")
    decided_by = models.ForeignKey(
        "marketplace.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = verbose_name_plural = _("招聘会展位")
        constraints = [models.UniqueConstraint(fields=["event", "employer"], name="one_booth_per_employer")]

    def __str__(self) -> str:
        return f"{self.employer} @ {self.event}"


class EventRegistration(models.Model):
    """A seeker's sign-up and ticket. The ticket code is random (60 bits), stored to be looked up."""

    event = models.ForeignKey(RecruitmentEvent, on_delete=models.CASCADE, related_name="registrations")
    profile = models.ForeignKey("marketplace.WorkerProfile", on_delete=models.CASCADE, related_name="event_tickets")
    ticket_code = models.CharField(_("票码"), max_length=16, unique=True, editable=False)
    status = models.CharField(
        _("状态"), max_length=10, choices=RegistrationStatus.choices, default=RegistrationStatus.ACTIVE
    )
    walk_in = models.BooleanField(_("现场登记"), default=False)
    checked_in_at = models.DateTimeField(_("签到时间"), null=True, blank=True)
    checked_in_by = models.ForeignKey(
        "marketplace.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(_("报名时间"), default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = verbose_name_plural = _("招聘会报名")
        constraints = [models.UniqueConstraint(fields=["event", "profile"], name="sign_up_once")]

    def __str__(self) -> str:
        return f"{self.profile} @ {self.event}"

    @property
    def ticket_display(self) -> str:
        """The code in groups of four, as people read it aloud or type it."""
        code = self.ticket_code
        return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


class EventNotice(models.Model):
    """A reminder or cancellation notice sent for one registration; the constraint makes it once only."""

    registration = models.ForeignKey(EventRegistration, on_delete=models.CASCADE, related_name="notices")
    kind = models.CharField(max_length=12, choices=NoticeKind.choices)
    sent_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = verbose_name_plural = _("招聘会通知")
        constraints = [models.UniqueConstraint(fields=["registration", "kind"], name="notice_once")]

    def __str__(self) -> str:
        return f"{self.kind} → {self.registration_id}"


class EventApplication(models.Model):
    """An application a seeker made from an event's page: outcomes count these per event and employer."""

    event = models.ForeignKey(RecruitmentEvent, on_delete=models.CASCADE, related_name="applications")
    application = models.OneToOneField("marketplace.Application", on_delete=models.CASCADE, related_name="event_link")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = verbose_name_plural = _("招聘会投递")

    def __str__(self) -> str:
        return f"{self.application_id} @ {self.event_id}"
