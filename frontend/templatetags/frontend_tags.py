"""Small helpers templates need: the signed-in person's start page, masked numbers."""

from __future__ import annotations

from django import template

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
