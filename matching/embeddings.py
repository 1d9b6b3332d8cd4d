"""The sentence-transformers encoder behind semantic matching.

The model is a setting (`MATCHING_EMBEDDING_MODEL`): a local folder or a model name. Loading
torch takes seconds, so status reports only look at what is configured and on disk.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings


class ModelMissing(RuntimeError):
    """The configured model is not on this machine yet."""


def model_status() -> dict:
    configured = str(settings.MATCHING_EMBEDDING_MODEL)
    path = Path(configured)
    if path.is_absolute() or configured.startswith("."):
        if not (path / "modules.json").exists():
            raise ModelMissing(f"no sentence-transformers model at {path}")
        return {"model": configured, "source": "local"}
    return {"model": configured, "source": "name"}
