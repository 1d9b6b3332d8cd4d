"""The offline Chinese embedding model: it understands how job seekers write, builds the same every time,
is cached, loads without any hub, and encodes anything a phone keyboard can type without crashing."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from io import StringIO
from pathlib import Path

import numpy as np
import pytest
from django.core.management import CommandError, call_command

from matching import embeddings
from matching.model_building import (
    DEMO_PATH,
    EXTRA_PHRASES_PATH,
    METADATA_FILE,
    TAXONOMY_PATH,
    BuildResult,
    build_model,
    occupation_catalogue,
    training_pairs,
)

ROOT = Path(__file__).resolve().parents[2]

# How seekers say it, none of them in the training text (checked below), and the occupation they mean.
UNSEEN = {
    "想找带孩子的活": "育婴员",
    "我会烧电焊": "电焊工",
    "会开挖掘机": "挖掘机司机",
    "在工地扎过钢筋": "钢筋工",
    "想进厂打螺丝": "普工",
    "会开叉车": "叉车司机",
    "在猪场喂过猪": "生猪饲养员",
    "以前在饭店炒菜": "厨师",
    "会开大车跑长途": "货车司机",
    "想去工地做小工": "建筑普工",
}


@pytest.fixture(scope="session")
def built_model(tmp_path_factory: pytest.TempPathFactory) -> BuildResult:
    """The model, built once for the whole run into a folder of its own."""
    return build_model(tmp_path_factory.mktemp("embedding-model") / "jiuyetong-zh-static")


@pytest.fixture(autouse=True)
def configured_model(built_model: BuildResult, settings) -> Iterator[BuildResult]:
    settings.MATCHING_EMBEDDING_MODEL = str(built_model.path)
    embeddings.clear_encoder()
    yield built_model
    embeddings.clear_encoder()


@pytest.fixture(scope="module")
def training_texts() -> set[str]:
    taxonomy = json.loads(TAXONOMY_PATH.read_text(encoding="utf-8"))
    demo = json.loads(DEMO_PATH.read_text(encoding="utf-8"))
    extra = json.loads(EXTRA_PHRASES_PATH.read_text(encoding="utf-8"))["phrases"]
    pairs, _ = training_pairs(taxonomy, demo, extra=extra)
    return {text for pair in pairs for text in (pair.anchor, pair.positive, pair.negative)}


def nearest_occupations(text: str, k: int = 3) -> list[tuple[str, float]]:
    names = [name for _, name in occupation_catalogue()]
    vectors = embeddings.encode(names)
    scores = vectors @ embeddings.encode([text])[0]
    order = np.argsort(-scores, kind="stable")[:k]
    return [(names[i], float(scores[i])) for i in order]


def test_the_test_phrasings_name_real_occupations_and_were_never_trained_on(training_texts):
    names = {name for _, name in occupation_catalogue()}
    assert set(UNSEEN.values()) <= names
    for phrase in UNSEEN:
        assert not any(phrase in text for text in training_texts), phrase


@pytest.mark.parametrize(("phrase", "occupation"), UNSEEN.items())
def test_an_unseen_phrasing_finds_its_occupation_in_the_top_three(phrase, occupation):
    top = nearest_occupations(phrase)

    assert occupation in [name for name, _ in top], top


def test_most_unseen_phrasings_find_their_occupation_first():
    first = sum(nearest_occupations(phrase, k=1)[0][0] == occupation for phrase, occupation in UNSEEN.items())

    assert first >= len(UNSEEN) - 1


def test_the_build_is_deterministic(built_model, tmp_path):
    again = build_model(tmp_path / "second")

    assert again.built
    assert again.fingerprint == built_model.fingerprint
    for name in ("model.safetensors", "tokenizer.json", "modules.json"):
        assert (again.path / name).read_bytes() == (built_model.path / name).read_bytes(), name


def test_a_second_build_of_the_same_inputs_is_a_no_op(built_model):
    weights = built_model.path / "model.safetensors"
    before = weights.stat().st_mtime_ns

    again = build_model(built_model.path)

    assert not again.built
    assert again.version == built_model.version
    assert weights.stat().st_mtime_ns == before


def test_the_model_records_its_version(built_model):
    metadata = json.loads((built_model.path / METADATA_FILE).read_text(encoding="utf-8"))

    assert metadata["version"] == built_model.version == f"jiuyetong-zh-static-{built_model.fingerprint[:8]}"
    assert embeddings.model_version() == built_model.version
    assert embeddings.model_status() == {
        "model": str(built_model.path),
        "source": "local",
        "version": metadata["version"],
    }


def test_the_model_loads_from_disk_with_no_hub_at_all(built_model):
    script = (
        "import sys; from sentence_transformers import SentenceTransformer; "
        "m = SentenceTransformer(sys.argv[1], device='cpu'); "
        "print(m.encode(['电焊工']).shape[1])"
    )
    # Offline, and a hub address nothing answers at, should anything still try.
    env = {**os.environ, "HF_HUB_OFFLINE": "1", "HF_ENDPOINT": "http://127.0.0.1:9", "TRANSFORMERS_OFFLINE": "1"}

    result = subprocess.run(
        [sys.executable, "-c", script, str(built_model.path)], env=env, capture_output=True, text=True, timeout=120
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[-1] == str(built_model.dim)


def test_encode_gives_unit_vectors_of_the_model_dimension(built_model):
    texts = ["电焊工，持证上岗，月薪8000", "想找带孩子的活", "SMT贴片操作员"] * 100  # more than one batch

    vectors = embeddings.encode(texts)

    assert vectors.dtype == np.float32
    assert vectors.shape == (300, built_model.dim)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    np.testing.assert_array_equal(vectors[0], vectors[3])
    assert embeddings.encode([]).shape == (0, built_model.dim)


def test_odd_input_does_not_crash():
    odd = ["", "   ", "dianhangong", "電焊工", "😀👍", "ＳＭＴ贴片", "A2驾照", "\u200b", "焊" * 5000]

    vectors = embeddings.encode(odd)

    assert np.isfinite(vectors).all()
    norms = np.linalg.norm(vectors, axis=1)
    # Text the model knows nothing of has no direction (all zeros); everything else is unit length.
    assert all(abs(n) < 1e-6 or abs(n - 1) < 1e-5 for n in norms), norms
    assert norms[0] == 0 and norms[4] == 0


def test_traditional_characters_land_where_simplified_ones_do():
    assert nearest_occupations("電焊工", k=1)[0][0] == "电焊工"
    assert nearest_occupations("會開叉車", k=1)[0][0] == "叉车司机"
    np.testing.assert_allclose(embeddings.encode(["電焊"])[0], embeddings.encode(["电焊"])[0], atol=1e-6)


def test_a_missing_model_says_how_to_get_one(settings, tmp_path):
    settings.MATCHING_EMBEDDING_MODEL = str(tmp_path / "nothing-here")

    with pytest.raises(embeddings.ModelMissing, match="build_embedding_model"):
        embeddings.get_encoder()
    with pytest.raises(embeddings.ModelMissing, match="nothing-here"):
        embeddings.model_status()


def test_the_build_command_is_a_no_op_when_the_model_is_current(built_model):
    out = StringIO()

    call_command("build_embedding_model", verbosity=0, stdout=out)

    assert f"{built_model.version} is already built" in out.getvalue()


def test_the_download_command_explains_when_the_hub_is_out_of_reach(monkeypatch, tmp_path):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")

    with pytest.raises(CommandError, match=re.escape("cannot download BAAI/bge-small-zh-v1.5")):
        call_command("download_embedding_model", "BAAI/bge-small-zh-v1.5", output=str(tmp_path / "bge"))


def test_the_optional_encoder_is_encode_or_none_when_switched_off(settings):
    assert embeddings.get_encoder_or_none() is embeddings.encode_cached

    settings.MATCHING_EMBEDDING_MODEL = ""

    assert embeddings.get_encoder_or_none() is None


def test_cached_encoding_gives_the_same_vectors_in_the_same_order_and_forgets_them_with_the_model():
    texts = ["招电焊工", "育婴员", "招电焊工", ""]

    first = embeddings.encode_cached(texts)
    again = embeddings.encode_cached(list(reversed(texts)))

    assert np.array_equal(first, embeddings.encode(texts))
    assert np.array_equal(again, first[::-1])
    assert len(embeddings._vectors) == 3  # each distinct text once
    embeddings.clear_encoder()
    assert len(embeddings._vectors) == 0
