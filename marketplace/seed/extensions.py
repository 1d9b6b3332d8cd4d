"""Demo data of the features built on the marketplace (gigs, live rooms, events), seeded in turn.

The marketplace's seed makes people, employers and jobs; features above it add their own demo
rows on top. They register here from their AppConfig.ready(), so this package never imports
them (imports point down): `seed_demo` runs every registered extension, in registration order,
inside its one transaction, and `seed_reset` lets each delete what would otherwise protect a
seeded account from deletion.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from marketplace.seed.core import SeedContext, SeedEmployer
from marketplace.seed.workers import SeedWorker


@dataclass(frozen=True)
class DemoWorld:
    """What the marketplace's seed made, for the extensions that seed on top of it."""

    ctx: SeedContext
    demo_employers: list[SeedEmployer]
    workers: list[SeedWorker]
    today: datetime.date
    seed: int


@dataclass(frozen=True)
class DemoExtension:
    name: str
    seed: Callable[[DemoWorld], object]
    # Given the seeded accounts' ids, delete the feature's rows that protect them; returns rows deleted.
    release_accounts: Callable[[list[int]], int] | None = None


_extensions: dict[str, DemoExtension] = {}


def register_demo(extension: DemoExtension) -> None:
    """Add a feature's demo step (once per name: a second registration replaces the first)."""
    _extensions[extension.name] = extension


def demo_extensions() -> tuple[DemoExtension, ...]:
    return tuple(_extensions.values())
