"""`manage.py evaluate_matching`: score the matcher against judged sets, next to a BM25 baseline."""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from matching.evaluate import EvaluationInputError, evaluate, read_jsonl
from matching.search.base import SearchUnavailable


def _configured_backend() -> str:
    backend = str(settings.SEARCH_BACKENDS.get("default", {}).get("BACKEND", ""))
    return "elasticsearch" if "elasticsearch" in backend else "embedded"


class Command(BaseCommand):
    help = (
        "Rank the top 10 postings for each profile in a fresh, isolated index and print NDCG@10, MRR@10 and "
        "Recall@10 for the matcher and for BM25 alone, one 'name: value' per line."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--postings", required=True, type=Path, help="postings, JSON Lines")
        parser.add_argument("--profiles", required=True, type=Path, help="profiles, JSON Lines")
        parser.add_argument("--judgments", required=True, type=Path, help="profile_id, posting_id, grade (0-3)")
        parser.add_argument("--backend", choices=("embedded", "elasticsearch"), default=None,
                            help="search engine for the isolated index (default: the configured one)")  # fmt: skip
        parser.add_argument("--run-out", type=Path, help='write {"profile_id": ["posting_id", ...]} here')

    def handle(self, *args, **options) -> None:
        from matching.embeddings import ModelMissing, get_encoder_or_none

        backend = options["backend"] or _configured_backend()
        try:
            encoder = get_encoder_or_none()
        except ModelMissing as exc:
            raise CommandError(f"{exc}. Build it first: manage.py build_embedding_model") from exc
        try:
            total = len(read_jsonl(options["profiles"], ("id",), "profiles"))
            with tqdm(total=total, desc="ranking", unit="profile", disable=options["verbosity"] == 0) as bar:
                result = evaluate(
                    postings_path=options["postings"],
                    profiles_path=options["profiles"],
                    judgments_path=options["judgments"],
                    backend_kind=backend,
                    encoder=encoder,
                    progress=bar.update,
                )
        except EvaluationInputError as exc:
            raise CommandError(str(exc)) from exc
        except SearchUnavailable as exc:
            raise CommandError(f"search backend {backend} unavailable: {exc}") from exc
        if options["run_out"]:
            options["run_out"].write_text(json.dumps(result.run, ensure_ascii=False, indent=1), encoding="utf-8")
        ratio = result.matcher.ndcg / result.baseline.ndcg if result.baseline.ndcg else float("inf")
        lines = [
            ("NDCG@10", result.matcher.ndcg),
            ("MRR@10", result.matcher.mrr),
            ("Recall@10", result.matcher.recall),
            ("BM25 NDCG@10", result.baseline.ndcg),
            ("BM25 MRR@10", result.baseline.mrr),
            ("BM25 Recall@10", result.baseline.recall),
            ("NDCG@10 ratio to BM25", ratio),
        ]
        for name, value in lines:
            self.stdout.write(f"{name}: {value:.4f}")
        self.stdout.write(f"profiles: {result.profiles}")
        self.stdout.write(f"postings: {result.postings}")
        self.stdout.write(f"backend: {result.backend}")
        self.stdout.write(f"encoder: {'none' if encoder is None else 'sentence-transformers'}")
