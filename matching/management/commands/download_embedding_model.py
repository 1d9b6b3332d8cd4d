"""`manage.py download_embedding_model NAME`: fetch a production Chinese model where the hub is reachable.

The offline model the project builds is good at trade names; a pretrained Chinese model such as
BAAI/bge-small-zh-v1.5 understands free text far better. Machines without access to the hub cannot
run this; they get one clear error instead of a traceback.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from matching.model_building import METADATA_FILE

RECOMMENDED = "BAAI/bge-small-zh-v1.5"


class Command(BaseCommand):
    help = f"Download a sentence-transformers model (e.g. {RECOMMENDED}) into a local folder."

    def add_arguments(self, parser) -> None:
        parser.add_argument("name", nargs="?", default=RECOMMENDED, help=f"model name on the hub ({RECOMMENDED})")
        parser.add_argument("--output", help="folder to save into (default: var/models/<name>)")

    def handle(self, *args, **options) -> None:
        name = options["name"]
        output = Path(options["output"] or Path(settings.VAR_DIR) / "models" / name.replace("/", "__"))
        if os.environ.get("HF_HUB_OFFLINE", "").lower() in {"1", "true", "yes", "on"}:
            raise CommandError(f"cannot download {name}: HF_HUB_OFFLINE is set")
        from huggingface_hub import HfApi
        from sentence_transformers import SentenceTransformer

        try:
            revision = HfApi().model_info(name, timeout=15).sha
            model = SentenceTransformer(name, device="cpu", revision=revision)
        except Exception as exc:  # network, DNS, unknown model: all end the same way here
            raise CommandError(
                f"cannot download {name} ({type(exc).__name__}: {exc}); the model hub is not reachable from "
                "this machine. Download it where it is and copy the folder here, or keep the offline model "
                "(`manage.py build_embedding_model`)."
            ) from exc
        model.save(str(output))
        version = f"{name}@{(revision or 'unknown')[:12]}"
        (output / METADATA_FILE).write_text(json.dumps({"name": name, "version": version}, indent=1))
        self.stdout.write(f"{version} saved to {output}\nset MATCHING_EMBEDDING_MODEL={output} to use it")
