"""The board benchmark: 1,000 phones on one county's gig board, over real daphne processes and Redis.

Why these figures: a gig board is where a whole county's day labourers wait for work, so the
numbers that matter to them are how soon a posted gig shows on every phone (post → frame, p95
target 500 ms) and how fast a popular gig fills fairly (successful claims per second of wall time
with exactly K winners, target 200/s), plus what each waiting phone costs the server (RSS per
connection). Everything goes through the product's own code: gigs are posted with `gig_post` in
this process (its broadcast goes through the Redis channel layer like a web request's would),
claims are `{"command":"claim"}` frames answered by `GigBoardConsumer` in the daphne processes.
"""

from __future__ import annotations

import datetime
import json
import sys
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.db import connection
from django.utils import timezone
from tqdm import tqdm

from bench import BenchError
from bench.harness.clients import ClientFleet, Target, first_arrivals, percentile
from bench.harness.servers import ServerPool, server_env, start_servers
from bench.harness.sessions import session_cookies
from livestream.gigs.models import Gig, GigClaim, board_area
from livestream.gigs.services.posting import gig_post
from marketplace.accounts.models import phone_digest
from marketplace.enums import PayUnit, Role, VerificationStatus
from marketplace.models import Employer, User, WorkerProfile
from marketplace.validators import credit_code_check_char

P95_TARGET_MS = 500.0
CLAIMS_PER_S_TARGET = 200.0
ORIGIN = "http://127.0.0.1"
# An event frame carries the gig as an object, a claim_result as its number; a burst (`events`)
# covers first_seq..last_seq and ends with the latest event of the gig that changed last.
FRAME_FIELDS = (
    "type", "kind", "seq", "gig.id", "gig.places_left", "gig.status", "ok", "code", "gig",
    "first_seq", "last_seq", "events.-1.gig.id", "events.-1.gig.places_left", "events.-1.gig.status",
)  # fmt: skip
(TYPE, KIND, SEQ, GIG, LEFT, STATUS, OK, CODE, CLAIMED_GIG,
 FIRST, LAST, LAST_GIG, LAST_LEFT, LAST_STATUS) = range(len(FRAME_FIELDS))  # fmt: skip


@dataclass
class BoardOptions:
    clients: int = 1000
    servers: int = 2
    client_processes: int = 2
    posts: int = 10
    rounds: int = 3
    places: int = 300
    burst: int = 1000
    progress: bool = True


@dataclass
class Race:
    places: int
    winners: int = 0
    refused: dict[str, int] = field(default_factory=dict)
    unanswered: int = 0
    wall_s: float = 0.0
    db_claims: int = 0
    db_places_left: int = -1
    db_status: str = ""
    refusal_ms: list[float] = field(default_factory=list)
    win_ms: list[float] = field(default_factory=list)
    settled_s: float | None = None  # until the last client's board showed the gig full
    board_complete: int = 0  # clients whose board saw every event of the race, in order, no gap
    board_frames: int = 0  # board frames (single events or folded bursts) received, all clients
    server_cpu_s: float = 0.0
    client_cpu_s: float = 0.0
    filled_s: float = 0.0  # first claim sent → last winning claim_result received

    @property
    def claims_per_s(self) -> float:
        return self.winners / self.wall_s if self.wall_s else 0.0

    @property
    def exact(self) -> bool:
        return self.winners == self.places == self.db_claims and self.db_places_left == 0 and self.db_status == "full"


@dataclass
class Burst:
    """Phones opening their sockets at one instant (after a restart, or a crowd at a job fair)."""

    size: int
    failures: dict[int, str] = field(default_factory=dict)
    opened_s: float = 0.0  # until the last handshake completed
    hello_s: float = 0.0  # until the last phone had its hello (session read, board joined)
    no_hello: int = 0
    # One gig posted afterwards: every phone on the board, old and new, must see it.
    delivered: int = 0
    expected: int = 0
    post_ms: list[float] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.failures and not self.no_hello and self.delivered == self.expected


@dataclass
class BoardReport:
    options: BoardOptions
    area: str = ""
    connect_s: float = 0.0
    connected: int = 0
    rss_before_kb: list[int] = field(default_factory=list)
    rss_after_kb: list[int] = field(default_factory=list)
    rss_end_kb: list[int] = field(default_factory=list)
    post_ms: list[float] = field(default_factory=list)  # every (post, client) pair that arrived
    post_p95_each: list[float] = field(default_factory=list)
    delivered: int = 0
    post_server_cpu_s: float = 0.0
    races: list[Race] = field(default_factory=list)
    burst: Burst | None = None

    @property
    def kb_per_connection(self) -> float:
        return (sum(self.rss_after_kb) - sum(self.rss_before_kb)) / max(1, self.connected)

    @property
    def targets_met(self) -> bool:
        return (
            percentile(self.post_ms, 95) <= P95_TARGET_MS
            and self.delivered == self.options.posts * self.options.clients
            and bool(self.races)
            and all(race.exact and race.claims_per_s >= CLAIMS_PER_S_TARGET for race in self.races)
            and (self.burst is None or self.burst.ok)
        )


# --- the world: a poster and many signed-in workers ----------------------------------------------


def _make_world(clients: int, county: str) -> tuple[User, list[str]]:
    """A verified employer's member and `clients` workers with profiles and sessions, in bulk."""
    run = uuid.uuid4().int
    body = f"91522601MB{run % 10**7:07d}"
    employer = Employer.objects.create(name="压测物流有限公司", credit_code=body + credit_code_check_char(body),
                                       county=county, verification=VerificationStatus.VERIFIED)  # fmt: skip
    base = User.objects.count()
    poster = User.objects.create_user(f"170{base:08d}", None, role=Role.EMPLOYER, employer=employer)
    # Written in bulk, without the signals a profile save sends to the search index: the benchmark
    # measures the board, and nothing here should leave index work for somebody's Celery worker.
    unusable = make_password(None)
    phones = [f"170{base + 1 + n:08d}" for n in range(clients)]
    users = User.objects.bulk_create(
        [User(phone=p, phone_digest=phone_digest(p), role=Role.SEEKER, password=unusable) for p in phones],
        batch_size=500,
    )
    WorkerProfile.objects.bulk_create(
        [WorkerProfile(user=user, name=f"压测工人{n}") for n, user in enumerate(users)], batch_size=500
    )
    return poster, session_cookies(users)


def _post(poster: User, county: str, *, title: str, places: int) -> Gig:
    data = {"title": title, "county": county, "work_date": timezone.localdate() + datetime.timedelta(days=1),
            "start_time": datetime.time(8, 0), "end_time": datetime.time(17, 0), "pay": 180,
            "pay_unit": PayUnit.DAY, "places": places, "meeting_point": "县人社局门口"}  # fmt: skip
    return gig_post(by=poster, data=data)


# --- the phases -----------------------------------------------------------------------------------


def _bar(options: BoardOptions, **kwargs: Any) -> tqdm:
    return tqdm(disable=not options.progress, file=sys.stderr, leave=False, dynamic_ncols=True, **kwargs)


def _connect(fleet: ClientFleet, pool: ServerPool, cookies: list[str], report: BoardReport) -> None:
    options = report.options
    path = f"ws/gigs/{report.area}/"
    targets = [Target(pool.ws_url(path, n), cookies[n]) for n in range(options.clients)]
    started = time.monotonic()
    with _bar(options, total=len(targets), desc="connecting", unit="client") as bar:
        failures = fleet.connect(targets, progress=bar.update)
    if failures:
        client, error = next(iter(failures.items()))
        raise BenchError(f"{len(failures)} of {len(targets)} clients could not connect (client {client}: {error})")
    short = fleet.wait_for('"hello"', timeout=60)
    if short:
        raise BenchError(f"{len(short)} clients got no hello frame")
    report.connect_s = time.monotonic() - started
    report.connected = len(targets)
    fleet.drain(("type",))


def _fan_out(fleet: ClientFleet, pool: ServerPool, poster: User, county: str, report: BoardReport) -> None:
    options = report.options
    for n in _bar(options, iterable=range(options.posts), desc="posting gigs", unit="gig"):
        server_cpu = pool.cpu_seconds()
        started = time.monotonic()
        gig = _post(poster, county, title=f"压测卸货{n}", places=5)
        fleet.wait_for('"gig_posted"', timeout=30)  # who missed it shows in the delivered count
        report.post_server_cpu_s += pool.cpu_seconds() - server_cpu
        frames = fleet.drain(FRAME_FIELDS)

        def posted(frame: tuple, gig_id: int = gig.pk) -> bool:
            return frame[TYPE] == "event" and frame[KIND] == "gig_posted" and frame[GIG] == gig_id

        arrivals = first_arrivals(frames, posted, since=started)
        report.post_ms.extend(arrivals.values())
        report.post_p95_each.append(percentile(list(arrivals.values()), 95))
        report.delivered += len(arrivals)
        time.sleep(0.2)


def _board_view(received: list[tuple[float, tuple]], gig_id: int) -> list[tuple[int, int, int, str]]:
    """(first seq, last seq, places left, state) of each board frame about the gig, in arrival order."""
    shown = []
    for _at, f in received:
        if f[TYPE] == "event" and f[GIG] == gig_id:
            shown.append((f[SEQ], f[SEQ], f[LEFT], f[STATUS]))
        elif f[TYPE] == "events" and f[LAST_GIG] == gig_id:
            shown.append((f[FIRST], f[LAST], f[LAST_LEFT], f[LAST_STATUS]))
    return shown


def _board_complete(shown: list[tuple[int, int, int, str]], places: int) -> bool:
    """The client's board covered the race's numbers gapless and in order, places falling to full."""
    covered = [seq for first, last, _left, _status in shown for seq in range(first, last + 1)]
    lefts = [left for _first, _last, left, _status in shown]
    return (
        len(covered) == places
        and covered == list(range(covered[0], covered[0] + places))
        and lefts == sorted(lefts, reverse=True)
        and shown[-1][2:] == (0, "full")
    )


def _race(fleet: ClientFleet, pool: ServerPool, poster: User, county: str, report: BoardReport, round_: int) -> Race:
    options = report.options
    gig = _post(poster, county, title=f"压测抢单{round_}", places=options.places)
    if fleet.wait_for('"gig_posted"', timeout=30):
        raise BenchError("not every client saw the race's gig posted")
    fleet.drain(("type",))
    claim = json.dumps({"command": "claim", "gig": gig.pk})
    server_cpu, client_cpu = pool.cpu_seconds(), fleet.cpu_seconds()
    sent = fleet.send({n: [claim] for n in range(options.clients)})
    short = fleet.wait_for('"claim_result"', timeout=120)
    # The board keeps streaming the race's events after the last answer; wait for the full state.
    fleet.wait_for('"full"', timeout=120)
    race = Race(places=options.places, unanswered=len(short))
    race.server_cpu_s, race.client_cpu_s = pool.cpu_seconds() - server_cpu, fleet.cpu_seconds() - client_cpu
    frames = fleet.drain(FRAME_FIELDS)
    first_send = min(times[0] for times in sent.values())
    last_answer = last_win = first_send
    last_full = None
    for client, received in frames.items():
        for at, frame in received:
            if frame[TYPE] == "claim_result" and frame[CLAIMED_GIG] == gig.pk:
                last_answer = max(last_answer, at)
                took = (at - sent[client][0]) * 1000
                if frame[OK]:
                    race.winners += 1
                    race.win_ms.append(took)
                    last_win = max(last_win, at)
                else:
                    race.refused[frame[CODE]] = race.refused.get(frame[CODE], 0) + 1
                    race.refusal_ms.append(took)
                break
        full = [at for at, f in received if (f[TYPE] == "event" and f[GIG] == gig.pk and f[STATUS] == "full")
                or (f[TYPE] == "events" and f[LAST_GIG] == gig.pk and f[LAST_STATUS] == "full")]  # fmt: skip
        if full:
            last_full = max(last_full or full[0], full[0])
        shown = _board_view(received, gig.pk)
        race.board_frames += len(shown)
        race.board_complete += bool(shown) and _board_complete(shown, options.places)
    race.wall_s, race.filled_s = last_answer - first_send, last_win - first_send
    race.settled_s = None if last_full is None else last_full - first_send
    gig.refresh_from_db()
    race.db_claims = GigClaim.objects.filter(gig=gig, status="claimed").count()
    race.db_places_left, race.db_status = gig.places_left, gig.status
    return race


def _burst(fleet: ClientFleet, pool: ServerPool, cookies: list[str], poster: User, county: str,
           report: BoardReport) -> Burst:  # fmt: skip
    """`burst` more signed-in phones open their sockets at one instant, all handshakes in flight together.

    Then one gig is posted: the phones already on the board and the new ones must all see it.
    """
    options = report.options
    path = f"ws/gigs/{report.area}/"
    first = fleet.size
    targets = [Target(pool.ws_url(path, n), cookies[options.clients + n]) for n in range(options.burst)]
    burst = Burst(size=options.burst)
    started = time.monotonic()
    per_worker = -(-options.burst // options.client_processes)
    burst.failures = fleet.connect(targets, concurrency=per_worker, batch=per_worker, timeout=60)
    burst.opened_s = time.monotonic() - started
    burst.no_hello = len(fleet.wait_for('"hello"', clients=range(first, first + options.burst), timeout=60))
    burst.hello_s = time.monotonic() - started
    fleet.drain(("type",))
    posted_at = time.monotonic()
    gig = _post(poster, county, title="压测人潮后的新零工", places=5)
    fleet.wait_for('"gig_posted"', timeout=30)
    frames = fleet.drain(FRAME_FIELDS)
    arrivals = first_arrivals(
        frames, lambda f: f[TYPE] == "event" and f[KIND] == "gig_posted" and f[GIG] == gig.pk, since=posted_at
    )
    burst.post_ms = list(arrivals.values())
    burst.delivered, burst.expected = len(arrivals), options.clients + options.burst - len(burst.failures)
    return burst


def run(options: BoardOptions, out: TextIO = sys.stdout) -> BoardReport:
    """Start the servers, connect the clients, post and race; print the report. Returns it."""
    county = f"压测县{uuid.uuid4().hex[:8]}"
    report = BoardReport(options=options, area=board_area(county))
    print(f"preparing {options.clients:,} signed-in workers in {settings.DATABASES['default']['NAME']}…",
          file=sys.stderr)  # fmt: skip
    poster, cookies = _make_world(options.clients + options.burst, county)
    env = server_env(
        settings=settings.SETTINGS_MODULE,
        database_url=settings_database_url(),
        redis_url=settings.REDIS_URL,
    )
    connection.close()
    log_dir = Path(tempfile.mkdtemp(prefix="jyt-board-bench-"))
    print(f"starting {options.servers} daphne processes (logs in {log_dir})…", file=sys.stderr)
    with (
        start_servers(options.servers, env=env, log_dir=log_dir) as pool,
        ClientFleet(options.client_processes, origin=ORIGIN) as fleet,
    ):
        report.rss_before_kb = pool.rss_kb()
        _connect(fleet, pool, cookies, report)
        time.sleep(1.0)  # let the servers settle before reading their memory
        report.rss_after_kb = pool.rss_kb()
        _fan_out(fleet, pool, poster, county, report)
        for round_ in _bar(options, iterable=range(options.rounds), desc="claim races", unit="race"):
            report.races.append(_race(fleet, pool, poster, county, report, round_))
            pool.check_alive()
        if options.burst:
            report.burst = _burst(fleet, pool, cookies, poster, county, report)
            pool.check_alive()
        report.rss_end_kb = pool.rss_kb()
    write_report(report, out)
    return report


def settings_database_url() -> str:
    s = settings.DATABASES["default"]
    return f"postgres://{s['USER']}:{s['PASSWORD']}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


# --- the report -----------------------------------------------------------------------------------


def check_mark(ok: bool) -> str:
    return "✓" if ok else "✗"


def write_report(report: BoardReport, out: TextIO) -> None:
    import os

    o = report.options
    mb = 1024
    print(f"\nboard benchmark: {o.clients:,} WebSocket clients on one board, {o.servers} daphne processes, "
          f"Redis channel layer, PostgreSQL; clients in {o.client_processes} OS processes", file=out)  # fmt: skip
    load = ", ".join(f"{v:.1f}" for v in os.getloadavg())
    print(f"machine: {os.cpu_count()} cores, load average {load} at the end, Python {sys.version.split()[0]}; "
          f"board {report.area}", file=out)  # fmt: skip
    print(f"connect: {report.connected:,} clients in {report.connect_s:.1f} s (handshake, session, hello)", file=out)
    before, after = sum(report.rss_before_kb), sum(report.rss_after_kb)
    print(f"memory: daphne RSS {before / mb:.0f} MB before, {after / mb:.0f} MB connected "
          f"({', '.join(f'{kb / mb:.0f}' for kb in report.rss_after_kb)} MB), "
          f"{sum(report.rss_end_kb) / mb:.0f} MB at the end → {report.kb_per_connection:.0f} KB per connection",
          file=out)  # fmt: skip

    expected = o.posts * o.clients
    p95 = percentile(report.post_ms, 95)
    print(f"\npost → frame at every client ({o.posts} gigs posted with gig_post, timed from the call):", file=out)
    print(f"  {'delivered':>12} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}  target p95", file=out)
    print(f"  {report.delivered:>5,}/{expected:<6,} {percentile(report.post_ms, 50):>8.1f} {p95:>8.1f} "
          f"{max(report.post_ms, default=0):>8.1f}  ≤ {P95_TARGET_MS:.0f} ms "
          f"{check_mark(p95 <= P95_TARGET_MS and report.delivered == expected)}", file=out)  # fmt: skip
    print(f"  p95 of each post: {', '.join(f'{v:.0f}' for v in report.post_p95_each)}; daphne CPU "
          f"{report.post_server_cpu_s / o.posts * 1000:.0f} ms per post delivered to {o.clients:,} sockets",
          file=out)  # fmt: skip

    print(f"\nclaim races: {o.clients:,} clients claim one gig of {o.places} places at once "
          "(wall time: first claim sent → last claim_result received)", file=out)  # fmt: skip
    print(f"  {'race':>4} {'winners':>7} {'refused':>15} {'wall s':>7} {'claims/s':>9} {'exact K':>7} "
          f"{'refusal p50/p95/max ms':>24} {'boards full after s':>19} {'complete boards':>15} "
          f"{'frames/phone':>12} {'daphne CPU ms/claim':>19}", file=out)  # fmt: skip
    for n, race in enumerate(report.races):
        refused = ", ".join(f"{count} {code}" for code, count in race.refused.items()) or "0"
        settled = f"{race.settled_s:.2f}" if race.settled_s is not None else "—"
        latency = "/".join(f"{percentile(race.refusal_ms, p):.0f}" for p in (50, 95)) + (
            f"/{max(race.refusal_ms, default=0):.0f}"
        )
        print(f"  {n + 1:>4} {race.winners:>7} {refused:>15} {race.wall_s:>7.2f} {race.claims_per_s:>9.0f} "
              f"{check_mark(race.exact):>7} {latency:>24} {settled:>19} {race.board_complete:>9,}/{o.clients:<5,} "
              f"{race.board_frames / o.clients:>12.1f} {race.server_cpu_s / o.clients * 1000:>19.1f}",
              file=out)  # fmt: skip
        if race.unanswered:
            print(f"       {race.unanswered} clients got no claim_result", file=out)
    for n, race in enumerate(report.races):
        rate = race.places / max(race.filled_s, 1e-9)
        print(f"  race {n + 1}: places all taken after {race.filled_s:.2f} s ({rate:.0f} places/s); "
              f"CPU {race.server_cpu_s:.1f} s in daphne, {race.client_cpu_s:.1f} s in the clients",
              file=out)  # fmt: skip
    rates = [race.claims_per_s for race in report.races]
    if rates:
        print(f"  claims/s target ≥ {CLAIMS_PER_S_TARGET:.0f}: worst {min(rates):.0f}, best {max(rates):.0f} "
              f"{check_mark(min(rates) >= CLAIMS_PER_S_TARGET)}", file=out)  # fmt: skip
    if report.burst is not None:
        b = report.burst
        print(f"\nburst: {b.size:,} more phones open their sockets at one instant (all handshakes in flight "
              "together), then one gig is posted", file=out)  # fmt: skip
        failed = f"{len(b.failures):,} failed" + (f" (e.g. {next(iter(b.failures.values()))})" if b.failures else "")
        print(f"  handshakes: {b.size - len(b.failures):,} opened, {failed}; all open after {b.opened_s:.1f} s, "
              f"hello at every new phone after {b.hello_s:.1f} s ({b.no_hello} without) "
              f"{check_mark(not b.failures and not b.no_hello)}", file=out)  # fmt: skip
        print(f"  the gig posted after: delivered {b.delivered:,}/{b.expected:,}, p50 {percentile(b.post_ms, 50):.0f} "
              f"ms, p95 {percentile(b.post_ms, 95):.0f} ms {check_mark(b.delivered == b.expected)}",
              file=out)  # fmt: skip
    print(f"\nall targets met: {'yes' if report.targets_met else 'NO'}", file=out)
