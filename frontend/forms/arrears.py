"""The wage-arrears complaint (欠薪投诉) and the bureau's handling of it."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from frontend.forms.base import PageForm, PhoneInput
from marketplace.arrears.models import ArrearsOutcome
from marketplace.arrears.rules import MAX_PHOTOS
from marketplace.places import COUNTIES


class PhotosInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class PhotosField(forms.FileField):
    """Several photos in one field; each is checked by the service (type, size, pixels)."""

    def clean(self, data, initial=None):
        files = data if isinstance(data, list | tuple) else ([data] if data else [])
        return [super(PhotosField, self).clean(f, initial) for f in files]


class ArrearsForm(PageForm):
    worker_name = forms.CharField(label=_("被欠薪的劳动者姓名"), max_length=30)
    phone = forms.CharField(label=_("劳动者手机号"), max_length=20, widget=PhoneInput())
    employer_name = forms.CharField(label=_("欠薪的单位或老板"), max_length=100)
    project = forms.CharField(label=_("项目或工地（选填）"), max_length=100, required=False)
    amount = forms.IntegerField(label=_("拖欠金额（元，选填）"), min_value=1, max_value=100_000_000, required=False)
    period = forms.CharField(label=_("拖欠期间（选填）"), max_length=40, required=False,
                             widget=forms.TextInput({"placeholder": _("如：2026年3月至5月")}))  # fmt: skip
    workers = forms.IntegerField(label=_("涉及人数"), min_value=1, max_value=10_000, initial=1)
    home_county = forms.ChoiceField(label=_("户籍县市（选填）"), required=False,
                                    choices=[("", "—"), *[(c.name, c.name) for c in COUNTIES]])  # fmt: skip
    description = forms.CharField(label=_("情况说明"), max_length=500, widget=forms.Textarea({"rows": 4}))
    photos = PhotosField(label=_("证据照片（选填）"), required=False,
                         widget=PhotosInput({"accept": "image/*", "multiple": True}),
                         help_text=_("工资条、欠条、考勤表等，最多%(n)d张。") % {"n": MAX_PHOTOS})  # fmt: skip

    def __init__(self, *args, for_self: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if for_self:  # a worker files for themself: their own name and phone are on file
            del self.fields["worker_name"], self.fields["phone"]


class ArrearsStepForm(PageForm):
    note = forms.CharField(label=_("办理情况"), max_length=300, widget=forms.Textarea({"rows": 2}))


class ArrearsCloseForm(PageForm):
    outcome = forms.ChoiceField(label=_("办理结果"), choices=ArrearsOutcome.choices)
    note = forms.CharField(label=_("说明（选填）"), max_length=300, required=False)
