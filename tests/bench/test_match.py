"""The match benchmark runs end to end at a tiny size and leaves nothing behind.

No timing is asserted: the figures depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import io
import os
import re

import pytest

from bench.search import leftover_indices

pytestmark = pytest.mark.django_db


def test_the_match_benchmark_reports_model_latency_and_memory_and_cleans_up():
    from bench.match import MatchOptions
    from bench.match import run as run_match

    out = io.StringIO()
    options = MatchOptions(
        backend="both",
        postings=300,
        queries=10,
        seekers=7,
        cold=True,
        encode_sample=200,
        seed=3,
        progress=False,
        elasticsearch_url=os.environ["ELASTICSEARCH_URL"],
    )

    report = run_match(options, out=out)

    text = out.getvalue()
    assert report.model is not None and report.model.dim > 0
    assert re.search(r"^model version: \S+, size on disk [\d.]+ MB, embedding dimension \d+$", text, re.M)
    assert re.search(r"^model load: [\d.]+ s first in this process", text, re.M)
    assert re.search(r"^encoding throughput: [\d,]+ sentences/s \(200 posting texts", text, re.M)
    assert re.search(r"^corpus embedding: [\d.]+ s for 300 postings", text, re.M)
    assert re.search(r"^memory \(RSS\): [\d,]+ MB before loading the model, [\d,]+ MB after", text, re.M)
    assert report.corpus_vectors > 0
    for name in ("elasticsearch", "embedded"):
        figures = report.figures[name]
        assert len(figures.latencies_ms) == 10
        assert figures.empty_results < 10
        assert re.search(rf"^{name}\s+10\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+≤ (100|250) ms [✓✗]$", text, re.M)
    assert re.search(r"^elasticsearch .*≤ 100 ms [✓✗]$", text, re.M)
    assert re.search(r"vector matrix held by the embedded backend: [\d.]+ MB", text)
    assert "over 7 distinct seekers (cold: encoder cache emptied before every call" in text
    assert leftover_indices(options, report.index_prefix) == []
    assert not report.workdir.exists()


def test_the_varied_seekers_are_all_different_people():
    from bench.match import varied_seekers

    people = varied_seekers(200, seed=1)

    assert len({person.text for person in people}) == 200
    assert len({(person.lat, person.lon) for person in people}) == 200
