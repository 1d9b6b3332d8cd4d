"""Applications, their status log, and the employment outcomes the bureau counts."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from marketplace.enums import ApplicationStatus
from marketplace.transition_log import TransitionLog


class Application(models.Model):
    profile = models.ForeignKey("marketplace.WorkerProfile", on_delete=models.CASCADE, related_name="applications")
    posting = models.ForeignKey("marketplace.JobPosting", on_delete=models.CASCADE, related_name="applications")
    # What the employer saw when the seeker applied; later profile edits do not rewrite it.
    snapshot = models.JSONField(default=dict)
    status = models.CharField(
        _("状态"), max_length=12, choices=ApplicationStatus.choices, default=ApplicationStatus.SUBMITTED
    )
    employer_note = models.TextField(_("企业备注"), blank=True)
    source = models.CharField(_("来源"), max_length=20, default="web", help_text=_("web / live / event / station"))
    created_at = models.DateTimeField(_("投递时间"), auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = verbose_name_plural = _("求职申请")
        constraints = [models.UniqueConstraint(fields=["profile", "posting"], name="apply_once")]
        # The dashboard asks "who applied lately" per person and "what was applied for lately".
        indexes = [models.Index(fields=["profile", "created_at"]), models.Index(fields=["created_at"])]

    def __str__(self) -> str:
        return f"{self.profile} → {self.posting}"


class ApplicationTransition(TransitionLog):
    application = models.ForeignKey(Application, on_delete=models.CASCADE, related_name="transitions")
    from_status = models.CharField(max_length=12, choices=ApplicationStatus.choices, blank=True)
    to_status = models.CharField(max_length=12, choices=ApplicationStatus.choices)

    class Meta(TransitionLog.Meta):
        pass


class EmploymentOutcome(models.Model):
    """A hire, as the bureau's 新增就业 statistics count it, with the worker's groups at that time."""

    application = models.OneToOneField(Application, on_delete=models.CASCADE, related_name="outcome")
    profile = models.ForeignKey("marketplace.WorkerProfile", on_delete=models.CASCADE, related_name="outcomes")
    employer = models.ForeignKey("marketplace.Employer", on_delete=models.CASCADE, related_name="outcomes")
    county = models.CharField(max_length=30)
    job_type = models.CharField(max_length=20)
    key_groups = models.JSONField(default=list)
    hired_at = models.DateTimeField()

    class Meta:
        ordering = ["-hired_at"]
        indexes = [models.Index(fields=["hired_at"])]
        verbose_name = verbose_name_plural = _("就业结果")

    def __str__(self) -> str:
        return f"{self.profile} @ {self.employer}"
