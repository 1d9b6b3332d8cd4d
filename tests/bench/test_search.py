"""The search benchmark runs end to end at a tiny size and leaves nothing behind.

No timing is asserted: the figures depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import io
import os
import re

import pytest

from bench import BenchError
from bench.search import BenchOptions, leftover_indices, run

pytestmark = pytest.mark.django_db


def test_the_benchmark_reports_both_backends_and_cleans_up():
    out = io.StringIO()
    options = BenchOptions(
        backend="both",
        postings=300,
        queries=20,
        seed=3,
        progress=False,
        elasticsearch_url=os.environ["ELASTICSEARCH_URL"],
    )

    report = run(options, out=out)

    text = out.getvalue()
    assert set(report.figures) == {"elasticsearch", "embedded"}
    for name in ("elasticsearch", "embedded"):
        figures = report.figures[name]
        assert figures.docs_per_s > 0
        assert len(figures.all_latencies()) == 20
        # A summary row: name, docs/s, ratio, p50, p95, p99 and the target with its mark.
        assert re.search(rf"^{name}\s+[\d,]+\s+(\d+\.\d\d|—)\s+[\d.]+\s+[\d.]+\s+[\d.]+\s+≤ \d+ ms [✓✗]$", text, re.M)
    assert report.figures["elasticsearch"].ratio is not None
    assert "text analysis (jieba)" in text
    assert "\nembeddings: " in text  # "not computed" without a model, its encoding time with one
    assert leftover_indices(options, report.index_prefix) == []
    assert report.embedded_path is not None and not report.embedded_path.exists()


def test_an_unreachable_elasticsearch_is_one_clear_error():
    options = BenchOptions(backend="elasticsearch", postings=10, queries=1, elasticsearch_url="http://127.0.0.1:9")

    with pytest.raises(BenchError, match=r"^Elasticsearch is not reachable at http://127\.0\.0\.1:9 "):
        run(options, out=io.StringIO())
