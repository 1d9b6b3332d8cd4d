"""Recruitment event forms: an event or a weekly series, a booth, the door (ticket code, walk-in)."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from frontend.forms.base import DateInput, NumberInput, PageForm, PhoneInput
from frontend.forms.gigs import TimeInput
from livestream.events.enums import EventKind
from livestream.events.services.occurrences import local_moment
from marketplace.enums import KeyGroup
from marketplace.places import COUNTIES

WEEKDAYS = list(enumerate([_("周一"), _("周二"), _("周三"), _("周四"), _("周五"), _("周六"), _("周日")]))


class EventForm(PageForm):
    """One form for a one-off event and for a series: “每周重复” chooses which the service gets."""

    kind = forms.ChoiceField(label=_("类型"), choices=EventKind.choices, initial=EventKind.WEEKLY)
    title = forms.CharField(label=_("名称"), max_length=80, help_text=_("如：凯里市周周招聘、高校毕业生专场。"))
    description = forms.CharField(label=_("介绍"), required=False, widget=forms.Textarea({"rows": 3}))
    target_groups = forms.MultipleChoiceField(
        label=_("面向群体"),
        choices=KeyGroup.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("专场招聘会必选，如高校毕业生专场、脱贫劳动力专场。"),
    )
    county = forms.ChoiceField(
        label=_("县市"), choices=[("", "—")] + [(c.name, c.name) for c in COUNTIES], required=False
    )
    venue_name = forms.CharField(
        label=_("场地"), max_length=80, required=False, help_text=_("如：凯里市人力资源市场一楼。")
    )
    address = forms.CharField(label=_("地址"), max_length=200, required=False)
    online = forms.BooleanField(label=_("同步线上直播（直播间）"), required=False)
    capacity = forms.IntegerField(label=_("可报名人数"), min_value=1, initial=200, widget=NumberInput())
    day = forms.DateField(label=_("日期（每周重复时为首场日期）"), widget=DateInput())
    start_time = forms.TimeField(label=_("开始时间"), widget=TimeInput(), initial=datetime.time(9, 0))
    end_time = forms.TimeField(label=_("结束时间"), widget=TimeInput(), initial=datetime.time(12, 0))
    repeat_weekly = forms.BooleanField(
        label=_("每周重复"), required=False, help_text=_("按下面选择的日子，自动生成未来几周的场次。")
    )
    weekdays = forms.TypedMultipleChoiceField(
        label=_("每周举办日"), choices=WEEKDAYS, coerce=int, required=False, widget=forms.CheckboxSelectMultiple
    )
    until = forms.DateField(label=_("截止日期（可不填）"), required=False, widget=DateInput())

    def _common(self) -> dict[str, Any]:
        d = self.cleaned_data
        return {
            "kind": d["kind"],
            "title": d["title"],
            "description": d["description"],
            "target_groups": list(d["target_groups"]),
            "county": d["county"],
            "venue_name": d["venue_name"],
            "address": d["address"],
            "online": d["online"],
            "capacity": d["capacity"],
        }

    def event_data(self) -> dict[str, Any]:
        d = self.cleaned_data
        return {
            **self._common(),
            "starts_at": local_moment(d["day"], d["start_time"]),
            "ends_at": local_moment(d["day"], d["end_time"]),
        }

    def series_data(self) -> dict[str, Any]:
        d = self.cleaned_data
        weekdays = list(d["weekdays"]) or [d["day"].weekday()]
        return {
            **self._common(),
            "weekdays": weekdays,
            "start_time": d["start_time"],
            "end_time": d["end_time"],
            "starts_on": d["day"],
            "until": d["until"],
        }

    def clean_day(self) -> datetime.date:
        day = self.cleaned_data["day"]
        if day < timezone.localdate():
            raise forms.ValidationError(gettext("日期不能早于今天。"))
        return day


class BoothForm(PageForm):
    postings = forms.ModelMultipleChoiceField(
        label=_("带到展位的岗位"),
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("只能选择招聘中的岗位。"),
    )

    def __init__(self, *args: Any, postings=None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["postings"].queryset = postings
        self.fields["postings"].label_from_instance = lambda p: f"{p.title}（{p.pay_display}）"


class TicketCodeForm(PageForm):
    code = forms.CharField(
        label=_("票码"),
        max_length=64,
        widget=forms.TextInput(
            {"autocomplete": "off", "autocapitalize": "characters", "placeholder": "XXXX-XXXX-XXXX"}
        ),
    )


class WalkInForm(PageForm):
    name = forms.CharField(label=_("姓名"), max_length=30)
    phone = forms.CharField(label=_("手机号"), max_length=20, widget=PhoneInput())


class CancelForm(PageForm):
    reason = forms.CharField(label=_("取消原因"), max_length=200, help_text=_("会通过短信发给已报名的求职者。"))


class BoothDecisionForm(PageForm):
    note = forms.CharField(label=_("意见"), max_length=200, required=False)
