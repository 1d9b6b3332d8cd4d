"""职业技能培训: courses and the people trained, the records behind the plan's 48,000 person-times.

A person who finishes two courses in a year counts twice (人次), as the plan counts. A completion
with a certificate also gives the trainee's profile that certificate, so matching sees it.
"""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from marketplace.privacy import EncryptedCharField, mask_phone
from marketplace.training.enums import CourseKind, EnrolmentStatus


class TrainingCourse(models.Model):
    name = models.CharField(_("培训项目"), max_length=80)
    kind = models.CharField(_("培训类别"), max_length=20, choices=CourseKind.choices, default=CourseKind.SKILL)
    occupation = models.ForeignKey(
        "marketplace.Occupation", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    provider = models.CharField(_("培训机构"), max_length=100)
    county = models.CharField(_("培训地点（县市）"), max_length=30)
    starts_on = models.DateField(_("开班日期"))
    ends_on = models.DateField(_("结业日期"))
    certificate = models.CharField(_("结业可取得的证书"), max_length=60, blank=True)
    created_by = models.ForeignKey("marketplace.User", on_delete=models.SET_NULL, null=True, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-starts_on", "-id"]
        verbose_name = verbose_name_plural = _("培训班")

    def __str__(self) -> str:
        return f"{self.name}（{self.county} {self.starts_on:%Y-%m}）"


class TrainingEnrolment(models.Model):
    course = models.ForeignKey(TrainingCourse, on_delete=models.CASCADE, related_name="enrolments")
    profile = models.ForeignKey(
        "marketplace.WorkerProfile", on_delete=models.SET_NULL, null=True, blank=True, related_name="trainings"
    )
    name = models.CharField(_("姓名"), max_length=30)
    phone = EncryptedCharField(_("手机号"))
    phone_digest = models.CharField(max_length=64, editable=False)
    home_county = models.CharField(_("户籍县市"), max_length=30, blank=True)
    status = models.CharField(
        _("状态"), max_length=10, choices=EnrolmentStatus.choices, default=EnrolmentStatus.ENROLLED
    )
    completed_on = models.DateField(_("结业日期"), null=True, blank=True)
    certificate_number = models.CharField(_("证书编号"), max_length=60, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["course", "name"]
        verbose_name = verbose_name_plural = _("培训学员")
        constraints = [models.UniqueConstraint(fields=["course", "phone_digest"], name="enrolment_once_per_course")]
        indexes = [models.Index(fields=["status", "completed_on"])]

    def __str__(self) -> str:
        return f"{self.name} @ {self.course.name}"

    @property
    def masked_phone(self) -> str:
        return mask_phone(self.phone)
