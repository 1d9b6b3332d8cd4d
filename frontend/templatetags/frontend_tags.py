"""Small helpers templates need: the signed-in person's start page, the tab bar, icons."""

from __future__ import annotations

import functools
import re

from django import template
from django.contrib.staticfiles import finders
from django.utils.safestring import SafeString, mark_safe

from frontend.views.common import role_home_url

register = template.Library()


@register.simple_tag(takes_context=True)
def role_home(context: template.Context) -> str:
    """URL of 我的 in the top bar: each role has its own start page."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return ""
    return role_home_url(request.user)


@register.filter
def percent_width(value: int) -> str:
    """A width for the completeness bar, clamped so a bad value cannot break the layout."""
    try:
        number = max(0, min(100, int(value)))
    except (TypeError, ValueError):
        number = 0
    return f"{number}%"


@register.simple_tag(takes_context=True)
def unread_notifications(context: template.Context) -> int:
    """The bell's number in the top bar; 0 for visitors."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return 0
    from marketplace.notifications.services import unread_count

    return unread_count(request.user)


# The bottom tab bar's tabs, by the first part of the path; anything else a role's own pages hold is 我的.
_TABS = {"": "home", "jobs": "jobs", "gigs": "gigs", "notifications": "messages"}


@register.simple_tag(takes_context=True)
def current_tab(context: template.Context) -> str:
    """Which tab of the bottom bar the page belongs to (marked aria-current), or "" for none."""
    request = context.get("request")
    if request is None:
        return ""
    first = request.path.strip("/").split("/")[0]
    if first in _TABS:
        return _TABS[first]
    return "mine" if first in ("me", "employer", "station", "bureau") else ""


@functools.cache
def _svg(name: str) -> str:
    path = finders.find(f"frontend/vendor/lucide/{name}.svg")
    if path is None:
        raise template.TemplateSyntaxError(f"no icon {name!r} in frontend/static/frontend/vendor/lucide")
    with open(path, encoding="utf-8") as file:
        text = re.sub(r"<!--.*?-->", "", file.read(), flags=re.S).strip()
    # Decorative: the word beside it says what it is, so screen readers skip the picture.
    text = text.replace("<svg", '<svg aria-hidden="true" focusable="false"', 1)
    return text.replace('class="lucide', 'class="icon lucide', 1)


@register.simple_tag
def icon(name: str) -> SafeString:
    """A vendored Lucide icon inline (it takes the text colour); always beside a word, never alone."""
    return mark_safe(_svg(name))  # noqa: S308 - our own vendored file, not user input
