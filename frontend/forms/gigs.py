"""Posting a gig (发布零工): the service's fields, laid out for a phone."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from frontend.forms.base import DateInput, NumberInput, PageForm, split_list
from frontend.forms.postings import occupation_choices
from livestream.gigs.enums import GIG_PAY_UNITS
from marketplace.enums import KeyGroup, PayUnit
from marketplace.models import Occupation
from marketplace.places import COUNTIES


class TimeInput(forms.TimeInput):
    """The phone's own time picker."""

    input_type = "time"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs, format="%H:%M")


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class GigForm(PageForm):
    title = forms.CharField(
        label=gettext_lazy("干什么活"), max_length=80, help_text=gettext_lazy("如：搬运装车、采茶、酒席帮厨。")
    )
    description = forms.CharField(
        label=gettext_lazy("说明"),
        required=False,
        widget=forms.Textarea({"rows": 3}),
        help_text=gettext_lazy("工作内容、要求、带什么工具。"),
    )
    occupation = forms.ChoiceField(label=gettext_lazy("工种"), required=False)
    county = forms.ChoiceField(label=gettext_lazy("县市"), choices=[(c.name, c.name) for c in COUNTIES])
    town = forms.CharField(label=gettext_lazy("乡镇/街道"), max_length=30, required=False)
    meeting_point = forms.CharField(
        label=gettext_lazy("集合地点"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("写清楚在哪里碰头，如：镇政府门口。"),
    )
    work_date = forms.DateField(label=gettext_lazy("日期"), widget=DateInput())
    start_time = forms.TimeField(label=gettext_lazy("开工时间"), widget=TimeInput())
    end_time = forms.TimeField(label=gettext_lazy("收工时间"), widget=TimeInput())
    pay = forms.IntegerField(label=gettext_lazy("报酬（元）"), min_value=0, widget=NumberInput())
    pay_unit = forms.ChoiceField(
        label=gettext_lazy("计酬方式"), choices=[(u.value, u.label) for u in GIG_PAY_UNITS], initial=PayUnit.DAY
    )
    places = forms.IntegerField(label=gettext_lazy("要几个人"), min_value=1, initial=1, widget=NumberInput())
    skills = forms.CharField(
        label=gettext_lazy("需要的技能"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("多个用空格或逗号分开。"),
    )
    certificates_required = forms.CharField(
        label=gettext_lazy("需要的证书"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("如：电工证。多个用空格或逗号分开。"),
    )
    priority_groups = forms.MultipleChoiceField(
        label=gettext_lazy("优先群体"),
        choices=KeyGroup.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=gettext_lazy("截止时间前只有经确认的这些群体能抢，之后对所有人开放。"),
    )
    priority_radius_km = forms.IntegerField(
        label=gettext_lazy("附近的人优先（公里）"),
        required=False,
        min_value=1,
        max_value=50,
        widget=NumberInput(),
        help_text=gettext_lazy("截止时间前只有这个范围内的人能抢（按“今天可接活”的定位或同一乡镇）。"),
    )
    priority_until = forms.DateTimeField(label=gettext_lazy("优先报名截止"), required=False, widget=DateTimeInput())

    # Short related fields share a line on a phone.
    LAYOUT = (
        ("title",), ("description",), ("occupation",), ("county", "town"), ("meeting_point",), ("work_date",),
        ("start_time", "end_time"), ("pay", "pay_unit"), ("places",), ("skills",), ("certificates_required",),
        ("priority_groups",), ("priority_radius_km",), ("priority_until",),
    )  # fmt: skip

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["occupation"].choices = [("", _("不选")), *occupation_choices()[1:]]

    def rows(self) -> list[list[forms.BoundField]]:
        return [[self[name] for name in row] for row in self.LAYOUT]

    def data_for_service(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        occupation_id = data.pop("occupation")
        data["occupation"] = Occupation.objects.filter(pk=occupation_id).first() if occupation_id else None
        data["skills"] = split_list(data["skills"])
        data["certificates_required"] = split_list(data["certificates_required"])
        data["priority_groups"] = list(data["priority_groups"])
        for field in ("title", "description", "town", "meeting_point"):
            data[field] = data[field].strip()
        return data
