"""Forms of the records behind the dashboard: households, training, dispute cases."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from frontend.forms.base import DateInput, PageForm, split_list
from marketplace.disputes.enums import DisputeKind, Outcome, Track
from marketplace.places import COUNTIES
from marketplace.training.enums import CourseKind

_PHONE = re.compile(r"(?<!\d)1\d{2}[\s-]?\d{4}[\s-]?\d{4}(?!\d)")
COUNTY_CHOICES = [(c.name, c.name) for c in COUNTIES]


class HouseholdForm(PageForm):
    head_name = forms.CharField(label=_("户主姓名"), max_length=30)
    county = forms.ChoiceField(label=_("县市"), choices=COUNTY_CHOICES)
    township = forms.CharField(label=_("乡镇/街道"), max_length=40, required=False)
    village = forms.CharField(label=_("村/社区/安置点"), max_length=60, required=False)
    member_phones = forms.CharField(
        label=_("有劳动能力的成员手机号"), max_length=200,
        help_text=_("成员需已注册求职者账号；多个手机号用空格或逗号隔开。"),
    )  # fmt: skip
    next_action = forms.CharField(label=_("下一步帮扶"), max_length=200)
    next_action_on = forms.DateField(label=_("计划日期"), widget=DateInput(), required=False)

    def phones(self) -> list[str]:
        """Phones as people type them, several at once: "137 0000 9999，138-0000-1111"; anything else as typed,
        so the lookup refuses it by name."""
        text = self.cleaned_data["member_phones"]
        found = [re.sub(r"[\s-]", "", p) for p in _PHONE.findall(text)]
        return found or split_list(text)


class HouseholdPlanForm(PageForm):
    next_action = forms.CharField(label=_("下一步帮扶"), max_length=200)
    next_action_on = forms.DateField(label=_("计划日期"), widget=DateInput(), required=False)


class CourseForm(PageForm):
    name = forms.CharField(label=_("培训项目"), max_length=80)
    kind = forms.ChoiceField(label=_("培训类别"), choices=CourseKind.choices)
    provider = forms.CharField(label=_("培训机构"), max_length=100)
    county = forms.ChoiceField(label=_("培训地点（县市）"), choices=COUNTY_CHOICES)
    starts_on = forms.DateField(label=_("开班日期"), widget=DateInput())
    ends_on = forms.DateField(label=_("结业日期"), widget=DateInput())
    certificate = forms.CharField(label=_("结业可取得的证书（选填）"), max_length=60, required=False)


class TrainingImportForm(PageForm):
    file = forms.FileField(label=_("学员名单"), widget=forms.ClearableFileInput({"accept": ".csv,.xlsx"}),
                           help_text=_("支持 CSV 或 Excel（.xlsx），每行一名学员。"))  # fmt: skip


class DisputeForm(PageForm):
    kind = forms.ChoiceField(label=_("争议类型"), choices=DisputeKind.choices)
    track = forms.ChoiceField(label=_("处理方式"), choices=Track.choices)
    county = forms.ChoiceField(label=_("受理县市"), choices=COUNTY_CHOICES)
    applicant_name = forms.CharField(label=_("申请人"), max_length=30)
    respondent_name = forms.CharField(label=_("被申请人（用人单位）"), max_length=100)
    amount = forms.IntegerField(label=_("涉及金额（元，选填）"), min_value=0, max_value=100_000_000, required=False)
    opened_on = forms.DateField(label=_("受理日期"), widget=DateInput())


class DisputeCloseForm(PageForm):
    outcome = forms.ChoiceField(label=_("结果"), choices=Outcome.choices)
    closed_on = forms.DateField(label=_("结案日期"), widget=DateInput())
