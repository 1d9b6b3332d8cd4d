"""`manage.py evaluation_report`: every evaluation set, overall and per class, beside BM25.

`evaluate_matching` is the contract other tools call (one set, fixed lines). This command is for
people changing the matcher: a weight is only worth changing if it helps on every set, and in
the classes each set tags its seekers with (region words, vague wants, near home …).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from matching.evaluate import EvaluationInputError, evaluate, ndcg_at_k, read_jsonl

SETS_ROOT = Path(__file__).resolve().parents[2] / "evaluation"
# Signals whose weight the ablation sets to zero one at a time (matching.ranking.DEFAULT_WEIGHTS).
ABLATED = ("semantic", "lexical", "occupation", "place", "far_away", "pay", "job_type",
           "age_outside", "gender_outside", "certificate_missing", "key_group_priority", "refused",
           "welfare_not_local", "hours_clash", "effort_clash", "speech_clash", "experience_missing", "learning_fit",
           "red_flag")  # fmt: skip


class Command(BaseCommand):
    help = "NDCG@10 of the matcher and of BM25 on every evaluation set, overall and per seeker class."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("sets", nargs="*", type=Path, help=f"set folders (default: every folder in {SETS_ROOT})")
        parser.add_argument("--backend", choices=("embedded", "elasticsearch"), default="embedded")
        parser.add_argument(
            "--ablate",
            action="store_true",
            help="also score each set without each signal (the embedding: no model at all) and print the table",
        )

    def handle(self, *args, **options) -> None:
        from matching.embeddings import get_encoder_or_none

        folders = options["sets"] or sorted(p for p in SETS_ROOT.iterdir() if (p / "judgments.jsonl").exists())
        encoder = get_encoder_or_none()
        if options["ablate"]:
            self._ablate(folders, encoder, options["backend"])
            return
        for folder in folders:
            try:
                total = len(read_jsonl(folder / "profiles.jsonl", ("id",), "profiles"))
                with tqdm(total=total, desc=folder.name, unit="profile", disable=options["verbosity"] == 0) as bar:
                    result = evaluate(
                        postings_path=folder / "postings.jsonl",
                        profiles_path=folder / "profiles.jsonl",
                        judgments_path=folder / "judgments.jsonl",
                        backend_kind=options["backend"],
                        encoder=encoder,
                        progress=bar.update,
                    )
            except EvaluationInputError as exc:
                raise CommandError(str(exc)) from exc
            matcher: dict[str, list[float]] = defaultdict(list)
            baseline: dict[str, list[float]] = defaultdict(list)
            for key, ranked in result.run.items():
                grades = result.judged.get(key, {})
                if not any(g >= 1 for g in grades.values()):
                    continue
                for name in ("all", *result.classes.get(key, [])):
                    matcher[name].append(ndcg_at_k(ranked, grades))
                    baseline[name].append(ndcg_at_k(result.baseline_run.get(key, []), grades))
            ratio = result.matcher.ndcg / result.baseline.ndcg if result.baseline.ndcg else float("inf")
            self.stdout.write(
                f"{folder.name}: NDCG@10 {result.matcher.ndcg:.3f} · BM25 {result.baseline.ndcg:.3f} · "
                f"ratio {ratio:.2f} · {result.profiles} seekers, {result.postings} postings"
            )
            for name in sorted(n for n in matcher if n != "all"):
                mean = sum(matcher[name]) / len(matcher[name])
                base = sum(baseline[name]) / len(baseline[name])
                self.stdout.write(f"  {name:14s} {mean:.3f}  (BM25 {base:.3f}, {len(matcher[name])} seekers)")

    def _ablate(self, folders: list[Path], encoder, backend: str) -> None:
        """NDCG@10 per set with every signal, then without each one: what each signal adds."""
        from django.conf import settings

        def score(folder: Path, with_encoder) -> float:
            return evaluate(
                postings_path=folder / "postings.jsonl",
                profiles_path=folder / "profiles.jsonl",
                judgments_path=folder / "judgments.jsonl",
                backend_kind=backend,
                encoder=with_encoder,
            ).matcher.ndcg

        self.stdout.write("without          " + "  ".join(f"{f.name:>10s}" for f in folders))
        saved = dict(getattr(settings, "MATCHING_WEIGHTS", {}) or {})
        rows: list[tuple[str, dict | None]] = [("(nothing)", None), ("embedding", None)]
        rows += [(name, {name: 0.0}) for name in ABLATED]
        try:
            for name, override in rows:
                settings.MATCHING_WEIGHTS = {**saved, **(override or {})}
                figures = [score(f, None if name == "embedding" else encoder) for f in folders]
                self.stdout.write(f"{name:16s} " + "  ".join(f"{x:>10.3f}" for x in figures))
        finally:
            settings.MATCHING_WEIGHTS = saved
