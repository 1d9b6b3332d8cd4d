from django.db import models
from django.utils.translation import gettext_lazy as _


class OccupationFamily(models.Model):
    code = models.CharField(_("代码"), max_length=16, unique=True)
    name = models.CharField(_("职业大类"), max_length=50, unique=True)
    sort_order = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = verbose_name_plural = _("职业大类")

    def __str__(self) -> str:
        return self.name


class Occupation(models.Model):
    code = models.CharField(_("代码"), max_length=16, unique=True)
    name = models.CharField(_("工种"), max_length=50, unique=True)
    family = models.ForeignKey(OccupationFamily, on_delete=models.PROTECT, related_name="occupations")
    # Colloquial names people type (焊工, 烧电焊 for 电焊工); matching and search read them.
    synonyms = models.JSONField(_("俗称"), default=list, blank=True)
    skills = models.JSONField(_("相关技能与证书"), default=list, blank=True)
    # A narrower kind of work inside a broad family (医疗卫生 and 财务 are both 办公与专业): only
    # trades of one group are close enough to offer each other. Blank: the family is the group.
    group = models.CharField(_("小类"), max_length=30, blank=True, default="")

    class Meta:
        ordering = ["code"]
        verbose_name = verbose_name_plural = _("工种")

    def __str__(self) -> str:
        return self.name
