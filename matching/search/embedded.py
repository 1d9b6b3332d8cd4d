"""The in-process backend of the embedded default: SQLite FTS5, one file per index generation.

No server to install, so a first-time user gets search by running one command. Text is indexed
as jieba tokens (see matching.text) in an FTS5 table ranked by BM25, with the title weighted
above the occupation words and those above the description; structured filters, facets and
distance are plain SQL over the same file. A rebuild writes a new file and swaps a pointer
file atomically (os.replace), the embedded counterpart of Elasticsearch's alias swap.

Errors are not swallowed here: a local file that cannot be written is a bug to see, not an
outage to ride out (unlike Elasticsearch, see matching.sync).
"""

from __future__ import annotations

import json
import math
import os
import sqlite3
import threading
import time
from collections.abc import Callable, Iterable
from contextlib import closing, contextmanager
from datetime import timedelta
from pathlib import Path
from typing import Any

import numpy as np
from django.utils import timezone

from marketplace.places import EARTH_RADIUS_KM, distance_km
from matching.search.base import BaseSearchBackend, SearchUnavailable
from matching.search.query import PostingQuery, ProfileQuery, SearchHit, SearchResult

# FTS columns per kind, with their BM25 weights (title above occupation words above description).
FTS_COLUMNS = {
    "postings": (("title_tokens", 3.0), ("occupation_tokens", 2.0), ("description_tokens", 1.0)),
    "profiles": (("occupation_tokens", 3.0), ("skills_tokens", 2.0), ("intro_tokens", 1.0)),
}
# (All SQL below is assembled from these fixed names; values always go in as parameters.)
# Columns copied out of the document for filtering and sorting.
POSTING_COLUMNS = (
    "job_type", "county", "town", "occupation_id", "family_code", "pay_min_month", "pay_max_month",
    "published_at", "employer_verified", "lat", "lon", "benefits", "province_code", "prefecture_code",
    "county_code",
)  # fmt: skip
PROFILE_COLUMNS = ("county", "occupation_ids", "family_codes", "job_types", "key_groups", "lat", "lon")
# Secondary indices of postings. Each holds every column a filter, sort or facet reads, so counts,
# facets and the page's ids come from a compact index instead of the table, whose rows carry the
# whole JSON document (about 1 KB each); each leads with a different column, so the newest sort and
# the facets' GROUP BY walk one in order instead of sorting, and filters on that column seek.
# At 100,000 postings this takes a facet from ~40-100 ms to ~10-20 ms.
POSTING_INDEXED = (
    "published_at", "job_type", "county", "town", "occupation_id", "family_code", "pay_max_month",
    "employer_verified", "lat", "lon", "benefits",
)  # fmt: skip
POSTING_INDEX_LEADS = {"published": "published_at", "job_type": "job_type", "county": "county",
                       "family_code": "family_code", "benefits": "benefits"}  # fmt: skip
BATCH = 500
MMAP_BYTES = 1 << 30


def _fts_match(tokens: Iterable[str]) -> str:
    """Each token quoted (quotes doubled), OR-ed: user text never becomes FTS5 syntax."""
    return " OR ".join('"' + t.replace('"', '""') + '"' for t in tokens)


def _row_values(kind: str, doc: dict[str, Any]) -> dict[str, Any]:
    location = doc.get("location") or {}
    if kind == "postings":
        values = {c: doc.get(c) for c in POSTING_COLUMNS if c not in ("lat", "lon", "benefits")}
        values["employer_verified"] = 1 if doc.get("employer_verified") else 0
        values["benefits"] = json.dumps(doc.get("benefits") or [], ensure_ascii=False)
        # One column per level, so an area filter compares strings instead of unpacking JSON per row.
        for code in doc.get("place_codes") or ():
            level = (
                "province_code"
                if code.endswith("0000")
                else "prefecture_code"
                if code.endswith("00")
                else "county_code"
            )
            values[level] = code
    else:
        values = {"county": doc.get("county")}
        for c in ("occupation_ids", "family_codes", "job_types", "key_groups"):
            values[c] = json.dumps(doc.get(c) or [], ensure_ascii=False)
    values["lat"] = location.get("lat")
    values["lon"] = location.get("lon")
    return values


class EmbeddedSearchBackend(BaseSearchBackend):
    name = "embedded"

    def __init__(self, *, alias: str, params: dict[str, Any]) -> None:
        super().__init__(alias=alias, params=params)
        self.path = Path(params.get("PATH", "var/search"))
        self._write_lock = threading.Lock()
        self._vector_cache: dict[str, tuple] = {}

    # ------------------------------------------------------------------ files
    def _pointer(self, kind: str) -> Path:
        return self.path / f"{kind}.current"

    def _current_file(self, kind: str) -> Path | None:
        try:
            name = self._pointer(kind).read_text().strip()
        except FileNotFoundError:
            return None
        return self.path / name

    def _create_file(self, kind: str, *, indices: bool = True) -> Path:
        self.path.mkdir(parents=True, exist_ok=True)
        file = self.path / f"{kind}-{time.strftime('%Y%m%d%H%M%S')}-{os.getpid()}-{time.monotonic_ns()}.sqlite3"
        columns = POSTING_COLUMNS if kind == "postings" else PROFILE_COLUMNS
        fts = ", ".join(name for name, _ in FTS_COLUMNS[kind])
        # closing(): a sqlite3 connection's own `with` only commits; left open, its -wal and -shm
        # files would outlive the index they belong to.
        with closing(sqlite3.connect(file)) as conn, conn:
            conn.executescript(
                f"""
                PRAGMA journal_mode=WAL;
                CREATE TABLE docs (id INTEGER PRIMARY KEY, version TEXT NOT NULL, doc TEXT NOT NULL,
                                   {", ".join(columns)});
                CREATE VIRTUAL TABLE fts USING fts5({fts}, tokenize = 'unicode61');
                CREATE TABLE vectors (id INTEGER PRIMARY KEY, v BLOB NOT NULL);
                CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);
                INSERT INTO meta VALUES ('vectors', 0);
                {_index_sql(kind) if indices else ""}
                """
            )
        return file

    def _swap(self, kind: str, file: Path) -> None:
        tmp = self._pointer(kind).with_suffix(".tmp")
        tmp.write_text(file.name)
        os.replace(tmp, self._pointer(kind))

    @contextmanager
    def _connect(self, kind: str, *, create: bool = False):
        file = self._current_file(kind)
        if file is None or not file.exists():
            if not create:
                yield None
                return
            file = self._create_file(kind)
            self._swap(kind, file)
        conn = sqlite3.connect(file, timeout=30)
        # Each search opens a fresh connection, whose page cache starts empty: memory-mapped reads
        # serve pages from the OS cache without a read() call each (text matches touch thousands).
        conn.execute(f"PRAGMA mmap_size = {MMAP_BYTES}")
        conn.create_function("dist_km", 4, _dist, deterministic=True)
        try:
            yield conn
        except sqlite3.Error as exc:
            raise SearchUnavailable(f"embedded index {file}: {exc}") from exc
        finally:
            conn.close()

    # ----------------------------------------------------------------- health
    def health(self) -> dict[str, Any]:
        try:
            self.path.mkdir(parents=True, exist_ok=True)
            with sqlite3.connect(":memory:") as conn:
                conn.execute("CREATE VIRTUAL TABLE probe USING fts5(body)")
        except (OSError, sqlite3.Error) as exc:
            raise SearchUnavailable(f"embedded index at {self.path}: {exc}") from exc
        return {"backend": self.name, "engine": f"SQLite {sqlite3.sqlite_version} FTS5", "path": str(self.path)}

    # ----------------------------------------------------------------- writes
    def ensure_index(self, kind: str) -> None:
        with self._write_lock, self._connect(kind, create=True):
            pass

    def _write(self, conn: sqlite3.Connection, kind: str, docs: list[dict[str, Any]]) -> None:
        fts_names = [name for name, _ in FTS_COLUMNS[kind]]
        ids = [(d["id"],) for d in docs]
        conn.executemany("DELETE FROM docs WHERE id = ?", ids)
        conn.executemany("DELETE FROM fts WHERE rowid = ?", ids)
        conn.executemany("DELETE FROM vectors WHERE id = ?", ids)
        for doc in docs:
            values = _row_values(kind, doc)
            names = ["id", "version", "doc", *values]
            stored = {key: value for key, value in doc.items() if key != "embedding"}  # the vector has its own table
            conn.execute(
                f"INSERT INTO docs ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                [doc["id"], doc["version"], json.dumps(stored, ensure_ascii=False), *values.values()],
            )
        conn.executemany(
            "INSERT INTO vectors (id, v) VALUES (?, ?)",
            [(d["id"], np.asarray(d["embedding"], dtype=np.float32).tobytes()) for d in docs if d.get("embedding")],
        )
        conn.execute("UPDATE meta SET value = value + 1 WHERE key = 'vectors'")
        conn.executemany(
            f"INSERT INTO fts (rowid, {', '.join(fts_names)}) VALUES (?, {', '.join('?' * len(fts_names))})",
            [(d["id"], *(d.get(n) or "" for n in fts_names)) for d in docs],
        )

    def index_documents(self, kind: str, docs: list[dict[str, Any]]) -> dict[int, str]:
        if not docs:
            return {}
        with self._write_lock, self._connect(kind, create=True) as conn, conn:
            self._write(conn, kind, docs)
        return {}  # SQLite stores whatever the document builder made

    def delete_documents(self, kind: str, ids: Iterable[int]) -> None:
        rows = [(i,) for i in ids]
        if not rows:
            return
        with self._write_lock, self._connect(kind) as conn:
            if conn is None:
                return
            with conn:
                conn.executemany("DELETE FROM docs WHERE id = ?", rows)
                conn.executemany("DELETE FROM fts WHERE rowid = ?", rows)
                conn.executemany("DELETE FROM vectors WHERE id = ?", rows)
                conn.execute("UPDATE meta SET value = value + 1 WHERE key = 'vectors'")

    def document_versions(self, kind: str) -> dict[int, str]:
        with self._connect(kind) as conn:
            if conn is None:
                return {}
            return dict(conn.execute("SELECT id, version FROM docs"))

    def rebuild(
        self, kind: str, docs: Iterable[dict[str, Any]], *, progress: Callable[[int], None] | None = None
    ) -> str:
        # Secondary indices are built once after the load: sorted bulk builds instead of 100,000
        # random inserts into each of them (about three times faster at that size).
        file = self._create_file(kind, indices=False)
        with closing(sqlite3.connect(file)) as conn, conn:
            batch: list[dict[str, Any]] = []
            for doc in docs:
                batch.append(doc)
                if len(batch) >= BATCH:
                    self._write(conn, kind, batch)
                    if progress:
                        progress(len(batch))
                    batch = []
            if batch:
                self._write(conn, kind, batch)
                if progress:
                    progress(len(batch))
            conn.executescript(_index_sql(kind))
            conn.execute("INSERT INTO fts(fts) VALUES('optimize')")
        old = self._current_file(kind)
        with self._write_lock:
            self._swap(kind, file)
        # Readers holding the old file keep working on their open handle; new ones see the new file.
        if old is not None and old != file:
            for part in (old, *(old.with_name(old.name + suffix) for suffix in ("-wal", "-shm"))):
                part.unlink(missing_ok=True)
        return file.name

    def knn_postings(self, vector: list[float], *, k: int) -> list[SearchHit]:
        """Exact nearest neighbours: one matrix product over every vector, which numpy does for
        100,000 postings in milliseconds; the matrix is read once per index change and kept."""
        query = np.asarray(vector, dtype=np.float32)
        with self._connect("postings") as conn:
            if conn is None:
                return []
            ids, matrix = self._vectors(conn)
            if not len(ids) or matrix.shape[1] != query.shape[0]:
                return []
            scores = matrix @ query
            top = np.argpartition(-scores, min(k, len(ids)) - 1)[:k] if len(ids) > k else np.arange(len(ids))
            top = top[np.argsort(-scores[top], kind="stable")]
            wanted = [int(ids[i]) for i in top]
            docs = dict(conn.execute(f"SELECT id, doc FROM docs WHERE id IN ({', '.join('?' * len(wanted))})", wanted))
        return [SearchHit(id=pid, score=float(scores[i]), distance_km=None, doc=json.loads(docs[pid]))
                for pid, i in zip(wanted, top, strict=True) if pid in docs]  # fmt: skip

    def posting_vectors(self, ids: list[Any]) -> dict[Any, np.ndarray]:
        with self._connect("postings") as conn:
            if conn is None:
                return {}
            stored, matrix = self._vectors(conn)
        if not len(stored):
            return {}
        wanted = np.asarray([int(i) for i in ids], dtype=np.int64)
        at = np.clip(np.searchsorted(stored, wanted), 0, len(stored) - 1)  # ids are kept sorted
        return {int(pid): matrix[i] for pid, i in zip(wanted, at, strict=True) if stored[i] == pid}

    def _vectors(self, conn: sqlite3.Connection) -> tuple[np.ndarray, np.ndarray]:
        generation = conn.execute("SELECT value FROM meta WHERE key = 'vectors'").fetchone()[0]
        key = (conn.execute("PRAGMA database_list").fetchone()[2], generation)
        cached = self._vector_cache.get("postings")
        if cached is None or cached[0] != key:
            rows = conn.execute("SELECT id, v FROM vectors ORDER BY id").fetchall()
            ids = np.fromiter((r[0] for r in rows), dtype=np.int64, count=len(rows))
            matrix = np.vstack([np.frombuffer(r[1], dtype=np.float32) for r in rows]) if rows else np.zeros((0, 0))
            cached = (key, ids, matrix)
            self._vector_cache["postings"] = cached
        return cached[1], cached[2]

    def vector_matrix_bytes(self) -> int:
        """Memory the loaded kNN matrix of postings takes (0 before the first vector search)."""
        cached = self._vector_cache.get("postings")
        return int(cached[2].nbytes) if cached else 0

    def drop(self, kind: str) -> None:
        for file in self.path.glob(f"{kind}-*.sqlite3*"):
            file.unlink(missing_ok=True)
        self._pointer(kind).unlink(missing_ok=True)

    # ---------------------------------------------------------------- queries
    def search_postings(self, query: PostingQuery) -> SearchResult:
        with self._connect("postings") as conn:
            if conn is None:
                return SearchResult(total=0, hits=[])
            where, params = _posting_filters(query)
            return self._search(conn, "postings", query, where, params)

    def search_profiles(self, query: ProfileQuery) -> SearchResult:
        with self._connect("profiles") as conn:
            if conn is None:
                return SearchResult(total=0, hits=[])
            where, params = _profile_filters(query)
            return self._search(conn, "profiles", query, where, params)

    def _search(self, conn, kind: str, query, where: list[str], params: list[Any]) -> SearchResult:
        source, score = "docs d", "0.0"
        tokens = query.tokens
        if tokens and getattr(query, "common_token_share", None):
            tokens = _without_common(conn, tokens, query.common_token_share)
        if tokens:
            weights = ", ".join(str(w) for _, w in FTS_COLUMNS[kind])
            # CROSS JOIN keeps the text match as the outer loop, as before the covering indices: the
            # planner would otherwise start from a county's index and probe FTS once per row
            # (half a second for 凯里市 at 100,000 postings).
            source = "fts CROSS JOIN docs d ON d.id = fts.rowid"
            where = ["fts MATCH ?", *where]
            params = [_fts_match(tokens), *params]
            score = f"-bm25(fts, {weights})"
        geo = query.geo
        distance = _distance_sql(geo.lat, geo.lon) if geo else "NULL"
        clause = ("WHERE " + " AND ".join(where)) if where else ""
        base = f"FROM {source} {clause}"
        sort = getattr(query, "sort", "relevance")
        if sort == "relevance" and not query.tokens:
            sort = "newest" if kind == "postings" else "id"
        order = {
            "relevance": "score DESC, d.published_at DESC, d.id DESC",
            "newest": "d.published_at DESC, d.id DESC",
            "pay": "d.pay_max_month IS NULL, d.pay_max_month DESC, d.id DESC",
            "distance": "distance IS NULL, distance ASC, d.id DESC",
            "id": "d.id DESC",
        }[sort]
        if kind == "profiles" and sort == "relevance":
            order = "score DESC, d.id DESC"
        offset = (query.page - 1) * query.page_size
        # The page's ids first, documents after: sorting carries small rows, and only the page's
        # documents are read (the index covers everything else).
        rows = conn.execute(
            f"SELECT d.id, {score} AS score, {distance} AS distance {base} ORDER BY {order} LIMIT ? OFFSET ?",
            [*params, query.page_size, offset],
        ).fetchall()
        docs = dict(
            conn.execute(f"SELECT id, doc FROM docs WHERE id IN ({', '.join('?' * len(rows))})", [r[0] for r in rows])
        )
        hits = [
            SearchHit(id=row[0], score=float(row[1]), distance_km=row[2], doc=json.loads(docs[row[0]])) for row in rows
        ]
        facets, total = {}, None
        if kind == "postings" and query.with_facets:
            # Text matches and distance filters cost per row: evaluate them once for all facets.
            costly = bool(query.tokens) or (query.geo is not None and query.geo.radius_km is not None)
            facets, total = _facets(conn, base, params, materialize=costly)
        if total is None:
            total = conn.execute(f"SELECT COUNT(*) {base}", params).fetchone()[0]
        return SearchResult(total=total, hits=hits, facets=facets)


def _dist(lat1, lon1, lat2, lon2):
    if lat1 is None or lon1 is None:
        return None
    return distance_km(lat1, lon1, lat2, lon2)


def _index_sql(kind: str) -> str:
    if kind != "postings":
        return "CREATE INDEX docs_published ON docs(county);"
    statements = []
    for name, lead in POSTING_INDEX_LEADS.items():
        columns = [lead, *(c for c in POSTING_INDEXED if c != lead)]
        statements.append(f"CREATE INDEX docs_{name} ON docs({', '.join(columns)});")
    return "\n".join(statements)


def _has_math_functions() -> bool:
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("SELECT asin(sqrt(pow(sin(radians(1.0)), 2)))")
    except sqlite3.OperationalError:  # SQLite built without SQLITE_ENABLE_MATH_FUNCTIONS
        return False
    finally:
        conn.close()
    return True


_MATH_FUNCTIONS = _has_math_functions()


def _distance_sql(lat: float, lon: float) -> str:
    """Distance in km from (lat, lon) to each row, as SQL.

    The haversine of marketplace.places.distance_km, operation for operation and on the same libm, so
    the values are the same floats; but evaluated by SQLite itself, without a Python call per row
    (which made distance filters and sorts over the whole index cost hundreds of milliseconds).
    Without SQLite's math functions it falls back to that Python function.
    """
    if not _MATH_FUNCTIONS:
        return f"dist_km(d.lat, d.lon, {lat!r}, {lon!r})"
    # distance_km(d.lat, d.lon, lat, lon): p1 = radians(d.lat), p2 = radians(lat), dl = radians(lon - d.lon).
    p2 = math.radians(lat)
    cos_p2 = math.cos(p2)
    a = (
        f"pow(sin(({p2!r} - radians(d.lat)) / 2), 2)"
        f" + cos(radians(d.lat)) * {cos_p2!r} * pow(sin(radians({lon!r} - d.lon) / 2), 2)"
    )
    return f"(2 * {EARTH_RADIUS_KM!r} * asin(min(1.0, sqrt({a}))))"


def _without_common(conn: sqlite3.Connection, tokens: tuple[str, ...], share: float) -> tuple[str, ...]:
    """The tokens found in at most `share` of the documents, or the rarest one if all are common."""
    conn.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.fts_terms USING fts5vocab(main, fts, 'row')")
    total = conn.execute("SELECT COUNT(*) FROM docs").fetchone()[0] or 1
    sql, vals = _in("term", tokens)
    counts = dict(conn.execute(f"SELECT term, doc FROM temp.fts_terms WHERE {sql}", vals).fetchall())
    kept = tuple(t for t in tokens if counts.get(t, 0) <= share * total)
    if kept:
        return kept
    return (min(tokens, key=lambda t: counts.get(t, 0)),)


def _in_any_level(codes: tuple[str, ...]) -> tuple[str, list[Any]]:
    """A division filter: the posting's province, prefecture or county is one of the codes."""
    parts, params = [], []
    for column in ("d.province_code", "d.prefecture_code", "d.county_code"):
        sql, vals = _in(column, codes)
        parts.append(f"COALESCE({sql}, 0)")
        params += vals
    return f"({' OR '.join(parts)})", params


def _in(column: str, values: tuple) -> tuple[str, list[Any]]:
    return f"{column} IN ({', '.join('?' * len(values))})", list(values)


def _geo_filter(geo, where: list[str], params: list[Any]) -> None:
    if geo is None or geo.radius_km is None:
        return
    # A bounding box first lets SQLite skip most rows before the exact distance.
    dlat = geo.radius_km / 111.0
    dlon = geo.radius_km / max(1e-6, 111.0 * math.cos(math.radians(geo.lat)))
    where.append("d.lat BETWEEN ? AND ? AND d.lon BETWEEN ? AND ?")
    params += [geo.lat - dlat, geo.lat + dlat, geo.lon - dlon, geo.lon + dlon]
    where.append(f"{_distance_sql(geo.lat, geo.lon)} <= ?")
    params.append(geo.radius_km)


def _posting_filters(q: PostingQuery) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    for column, values in (
        ("d.job_type", q.job_types),
        ("d.county", q.counties),
        ("d.town", q.towns),
        ("d.occupation_id", q.occupation_ids),
        ("d.family_code", q.family_codes),
    ):
        if values:
            sql, vals = _in(column, values)
            where.append(sql)
            params += vals
    for benefit in q.benefits:
        where.append("EXISTS (SELECT 1 FROM json_each(d.benefits) WHERE value = ?)")
        params.append(benefit)
    if q.place_codes:
        sql, vals = _in_any_level(q.place_codes)
        where.append(sql)
        params += vals
    if q.exclude_place_codes:  # 外省: somewhere known, and not there
        sql, vals = _in_any_level(q.exclude_place_codes)
        where.append(f"d.province_code IS NOT NULL AND NOT {sql}")
        params += vals
    if q.pay_floor_month is not None:
        where.append("d.pay_max_month >= ?")
        params.append(q.pay_floor_month)
    if q.posted_within_days is not None:
        where.append("d.published_at >= ?")
        params.append((timezone.now() - timedelta(days=q.posted_within_days)).isoformat())
    if q.verified_only:
        where.append("d.employer_verified = 1")
    _geo_filter(q.geo, where, params)
    return where, params


def _profile_filters(q: ProfileQuery) -> tuple[list[str], list[Any]]:
    where: list[str] = []
    params: list[Any] = []
    if q.counties:
        sql, vals = _in("d.county", q.counties)
        where.append(sql)
        params += vals
    for column, values in (
        ("occupation_ids", q.occupation_ids),
        ("family_codes", q.family_codes),
        ("job_types", q.job_types),
        ("key_groups", q.key_groups),
    ):
        if values:
            marks = ", ".join("?" * len(values))
            where.append(f"EXISTS (SELECT 1 FROM json_each(d.{column}) WHERE value IN ({marks}))")
            params += list(values)
    _geo_filter(q.geo, where, params)
    return where, params


def _facets(
    conn, base: str, params: list[Any], *, materialize: bool = False
) -> tuple[dict[str, list[tuple[str, int]]], int | None]:
    """Counts per value over the same filtered set the hits come from, and its size if it was counted."""
    if materialize:
        # A text match (FTS, then a row lookup per match) or a distance filter (a haversine per row)
        # is the costly part: run it once into a temporary table of the facet columns and count
        # over that, instead of once per facet.
        conn.execute(
            f"CREATE TEMP TABLE facet_rows AS SELECT d.job_type, d.county, d.family_code, d.benefits {base}", params
        )
        try:
            facets, _ = _facets(conn, "FROM temp.facet_rows d", [])
            return facets, conn.execute("SELECT COUNT(*) FROM temp.facet_rows").fetchone()[0]
        finally:
            conn.execute("DROP TABLE temp.facet_rows")
    joiner = " AND " if " WHERE " in base else " WHERE "
    facets: dict[str, list[tuple[str, int]]] = {}
    for column in ("job_type", "county", "family_code"):
        sql = (
            f"SELECT d.{column}, COUNT(*) AS n {base}{joiner}d.{column} IS NOT NULL AND d.{column} != '' "
            f"GROUP BY d.{column} ORDER BY n DESC, d.{column} LIMIT 50"
        )
        facets[column] = [(value, n) for value, n in conn.execute(sql, params)]
    # Benefits are a JSON list per row, but only a few hundred distinct lists exist: count the lists
    # (an index walk, no JSON parsing per row) and add up their values here. Same counts, and the
    # same order as SQLite's (count, then the value's UTF-8 bytes, which is code-point order).
    counts: dict[str, int] = {}
    for benefits, n in conn.execute(f"SELECT d.benefits, COUNT(*) {base} GROUP BY d.benefits", params):
        for value in json.loads(benefits or "[]"):
            counts[value] = counts.get(value, 0) + n
    facets["benefits"] = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:50]
    return facets, None


SearchBackend = EmbeddedSearchBackend
