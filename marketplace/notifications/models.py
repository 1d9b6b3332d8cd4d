"""What the product told a person.

A notification is stored before it is pushed: the WebSocket push and the SMS are best-effort
copies, and the list at /me/notifications/ is what a person who was offline reads later.
"""

from __future__ import annotations

from django.db import models
from django.db.models import Q
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
