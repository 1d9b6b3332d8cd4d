"""Forms of station and bureau staff: bulk import, moderation, verification, the blacklist."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from frontend.forms.base import DateInput, PageForm
from marketplace.enums import IntegrityGrade
from marketplace.models import Employer


class ImportForm(PageForm):
    file = forms.FileField(
        label=_("岗位表格"),
        widget=forms.ClearableFileInput({"accept": ".csv,.xlsx"}),
        help_text=_("支持 CSV 或 Excel（.xlsx），每行一个岗位。"),
    )
    employer = forms.ModelChoiceField(
        label=_("用人单位"),
        queryset=Employer.objects.none(),
        required=False,
        empty_label=_("表格中每行自己写明单位"),
    )
    submit = forms.BooleanField(label=_("导入后直接提交审核"), required=False, initial=True)

    def __init__(self, *args, employers=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if employers is not None:
            self.fields["employer"].queryset = employers


class ApproveForm(PageForm):
    note = forms.CharField(label=_("审核意见（选填）"), max_length=200, required=False)


class RejectForm(PageForm):
    reason = forms.CharField(
        label=_("不通过的原因"),
        max_length=200,
        required=False,  # the service insists on a reason, in its own words
        widget=forms.Textarea({"rows": 2, "placeholder": _("如：岗位描述中收取押金，请删除后重新提交")}),
    )


class VerifyForm(PageForm):
    """The decision is the button pressed (通过认证 / 不通过), the note its reason."""

    note = forms.CharField(
        label=_("认证意见"), max_length=200, required=False, help_text=_("不通过时必填，单位会看到这段话。")
    )


class GradeForm(PageForm):
    grade = forms.ChoiceField(label=_("诚信等级"), choices=IntegrityGrade.choices)


class BlacklistForm(PageForm):
    employer = forms.ModelChoiceField(
        label=_("用人单位"), queryset=Employer.objects.order_by("name"), empty_label=_("请选择单位")
    )
    reason = forms.CharField(label=_("列入原因"), max_length=200, required=False, widget=forms.Textarea({"rows": 2}))
    starts_on = forms.DateField(label=_("起始日期"), required=False, widget=DateInput(), help_text=_("不填为今天。"))
    ends_on = forms.DateField(
        label=_("截止日期"), required=False, widget=DateInput(), help_text=_("不填表示未定期限。")
    )
