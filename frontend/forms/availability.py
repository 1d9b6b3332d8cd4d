"""今天可接活: where the worker is and what work they want, in a few taps."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from frontend.forms.base import PageForm
from marketplace.models import OccupationFamily
from marketplace.places import COUNTIES


class AvailabilityForm(PageForm):
    day = forms.ChoiceField(
        label=_("哪天有空"), choices=[("today", _("今天")), ("tomorrow", _("明天"))], initial="today"
    )
    county = forms.ChoiceField(label=_("现在在哪个县市"), choices=[(c.name, c.name) for c in COUNTIES])
    town = forms.CharField(label=_("乡镇/街道"), max_length=30, required=False)
    families = forms.ModelMultipleChoiceField(
        label=_("想接什么活"),
        queryset=OccupationFamily.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("不选表示什么活都接。"),
    )
    note = forms.CharField(label=_("备注"), max_length=100, required=False, help_text=_("如：有摩托车，能干重活。"))
    # Filled by the page from the phone's location when the worker allows it; optional.
    lat = forms.FloatField(required=False, widget=forms.HiddenInput, min_value=-90, max_value=90)
    lon = forms.FloatField(required=False, widget=forms.HiddenInput, min_value=-180, max_value=180)

    LAYOUT = (("day",), ("county", "town"), ("families",), ("note",))

    def rows(self) -> list[list[forms.BoundField]]:
        return [[self[name] for name in row] for row in self.LAYOUT]

    def data_for_service(self) -> dict[str, Any]:
        data = dict(self.cleaned_data)
        today = timezone.localdate()
        data["day"] = today if data["day"] == "today" else today + datetime.timedelta(days=1)
        return data
