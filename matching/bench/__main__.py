"""`python -m matching.bench search|match [--backend …] [--postings N] [--queries N] [--seed N]`.

Runs from a plain shell in the project folder: without DJANGO_SETTINGS_MODULE it uses the
embedded settings with a throwaway JYT_VAR_DIR (its SQLite file only holds the occupation
taxonomy, which the text analyser reads for its dictionary), so no developer data is touched.
"""

from __future__ import annotations

import argparse
import logging
import os
import shutil
import sys
import tempfile
from pathlib import Path

from matching.bench import BenchError

PROJECT_VAR = Path(__file__).resolve().parents[2] / "var"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m matching.bench", description=__doc__.splitlines()[0])
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
    match.add_argument("--queries", type=int, default=200, help="timed recommendations per backend (200)")
    match.add_argument("--encode-sample", type=int, default=20_000, help="posting texts timed for sentences/s")
    match.add_argument("--seed", type=int, default=1, help="seed of the corpus (1)")
    match.add_argument("--no-progress", action="store_true", help="no progress bars")
    return parser


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

        from marketplace.services.taxonomy import occupations_load

        call_command("migrate", verbosity=0, interactive=False)
        occupations_load()
    return own


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.postings < 1 or args.queries < 1:
        print("error: --postings and --queries must be at least 1", file=sys.stderr)
        return 2
    var_dir = Path(tempfile.mkdtemp(prefix="jyt-bench-var-"))
    try:
        configure_django(var_dir)
        if args.benchmark == "match":
            from matching.bench import match

            match.run(
                match.MatchOptions(
                    backend=args.backend,
                    postings=args.postings,
                    queries=args.queries,
                    seed=args.seed,
                    progress=not args.no_progress,
                    encode_sample=max(1, args.encode_sample),
                )
            )
            return 0
        from matching.bench.search import BenchOptions, run

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


if __name__ == "__main__":
    sys.exit(main())
