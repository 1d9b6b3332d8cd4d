"""Every word a person reads is Chinese: no page shows a stored code (male, junior, full_time) for its label.

The walk starts at each role's pages on the demo data and follows the site's own links, as a person
tapping through would; visible text only (no markup, scripts or attribute values).
"""

from __future__ import annotations

import re
from collections import deque
from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.db import models
from django.db.models import Count
from django.utils import timezone

from marketplace.accounts.models import phone_digest
from marketplace.models import User, WorkerProfile
from marketplace.seed.people import BUREAU_PHONE, member_phone, station_phone

pytestmark = pytest.mark.django_db

PAGES_PER_ROLE = 70
SKIP = re.compile(r"^/(logout|api/|static/|media/|admin/)|\.(png|csv|xlsx|jpg|ics)$|/(export|download)")


def stored_codes() -> set[str]:
    """Every value of every choice list whose label is something else: these must never be read."""
    seen: set[str] = set()
    pending = list(models.TextChoices.__subclasses__())
    codes: set[str] = set()
    while pending:
        choices = pending.pop()
        if choices in seen:
            continue
        seen.add(choices)
        pending.extend(choices.__subclasses__())
        for value, label in choices.choices:
            if re.fullmatch(r"[a-z][a-z_]{2,}", value or "") and str(label) != value:
                codes.add(value)
    return codes


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.text: list[str] = []
        self.links: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self._hidden += 1
        href = dict(attrs).get("href")
        if tag == "a" and href:
            self.links.append(href)

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.text.append(data)


def walk(client, start: list[str]) -> dict[str, str]:
    """Visible text of each page reached from `start` by same-site links, breadth first."""
    queue, found = deque(start), {}
    while queue and len(found) < PAGES_PER_ROLE:
        url = queue.popleft().split("#")[0]
        if url in found or not url.startswith("/") or SKIP.search(url.split("?")[0]):
            continue
        response = client.get(url)
        found[url] = ""
        if response.status_code != 200 or "text/html" not in response.get("Content-Type", ""):
            continue
        page = _Visible()
        page.feed(response.content.decode())
        found[url] = " ".join(page.text)
        queue.extend(link for link in page.links if link not in found)
    return found


def test_no_page_any_role_reaches_shows_a_stored_code_instead_of_its_label(client, search_index, embedding_model):
    call_command("seed_demo", verbosity=0, today=timezone.localdate(), employers=5, postings=30, profiles=60)
    search_index()
    busiest = (WorkerProfile.objects.annotate(n=Count("applications")).order_by("-n").values_list("user", flat=True)
               .first())  # fmt: skip
    people = {
        "seeker": (User.objects.get(pk=busiest), ["/", "/me/", "/me/applications/", "/jobs/", "/gigs/"]),
        "employer": (User.objects.get(phone_digest=phone_digest(member_phone(0))), ["/employer/"]),
        "station": (User.objects.get(phone_digest=phone_digest(station_phone(0))), ["/station/"]),
        "bureau": (User.objects.get(phone_digest=phone_digest(BUREAU_PHONE)), ["/bureau/", "/bureau/dashboard/"]),
    }
    codes = stored_codes()
    assert {"male", "junior", "full_time", "poverty_relieved"} <= codes  # the lists were found
    pattern = re.compile(r"(?<![A-Za-z_])(" + "|".join(sorted(codes, key=len, reverse=True)) + r")(?![A-Za-z_])")

    shown: dict[str, list[str]] = {}
    reached = 0
    for role, (user, start) in people.items():
        client.force_login(user)
        pages = walk(client, start)
        reached += len(pages)
        for url, text in pages.items():
            if hits := sorted(set(pattern.findall(text))):
                shown[f"{role} {url}"] = hits
        client.logout()

    assert reached > 100, "the walk reached the pages of every role"
    assert not shown, shown
