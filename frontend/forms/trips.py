"""Forms of 返岗直通车: a worker's sign-up, the station's new trip, the escort's steps."""

from __future__ import annotations

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from frontend.forms.base import PageForm, PhoneInput
from marketplace.models import JobPosting
from marketplace.places import COUNTIES

TITLE_HINT = _("如：2027年春节后凯里—宁波返岗专车")
POINTS_HINT = _("每行一个：地点 时间\n凯里火车站广场 07:30")
VEHICLES_HINT = _("如：贵H·12345 45座，贵H·67890 53座")
_POINT = re.compile(r"^\s*(?P<place>.+?)\s+(?P<time>\d{1,2}[:：]\d{2})\s*$")


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs, format="%Y-%m-%dT%H:%M")


class SignUpForm(PageForm):
    pickup_point = forms.ChoiceField(label=_("在哪里上车"), choices=())

    def __init__(self, *args, trip=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        points = trip.pickup_points if trip else []
        self.fields["pickup_point"].choices = [
            (p["place"], f"{p['place']} {p.get('time', '')}".strip()) for p in points
        ]


class TripForm(PageForm):
    title = forms.CharField(label=_("车次名称"), max_length=60, widget=forms.TextInput({"placeholder": TITLE_HINT}))
    home_county = forms.ChoiceField(label=_("出发县市"), choices=[(c.name, c.name) for c in COUNTIES])
    departs_at = forms.DateTimeField(label=_("发车时间"), widget=DateTimeInput())
    signup_deadline = forms.DateTimeField(label=_("报名截止"), widget=DateTimeInput())
    seats = forms.IntegerField(label=_("座位数"), min_value=1, max_value=999)
    pickup_points = forms.CharField(
        label=_("上车点"), widget=forms.Textarea({"rows": 3, "placeholder": POINTS_HINT}),
        help_text=_("按发车顺序，每行一个地点和时间。"),
    )  # fmt: skip
    vehicles = forms.CharField(
        label=_("车辆（选填）"), required=False, widget=forms.TextInput({"placeholder": VEHICLES_HINT})
    )
    postings = forms.ModelMultipleChoiceField(
        label=_("服务的岗位（选填）"), queryset=JobPosting.objects.none(), required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    key_groups_first = forms.BooleanField(label=_("重点群体优先（截止后统一分配座位）"), required=False)
    note = forms.CharField(label=_("说明（选填）"), max_length=300, required=False)

    def __init__(self, *args, postings=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if postings is not None:
            self.fields["postings"].queryset = postings

    def clean_pickup_points(self) -> list[dict[str, str]]:
        points = []
        for line in self.cleaned_data["pickup_points"].splitlines():
            if not line.strip():
                continue
            match = _POINT.match(line)
            if not match:
                raise forms.ValidationError(
                    _("“%(line)s”应写成“地点 时间”，如“凯里火车站广场 07:30”。") % {"line": line[:30]}
                )
            points.append({"place": match["place"][:60], "time": match["time"].replace("：", ":")})
        return points

    def clean_vehicles(self) -> list[dict[str, object]]:
        vehicles = []
        for part in re.split(r"[,，;；\n]+", self.cleaned_data["vehicles"]):
            match = re.match(r"^\s*(?P<plate>\S+)\s*(?P<seats>\d{1,2})\s*\u5ea7?\s*$", part)
            if part.strip() and not match:
                raise forms.ValidationError(_("“%(v)s”应写成“车牌 座位数”，如“贵H·12345 45座”。") % {"v": part[:30]})
            if match:
                vehicles.append({"plate": match["plate"], "seats": int(match["seats"])})
        return vehicles


class BoardForm(PageForm):
    token = forms.CharField(label=_("乘车码"), max_length=80, help_text=_("扫乘客手机上的乘车码，或输入码下方的数字。"))


class TripCancelForm(PageForm):
    reason = forms.CharField(label=_("取消原因"), max_length=200, help_text=_("会通过短信发给每一位报名的人。"))


class StaffSignUpForm(PageForm):
    phone = forms.CharField(label=_("为本站务工人员报名：手机号"), max_length=20, widget=PhoneInput())
