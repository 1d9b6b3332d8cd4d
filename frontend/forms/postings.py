"""Employer-side forms: registering the company, the logo, postings, and moving applicants along."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from frontend.forms.base import DateInput, NumberInput, PageForm, PhoneInput, join_list, split_list
from marketplace.enums import BENEFITS, ApplicationStatus, Education, JobType, PayUnit
from marketplace.models import Employer, JobPosting, Occupation


class EmployerRegisterForm(PageForm):
    name = forms.CharField(label=_("单位名称"), max_length=100, help_text=_("与营业执照上的名称一致。"))
    credit_code = forms.CharField(
        label=_("统一社会信用代码"),
        max_length=18,
        widget=forms.TextInput({"autocapitalize": "characters", "spellcheck": "false"}),
        help_text=_("营业执照上的18位代码，人社局据此认证单位。"),
    )
    county = forms.CharField(label=_("所在县市"), max_length=30)
    town = forms.CharField(label=_("乡镇/街道"), max_length=30, required=False)
    address = forms.CharField(label=_("详细地址"), max_length=200, required=False)
    contact_name = forms.CharField(label=_("联系人"), max_length=30, required=False)
    contact_phone = forms.CharField(label=_("联系电话"), max_length=20, required=False, widget=PhoneInput())

    def data_for_service(self) -> dict[str, Any]:
        return {k: v.strip() for k, v in self.cleaned_data.items()}


class LogoForm(PageForm):
    logo = forms.FileField(label=_("单位标志"), widget=forms.ClearableFileInput({"accept": "image/*"}))


def occupation_choices() -> list[tuple[str, Any]]:
    """The occupation select: grouped by family, with “let the system decide” first."""
    groups: dict[str, list[tuple[str, str]]] = {}
    for occ in Occupation.objects.select_related("family").order_by("family__sort_order", "code"):
        groups.setdefault(occ.family.name, []).append((str(occ.pk), occ.name))
    return [("", gettext("自动识别（根据岗位名称和描述）")), *groups.items()]


class PostingForm(PageForm):
    """A posting as employers describe it. Stations also pick which of their employers it is for."""

    employer = forms.ModelChoiceField(
        label=_("代发单位"), queryset=Employer.objects.none(), empty_label=_("请选择单位")
    )
    title = forms.CharField(label=_("岗位名称"), max_length=80, help_text=_("写清楚干什么，如：电焊工、超市收银员。"))
    description = forms.CharField(
        label=_("岗位描述"),
        required=False,
        widget=forms.Textarea({"rows": 4}),
        help_text=_("工作内容、要求、待遇说明。"),
    )
    occupation = forms.ChoiceField(label=_("工种"), required=False, help_text=_("根据岗位名称自动推荐，也可以自己选。"))
    job_type = forms.ChoiceField(label=_("用工类型"), choices=JobType.choices, initial=JobType.FULL_TIME)
    county = forms.CharField(label=_("工作地点（县市）"), max_length=30)
    town = forms.CharField(label=_("乡镇/街道"), max_length=30, required=False)
    address = forms.CharField(label=_("详细地址"), max_length=200, required=False)
    pay_min = forms.IntegerField(label=_("最低薪资"), min_value=0, widget=NumberInput())
    pay_max = forms.IntegerField(label=_("最高薪资"), min_value=0, widget=NumberInput())
    pay_unit = forms.ChoiceField(label=_("计薪方式"), choices=PayUnit.choices, initial=PayUnit.MONTH)
    headcount = forms.IntegerField(label=_("招聘人数"), min_value=1, initial=1, widget=NumberInput())
    education_min = forms.ChoiceField(label=_("学历要求"), choices=Education.choices, initial=Education.NONE)
    certificates_required = forms.CharField(
        label=_("需要的证书"), max_length=200, required=False, help_text=_("多个证书用空格或逗号分开。")
    )
    age_min = forms.IntegerField(label=_("最小年龄"), required=False, widget=NumberInput())
    age_max = forms.IntegerField(label=_("最大年龄"), required=False, widget=NumberInput())
    benefits = forms.MultipleChoiceField(
        label=_("福利"), choices=[(b, b) for b in BENEFITS], required=False, widget=forms.CheckboxSelectMultiple
    )
    schedule = forms.CharField(
        label=_("工作时间"), max_length=100, required=False, help_text=_("如：长白班 8:00-17:30")
    )
    valid_until = forms.DateField(label=_("有效期至"), required=False, widget=DateInput())

    # How the page lays the fields out: short related fields share a line on a phone.
    LAYOUT = (
        ("employer",), ("title",), ("description",), ("occupation",), ("job_type", "headcount"), ("county", "town"),
        ("address",), ("pay_min", "pay_max"), ("pay_unit", "education_min"), ("age_min", "age_max"),
        ("certificates_required",), ("benefits",), ("schedule",), ("valid_until",),
    )  # fmt: skip

    def rows(self) -> list[list[forms.BoundField]]:
        return [[self[name] for name in row if name in self.fields] for row in self.LAYOUT if row[0] in self.fields]

    def __init__(self, *args: Any, employers: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["occupation"].choices = occupation_choices()
        self.fields["occupation"].widget.attrs["data-suggest-target"] = "1"
        if employers is None:
            del self.fields["employer"]
        else:
            self.fields["employer"].queryset = employers

    @classmethod
    def initial_for(cls, posting: JobPosting) -> dict[str, Any]:
        initial = {name: getattr(posting, name) for name in cls.base_fields if hasattr(posting, name)}
        initial["occupation"] = str(posting.occupation_id or "")
        initial["certificates_required"] = join_list(posting.certificates_required)
        initial["employer"] = posting.employer_id
        return initial

    def data_for_service(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        data.pop("employer", None)
        occupation_id = data.pop("occupation")
        data["occupation"] = Occupation.objects.filter(pk=occupation_id).first() if occupation_id else None
        data["certificates_required"] = split_list(data["certificates_required"])
        data["benefits"] = list(data["benefits"])
        for field in ("title", "description", "county", "town", "address", "schedule"):
            data[field] = data[field].strip()
        return data


# The employer's buttons, in the order a hire goes.
ADVANCE_CHOICES = [
    (ApplicationStatus.INTERVIEW, _("邀请面试")),
    (ApplicationStatus.OFFERED, _("录用")),
    (ApplicationStatus.HIRED, _("已入职")),
    (ApplicationStatus.REJECTED, _("不合适")),
]


class AdvanceForm(PageForm):
    to = forms.ChoiceField(choices=ADVANCE_CHOICES, widget=forms.HiddenInput)
    note = forms.CharField(
        label=_("备注（选填）"),
        max_length=200,
        required=False,
        widget=forms.Textarea({"rows": 2, "placeholder": _("如：周三上午10点到厂里面试，带身份证")}),
    )
