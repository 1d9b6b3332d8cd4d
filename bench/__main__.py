"""`python -m bench search|match|board|live|load|dashboard [options]`: the benchmarks, one subcommand each.

`search` and `match` (`[--backend …] [--postings N] [--queries N] [--seed N]`) run from a plain
shell in the project folder: without DJANGO_SETTINGS_MODULE they use the embedded settings with a
throwaway JYT_VAR_DIR (its SQLite file only holds the occupation taxonomy, which the text analyser
reads for its dictionary), so no developer data is touched.

`dashboard` (`[--people N] [--renders N]`) also runs on production settings and a scratch
PostgreSQL database (below): a year of records made in the database, then the page's p95.

`board` (`[--clients N] [--servers N] [--posts N] [--rounds N] [--places K] [--burst N]`), `live`
(`[--viewers N] [--appliers N] [--servers N] [--pushes N]`) and `load` (`[--users N] [--duration S]
[--servers N]`) run the product as production does:
`config.settings.production` (unless DJANGO_SETTINGS_MODULE says otherwise), PostgreSQL from
DATABASE_URL, the Redis channel layer from REDIS_URL, daphne processes started here. DATABASE_URL
must name a scratch database: it is created when missing, migrated, and keeps the benchmark's
workers, gigs and sessions afterwards. Plain-HTTP loopback only needs the secrets and hosts below,
which get benchmark-only defaults.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

from bench import BenchError

PROJECT_VAR = Path(__file__).resolve().parents[1] / "var"

# Production settings demand these; the benchmark's servers only listen on loopback over HTTP.
BENCH_DEFAULTS = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "DJANGO_SECRET_KEY": "board-bench-only-key-5c1d9e7b3a2f4e6d8c0b2a4f6e8d0c2b",
    "FIELD_ENCRYPTION_KEYS": "board-bench-only-field-key-7a3e",
    "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost",
    "DJANGO_SECURE_SSL_REDIRECT": "0",
    "DJANGO_SECURE_COOKIES": "0",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "ELASTICSEARCH_URL": "http://127.0.0.1:9200",
    "LOG_LEVEL": "WARNING",
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="benchmark", required=True)
    search = sub.add_parser("search", help="bulk indexing docs/s and query latency of the search backends")
    search.add_argument("--backend", choices=("elasticsearch", "embedded", "both"), default="both")
    search.add_argument("--postings", type=int, default=100_000, help="synthetic postings to index (100,000)")
    search.add_argument("--queries", type=int, default=500, help="timed queries per backend after a warm-up (500)")
    search.add_argument("--seed", type=int, default=1, help="seed of the corpus and the query mix (1)")
    search.add_argument("--no-progress", action="store_true", help="no progress bars")
    match = sub.add_parser("match", help="embedding model load/encoding/memory and recommend() latency")
    match.add_argument("--backend", choices=("elasticsearch", "embedded", "both"), default="elasticsearch")
    match.add_argument("--postings", type=int, default=100_000, help="synthetic postings to index (100,000)")
    match.add_argument("--queries", type=int, default=1000, help="timed recommendations per backend (1,000)")
    match.add_argument("--seekers", type=int, default=1000, help="distinct seekers the calls go through (1,000)")
    match.add_argument("--cold", action="store_true", help="empty the encoder's cache before every call")
    match.add_argument("--encode-sample", type=int, default=20_000, help="posting texts timed for sentences/s")
    match.add_argument("--seed", type=int, default=1, help="seed of the corpus (1)")
    match.add_argument("--no-progress", action="store_true", help="no progress bars")
    board = sub.add_parser("board", help="gig board: fan-out latency, claim throughput, memory per connection")
    board.add_argument("--clients", type=int, default=1000, help="WebSocket clients on the board (1,000)")
    board.add_argument("--servers", type=int, default=2, help="daphne processes (2)")
    board.add_argument("--client-processes", type=int, default=2, help="OS processes running the clients (2)")
    board.add_argument("--posts", type=int, default=10, help="gigs posted for the fan-out latency (10)")
    board.add_argument("--rounds", type=int, default=3, help="claim races (3)")
    board.add_argument("--places", type=int, default=300, help="places of each race's gig (300)")
    board.add_argument("--burst", type=int, default=1000, help="phones opening sockets at one instant (1,000; 0: none)")
    board.add_argument("--no-progress", action="store_true", help="no progress bars")
    live = sub.add_parser("live", help="live room: card push latency to every viewer, apply burst, memory")
    live.add_argument("--viewers", type=int, default=2000, help="viewers in the room (2,000)")
    live.add_argument("--appliers", type=int, default=200, help="of them signed-in seekers who apply (200)")
    live.add_argument("--servers", type=int, default=2, help="daphne processes (2)")
    live.add_argument("--client-processes", type=int, default=2, help="OS processes running the clients (2)")
    live.add_argument("--pushes", type=int, default=10, help="cards pushed for the latency (10)")
    live.add_argument("--no-progress", action="store_true", help="no progress bars")
    load = sub.add_parser("load", help="HTTP load: many signed-in people on pages, search and the API (Locust)")
    load.add_argument("--users", type=int, default=200, help="concurrent users, each with a session of their own (200)")
    load.add_argument("--spawn-rate", type=float, default=20.0, help="users started per second (20)")
    load.add_argument("--duration", type=int, default=120, help="seconds of load; 1800 is the soak (120)")
    load.add_argument("--servers", type=int, default=2, help="daphne processes (2)")
    load.add_argument("--seed", type=int, default=1, help="which demo people sign in (1)")
    load.add_argument("--no-progress", action="store_true", help="no live Locust output")
    dashboard = sub.add_parser("dashboard", help="the bureau's plan dashboard with a year of records (PostgreSQL)")
    dashboard.add_argument("--people", type=int, default=500_000, help="people the records are about (500,000)")
    dashboard.add_argument("--renders", type=int, default=20, help="timed renders after the first (20)")
    dashboard.add_argument("--no-progress", action="store_true", help="no progress bars")
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.benchmark in ("search", "match"):
        return _main_matching(args)
    return _main_realtime(args)


# --- search and match: embedded settings in a throwaway folder ----------------------------------


def configure_django(var_dir: Path) -> bool:
    """Set Django up; True when this process owns the settings (and `var_dir` holds its database)."""
    own = not os.environ.get("DJANGO_SETTINGS_MODULE")
    if own:
        os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings.embedded"
        os.environ["JYT_VAR_DIR"] = str(var_dir)
        os.environ["SQLITE_PATH"] = str(var_dir / "bench.sqlite3")
        os.environ["EMBEDDED_SEARCH_PATH"] = str(var_dir / "search")
        os.environ.setdefault("DJANGO_DEBUG", "0")
        # The throwaway var folder has no embedding model; use the one `manage.py build_embedding_model` built.
        os.environ.setdefault("MATCHING_EMBEDDING_MODEL", str(PROJECT_VAR / "models" / "jiuyetong-zh-static"))
        # The Elasticsearch client logs every request at INFO: thousands of lines.
        os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()
    # The client logs each retry with a traceback; the benchmark's own one-line error says it all.
    logging.getLogger("elastic_transport").setLevel(logging.ERROR)
    if own:
        from django.core.management import call_command

        from marketplace.occupations.services import occupations_load

        call_command("migrate", verbosity=0, interactive=False)
        occupations_load()
    return own


def _main_matching(args: argparse.Namespace) -> int:
    if args.postings < 1 or args.queries < 1:
        print("error: --postings and --queries must be at least 1", file=sys.stderr)
        return 2
    var_dir = Path(tempfile.mkdtemp(prefix="jyt-bench-var-"))
    try:
        configure_django(var_dir)
        if args.benchmark == "match":
            from bench import match

            match.run(
                match.MatchOptions(
                    backend=args.backend,
                    postings=args.postings,
                    queries=args.queries,
                    seed=args.seed,
                    progress=not args.no_progress,
                    encode_sample=max(1, args.encode_sample),
                    seekers=max(1, args.seekers),
                    cold=args.cold,
                )
            )
            return 0
        from bench.search import BenchOptions, run

        options = BenchOptions(
            backend=args.backend,
            postings=args.postings,
            queries=args.queries,
            seed=args.seed,
            progress=not args.no_progress,
        )
        run(options)
        return 0
    except KeyboardInterrupt:
        print("interrupted; the benchmark's indices and folders were removed", file=sys.stderr)
        return 130
    except BenchError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        shutil.rmtree(var_dir, ignore_errors=True)


# --- board and live: production settings, a scratch PostgreSQL database ----------------------------


def _check_live(args: argparse.Namespace) -> str:
    if min(args.viewers, args.servers, args.client_processes, args.pushes) < 1 or args.appliers < 0:
        return "every count must be at least 1 (--appliers may be 0)"
    if args.appliers > args.viewers:
        return "--appliers must not exceed --viewers"
    return ""


def _check_load(args: argparse.Namespace) -> str:
    if min(args.users, args.duration, args.servers) < 1 or args.spawn_rate <= 0:
        return "--users, --duration, --servers and --spawn-rate must be positive"
    return ""


def _check_dashboard(args: argparse.Namespace) -> str:
    return (
        "" if args.people >= 1000 and args.renders >= 1 else "--people must be at least 1,000 and --renders at least 1"
    )


def _check_board(args: argparse.Namespace) -> str:
    if min(args.clients, args.servers, args.client_processes, args.posts, args.rounds, args.places) < 1:
        return "every count must be at least 1"
    if args.places > args.clients:
        return "--places must not exceed --clients (a race needs more claimers than places)"
    return ""


def ensure_database(url: str) -> None:
    """Create the PostgreSQL database DATABASE_URL names when it does not exist yet."""
    import dj_database_url
    import psycopg
    from psycopg import sql

    config = dj_database_url.parse(url)
    if "postgresql" not in config["ENGINE"]:
        raise BenchError("DATABASE_URL must name a PostgreSQL database (the product's production database)")
    params = {"host": config["HOST"] or "127.0.0.1", "port": config["PORT"] or 5432, "user": config["USER"],
              "password": config["PASSWORD"]}  # fmt: skip
    try:
        with psycopg.connect(dbname="postgres", autocommit=True, connect_timeout=10, **params) as admin:
            exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]]).fetchone()
            if not exists:
                print(f"creating database {config['NAME']}", file=sys.stderr)
                admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(config["NAME"])))
    except psycopg.OperationalError as exc:
        raise BenchError(f"PostgreSQL at DATABASE_URL is unreachable: {str(exc).strip().splitlines()[0]}") from exc


def _main_realtime(args: argparse.Namespace) -> int:
    checks = {"live": _check_live, "load": _check_load, "board": _check_board, "dashboard": _check_dashboard}
    problem = checks[args.benchmark](args)
    if problem:
        print(f"error: {problem}", file=sys.stderr)
        return 2
    if not os.environ.get("DATABASE_URL"):
        print("error: set DATABASE_URL to a scratch PostgreSQL database, e.g. "
              "postgres://jiuyetong:jiuyetong@127.0.0.1:5432/jyt_bench", file=sys.stderr)  # fmt: skip
        return 2
    for name, value in BENCH_DEFAULTS.items():
        os.environ.setdefault(name, value)
    try:
        ensure_database(os.environ["DATABASE_URL"])
        import django

        django.setup()
        from django.core.management import call_command

        call_command("migrate", verbosity=0, interactive=False)
        if args.benchmark == "dashboard":
            from bench.dashboard import DashboardOptions
            from bench.dashboard import run as run_dashboard

            dash = run_dashboard(DashboardOptions(people=args.people, renders=args.renders,
                                                  progress=not args.no_progress))  # fmt: skip
            return 0 if dash.targets_met else 1
        if args.benchmark == "load":
            from bench.load import LoadOptions
            from bench.load import run as run_load

            load_report = run_load(
                LoadOptions(users=args.users, spawn_rate=args.spawn_rate, duration=args.duration,
                            servers=args.servers, seed=args.seed, progress=not args.no_progress)
            )  # fmt: skip
            return 0 if load_report.targets_met else 1
        if args.benchmark == "live":
            from bench.live import LiveOptions
            from bench.live import run as run_live

            live_options = LiveOptions(
                viewers=args.viewers,
                appliers=args.appliers,
                servers=args.servers,
                client_processes=args.client_processes,
                pushes=args.pushes,
                progress=not args.no_progress,
            )
            live_report = run_live(live_options)
            return 0 if live_report.targets_met else 1
        from bench.board import BoardOptions, run

        options = BoardOptions(clients=args.clients, servers=args.servers, client_processes=args.client_processes,
                               posts=args.posts, rounds=args.rounds, places=args.places, burst=args.burst,
                               progress=not args.no_progress)  # fmt: skip
        report = run(options)
        return 0 if report.targets_met else 1
    except KeyboardInterrupt:
        print("interrupted; the servers and clients were stopped", file=sys.stderr)
        return 130
    except BenchError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
