"""What every seeding phase shares: the seeded RNG, the reference clock, progress reporting,
and the bulk-insert helpers that make the default size run in seconds.
"""

from __future__ import annotations

import contextlib
import datetime
import random
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Protocol

from django.db import models
from django.utils import timezone

from marketplace.accounts.models import phone_digest
from marketplace.models import Employer, Occupation, User
from marketplace.places import County
from marketplace.seed.places import Destination

BATCH = 500
# Position 9–13 of a seeded 统一社会信用代码 (the organisation code): real codes issued since 2015
# start with "MA" followed by digits, so "MAJYT" marks ours and `--reset` can find exactly them.
CREDIT_MARK = "MAJYT"
DEMO_PASSWORD = "jiuyetong2023"  # noqa: S105 - a published demo password, printed by the command


class Bar(Protocol):
    def update(self, n: int = 1) -> Any: ...


ProgressFactory = Callable[[str, int], contextlib.AbstractContextManager[Bar]]


class _NoBar:
    def update(self, n: int = 1) -> None:
        return None


@contextlib.contextmanager
def no_progress(desc: str, total: int) -> Iterator[Bar]:
    yield _NoBar()


@dataclass
class SeedEmployer:
    """An employer plus what later phases need to know about it without querying again."""

    employer: Employer
    industry: str
    county: County | None
    destination: Destination | None
    blacklisted: bool = False
    public: bool = False
    demo: bool = False
    weight: float = 1.0
    members: list[User] = field(default_factory=list)

    @property
    def verified(self) -> bool:
        return self.employer.verification == "verified"


@dataclass
class SeedContext:
    rng: random.Random
    today: datetime.date
    progress: ProgressFactory
    occupations: list[Occupation]
    by_family: dict[str, list[Occupation]]
    by_name: dict[str, Occupation]
    password_hash: str
    bureau: User | None = None
    station_staff: dict[str, User] = field(default_factory=dict)  # by city
    stations: dict[str, Any] = field(default_factory=dict)  # CooperationStation by city
    logins: list[tuple[str, str, str]] = field(default_factory=list)  # (role label, phone, who)

    @property
    def now(self) -> datetime.datetime:
        """The reference moment: the start of `today` (local time). Runs on the same day agree, and
        no seeded event lies in the future of a clock that reads `today`."""
        return timezone.make_aware(datetime.datetime.combine(self.today, datetime.time(0, 0)))

    def ago(self, days: float) -> datetime.datetime:
        return self.now - datetime.timedelta(days=days)

    def later(self, moment: datetime.datetime, min_hours: float, max_hours: float) -> datetime.datetime:
        """A moment after `moment`, never after the reference moment."""
        return min(moment + datetime.timedelta(hours=self.rng.uniform(min_hours, max_hours)), self.now)


def weighted(rng: random.Random, options: Iterable[tuple[Any, float]]) -> Any:
    values, weights = zip(*options, strict=True)
    return rng.choices(values, weights=weights)[0]


def new_user(phone: str, *, password: str, joined: datetime.datetime, **fields: Any) -> User:
    """An unsaved user ready for bulk_create: the digest `User.save` would have computed is set here."""
    return User(phone=phone, phone_digest=phone_digest(phone), password=password, date_joined=joined, **fields)


@contextlib.contextmanager
def given_timestamps(*model_classes: type[models.Model]) -> Iterator[None]:
    """Let bulk_create store the creation times we computed instead of "now".

    Seeded rows must look like they accumulated over weeks (postings published over 60 days,
    applications after them). `auto_now`/`auto_now_add` would overwrite every such field on
    insert, and a second pass of bulk_update would double the write time. So for the duration of
    the block those flags are switched off on the named models' fields; callers must then set the
    fields themselves. Only the seeding command runs this, in its own process.
    """
    touched = []
    for model in model_classes:
        for f in model._meta.concrete_fields:
            if getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False):
                touched.append((f, f.auto_now, f.auto_now_add))
                f.auto_now = f.auto_now_add = False
    try:
        yield
    finally:
        for f, auto_now, auto_now_add in touched:
            f.auto_now, f.auto_now_add = auto_now, auto_now_add


def bulk_insert(model: type[models.Model], objs: list) -> list:
    """bulk_create in batches; PostgreSQL and SQLite ≥ 3.35 both set the new pks on `objs`."""
    model.objects.bulk_create(objs, batch_size=BATCH)
    return objs
