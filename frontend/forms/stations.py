"""Forms of a station's roster (staff) and of the follow-up survey (the worker, from an SMS link)."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from frontend.forms.base import DateInput, PageForm, PhoneInput
from marketplace.enums import KeyGroup
from marketplace.models import Employer, JobPosting
from marketplace.places import COUNTIES
from marketplace.stations.enums import ArrivalRoute, Owner, ProxyPurpose

YES_NO = [("yes", _("是")), ("no", _("否"))]
YES_NO_UNSURE = [*YES_NO, ("", _("不方便说"))]


def answer(value: str) -> bool | None:
    return {"yes": True, "no": False}.get(value)


class RosterEntryForm(PageForm):
    name = forms.CharField(label=_("姓名"), max_length=30)
    phone = forms.CharField(label=_("手机号"), max_length=20, widget=PhoneInput())
    home_county = forms.ChoiceField(label=_("户籍县市"), choices=[(c.name, c.name) for c in COUNTIES])
    home_township = forms.CharField(label=_("户籍乡镇（选填）"), max_length=40, required=False)
    key_groups = forms.MultipleChoiceField(
        label=_("重点群体（选填）"), choices=KeyGroup.choices, required=False, widget=forms.CheckboxSelectMultiple
    )
    employer = forms.ModelChoiceField(
        label=_("用工单位"), queryset=Employer.objects.none(), required=False, empty_label=_("不是合作单位，下面填写")
    )
    employer_name = forms.CharField(label=_("其他用工单位名称"), max_length=100, required=False)
    start_date = forms.DateField(label=_("到岗日期"), widget=DateInput())
    route = forms.ChoiceField(label=_("怎么来的"), choices=ArrivalRoute.choices, initial=ArrivalRoute.SELF)
    note = forms.CharField(label=_("备注（选填）"), max_length=300, required=False)

    def __init__(self, *args, employers=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if employers is not None:
            self.fields["employer"].queryset = employers


class HandOverForm(PageForm):
    to = forms.ChoiceField(label=_("交给"), choices=Owner.choices)
    reason = forms.CharField(
        label=_("原因"), max_length=200, widget=forms.TextInput({"placeholder": _("如：返乡照顾老人")})
    )


class FollowUpForm(PageForm):
    """The same three questions for a worker's survey and for staff recording a call."""

    still_employed = forms.ChoiceField(label=_("现在还在这家单位上班吗？"), choices=YES_NO, widget=forms.RadioSelect)
    paid_on_time = forms.ChoiceField(
        label=_("工资按时发了吗？"), choices=YES_NO_UNSURE, widget=forms.RadioSelect, required=False
    )
    housing_ok = forms.ChoiceField(
        label=_("住宿有着落吗？"), choices=YES_NO_UNSURE, widget=forms.RadioSelect, required=False
    )
    problem = forms.CharField(
        label=_("遇到什么困难，想让我们帮忙的（选填）"), max_length=500, required=False,
        widget=forms.Textarea({"rows": 3}),
    )  # fmt: skip

    def answers(self) -> dict:
        data = self.cleaned_data
        return {"still_employed": data["still_employed"] == "yes", "paid_on_time": answer(data["paid_on_time"]),
                "housing_ok": answer(data["housing_ok"]), "problem": data["problem"]}  # fmt: skip


class RosterImportForm(PageForm):
    file = forms.FileField(
        label=_("务工人员名册"),
        widget=forms.ClearableFileInput({"accept": ".csv,.xlsx"}),
        help_text=_("CSV 或 Excel（.xlsx），第1行为列名，每行一人。"),
    )


class ProxyRequestForm(PageForm):
    purpose = forms.ChoiceField(label=_("代办什么"), choices=ProxyPurpose.choices, widget=forms.RadioSelect,
                                initial=ProxyPurpose.REGISTER)  # fmt: skip
    name = forms.CharField(label=_("务工人员姓名"), max_length=30)
    phone = forms.CharField(label=_("本人手机号（验证码发到这里）"), max_length=20, widget=PhoneInput())
    home_county = forms.ChoiceField(
        label=_("户籍县市（注册时）"), choices=[("", "—"), *[(c.name, c.name) for c in COUNTIES]], required=False
    )
    id_number = forms.CharField(label=_("身份证号（选填，用于查重）"), max_length=18, required=False)
    posting = forms.ModelChoiceField(
        label=_("投递的岗位（代为投递时）"), queryset=JobPosting.objects.none(), required=False
    )

    def __init__(self, *args, postings=None, window: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if postings is not None:
            self.fields["posting"].queryset = postings
        if window:  # the bureau's service window only fills in a profile with the person at its desk
            purpose = self.fields["purpose"]
            purpose.choices, purpose.initial = [(ProxyPurpose.ASSIST, ProxyPurpose.ASSIST.label)], ProxyPurpose.ASSIST
            for name in ("home_county", "id_number", "posting"):
                del self.fields[name]
            self.fields["name"].label = _("求职者姓名")


class ProxyConfirmForm(PageForm):
    code = forms.CharField(label=_("本人收到的验证码"), max_length=6, widget=forms.TextInput({"inputmode": "numeric"}))


class DispatchForm(PageForm):
    title = forms.CharField(label=_("批次名称"), max_length=60)
    employer = forms.ModelChoiceField(label=_("用工单位"), queryset=Employer.objects.none())
    posting = forms.ModelChoiceField(label=_("岗位（选填）"), queryset=JobPosting.objects.none(), required=False)
    arrives_on = forms.DateField(label=_("预计到岗日期"), widget=DateInput())

    def __init__(self, *args, employers=None, postings=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if employers is not None:
            self.fields["employer"].queryset = employers
        if postings is not None:
            self.fields["posting"].queryset = postings


class DispatchAddForm(PageForm):
    phone = forms.CharField(label=_("务工人员手机号"), max_length=20, widget=PhoneInput())
