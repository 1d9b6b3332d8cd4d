"""好差评: one rating per person and service received, the records behind the 96% good-rating target."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from marketplace.ratings.enums import Score, Service


class ServiceRating(models.Model):
    service = models.CharField(_("服务"), max_length=12, choices=Service.choices)
    # The record of the service received: an application, a gig claim, a seat, a roster entry, an event.
    ref_id = models.PositiveBigIntegerField()
    rater = models.ForeignKey("marketplace.User", on_delete=models.CASCADE, related_name="ratings")
    county = models.CharField(_("县市"), max_length=30, blank=True)
    score = models.CharField(_("评价"), max_length=8, choices=Score.choices)
    comment = models.CharField(_("意见"), max_length=300, blank=True)
    created_at = models.DateTimeField(_("评价时间"), auto_now_add=True)
    followed_up_at = models.DateTimeField(_("差评回访时间"), null=True, blank=True)
    follow_up_note = models.CharField(_("回访情况"), max_length=300, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = verbose_name_plural = _("服务评价")
        constraints = [models.UniqueConstraint(fields=["service", "ref_id", "rater"], name="rating_once")]
        indexes = [models.Index(fields=["service", "created_at"])]

    def __str__(self) -> str:
        return f"{self.get_service_display()} {self.get_score_display()}"
