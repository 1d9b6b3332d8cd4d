"""The real-time features' demo data, registered with the marketplace's `seed_demo` at start-up.

Order matters and is the order here: gigs and live rooms build on the seeded people and jobs;
recruitment events go last, as their past fairs link the applications just made.
"""

from __future__ import annotations

from livestream.events.demo import events_seed
from livestream.gigs.demo import release_accounts, seed_gigs
from livestream.live.demo import seed_live_rooms
from marketplace.accounts.models import phone_digest
from marketplace.models import User
from marketplace.seed.extensions import DemoExtension, DemoWorld, register_demo


def _gigs(world: DemoWorld) -> None:
    seed_gigs(world.ctx, world.demo_employers[0], world.workers)


def _live_rooms(world: DemoWorld) -> None:
    """直播送岗 demo rooms, made through the livestream services (they set their own timestamps)."""
    ctx = world.ctx
    phone = next((phone for label, phone, _who in ctx.logins if label == "用人单位"), None)
    member = User.objects.filter(phone_digest=phone_digest(phone)).first() if phone else None
    seed_live_rooms(bureau=ctx.bureau, employer_member=member, now=ctx.now)


def _events(world: DemoWorld) -> None:
    events_seed(today=world.today, seed=world.seed, bureau=world.ctx.bureau)


def register() -> None:
    register_demo(DemoExtension("零工市场", seed=_gigs, release_accounts=release_accounts))
    register_demo(DemoExtension("直播送岗", seed=_live_rooms))
    register_demo(DemoExtension("招聘会", seed=_events))
