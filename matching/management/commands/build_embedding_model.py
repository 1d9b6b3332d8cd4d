"""`manage.py build_embedding_model`: train the offline Chinese model into MATCHING_EMBEDDING_MODEL."""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from matching.embeddings import clear_encoder
from matching.model_building import build_model


class Command(BaseCommand):
    help = (
        "Build the project's own Chinese embedding model from the occupation taxonomy into "
        "MATCHING_EMBEDDING_MODEL (a no-op when the current build is already there)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--force", action="store_true", help="rebuild even if the current build is on disk")
        parser.add_argument("--output", help="folder to build into (default: MATCHING_EMBEDDING_MODEL)")

    def handle(self, *args, **options) -> None:
        target = options["output"] or str(settings.MATCHING_EMBEDDING_MODEL)
        path = Path(target)
        if not options["output"] and not (path.is_absolute() or target.startswith(".")):
            raise CommandError(
                f"MATCHING_EMBEDDING_MODEL is a model name ({target}), not a folder: nothing to build; "
                "use --output to build the offline model somewhere else"
            )
        bar: tqdm | None = None

        def progress(step: int, total: int) -> None:
            nonlocal bar
            if bar is None:
                bar = tqdm(total=total, desc="training", unit="step", disable=options["verbosity"] == 0)
            bar.update(1)

        try:
            result = build_model(path, force=options["force"], progress=progress)
        finally:
            if bar is not None:
                bar.close()
        clear_encoder()
        if not result.built:
            self.stdout.write(f"{result.version} is already built at {result.path} (use --force to rebuild)")
            return
        self.stdout.write(
            f"{result.version} built at {result.path}\n"
            f"  epochs {result.epochs}, pairs {result.pairs}, vocabulary {result.vocab_size}, "
            f"dimension {result.dim}, final loss {result.final_loss:.4f}\n"
            f"  {result.seconds:.1f} s in all, {result.train_seconds:.1f} s of training\n"
            f"  hash {result.fingerprint}"
        )
