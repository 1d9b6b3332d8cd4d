"""The people of `python -m bench load`, as Locust users: what each does on the product, and how often.

Run by bench.load in a process of its own (Locust patches the standard library with gevent, which
the Django process that prepares the data must not be). It reads the prepared world from the JSON
file JYT_LOAD_DATA names: one signed-in session per user, never shared, so every request is a
distinct person's (their own recommendations, their own throttles and concurrency limits).

Request names group the figures: "page …" are HTML pages (target p95 ≤ 300 ms), "search …" the
search API (≤ 150 ms), "api …" the rest of the API (≤ 300 ms).
"""

from __future__ import annotations

import itertools
import json
import os
import random
import secrets
from pathlib import Path

from locust import FastHttpUser, between, task

WORLD = json.loads(Path(os.environ["JYT_LOAD_DATA"]).read_text(encoding="utf-8"))
_seekers = itertools.cycle(WORLD["seekers"])
_employers = itertools.cycle(WORLD["employers"])
# Users are dealt round-robin over the server processes, as a proxy in front of them would.
_hosts = itertools.cycle(WORLD["hosts"])
_pick = random.Random().choice  # noqa: S311 - which page a simulated user opens, not a secret


class _Person(FastHttpUser):
    abstract = True
    wait_time = between(1, 5)  # reading a page on a phone before the next tap

    def signed_in(self, cookie: str) -> None:
        csrf = secrets.token_hex(16)
        self.base = next(_hosts)
        self.headers = {"Cookie": f"{cookie}; csrftoken={csrf}", "X-CSRFToken": csrf, "Referer": self.base}

    def get(self, path: str, name: str) -> None:
        self.client.get(self.base + path, headers=self.headers, name=name)


class Seeker(_Person):
    """A job seeker on a phone: home, search, a job, the gig board, their recommendations."""

    weight = 17

    def on_start(self) -> None:
        self.signed_in(next(_seekers))

    @task(3)
    def home(self) -> None:
        self.get("/", "page 首页")

    @task(3)
    def jobs_page(self) -> None:
        self.get(f"/jobs/?q={_pick(WORLD['words'])}", "page 找工作")

    @task(3)
    def job(self) -> None:
        self.get(f"/jobs/{_pick(WORLD['postings'])}/", "page 岗位详情")

    @task(1)
    def board(self) -> None:
        self.get(f"/gigs/{_pick(WORLD['areas'])}/", "page 零工市场")

    @task(1)
    def me(self) -> None:
        self.get("/me/", "page 我的")

    @task(4)
    def search(self) -> None:
        word, county = _pick(WORLD["words"]), _pick(WORLD["counties"])
        self.get(f"/api/search/postings?q={word}&county={county}", "search 岗位搜索")

    @task(2)
    def recommendations(self) -> None:
        self.get("/api/recommendations/jobs", "api 为你推荐")


class Employer(_Person):
    """An employer's HR at a desk: their postings, the candidates for one, now and then a new draft."""

    weight = 2

    def on_start(self) -> None:
        person = next(_employers)
        self.signed_in(person["cookie"])
        self.postings = person["postings"]

    @task(3)
    def mine(self) -> None:
        self.get("/api/postings/mine/", "api 我的岗位")

    @task(2)
    def candidates(self) -> None:
        if self.postings:
            self.get(f"/api/postings/{_pick(self.postings)}/candidates", "api 推荐人选")

    @task(1)
    def draft(self) -> None:
        body = {"title": _pick(WORLD["titles"]), "county": _pick(WORLD["counties"]),
                "pay_min": 4000, "pay_max": 6000, "benefits": ["包吃住"]}  # fmt: skip
        self.client.post(self.base + "/api/postings/", json=body, headers=self.headers, name="api 新建岗位草稿")


class BoardWatcher(_Person):
    """A day labourer's phone on a county's gig board, catching up over HTTP as after a reconnect."""

    weight = 1

    def on_start(self) -> None:
        self.signed_in(next(_seekers))
        self.area = _pick(WORLD["areas"])

    @task(2)
    def catch_up(self) -> None:
        self.get(f"/api/gig-boards/{self.area}/events?since=0", "api 零工补发")

    @task(1)
    def gigs(self) -> None:
        self.get(f"/api/gigs/?area={self.area}", "api 零工列表")
