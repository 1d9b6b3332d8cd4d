"""A server process loads the model and dictionaries before it says it is ready."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from matching import embeddings
from matching.warmup import warm_up

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.django_db


def test_warm_up_loads_the_model_and_every_dictionary_a_recommendation_reads(embedding_model):
    timings = warm_up()

    assert set(timings) == {"model", "text", "places", "taxonomy", "heap"}
    assert embeddings._loaded["model"] is not None


def test_a_missing_model_does_not_stop_the_server_from_starting(settings):
    settings.MATCHING_EMBEDDING_MODEL = "/nonexistent/model"
    embeddings.clear_encoder()

    timings = warm_up()

    assert "model" not in timings and "text" in timings


def test_the_asgi_entry_point_warms_up_when_the_setting_says_so(embedding_model_path):
    code = ("import gc, config.asgi; from matching.embeddings import _loaded; "
            "print('loaded', _loaded['model'] is not None, 'frozen', gc.get_freeze_count())")  # fmt: skip
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test", "MATCHING_WARM_UP": "1",
           "MATCHING_EMBEDDING_MODEL": str(embedding_model_path)}  # fmt: skip

    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)

    assert result.returncode == 0, result.stderr
    assert "loaded True" in result.stdout
    # What it loaded is kept out of garbage collection: a full collection over it stopped the
    # process for half a second at a time under load.
    assert int(result.stdout.split("frozen")[1]) > 100_000
