"""`python -m livestream.bench board [--clients N] [--servers N] [--posts N] [--rounds N] [--places K]`
and `python -m livestream.bench live [--viewers N] [--appliers N] [--servers N] [--pushes N]`.

Runs the product as production does: `config.settings.production` (unless DJANGO_SETTINGS_MODULE
says otherwise), PostgreSQL from DATABASE_URL, the Redis channel layer from REDIS_URL, daphne
processes started here. DATABASE_URL must name a scratch database: it is created when missing,
migrated, and keeps the benchmark's workers, gigs and sessions afterwards. Plain-HTTP loopback
only needs the secrets and hosts below, which get benchmark-only defaults.
"""

from __future__ import annotations

import argparse
import os
import sys

from livestream.bench import BenchError

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
    parser = argparse.ArgumentParser(prog="python -m livestream.bench", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="benchmark", required=True)
    board = sub.add_parser("board", help="gig board: fan-out latency, claim throughput, memory per connection")
    board.add_argument("--clients", type=int, default=1000, help="WebSocket clients on the board (1,000)")
    board.add_argument("--servers", type=int, default=2, help="daphne processes (2)")
    board.add_argument("--client-processes", type=int, default=2, help="OS processes running the clients (2)")
    board.add_argument("--posts", type=int, default=10, help="gigs posted for the fan-out latency (10)")
    board.add_argument("--rounds", type=int, default=3, help="claim races (3)")
    board.add_argument("--places", type=int, default=300, help="places of each race's gig (300)")
    board.add_argument("--no-progress", action="store_true", help="no progress bars")
    live = sub.add_parser("live", help="live room: card push latency to every viewer, apply burst, memory")
    live.add_argument("--viewers", type=int, default=2000, help="viewers in the room (2,000)")
    live.add_argument("--appliers", type=int, default=200, help="of them signed-in seekers who apply (200)")
    live.add_argument("--servers", type=int, default=2, help="daphne processes (2)")
    live.add_argument("--client-processes", type=int, default=2, help="OS processes running the clients (2)")
    live.add_argument("--pushes", type=int, default=10, help="cards pushed for the latency (10)")
    live.add_argument("--no-progress", action="store_true", help="no progress bars")
    return parser


def _check_live(args: argparse.Namespace) -> str:
    if min(args.viewers, args.servers, args.client_processes, args.pushes) < 1 or args.appliers < 0:
        return "every count must be at least 1 (--appliers may be 0)"
    if args.appliers > args.viewers:
        return "--appliers must not exceed --viewers"
    return ""


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


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    problem = _check_live(args) if args.benchmark == "live" else _check_board(args)
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
        if args.benchmark == "live":
            from livestream.bench.live import LiveOptions
            from livestream.bench.live import run as run_live

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
        from livestream.bench.board import BoardOptions, run

        options = BoardOptions(clients=args.clients, servers=args.servers, client_processes=args.client_processes,
                               posts=args.posts, rounds=args.rounds, places=args.places,
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
