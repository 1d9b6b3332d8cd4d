"""Worker profiles: filled in step by step on a phone, saved as the seeker goes."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.audit.services import audit_change
from marketplace.enums import Availability, Education, JobType, KeyGroup, PayUnit, ProfileVisibility
from marketplace.models import Certificate, GroupTag, Occupation, User, WorkerProfile, WorkExperience
from marketplace.permissions import require
from marketplace.places import resolve_area, suggest_places
from marketplace.profiles.models import id_number_digest
from marketplace.validators import normalize_id_number, validate_id_number

PROFILE_FIELDS = {
    "name", "gender", "birth_year", "id_number", "hukou_township", "current_county", "current_town", "lat", "lon",
    "education", "skills", "wanted_occupations", "wanted_places", "wanted_job_types", "expected_pay",
    "expected_pay_unit", "availability", "gig_days", "visibility", "intro",
}  # fmt: skip


def _string_list(field: str, value: Any, *, max_items: int = 20) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ValidationError({field: [_("格式不正确，应为文字列表。")]})
    cleaned = [v.strip()[:40] for v in value if v.strip()]
    if len(cleaned) > max_items:
        raise ValidationError({field: [_("最多填写%(n)d项。") % {"n": max_items}]})
    return list(dict.fromkeys(cleaned))


def _clean(profile: WorkerProfile, data: dict[str, Any]) -> dict[str, Any]:
    unknown = set(data) - PROFILE_FIELDS
    if unknown:
        raise ValidationError(_("未知字段：%(f)s") % {"f": ", ".join(sorted(unknown))}, code="unknown_fields")
    data = dict(data)
    if data.get("id_number"):
        validate_id_number(data["id_number"])
        number = normalize_id_number(data["id_number"])
        taken = WorkerProfile.objects.filter(id_number_digest=id_number_digest(number)).exclude(pk=profile.pk)
        if taken.exists():
            raise ValidationError({"id_number": [_("该身份证号已被其他账号使用，如有疑问请联系人社局。")]})
        data["id_number"] = number
        # The number states birth date and sex; take them from it instead of asking twice.
        data.setdefault("birth_year", int(number[6:10]))
        data.setdefault("gender", "male" if int(number[16]) % 2 else "female")
    for field in ("skills", "wanted_places"):
        if field in data:
            data[field] = _string_list(field, data[field])
    if data.get("wanted_places"):
        _check_places(data["wanted_places"])
    if "wanted_job_types" in data:
        types = _string_list("wanted_job_types", data["wanted_job_types"])
        if set(types) - set(JobType.values):
            raise ValidationError({"wanted_job_types": [_("用工类型不正确。")]})
        data["wanted_job_types"] = types
    if "gig_days" in data:
        days = data["gig_days"]
        if not isinstance(days, list) or not all(isinstance(d, int) and 0 <= d <= 6 for d in days):
            raise ValidationError({"gig_days": [_("可打零工的日子应为0（周一）到6（周日）。")]})
        data["gig_days"] = sorted(set(days))
    year = data.get("birth_year")
    if year is not None and not (timezone.localdate().year - 80 <= int(year) <= timezone.localdate().year - 16):
        raise ValidationError({"birth_year": [_("出生年份不正确（须年满16周岁）。")]})
    choices = {
        "education": Education.values, "expected_pay_unit": PayUnit.values, "availability": Availability.values,
        "visibility": ProfileVisibility.values, "gender": ["male", "female", ""],
    }  # fmt: skip
    for field, allowed in choices.items():
        if field in data and data[field] not in allowed:
            raise ValidationError({field: [_("选项不正确。")]})
    return data


def _check_places(names: list[str]) -> None:
    """Every wanted place must mean somewhere: a name we do not know would match nothing, silently."""
    for name in names:
        if resolve_area(name) is not None:
            continue
        near = suggest_places(name)
        if near:
            message = _("不认识地名“%(p)s”。你要找的是不是：%(names)s？也可以写浙江、珠三角、县城、家附近。")
        else:
            message = _("不认识地名“%(p)s”。可以写县市（凯里）、省份（浙江）、地区（珠三角）或“外省”“县城”“家附近”。")
        raise ValidationError({"wanted_places": [message % {"p": name[:20], "names": "、".join(near)}]})


@transaction.atomic
def _consents(profile: WorkerProfile, data: dict[str, Any]) -> None:
    """Record, or honour the withdrawal of, the person's consents; refuse an ID number without one.

    Withdrawing the consent for the ID number erases it (and its verification); choosing not to
    be found records that too, and the index drops the profile as for any non-public one.
    """
    now = timezone.now()
    consent = data.pop("sensitive_consent", None)
    if consent is True and profile.sensitive_consent_at is None:
        profile.sensitive_consent_at = now
    elif consent is False:
        profile.sensitive_consent_at = None
        profile.identity_verified_at = None
        data["id_number"] = ""
    if data.get("id_number") and profile.sensitive_consent_at is None:
        raise ValidationError(
            {
                "id_number": [
                    _("填写身份证号前，请先勾选同意：身份证号只用于实名核验和人社服务，企业只能看到打码后的号码。")
                ]
            },
            code="consent_required",
        )
    if "visibility" in data:
        opening = data["visibility"] == ProfileVisibility.OPEN
        if opening and profile.visibility != ProfileVisibility.OPEN:
            profile.findable_consent_at = now  # choosing 对认证企业公开 is the consent, recorded when given
        elif not opening:
            profile.findable_consent_at = None


def profile_update(*, by: User, profile: WorkerProfile, data: dict[str, Any]) -> WorkerProfile:
    """Save whatever part of the profile one wizard step sends; the rest is left as it was."""
    require(by, "profile.edit", profile)
    data = dict(data)
    _consents(profile, data)
    data = _clean(profile, data)
    occupation_ids = data.pop("wanted_occupations", None)
    for field, value in data.items():
        setattr(profile, field, value)
    profile.full_clean(exclude=["user", "station", "id_number_digest"])
    try:
        with transaction.atomic():
            profile.save()
    except IntegrityError as exc:
        raise ValidationError({"id_number": [_("该身份证号已被其他账号使用，如有疑问请联系人社局。")]}) from exc
    if occupation_ids is not None:
        occupations = list(Occupation.objects.filter(pk__in=occupation_ids))
        if len(occupations) != len(set(occupation_ids)):
            raise ValidationError({"wanted_occupations": [_("所选工种不存在。")]})
        profile.wanted_occupations.set(occupations)
    if by.pk != profile.user_id:  # staff filling it in for the person: a change to their record
        fields = "、".join(sorted(str(WorkerProfile._meta.get_field(f).verbose_name) for f in data
                                 if f in _FIELD_NAMES))  # fmt: skip
        audit_change(by, "profile", profile.pk, why=_("代为修改档案：%(fields)s") % {"fields": fields or "-"})
    return profile


_FIELD_NAMES = {f.name for f in WorkerProfile._meta.get_fields() if hasattr(f, "verbose_name")}


@transaction.atomic
def profile_declare_groups(*, by: User, profile: WorkerProfile, groups: list[str]) -> list[GroupTag]:
    """Self-declared key groups. New declarations wait for staff confirmation before counting."""
    require(by, "profile.edit", profile)
    if set(groups) - set(KeyGroup.values):
        raise ValidationError({"groups": [_("重点群体类别不正确。")]})
    # One declaration per group, however often the list names it; two requests at once take turns.
    groups = list(dict.fromkeys(groups))
    list(WorkerProfile.objects.select_for_update().filter(pk=profile.pk).values_list("pk", flat=True))
    profile.group_tags.exclude(group__in=groups).delete()
    existing = set(profile.group_tags.values_list("group", flat=True))
    for group in groups:
        if group not in existing:
            GroupTag.objects.create(profile=profile, group=group)
    return list(profile.group_tags.all())


@transaction.atomic
def group_tag_confirm(*, by: User, tag: GroupTag) -> GroupTag:
    require(by, "profile.confirm_groups", tag.profile)
    tag.confirmed_by = by
    tag.confirmed_at = timezone.now()
    tag.save(update_fields=["confirmed_by", "confirmed_at"])
    audit_change(by, "profile", tag.profile_id, why=_("确认重点群体：%(group)s") % {"group": tag.get_group_display()})
    return tag


@transaction.atomic
def profile_verify_identity(*, by: User, profile: WorkerProfile) -> WorkerProfile:
    """实名核验: staff checked the ID card against the number on file."""
    require(by, "profile.verify_identity", profile)
    if not profile.id_number or not profile.name:
        raise ValidationError(_("档案缺少姓名或身份证号，无法实名核验。"), code="identity_incomplete")
    profile.identity_verified_at = timezone.now()
    profile.identity_verified_by = by
    profile.save(update_fields=["identity_verified_at", "identity_verified_by", "updated_at"])
    audit_change(by, "profile", profile.pk, why=_("实名核验：核对身份证"))
    return profile


@transaction.atomic
def experience_add(*, by: User, profile: WorkerProfile, data: dict[str, Any]) -> WorkExperience:
    require(by, "profile.edit", profile)
    experience = WorkExperience(profile=profile, **data)
    experience.full_clean()
    experience.save()
    return experience


@transaction.atomic
def certificate_add(*, by: User, profile: WorkerProfile, name: str, number: str = "", photo=None) -> Certificate:
    """A certificate, with its photo cleaned like every upload (type, size, metadata stripped)."""
    require(by, "profile.edit", profile)
    if not name.strip():
        raise ValidationError({"name": [_("请填写证书名称。")]})
    certificate = Certificate.objects.create(profile=profile, name=name.strip()[:60], number=number.strip()[:60])
    if photo is not None:
        from marketplace.images import ImageRejected, certificate_photo_set

        try:
            certificate_photo_set(certificate=certificate, upload=photo)
        except ImageRejected as exc:
            raise ValidationError({"photo": [exc.message]}) from exc
    return certificate


@dataclass(frozen=True)
class Completeness:
    score: int
    missing: list[str]


# (weight, test, hint shown to the seeker): what makes recommendations better, in that order.
_COMPLETENESS = [
    (10, lambda p: bool(p.name), "填写姓名"),
    (15, lambda p: p.wanted_occupations.exists(), "选择想做的工种，推荐更准"),
    (10, lambda p: bool(p.current_county), "填写现在所在的县市，推荐附近的工作"),
    (10, lambda p: bool(p.skills), "填写会的技能"),
    (10, lambda p: bool(p.id_number), "填写身份证号（仅本人和人社局可见）"),
    (10, lambda p: bool(p.education), "选择学历"),
    (10, lambda p: p.expected_pay is not None, "填写期望薪资"),
    (5, lambda p: bool(p.wanted_job_types), "选择想要的用工类型"),
    (5, lambda p: bool(p.wanted_places), "填写愿意去的地方"),
    (5, lambda p: p.experiences.exists(), "添加工作经历"),
    (5, lambda p: p.certificates.exists(), "上传证书，持证岗位优先推荐"),
    (5, lambda p: bool(p.hukou_township), "填写户籍所在乡镇"),
]


def profile_completeness(profile: WorkerProfile) -> Completeness:
    score, missing = 0, []
    for weight, test, hint in _COMPLETENESS:
        if test(profile):
            score += weight
        else:
            missing.append(hint)
    return Completeness(score=score, missing=missing)
