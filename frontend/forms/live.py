"""Opening a live room (创建直播间): what the host types on a phone; the rules are the service's."""

from __future__ import annotations

from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from frontend.forms.base import PageForm
from frontend.forms.gigs import DateTimeInput
from livestream.events.selectors import upcoming_events_organised_by
from livestream.models import RecruitmentEvent
from marketplace.enums import VerificationStatus
from marketplace.models import Employer, User


class LiveRoomForm(PageForm):
    title = forms.CharField(label=_("直播标题"), max_length=60, help_text=_("如：凯里经开区企业直播带岗专场。"))
    description = forms.CharField(
        label=_("简介"), max_length=300, required=False, widget=forms.Textarea({"rows": 2}), help_text=_("选填。")
    )
    stream_url = forms.CharField(
        label=_("拉流地址"),
        max_length=500,
        widget=forms.URLInput({"placeholder": "https://…/live.m3u8", "inputmode": "url"}),
        help_text=_("直播平台提供的 HLS（.m3u8）或 FLV（.flv）播放地址。"),
    )
    scheduled_at = forms.DateTimeField(label=_("开播时间"), widget=DateTimeInput())
    employer = forms.ModelChoiceField(
        label=_("招聘单位"), queryset=Employer.objects.none(), required=False, empty_label=_("多家单位（不指定）")
    )
    event = forms.ModelChoiceField(
        label=_("所属招聘会"), queryset=RecruitmentEvent.objects.none(), required=False, empty_label=_("不关联"),
        help_text=_("线上直播属于某场招聘会时选择，招聘会页面会显示“进入直播间”。"),
    )  # fmt: skip

    def __init__(self, *args: Any, host: User, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        events = upcoming_events_organised_by(host)
        if events is None:
            del self.fields["event"]
        else:
            self.fields["event"].queryset = events
        if host.is_employer_member:
            del self.fields["employer"]  # an employer's room is always its own
        else:
            self.fields["employer"].queryset = Employer.objects.filter(
                verification=VerificationStatus.VERIFIED
            ).order_by("name")

    def data_for_service(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        for name in ("title", "description", "stream_url"):
            data[name] = data[name].strip()
        if data.get("employer") is None:
            data.pop("employer", None)
        if data.get("event") is None:
            data.pop("event", None)
        return data
