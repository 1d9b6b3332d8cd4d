"""What the product told a person, and a worker's 今天可接活 (available today) flag.

A notification is stored before it is pushed: the WebSocket push and the SMS are best-effort
copies, and the list at /me/notifications/ is what a person who was offline reads later.
"""

from __future__ import annotations

import datetime

from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Notification(models.Model):
    user = models.ForeignKey("marketplace.User", on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField(max_length=30)
    title = models.CharField(_("标题"), max_length=80)
    body = models.CharField(_("内容"), max_length=300)
    url = models.CharField(max_length=300, blank=True)
    # One notice per reason: a retried task or a second trigger finds the key taken.
    dedupe_key = models.CharField(max_length=100, blank=True)
    sms_sent = models.BooleanField(default=False)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = verbose_name_plural = _("通知")
        indexes = [models.Index(fields=["user", "kind", "created_at"])]
        constraints = [
            models.UniqueConstraint(fields=["user", "dedupe_key"], condition=~Q(dedupe_key=""), name="notify_once")
        ]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.title}"

    def frame(self) -> dict:
        """The WebSocket frame of this notification (and its API item)."""
        return {
            "type": "notification",
            "id": self.pk,
            "kind": self.kind,
            "title": self.title,
            "body": self.body,
            "url": self.url,
            "created_at": self.created_at.isoformat() if self.created_at else None,
            "read": self.read_at is not None,
        }


def end_of_day(day: datetime.date) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(day + datetime.timedelta(days=1), datetime.time.min))


class WorkerAvailability(models.Model):
    """今天可接活: a worker is free for gigs today, around a place, for some kinds of work.

    One row per worker and day; it lapses at midnight by itself (queries compare `expires_at`),
    so nobody has to remember to switch it off and yesterday's flag never brings a call.
    """

    profile = models.ForeignKey("marketplace.WorkerProfile", on_delete=models.CASCADE, related_name="gig_availability")
    day = models.DateField()
    county = models.CharField(_("县市"), max_length=30)
    town = models.CharField(_("乡镇/街道"), max_length=30, blank=True)
    area = models.CharField(max_length=32, editable=False, db_index=True)
    lat = models.FloatField(_("纬度"), null=True, blank=True)
    lon = models.FloatField(_("经度"), null=True, blank=True)
    # Empty means any kind of work.
    families = models.ManyToManyField("marketplace.OccupationFamily", blank=True, related_name="+")
    note = models.CharField(_("备注"), max_length=100, blank=True)
    expires_at = models.DateTimeField()
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-day", "-id"]
        verbose_name = verbose_name_plural = _("今天可接活")
        constraints = [models.UniqueConstraint(fields=["profile", "day"], name="available_once_a_day")]

    def __str__(self) -> str:
        return f"{self.profile_id} {self.day} {self.county}"

    def save(self, *args, **kwargs) -> None:
        from marketplace.models.gigs import board_area

        self.area = board_area(self.county)
        self.expires_at = end_of_day(self.day)
        super().save(*args, **kwargs)

    @property
    def is_current(self) -> bool:
        return self.expires_at > timezone.now()
