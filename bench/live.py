"""The live-room benchmark: 2,000 viewers in one 直播送岗 room, over real daphne processes and Redis.

Why these figures: in a live stream the host talks about a job and viewers tap 一键报名 within
seconds, so what matters is how soon a pushed card is on every phone (push → card frame, p95
target 1 s for 2,000 viewers), that a burst of applications is answered and counted exactly
(each one an application in the database, the host's count ending at the burst's size), that the
viewer count across processes settles on the truth, and what each watching phone costs the
server (RSS per connection). Everything goes through the product's code: the host is a WebSocket
client sending `{"command": "push"}` to `LiveRoomConsumer` like the control panel does; viewers
are mostly anonymous, some signed-in seekers who apply.
"""

from __future__ import annotations

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
from bench.board import check_mark, settings_database_url
from bench.harness.clients import ClientFleet, Target, first_arrivals, percentile
from bench.harness.servers import ServerPool, server_env, start_servers
from bench.harness.sessions import session_cookies
from livestream.live.services import room_create, room_start
from livestream.models import LiveApplication, LiveRoom
from marketplace.accounts.models import phone_digest
from marketplace.enums import PostingStatus, Role, VerificationStatus
from marketplace.models import Employer, JobPosting, User, WorkerProfile
from marketplace.validators import credit_code_check_char

P95_TARGET_MS = 1000.0
ORIGIN = "http://127.0.0.1"
HOST = 0  # client number of the host in the fleet
# A card frame carries the card as an object, an applications frame as its number.
FRAME_FIELDS = ("type", "card.id", "card", "count", "ok", "already", "code")
TYPE, CARD, CARD_REF, COUNT, OK, ALREADY, CODE = range(len(FRAME_FIELDS))


@dataclass
class LiveOptions:
    viewers: int = 2000
    appliers: int = 200
    servers: int = 2
    client_processes: int = 2
    pushes: int = 10
    progress: bool = True


@dataclass
class LiveReport:
    options: LiveOptions
    room_id: int = 0
    connect_s: float = 0.0
    connected: int = 0
    count_settled_s: float | None = None
    rss_before_kb: list[int] = field(default_factory=list)
    rss_after_kb: list[int] = field(default_factory=list)
    rss_end_kb: list[int] = field(default_factory=list)
    push_ms: list[float] = field(default_factory=list)  # every (push, viewer) pair that arrived
    push_p95_each: list[float] = field(default_factory=list)
    delivered: int = 0
    apply_ms: list[float] = field(default_factory=list)
    applied_ok: int = 0
    apply_refused: dict[str, int] = field(default_factory=dict)
    apply_wall_s: float = 0.0
    db_applications: int = 0
    host_final_count: int = 0
    duplicate_answers: int = 0

    @property
    def kb_per_connection(self) -> float:
        return (sum(self.rss_after_kb) - sum(self.rss_before_kb)) / max(1, self.connected)

    @property
    def applies_exact(self) -> bool:
        n = self.options.appliers
        return self.applied_ok == self.db_applications == self.host_final_count == n and self.duplicate_answers == n

    @property
    def targets_met(self) -> bool:
        return (
            self.connected == self.options.viewers + 1
            and percentile(self.push_ms, 95) <= P95_TARGET_MS
            and self.delivered == self.options.pushes * self.options.viewers
            and self.applies_exact
        )


# --- the world ------------------------------------------------------------------------------------


def _make_world(options: LiveOptions) -> tuple[LiveRoom, list[JobPosting], list[str | None]]:
    """A live room hosted by a verified employer with jobs to push; cookies of host and viewers."""
    run = uuid.uuid4().int
    body = f"91522601MC{run % 10**7:07d}"
    employer = Employer.objects.create(name="压测直播食品有限公司", credit_code=body + credit_code_check_char(body),
                                       county="凯里市", verification=VerificationStatus.VERIFIED)  # fmt: skip
    base = User.objects.count()
    host = User.objects.create_user(f"171{base:08d}", None, role=Role.EMPLOYER, employer=employer, display_name="主播")
    now = timezone.now()
    job = {"employer": employer, "county": "凯里市", "pay_min": 4000, "pay_max": 6000, "benefits": ["包吃住"],
           "status": PostingStatus.PUBLISHED, "published_at": now}  # fmt: skip
    postings = JobPosting.objects.bulk_create(
        [JobPosting(title=f"压测直播岗位{n}", **job) for n in range(options.pushes + 1)]
    )
    room_data = {"title": "压测直播间", "scheduled_at": now, "stream_url": "https://pull.example.cn/bench/room.m3u8"}
    room = room_start(by=host, room=room_create(by=host, data=room_data))
    # Signed-in seekers, written in bulk without the profile signals (no search-index work queued).
    unusable = make_password(None)
    phones = [f"171{base + 1 + n:08d}" for n in range(options.appliers)]
    users = User.objects.bulk_create(
        [User(phone=p, phone_digest=phone_digest(p), role=Role.SEEKER, password=unusable) for p in phones],
        batch_size=500,
    )
    WorkerProfile.objects.bulk_create(
        [WorkerProfile(user=user, name=f"压测观众{n}") for n, user in enumerate(users)], batch_size=500
    )
    host_cookie, *seeker_cookies = session_cookies([host, *users])
    # Client 0 is the host; the signed-in seekers come next, then anonymous viewers.
    cookies: list[str | None] = [host_cookie, *seeker_cookies]
    cookies += [None] * (options.viewers - options.appliers)
    return room, postings, cookies


# --- the phases -----------------------------------------------------------------------------------


def _bar(options: LiveOptions, **kwargs: Any) -> tqdm:
    return tqdm(disable=not options.progress, file=sys.stderr, leave=False, dynamic_ncols=True, **kwargs)


def _viewer_path(room_id: int, client: int, cookie: str | None) -> str:
    path = f"ws/live/{room_id}/"
    # Anonymous viewers carry a browser id, as the page sends one: each is a unique viewer.
    return path if cookie else f"{path}?v=bench{client:06d}x"


def _connect(fleet: ClientFleet, pool: ServerPool, cookies: list[str | None], report: LiveReport) -> None:
    options = report.options
    targets = [Target(pool.ws_url(_viewer_path(report.room_id, n, c), n), c) for n, c in enumerate(cookies)]
    started = time.monotonic()
    with _bar(options, total=len(targets), desc="connecting", unit="client") as bar:
        failures = fleet.connect(targets, progress=bar.update)
    if failures:
        client, error = next(iter(failures.items()))
        raise BenchError(f"{len(failures)} of {len(targets)} clients could not connect (client {client}: {error})")
    short = fleet.wait_for('"hello"', timeout=120)
    if short:
        raise BenchError(f"{len(short)} clients got no hello frame")
    report.connect_s = time.monotonic() - started
    report.connected = len(targets)
    # The presence ticker reports the count at most once a second; wait until the host sees them all.
    waited = time.monotonic()
    if not fleet.wait_for(f'"viewers", "count": {options.viewers}}}', clients=[HOST], timeout=30):
        report.count_settled_s = time.monotonic() - waited
    fleet.drain(("type",))


def _pushes(fleet: ClientFleet, postings: list[JobPosting], report: LiveReport) -> None:
    options = report.options
    viewers = range(1, options.viewers + 1)
    for n in _bar(options, iterable=range(options.pushes), desc="pushing cards", unit="card"):
        sent = fleet.send({HOST: [json.dumps({"command": "push", "posting": postings[n].pk})]}, delay=0.05)
        fleet.wait_for('"type": "card"', timeout=30)
        frames = fleet.drain(FRAME_FIELDS)
        card_ids = {f[CARD] for _at, f in frames.get(HOST, []) if f[TYPE] == "card"}
        if len(card_ids) != 1:
            seen = [(f[TYPE], f[CODE]) for _at, f in frames.get(HOST, [])][:5]
            raise BenchError(f"push {n}: the host saw {len(card_ids)} card frames (frames: {seen})")
        card_id = card_ids.pop()

        def shown(frame: tuple, card: int = card_id) -> bool:
            return frame[TYPE] == "card" and frame[CARD] == card

        arrivals = first_arrivals({c: frames.get(c, []) for c in viewers}, shown, since=sent[HOST][0])
        report.push_ms.extend(arrivals.values())
        report.push_p95_each.append(percentile(list(arrivals.values()), 95))
        report.delivered += len(arrivals)
        time.sleep(0.3)


def _apply_burst(fleet: ClientFleet, postings: list[JobPosting], report: LiveReport) -> None:
    """Every signed-in viewer taps 一键报名 on one fresh card at once, then taps again."""
    options = report.options
    appliers = list(range(1, options.appliers + 1))
    fleet.send({HOST: [json.dumps({"command": "push", "posting": postings[-1].pk})]}, delay=0.05)
    fleet.wait_for('"type": "card"', timeout=30)
    frames = fleet.drain(FRAME_FIELDS)
    card_id = next(f[CARD] for _at, f in frames[HOST] if f[TYPE] == "card")
    apply = json.dumps({"command": "apply", "card": card_id})
    sent = fleet.send({c: [apply] for c in appliers})
    fleet.wait_for('"apply_result"', clients=appliers, timeout=120)
    first_send = min(times[0] for times in sent.values())
    last_answer = first_send
    for client, received in fleet.drain(FRAME_FIELDS).items():
        for at, frame in received:
            if client == HOST and frame[TYPE] == "applications" and frame[CARD_REF] == card_id:
                report.host_final_count = max(report.host_final_count, frame[COUNT] or 0)
            if frame[TYPE] == "apply_result" and client in sent:
                last_answer = max(last_answer, at)
                report.apply_ms.append((at - sent[client][0]) * 1000)
                if frame[OK] and not frame[ALREADY]:
                    report.applied_ok += 1
                else:
                    code = frame[CODE] or "already"
                    report.apply_refused[code] = report.apply_refused.get(code, 0) + 1
    report.apply_wall_s = last_answer - first_send
    # The host's count frames may still be on their way after the last answer.
    deadline = time.monotonic() + 10
    while report.host_final_count < options.appliers and time.monotonic() < deadline:
        time.sleep(0.2)
        for _at, frame in fleet.drain(FRAME_FIELDS).get(HOST, []):
            if frame[TYPE] == "applications" and frame[CARD_REF] == card_id:
                report.host_final_count = max(report.host_final_count, frame[COUNT] or 0)
    # A second tap from everyone: 已报名, nothing new.
    fleet.send({c: [apply] for c in appliers})
    fleet.wait_for('"apply_result"', clients=appliers, timeout=60)
    for client, received in fleet.drain(FRAME_FIELDS).items():
        report.duplicate_answers += sum(
            1 for _at, f in received if client in sent and f[TYPE] == "apply_result" and f[OK] and f[ALREADY]
        )
    report.db_applications = LiveApplication.objects.filter(card_id=card_id).count()


def run(options: LiveOptions, out: TextIO = sys.stdout) -> LiveReport:
    """Start the servers, connect host and viewers, push cards and a burst of applications; print the report."""
    print(f"preparing a live room and {options.appliers:,} signed-in seekers in "
          f"{settings.DATABASES['default']['NAME']}…", file=sys.stderr)  # fmt: skip
    room, postings, cookies = _make_world(options)
    report = LiveReport(options=options, room_id=room.pk)
    env = server_env(
        settings=settings.SETTINGS_MODULE, database_url=settings_database_url(), redis_url=settings.REDIS_URL
    )
    connection.close()
    log_dir = Path(tempfile.mkdtemp(prefix="jyt-live-bench-"))
    print(f"starting {options.servers} daphne processes (logs in {log_dir})…", file=sys.stderr)
    with (
        start_servers(options.servers, env=env, log_dir=log_dir) as pool,
        ClientFleet(options.client_processes, origin=ORIGIN) as fleet,
    ):
        report.rss_before_kb = pool.rss_kb()
        _connect(fleet, pool, cookies, report)
        time.sleep(1.0)  # let the servers settle before reading their memory
        report.rss_after_kb = pool.rss_kb()
        _pushes(fleet, postings, report)
        pool.check_alive()
        if options.appliers:
            _apply_burst(fleet, postings, report)
        pool.check_alive()
        report.rss_end_kb = pool.rss_kb()
    room.refresh_from_db()
    write_report(report, out, peak=room.viewers_peak)
    return report


def write_report(report: LiveReport, out: TextIO, *, peak: int) -> None:
    import os

    o = report.options
    mb = 1024
    print(f"\nlive-room benchmark: 1 host + {o.viewers:,} viewers ({o.appliers:,} signed in) in one room, "
          f"{o.servers} daphne processes, Redis channel layer, PostgreSQL; clients in {o.client_processes} "
          "OS processes", file=out)  # fmt: skip
    print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}; room {report.room_id}", file=out)
    print(f"connect: {report.connected:,} clients in {report.connect_s:.1f} s (handshake, session, presence row, "
          "hello with state)", file=out)  # fmt: skip
    settled = f"{report.count_settled_s:.1f} s after the last hello" if report.count_settled_s is not None else "never"
    print(f"viewer count: host saw {o.viewers:,} {settled}; recorded peak {peak:,}", file=out)
    before, after = sum(report.rss_before_kb), sum(report.rss_after_kb)
    print(f"memory: daphne RSS {before / mb:.0f} MB before, {after / mb:.0f} MB connected "
          f"({', '.join(f'{kb / mb:.0f}' for kb in report.rss_after_kb)} MB), "
          f"{sum(report.rss_end_kb) / mb:.0f} MB at the end → {report.kb_per_connection:.0f} KB per connection",
          file=out)  # fmt: skip

    expected = o.pushes * o.viewers
    p95 = percentile(report.push_ms, 95)
    print(f"\npush → card frame at every viewer ({o.pushes} cards pushed over the host's socket, timed from "
          "the send):", file=out)  # fmt: skip
    print(f"  {'delivered':>14} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}  target p95", file=out)
    print(f"  {report.delivered:>6,}/{expected:<7,} {percentile(report.push_ms, 50):>8.1f} {p95:>8.1f} "
          f"{max(report.push_ms, default=0):>8.1f}  ≤ {P95_TARGET_MS:.0f} ms "
          f"{check_mark(p95 <= P95_TARGET_MS and report.delivered == expected)}", file=out)  # fmt: skip
    print(f"  p95 of each push: {', '.join(f'{v:.0f}' for v in report.push_p95_each)}", file=out)

    if o.appliers:
        refused = ", ".join(f"{n} {code}" for code, n in report.apply_refused.items()) or "none"
        print(f"\n一键报名 burst: {o.appliers:,} signed-in viewers apply to one card at once, then tap again", file=out)
        print(f"  applied {report.applied_ok:,}, refused {refused}; {report.db_applications:,} linked applications "
              f"in the database; host's count reached {report.host_final_count:,}; second tap 已报名 "
              f"{report.duplicate_answers:,}/{o.appliers:,} {check_mark(report.applies_exact)}", file=out)  # fmt: skip
        wall = report.apply_wall_s
        rate = report.applied_ok / wall if wall else 0
        print(f"  answer p50/p95/max {percentile(report.apply_ms, 50):.0f}/{percentile(report.apply_ms, 95):.0f}/"
              f"{max(report.apply_ms, default=0):.0f} ms; wall {wall:.2f} s → {rate:.0f} applications/s",
              file=out)  # fmt: skip
    print(f"\nall targets met: {'yes' if report.targets_met else 'NO'}", file=out)
