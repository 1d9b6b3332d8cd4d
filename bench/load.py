"""The HTTP load benchmark: many distinct signed-in people on production-mode daphne, through Locust.

Why these figures: what a seeker feels is how long a page or a search takes while everybody else
is on the product too. The scenario (bench/locustfile.py) mixes seekers browsing pages, searching
and asking for recommendations, employers looking at candidates and saving drafts, and phones
catching up on gig boards, each user with a session of their own (the demo seed's seekers and
employers' staff), against `--servers` daphne processes with production settings, PostgreSQL,
Redis, Elasticsearch and the offline model, on loopback. Targets: p95 ≤ 300 ms for pages and the
API, ≤ 150 ms for search, no failed request. Server memory is sampled every few seconds, so a long
`--duration` is the soak: the figures end with each server's memory at the start and at the end.
"""

from __future__ import annotations

import csv
import json
import os
import random
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from django.conf import settings
from django.core.management import call_command

from bench import BenchError
from bench.harness.servers import ROOT, rss_kb, server_env, start_servers
from bench.harness.sessions import session_cookies
from marketplace.enums import PostingStatus, Role
from marketplace.models import JobPosting, Occupation, User
from marketplace.places import COUNTIES

TARGET_MS = {"page": 300.0, "api": 300.0, "search": 150.0}
LOCUST = str(Path(sys.executable).parent / "locust")
SAMPLE_EVERY_S = 5.0


@dataclass
class LoadOptions:
    users: int = 200
    spawn_rate: float = 20.0
    duration: int = 120
    servers: int = 2
    seed: int = 1
    progress: bool = True


@dataclass
class Row:
    name: str
    requests: int
    failures: int
    rps: float
    p50: float
    p95: float
    p99: float

    @property
    def target(self) -> float:
        return TARGET_MS.get(self.name.split(" ", 1)[0], 300.0)

    @property
    def met(self) -> bool:
        return self.failures == 0 and self.p95 <= self.target


@dataclass
class LoadReport:
    options: LoadOptions
    rows: list[Row] = field(default_factory=list)
    total: Row | None = None
    rss_mb: list[list[float]] = field(default_factory=list)  # per sample, per server
    errors: list[str] = field(default_factory=list)

    @property
    def targets_met(self) -> bool:
        return bool(self.rows) and all(row.met for row in self.rows) and not self.errors


def _world(seed: int, users: int) -> dict:
    """The demo seed's people, signed in: one session per Locust user, none shared."""
    call_command("seed_demo", if_missing=True, verbosity=0)
    rng = random.Random(seed)  # noqa: S311 - which demo people sign in, reproducibly
    seekers = list(User.objects.filter(role=Role.SEEKER, profile__isnull=False).order_by("pk"))
    employers = list(User.objects.filter(role=Role.EMPLOYER, employer__isnull=False).order_by("pk"))
    if not seekers or not employers:
        raise BenchError("the demo seed made no seekers or employers' staff")
    chosen = rng.sample(seekers, min(len(seekers), users))
    published = JobPosting.objects.filter(status=PostingStatus.PUBLISHED)
    postings = list(published.values_list("pk", flat=True))
    counties = sorted(set(published.values_list("county", flat=True)) - {""})
    own = {user.pk: list(published.filter(employer_id=user.employer_id).values_list("pk", flat=True)[:20])
           for user in employers}  # fmt: skip
    world = {
        "seekers": session_cookies(chosen),
        "employers": [
            {"cookie": cookie, "postings": own[user.pk]}
            for user, cookie in zip(employers, session_cookies(employers), strict=True)
        ],
        "postings": postings,
        "counties": counties,
        "areas": [county.code for county in COUNTIES],  # every county of the prefecture has a board
        "words": [*sorted(set(Occupation.objects.values_list("name", flat=True)))[:200], "包吃住", "日结", "普工"],
        "titles": ["招普工", "急招保安", "餐厅服务员", "电焊工 日结", "仓库拣货员"],
    }
    return world


def _sample_memory(pids: list[int], samples: list[list[float]], stop: threading.Event) -> None:
    while not stop.wait(SAMPLE_EVERY_S):
        try:
            samples.append([rss_kb(pid) / 1024 for pid in pids])
        except (OSError, BenchError):  # a server that died is reported by the run itself
            return


def _rows(stats_csv: Path) -> tuple[list[Row], Row | None]:
    rows, total = [], None
    with stats_csv.open(encoding="utf-8") as handle:
        for record in csv.DictReader(handle):
            row = Row(
                name=record["Name"],
                requests=int(record["Request Count"]),
                failures=int(record["Failure Count"]),
                rps=float(record["Requests/s"]),
                p50=float(record["50%"] or 0),
                p95=float(record["95%"] or 0),
                p99=float(record["99%"] or 0),
            )
            if record["Name"] == "Aggregated":
                total = row
            else:
                rows.append(row)
    return sorted(rows, key=lambda r: r.name), total


def run(options: LoadOptions) -> LoadReport:
    report = LoadReport(options=options)
    work = Path(tempfile.mkdtemp(prefix="jyt-load-"))
    print("preparing: demo data, model, static files, search index, sessions …", file=sys.stderr)
    call_command("build_embedding_model", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    world_path = work / "world.json"
    world = _world(options.seed, options.users)
    call_command("search_index", "--rebuild", verbosity=0)
    env = server_env(
        settings=os.environ["DJANGO_SETTINGS_MODULE"],
        database_url=os.environ["DATABASE_URL"],
        redis_url=os.environ["REDIS_URL"],
        MATCHING_EMBEDDING_MODEL=str(settings.MATCHING_EMBEDDING_MODEL),
    )
    people = f"{len(world['seekers'])} seekers and {len(world['employers'])} employers' staff signed in"
    postings = len(world["postings"])
    print(f"{people}; {postings} published postings; starting {options.servers} daphne …", file=sys.stderr)
    with start_servers(options.servers, env=env, log_dir=work / "logs") as pool:
        world["hosts"] = [server.url for server in pool.servers]
        world_path.write_text(json.dumps(world, ensure_ascii=False), encoding="utf-8")
        samples: list[list[float]] = [[rss_kb(s.process.pid) / 1024 for s in pool.servers]]
        stop = threading.Event()
        sampler = threading.Thread(
            target=_sample_memory, args=([s.process.pid for s in pool.servers], samples, stop), daemon=True
        )
        sampler.start()
        prefix = work / "locust"
        # One Locust worker process per server process, so the load generator is not the bottleneck.
        command = [LOCUST, "-f", str(ROOT / "bench" / "locustfile.py"), "--headless", "--host",
                   pool.servers[0].url, "-u", str(options.users), "-r", str(options.spawn_rate),
                   "-t", f"{options.duration}s", "--csv", str(prefix), "--only-summary",
                   "--stop-timeout", "10"]  # fmt: skip
        started = time.monotonic()
        locust = subprocess.run(  # noqa: S603 - our own locust, arguments built here
            command,
            env={**os.environ, "JYT_LOAD_DATA": str(world_path)},
            cwd=ROOT,
            capture_output=not options.progress,
            text=True,
            timeout=options.duration + 300,
        )
        stop.set()
        pool.check_alive()
        samples.append([rss_kb(s.process.pid) / 1024 for s in pool.servers])
        report.rss_mb = samples
        if locust.returncode not in (0, 1):  # 1: some requests failed, reported below
            raise BenchError(f"locust exited with {locust.returncode}: {(locust.stderr or '')[-2000:]}")
        report.rows, report.total = _rows(Path(f"{prefix}_stats.csv"))
        failures = Path(f"{prefix}_failures.csv")
        if failures.exists():
            with failures.open(encoding="utf-8") as handle:
                report.errors = [f"{r['Method']} {r['Name']}: {r['Error']} ×{r['Occurrences']}"
                                 for r in csv.DictReader(handle)]  # fmt: skip
        print(f"ran {time.monotonic() - started:.0f} s", file=sys.stderr)
    _print(report)
    return report


SPARKS = "▁▂▃▄▅▆▇█"


def memory_line(series: list[float], steps: int = 12) -> str:
    """RSS over the run as a sparkline of `steps` points, and its growth over the second half.

    A soak is judged on the shape: a leak keeps climbing after warm-up, a healthy server levels off.
    """
    points = [series[min(len(series) - 1, round(k * (len(series) - 1) / (steps - 1)))] for k in range(steps)]
    low, high = min(points), max(points)
    spark = "".join(SPARKS[int((v - low) / (high - low) * (len(SPARKS) - 1)) if high > low else 0] for v in points)
    half = series[len(series) // 2]
    return (f"RSS over the run {spark} ({low:.0f}–{high:.0f} MB); second half {series[-1] - half:+.0f} MB "
            f"({(series[-1] - half) / half * 100:+.1f}%)")  # fmt: skip


def _print(report: LoadReport) -> None:
    o = report.options
    load = os.getloadavg()
    print(f"\n{o.users} users (spawn {o.spawn_rate:g}/s), {o.duration} s, {o.servers} daphne; "
          f"load average now {load[0]:.2f} {load[1]:.2f} {load[2]:.2f}")  # fmt: skip
    print(f"{'request':<16} {'count':>7} {'fail':>5} {'req/s':>7} {'p50':>6} {'p95':>6} {'p99':>6}  target")
    for row in [*report.rows, *([report.total] if report.total else [])]:
        mark = "" if row.name == "Aggregated" else (" ✓" if row.met else " ✗")
        target = "" if row.name == "Aggregated" else f"≤ {row.target:.0f} ms{mark}"
        print(f"{row.name:<16} {row.requests:>7} {row.failures:>5} {row.rps:>7.1f} {row.p50:>6.0f} "
              f"{row.p95:>6.0f} {row.p99:>6.0f}  {target}")  # fmt: skip
    if report.rss_mb:
        first, last = report.rss_mb[0], report.rss_mb[-1]
        peak = [max(sample[i] for sample in report.rss_mb) for i in range(len(first))]
        for i, (a, b, p) in enumerate(zip(first, last, peak, strict=True)):
            print(f"server {i}: RSS {a:.0f} MB at start, {p:.0f} MB peak, {b:.0f} MB at the end")
        for i in range(len(first)):
            print(f"server {i}: {memory_line([sample[i] for sample in report.rss_mb])}")
    for error in report.errors[:20]:
        print(f"error: {error}")
    print("targets met" if report.targets_met else "targets NOT met")
