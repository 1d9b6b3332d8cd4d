"""Shapes several models share: the status-transition log."""

from __future__ import annotations

from django.db import models


class TransitionLog(models.Model):
    """Who moved something from one status to another, when, and why: the history staff and disputes read.

    Postings, applications, gig claims and wage complaints each keep one. A subclass adds the link
    to what moved and `from_status` / `to_status` with its own choices (`from_status` is empty for
    the first entry); who, the note and the moment are here. Written by the feature's services only.
    """

    by = models.ForeignKey("marketplace.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    note = models.CharField(max_length=200, blank=True)
    at = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["at", "id"]

    def __str__(self) -> str:
        return f"{self.from_status or '-'} → {self.to_status}"
