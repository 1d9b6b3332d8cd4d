"""The search outbox: index work recorded in the same transaction as the change that caused it.

A row here means "this object's document may be out of date". Rows are written by signal
receivers inside the writer's transaction, so a committed change always leaves one, and they
are deleted only after the index accepted the new state; while Elasticsearch is down they wait.
A document the engine refuses (malformed, whatever the engine's health) is set aside, never
retried in a loop in front of the others.
"""

from django.db import models
from django.utils import timezone


class IndexOutbox(models.Model):
    KINDS = [("postings", "postings"), ("profiles", "profiles"), ("employer", "employer")]

    kind = models.CharField(max_length=10, choices=KINDS)
    object_id = models.BigIntegerField()
    created_at = models.DateTimeField(default=timezone.now)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)
    next_attempt_at = models.DateTimeField(default=timezone.now, db_index=True)
    # Set when the engine refused the object's document as malformed: the row stays, for
    # `search_index --status` to show, but no longer holds back the rows behind it. A later
    # change to the object records a new row, and its success clears this one.
    refused_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self) -> str:
        return f"{self.kind}:{self.object_id}"


class BlacklistIndexState(models.Model):
    """Whether the index was last told that an employer is on the wage-arrears blacklist.

    A blacklist entry starts and ends on dates, so an employer's postings can enter or leave public
    view with nobody writing anything. The periodic sweep (matching.sync.blacklist_sweep) compares
    this remembered state with the entries in force today and records outbox rows where it differs.
    """

    employer = models.OneToOneField(
        "marketplace.Employer", on_delete=models.CASCADE, primary_key=True, related_name="+"
    )
    blacklisted = models.BooleanField()
    checked_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"{self.employer_id}: {'blacklisted' if self.blacklisted else 'clear'}"
