"""Per-browser display preferences: 大字模式 for older workers, remembered in a cookie, no account needed."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.urls import reverse
from django.views.decorators.http import require_POST

from frontend.views.common import back_to

FONT_COOKIE = "jyt_font"
FONT_COOKIE_AGE = 365 * 24 * 3600


@require_POST
def font_size(request: HttpRequest) -> HttpResponse:
    """大字模式 on or off, remembered in a cookie for a year (no account needed)."""
    response = back_to(request, reverse("frontend:home"))
    if request.POST.get("large") == "1":
        response.set_cookie(FONT_COOKIE, "large", max_age=FONT_COOKIE_AGE, samesite="Lax")
    else:
        response.delete_cookie(FONT_COOKIE, samesite="Lax")
    return response
