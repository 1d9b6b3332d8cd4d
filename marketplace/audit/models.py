"""个人信息访问日志: every staff view of a full ID or phone number, every export and every change a
staff member makes to a person's record, with who, what, when, why and from where.

PIPL asks a handler to be able to show who processed a person's information. The rows are kept at
least `RETENTION_AUDIT_DAYS` (default three years, never under six months), are written only by
`audit.services` and read only by bureau staff (/bureau/audit/).
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class AuditAction(models.TextChoices):
    VIEW = "view", _("查看完整号码")
    EXPORT = "export", _("导出名单")
    CHANGE = "change", _("修改个人记录")


# The kinds of record the log names, as staff read them.
RECORD_LABELS = {
    "profile": _("求职者档案"),
    "roster_entry": _("在外务工人员"),
    "household": _("零就业家庭"),
    "training_enrolment": _("培训学员"),
    "arrears_case": _("欠薪案件"),
    "dashboard": _("目标看板工作簿"),
    "list": _("看板名单"),
}


class PersonalDataAccess(models.Model):
    actor = models.ForeignKey(
        "marketplace.User", on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("操作人")
    )
    actor_label = models.CharField(_("操作人（当时）"), max_length=60)  # kept when the account goes
    action = models.CharField(_("操作"), max_length=10, choices=AuditAction.choices)
    record = models.CharField(_("记录类型"), max_length=40)
    record_id = models.CharField(_("记录编号"), max_length=40, blank=True)
    why = models.CharField(_("事由"), max_length=200, blank=True)
    ip = models.GenericIPAddressField(_("来源地址"), null=True, blank=True)
    at = models.DateTimeField(_("时间"), auto_now_add=True, db_index=True)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = verbose_name_plural = _("个人信息访问日志")
        indexes = [models.Index(fields=["record", "record_id"]), models.Index(fields=["actor", "at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.actor_label} {self.get_action_display()} {self.record} {self.record_id}"

    @property
    def record_label(self) -> str:
        return str(RECORD_LABELS.get(self.record, self.record))
