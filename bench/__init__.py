"""Benchmarks of the product (`python -m bench search|match|board|live`).

`search` and `match` time the matching stack (indexing, queries, the embedding model and
`recommend`); `board` and `live` drive the real-time side (gig boards, live rooms) with thousands
of WebSocket clients over real daphne processes, built from the load harness in `bench.harness`,
which the multi-process claim race test uses too. `search` and `match` create their own indices
and folders and remove them when they end, so they can run next to a development server or a test
run on the same Elasticsearch.

They print figures for a person to read; they are not tests and assert nothing about speed. They
are a development tool: `board`, `live` and the harness need `websockets`, which only
requirements-dev.txt installs.
"""


class BenchError(RuntimeError):
    """A benchmark cannot run (a server did not start, a service is unreachable): one line for the shell."""
