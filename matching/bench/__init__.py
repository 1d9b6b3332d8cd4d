"""Benchmarks of the matching stack (`python -m matching.bench search`).

They print figures for a person to read; they are not tests and assert nothing about speed.
Each benchmark creates its own indices and folders and removes them when it ends, so it can run
next to a development server or a test run on the same Elasticsearch.
"""


class BenchError(RuntimeError):
    """A benchmark cannot run (e.g. Elasticsearch unreachable); the message is one line for the shell."""
