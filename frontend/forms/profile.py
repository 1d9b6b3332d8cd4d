"""The seeker's profile wizard: five short steps, each saved on its own (profile_update is partial)."""

from __future__ import annotations

from typing import Any, ClassVar

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from frontend.forms.base import NumberInput, PageForm, join_list, split_list
from marketplace.enums import Availability, Education, Gender, JobType, KeyGroup, PayUnit, ProfileVisibility
from marketplace.models import Occupation, WorkerProfile

WEEKDAYS = [
    ("0", _("周一")),
    ("1", _("周二")),
    ("2", _("周三")),
    ("3", _("周四")),
    ("4", _("周五")),
    ("5", _("周六")),
    ("6", _("周日")),
]


class ProfileStepForm(PageForm):
    """One wizard step: `initial_for` reads the profile, `profile_data` is what profile_update gets."""

    title: ClassVar[str] = ""

    def __init__(self, *args: Any, profile: WorkerProfile, **kwargs: Any) -> None:
        self.profile = profile
        super().__init__(*args, **kwargs)

    @classmethod
    def initial_for(cls, profile: WorkerProfile) -> dict[str, Any]:
        return {}

    def profile_data(self) -> dict[str, Any]:
        return {}


class BasicsForm(ProfileStepForm):
    title = _("基本信息")

    name = forms.CharField(
        label=_("姓名"), max_length=30, required=False, widget=forms.TextInput({"autocomplete": "name"})
    )
    id_number = forms.CharField(
        label=_("身份证号（选填）"),
        max_length=22,
        required=False,
        widget=forms.TextInput({"autocomplete": "off", "inputmode": "text", "spellcheck": "false"}),
        help_text=(
            _(
                "完整号码只有您本人、人社局和为您服务的劳务协作站能看到；用人单位只能看到打码后的号码，"
                "如 5226**********1234。填写后自动识别出生年份和性别。"
            )
        ),
    )
    sensitive_consent = forms.BooleanField(
        label=_("我同意就业通处理我的身份证号，只用于实名核验和人社服务"),
        required=False,
        help_text=_("身份证号属于敏感个人信息。不同意也可以使用，只是不填身份证号；以后可在这里撤回。"),
    )
    gender = forms.ChoiceField(
        label=_("性别"), choices=[("", _("不填")), *Gender.choices], required=False, widget=forms.RadioSelect
    )
    birth_year = forms.IntegerField(
        label=_("出生年份"), required=False, widget=NumberInput({"placeholder": _("如 1985")})
    )

    def __init__(self, *args: Any, profile: WorkerProfile, **kwargs: Any) -> None:
        super().__init__(*args, profile=profile, **kwargs)
        if profile.id_number:
            # The stored number is never sent back to the page; an empty box keeps it.
            self.fields["id_number"].widget.attrs["placeholder"] = gettext("已填写 %(id)s，不修改请留空") % {
                "id": profile.masked_id_number
            }
            del self.fields["gender"], self.fields["birth_year"]

    @classmethod
    def initial_for(cls, profile: WorkerProfile) -> dict[str, Any]:
        return {"name": profile.name, "gender": profile.gender, "birth_year": profile.birth_year,
                "sensitive_consent": profile.sensitive_consent_at is not None}  # fmt: skip

    def profile_data(self) -> dict[str, Any]:
        data: dict[str, Any] = {"name": self.cleaned_data["name"].strip()}
        consent = self.cleaned_data["sensitive_consent"]
        if consent or self.profile.sensitive_consent_at is not None:  # unticking withdraws it
            data["sensitive_consent"] = consent
        if self.cleaned_data["id_number"].strip():
            data["id_number"] = self.cleaned_data["id_number"]
        elif "gender" in self.fields:
            # Without an ID number, the person's own answers are all there is.
            data["gender"] = self.cleaned_data["gender"]
            data["birth_year"] = self.cleaned_data["birth_year"]
        return data


class PlaceForm(ProfileStepForm):
    title = _("现在住哪里")

    current_county = forms.CharField(
        label=_("现在所在县市"), max_length=30, required=False, widget=forms.TextInput({"list": "county-options"})
    )
    current_town = forms.CharField(label=_("乡镇/街道"), max_length=30, required=False)
    hukou_township = forms.CharField(
        label=_("户籍乡镇"), max_length=40, required=False, help_text=_("户口所在的乡镇，如：台江县施洞镇。")
    )

    @classmethod
    def initial_for(cls, profile: WorkerProfile) -> dict[str, Any]:
        return {f: getattr(profile, f) for f in ("current_county", "current_town", "hukou_township")}

    def profile_data(self) -> dict[str, Any]:
        return {f: self.cleaned_data[f].strip() for f in ("current_county", "current_town", "hukou_township")}


class WantedForm(ProfileStepForm):
    title = _("想找什么工作")

    # Rendered by hand as a filterable checkbox list grouped by family (see profile_step.html).
    wanted_occupations = forms.MultipleChoiceField(label=_("想做的工种"), required=False)
    wanted_job_types = forms.MultipleChoiceField(
        label=_("用工类型"), choices=JobType.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    wanted_places = forms.CharField(
        label=_("愿意去的地方"),
        max_length=200,
        required=False,
        help_text=_("多个地方用空格或逗号分开，如：凯里 东莞 浙江 珠三角 县城 家附近"),
    )
    expected_pay = forms.IntegerField(label=_("期望薪资"), min_value=0, required=False, widget=NumberInput())
    expected_pay_unit = forms.ChoiceField(label=_("薪资单位"), choices=PayUnit.choices, initial=PayUnit.MONTH)
    availability = forms.ChoiceField(
        label=_("求职方式"), choices=Availability.choices, initial=Availability.FULL_TIME, widget=forms.RadioSelect
    )
    gig_days = forms.MultipleChoiceField(
        label=_("哪几天可以打零工"), choices=WEEKDAYS, required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args: Any, profile: WorkerProfile, **kwargs: Any) -> None:
        super().__init__(*args, profile=profile, **kwargs)
        occupations = Occupation.objects.select_related("family").order_by("family__sort_order", "code")
        self.occupations = list(occupations)
        self.fields["wanted_occupations"].choices = [(str(o.pk), o.name) for o in self.occupations]

    @classmethod
    def initial_for(cls, profile: WorkerProfile) -> dict[str, Any]:
        return {
            "wanted_occupations": [str(pk) for pk in profile.wanted_occupations.values_list("pk", flat=True)],
            "wanted_job_types": profile.wanted_job_types,
            "wanted_places": join_list(profile.wanted_places),
            "expected_pay": profile.expected_pay,
            "expected_pay_unit": profile.expected_pay_unit,
            "availability": profile.availability,
            "gig_days": [str(d) for d in profile.gig_days],
        }

    def occupation_groups(self) -> list[dict[str, Any]]:
        """Families with their occupations, ticked as the person left them (typed or saved)."""
        selected = {str(v) for v in (self["wanted_occupations"].value() or [])}
        groups: dict[str, dict[str, Any]] = {}
        for occ in self.occupations:
            group = groups.setdefault(occ.family.name, {"name": occ.family.name, "options": [], "open": False})
            checked = str(occ.pk) in selected
            group["open"] = group["open"] or checked
            group["options"].append(
                {"value": str(occ.pk), "name": occ.name, "terms": " ".join(occ.synonyms), "checked": checked}
            )
        return list(groups.values())

    def profile_data(self) -> dict[str, Any]:
        data = self.cleaned_data
        return {
            "wanted_occupations": [int(v) for v in data["wanted_occupations"]],
            "wanted_job_types": list(data["wanted_job_types"]),
            "wanted_places": split_list(data["wanted_places"]),
            "expected_pay": data["expected_pay"],
            "expected_pay_unit": data["expected_pay_unit"],
            "availability": data["availability"],
            "gig_days": [int(d) for d in data["gig_days"]],
        }


class SkillsForm(ProfileStepForm):
    title = _("技能与证书")

    education = forms.ChoiceField(
        label=_("学历"),
        choices=[("", _("请选择")), *[c for c in Education.choices if c[0] != Education.NONE]],
        required=False,
    )
    # data-voice: a 说话 button beside the box where the phone's browser can listen (speech.js)
    skills = forms.CharField(
        label=_("会的技能"),
        max_length=400,
        required=False,
        help_text=_("用空格或逗号分开，如：电焊 开叉车 看图纸"),
        widget=forms.TextInput({"data-voice": ""}),
    )
    intro = forms.CharField(
        label=_("自我介绍（选填）"),
        max_length=500,
        required=False,
        widget=forms.Textarea({"rows": 3, "data-voice": ""}),
    )
    cert_name = forms.CharField(
        label=_("证书名称"), max_length=60, required=False, help_text=_("如：焊工证、叉车证、健康证")
    )
    cert_number = forms.CharField(label=_("证书编号（选填）"), max_length=60, required=False)
    cert_photo = forms.FileField(
        label=_("证书照片（选填）"), required=False, widget=forms.ClearableFileInput({"accept": "image/*"})
    )
    exp_employer = forms.CharField(label=_("工作过的单位"), max_length=100, required=False)
    exp_title = forms.CharField(label=_("岗位"), max_length=60, required=False)
    exp_place = forms.CharField(label=_("地点"), max_length=40, required=False)
    exp_start_year = forms.IntegerField(label=_("开始年份"), required=False, widget=NumberInput())
    exp_end_year = forms.IntegerField(label=_("结束年份"), required=False, widget=NumberInput())

    CERT_FIELDS = ("cert_name", "cert_number", "cert_photo")
    EXPERIENCE_FIELDS = ("exp_employer", "exp_title", "exp_place", "exp_start_year", "exp_end_year")
    # Service (model) field → this form's field, so refusals land next to the right box.
    CERT_RENAME: ClassVar[dict[str, str]] = {"name": "cert_name", "number": "cert_number", "photo": "cert_photo"}
    EXPERIENCE_RENAME: ClassVar[dict[str, str]] = {
        "employer_name": "exp_employer", "title": "exp_title", "place": "exp_place",
        "start_year": "exp_start_year", "end_year": "exp_end_year",
    }  # fmt: skip

    @classmethod
    def initial_for(cls, profile: WorkerProfile) -> dict[str, Any]:
        return {"education": profile.education, "skills": join_list(profile.skills), "intro": profile.intro}

    # The page shows three sections: the profile fields, a new certificate, a new work experience.
    @property
    def main_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in ("education", "skills", "intro")]

    @property
    def cert_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.CERT_FIELDS]

    @property
    def experience_fields(self) -> list[forms.BoundField]:
        return [self[name] for name in self.EXPERIENCE_FIELDS]

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if any(data.get(f) for f in self.EXPERIENCE_FIELDS[1:]) and not data.get("exp_employer"):
            self.add_error("exp_employer", gettext("请填写单位名称，或清空这条工作经历。"))
        return data

    def profile_data(self) -> dict[str, Any]:
        data = self.cleaned_data
        profile_data = {"skills": split_list(data["skills"]), "intro": data["intro"].strip()}
        if data["education"]:  # profile_update refuses a blank education, so "not chosen" is left out
            profile_data["education"] = data["education"]
        return profile_data

    def certificate(self) -> dict[str, Any] | None:
        data = self.cleaned_data
        if not (data["cert_name"].strip() or data["cert_photo"]):
            return None
        return {"name": data["cert_name"], "number": data["cert_number"], "photo": data["cert_photo"] or None}

    def experience(self) -> dict[str, Any] | None:
        data = self.cleaned_data
        if not data["exp_employer"].strip():
            return None
        return {
            "employer_name": data["exp_employer"].strip(),
            "title": data["exp_title"].strip(),
            "place": data["exp_place"].strip(),
            "start_year": data["exp_start_year"],
            "end_year": data["exp_end_year"],
        }


class GroupsForm(ProfileStepForm):
    title = _("重点群体与隐私")

    groups = forms.MultipleChoiceField(
        label=_("我属于（可多选）"),
        choices=KeyGroup.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("由您自己勾选；工作人员核实后，才会按政策优先为您推荐岗位和帮扶。"),
    )
    visibility = forms.ChoiceField(
        label=_("谁能看到我的求职信息"),
        choices=ProfileVisibility.choices,
        widget=forms.RadioSelect,
        help_text=_(
            "“对认证企业公开”：认证过的用人单位可以主动找您；“仅投递的企业可见”：只有您报名的单位能看到。"
            "无论哪种，单位都看不到完整的手机号和身份证号。"
        ),
    )

    @classmethod
    def initial_for(cls, profile: WorkerProfile) -> dict[str, Any]:
        return {"groups": list(profile.group_tags.values_list("group", flat=True)), "visibility": profile.visibility}

    def profile_data(self) -> dict[str, Any]:
        return {"visibility": self.cleaned_data["visibility"]}


STEPS: dict[int, type[ProfileStepForm]] = {1: BasicsForm, 2: PlaceForm, 3: WantedForm, 4: SkillsForm, 5: GroupsForm}
