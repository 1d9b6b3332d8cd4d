"""The sentence-transformers encoder behind semantic matching.

The model is a setting (`MATCHING_EMBEDDING_MODEL`): a local folder or a model name. By default it is
the folder `manage.py build_embedding_model` fills with the project's own offline Chinese model; a
production Chinese model (`manage.py download_embedding_model`) replaces it by changing the setting.
Loading torch takes seconds, so status reports only look at what is configured and on disk, and the
encoder is loaded once per process (again only when the model on disk changes).

Nothing here reaches for the network: a web or worker process must not start downloading a model in
the middle of a request, and these machines have no hub to download from anyway.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from django.conf import settings

from matching.model_building import METADATA_FILE

if TYPE_CHECKING:
    from sentence_transformers import SentenceTransformer

BATCH_SIZE = 256


class ModelMissing(RuntimeError):
    """The configured model is not on this machine yet."""


def _configured() -> tuple[str, Path | None]:
    """(setting, local folder or None when the setting is a model name)."""
    configured = str(settings.MATCHING_EMBEDDING_MODEL)
    path = Path(configured)
    if path.is_absolute() or configured.startswith("."):
        return configured, path
    return configured, None


def _metadata(path: Path) -> dict:
    try:
        return json.loads((path / METADATA_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def model_status() -> dict:
    configured, path = _configured()
    if path is not None:
        if not (path / "modules.json").exists():
            raise ModelMissing(f"no sentence-transformers model at {path}")
        return {"model": configured, "source": "local", "version": model_version()}
    return {"model": configured, "source": "name"}


def model_version() -> str:
    """A short, stable name of the configured model, to store beside every embedding it made.

    The project's own builds and downloaded models carry it in `jiuyetong.json`; any other local folder
    is named by its folder and a hash of its configuration and weight files' sizes; a bare model name
    is its own version.
    """
    configured, path = _configured()
    if path is None:
        return configured
    if not (path / "modules.json").exists():
        raise ModelMissing(_missing_message(path))
    version = _metadata(path).get("version")
    if version:
        return str(version)
    digest = hashlib.sha256()
    for item in sorted(path.rglob("*")):
        if item.is_file():
            relative = item.relative_to(path).as_posix()
            small = item.suffix in {".json", ".txt"} and item.stat().st_size < 1_000_000
            digest.update(relative.encode() + (item.read_bytes() if small else str(item.stat().st_size).encode()))
    return f"{path.name}-{digest.hexdigest()[:8]}"


def _missing_message(path: Path) -> str:
    return (
        f"no sentence-transformers model at {path}: run `manage.py build_embedding_model` "
        "(or point MATCHING_EMBEDDING_MODEL at a downloaded model)"
    )


_lock = threading.Lock()
_loaded: dict[str, object] = {"key": None, "model": None}


def _stamp(path: Path | None) -> object:
    """What changes when the model on disk is rebuilt: the modification time of its metadata."""
    if path is None:
        return None
    for name in (METADATA_FILE, "modules.json"):
        try:
            return (name, (path / name).stat().st_mtime_ns)
        except OSError:
            continue
    raise ModelMissing(_missing_message(path))


def get_encoder() -> SentenceTransformer:
    """The configured model, loaded once per process and again after the setting or the model changes.

    Raises ModelMissing when it is not on this machine; never downloads (`local_files_only`), so a bare
    model name only works when it is in the local Hugging Face cache.
    """
    configured, path = _configured()
    key = (configured, _stamp(path))
    with _lock:
        if _loaded["key"] == key:
            return _loaded["model"]  # type: ignore[return-value]
        from sentence_transformers import SentenceTransformer

        try:
            model = SentenceTransformer(configured, device="cpu", local_files_only=True)
        except OSError as exc:  # a name not in the local cache, or a damaged folder
            raise ModelMissing(f"cannot load the embedding model {configured}: {exc}") from exc
        _loaded.update(key=key, model=model)
        return model


def get_encoder_or_none() -> Callable[[list[str]], np.ndarray] | None:
    """`encode`, ready to use, or None when semantic matching is switched off (an empty setting).

    For callers that take an optional encoder function (matching.recommend, the evaluation command):
    a configured but absent model still raises ModelMissing, since that is a mistake to report, not a
    reason to rank silently without meaning.
    """
    if not str(settings.MATCHING_EMBEDDING_MODEL or "").strip():
        return None
    get_encoder()
    return encode_cached


def clear_encoder() -> None:
    """Forget the loaded model (tests, or after swapping models in a long-running process)."""
    with _lock:
        _loaded.update(key=None, model=None)
        _vectors.clear()


def clear_vector_cache() -> None:
    """Forget recent texts' vectors, keeping the model (benchmarks of the cold case)."""
    with _lock:
        _vectors.clear()


def embedding_dimension() -> int:
    model = get_encoder()
    return int(model.get_embedding_dimension())


def encode(texts: list[str]) -> np.ndarray:
    """Unit-length float32 embeddings, one row per text, in batches.

    A text with nothing the model knows (empty, emoji only, unknown words) has no direction: its row
    is all zeros, so its cosine with anything is 0 rather than a random similarity.
    """
    model = get_encoder()
    if not texts:
        return np.zeros((0, embedding_dimension()), dtype=np.float32)
    vectors = model.encode(
        [text or "" for text in texts],
        batch_size=BATCH_SIZE,
        normalize_embeddings=True,
        convert_to_numpy=True,
        show_progress_bar=False,
    )
    vectors = np.asarray(vectors, dtype=np.float32)
    # A zero row divided by its norm would be NaN in some models' own normalisation; keep it zero.
    return np.nan_to_num(vectors, nan=0.0, posinf=0.0, neginf=0.0)


# Recent texts' vectors, per loaded model. Recommendations re-rank the same postings for many
# seekers, so their texts repeat from request to request; 50,000 vectors of 256 floats are 50 MB.
VECTOR_CACHE_SIZE = 50_000
_vectors: OrderedDict[tuple[object, str], np.ndarray] = OrderedDict()


def encode_cached(texts: list[str]) -> np.ndarray:
    """`encode`, remembering the vectors of recent texts (least recently used ones are dropped)."""
    get_encoder()
    model_key = _loaded["key"]
    rows: dict[str, np.ndarray] = {}
    with _lock:
        for text in texts:
            vector = _vectors.get((model_key, text))
            if vector is not None:
                _vectors.move_to_end((model_key, text))
                rows[text] = vector
    missing = [text for text in dict.fromkeys(texts) if text not in rows]
    if missing:
        for text, vector in zip(missing, encode(missing), strict=True):
            rows[text] = vector
        with _lock:
            for text in missing:
                _vectors[(model_key, text)] = rows[text]
            while len(_vectors) > VECTOR_CACHE_SIZE:
                _vectors.popitem(last=False)
    if not texts:
        return encode([])
    return np.vstack([rows[text] for text in texts])
