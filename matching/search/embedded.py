"""The in-process backend of the embedded default: SQLite FTS5 files under a local folder.

No server to install, so a first-time user gets search by running one command. Production and
scale use Elasticsearch; both implement the same interface and pass the same contract tests.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from matching.search.base import BaseSearchBackend, SearchUnavailable


class EmbeddedSearchBackend(BaseSearchBackend):
    name = "embedded"

    def __init__(self, *, alias: str, params: dict[str, Any]) -> None:
        super().__init__(alias=alias, params=params)
        self.path = Path(params.get("PATH", "var/search"))

    def health(self) -> dict[str, Any]:
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            with sqlite3.connect(":memory:") as conn:
                conn.execute("CREATE VIRTUAL TABLE probe USING fts5(body)")
        except (OSError, sqlite3.Error) as exc:
            raise SearchUnavailable(f"embedded index at {self.path}: {exc}") from exc
        return {"backend": self.name, "engine": f"SQLite {sqlite3.sqlite_version} FTS5", "path": str(self.path)}


SearchBackend = EmbeddedSearchBackend
