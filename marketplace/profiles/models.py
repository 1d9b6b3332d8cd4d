"""Worker profiles: what a job seeker tells the bureau and employers about themselves."""

from __future__ import annotations

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from marketplace.enums import Availability, Education, Gender, JobType, KeyGroup, PayUnit, ProfileVisibility
from marketplace.places.position import Position
from marketplace.privacy import EncryptedCharField, digest, mask_id_number
from marketplace.validators import normalize_id_number


def id_number_digest(value: str) -> str:
    return digest("id", normalize_id_number(value))


class WorkerProfile(Position):
    user = models.OneToOneField("marketplace.User", on_delete=models.CASCADE, related_name="profile")
    # A station may register and manage workers it organises (返岗直通车, labour brands).
    station = models.ForeignKey(
        "marketplace.CooperationStation", on_delete=models.SET_NULL, null=True, blank=True, related_name="workers"
    )
    name = models.CharField(_("姓名"), max_length=30, blank=True)
    gender = models.CharField(_("性别"), max_length=6, choices=Gender.choices, blank=True)
    birth_year = models.PositiveSmallIntegerField(_("出生年份"), null=True, blank=True)
    id_number = EncryptedCharField(_("身份证号"), blank=True)
    # One profile per person: the digest is unique, the number itself never stored in clear.
    id_number_digest = models.CharField(max_length=64, unique=True, null=True, blank=True, editable=False)
    # 实名核验: staff saw the ID card. Lets a person post gigs as an individual (a household).
    identity_verified_at = models.DateTimeField(_("实名核验时间"), null=True, blank=True)
    identity_verified_by = models.ForeignKey(
        "marketplace.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    hukou_township = models.CharField(_("户籍乡镇"), max_length=40, blank=True)
    current_county = models.CharField(_("现居县市"), max_length=30, blank=True)
    current_town = models.CharField(_("现居乡镇/街道"), max_length=30, blank=True)
    education = models.CharField(_("学历"), max_length=10, choices=Education.choices, blank=True)
    skills = models.JSONField(_("技能"), default=list, blank=True)
    wanted_occupations = models.ManyToManyField("marketplace.Occupation", blank=True, related_name="+")
    wanted_places = models.JSONField(_("意向工作地"), default=list, blank=True)
    wanted_job_types = models.JSONField(_("意向用工类型"), default=list, blank=True)
    expected_pay = models.PositiveIntegerField(_("期望薪资"), null=True, blank=True)
    expected_pay_unit = models.CharField(
        _("期望薪资单位"), max_length=10, choices=PayUnit.choices, default=PayUnit.MONTH
    )
    availability = models.CharField(
        _("求职方式"), max_length=10, choices=Availability.choices, default=Availability.FULL_TIME
    )
    gig_days = models.JSONField(_("可打零工的日子"), default=list, blank=True, help_text=_("0=周一 … 6=周日"))
    visibility = models.CharField(
        _("隐私设置"), max_length=20, choices=ProfileVisibility.choices, default=ProfileVisibility.APPLICATIONS_ONLY
    )
    intro = models.TextField(_("自我介绍"), blank=True)
    # PIPL 第二十九条: the ID number is sensitive personal information, processed only with its own
    # consent; 第二十三条: being shown to employers who search is a separate consent (choosing 公开).
    sensitive_consent_at = models.DateTimeField(_("同意处理身份证号的时间"), null=True, blank=True)
    findable_consent_at = models.DateTimeField(_("同意被企业搜索的时间"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = verbose_name_plural = _("求职者档案")
        # The dashboard counts seekers registered before a date without reading their wide rows.
        indexes = [models.Index(fields=["created_at", "user"], name="profile_created_idx")]

    def __str__(self) -> str:
        return self.name or str(self.user)

    def save(self, *args, **kwargs) -> None:
        self.id_number = normalize_id_number(self.id_number)
        self.id_number_digest = id_number_digest(self.id_number) if self.id_number else None
        super().save(*args, **kwargs)

    @property
    def public_name(self) -> str:
        """How an individual poster is shown to strangers: surname and a courtesy title only."""
        surname = (self.name or "")[:1]
        if not surname:
            return _("个人")
        title = {"male": _("先生"), "female": _("女士")}.get(self.gender, _("师傅"))
        return f"{surname}{title}"

    @property
    def masked_id_number(self) -> str:
        return mask_id_number(self.id_number)

    @property
    def age(self) -> int | None:
        return timezone.localdate().year - self.birth_year if self.birth_year else None

    @property
    def wanted_job_type_labels(self) -> list[str]:
        return [str(JobType(v).label) for v in self.wanted_job_types if v in JobType.values]


class GroupTag(models.Model):
    """A key-group tag: declared by the seeker, confirmed by staff before policy priority applies."""

    profile = models.ForeignKey(WorkerProfile, on_delete=models.CASCADE, related_name="group_tags")
    group = models.CharField(_("重点群体"), max_length=30, choices=KeyGroup.choices)
    declared_at = models.DateTimeField(default=timezone.now)
    confirmed_by = models.ForeignKey(
        "marketplace.User", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["profile", "group"], name="group_tag_once")]
        verbose_name = verbose_name_plural = _("重点群体标签")

    def __str__(self) -> str:
        return str(KeyGroup(self.group).label)

    @property
    def is_confirmed(self) -> bool:
        return self.confirmed_at is not None


class Certificate(models.Model):
    profile = models.ForeignKey(WorkerProfile, on_delete=models.CASCADE, related_name="certificates")
    name = models.CharField(_("证书名称"), max_length=60)
    number = models.CharField(_("证书编号"), max_length=60, blank=True)
    photo = models.ImageField(_("证书照片"), upload_to="certificates/", blank=True)
    valid_until = models.DateField(_("有效期至"), null=True, blank=True)

    class Meta:
        verbose_name = verbose_name_plural = _("证书")

    def __str__(self) -> str:
        return self.name


class WorkExperience(models.Model):
    profile = models.ForeignKey(WorkerProfile, on_delete=models.CASCADE, related_name="experiences")
    employer_name = models.CharField(_("单位"), max_length=100)
    occupation = models.ForeignKey(
        "marketplace.Occupation", on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    title = models.CharField(_("岗位"), max_length=60, blank=True)
    place = models.CharField(_("地点"), max_length=40, blank=True)
    start_year = models.PositiveSmallIntegerField(_("开始年份"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("结束年份"), null=True, blank=True)

    class Meta:
        ordering = ["-start_year"]
        verbose_name = verbose_name_plural = _("工作经历")

    def __str__(self) -> str:
        return f"{self.employer_name} {self.title}".strip()
