"""Backups of the PostgreSQL database: pg_dump out to one file, pg_restore into a fresh database.

Why PostgreSQL's own client tools and not `dumpdata`: a custom-format archive is compressed,
consistent (one snapshot), restores tables, sequences and constraints in the right order, and
can be read by any DBA with `pg_restore` alone, without this code or this version of it.

Personal numbers leave as they are stored: ciphertext. The keys that read them
(`FIELD_ENCRYPTION_KEYS`) are settings, never rows, so they are not in the archive; an archive
without the keys restores every row but cannot show an ID or phone number, nor find an account
by its phone (the lookup digests are keyed by the first key too).

The search index, Redis (queues, cache, throttles) and uploaded files are not in the database and
not in the archive: the index is rebuilt from the restored rows (`manage.py search_index --rebuild`),
Redis holds nothing that outlives a restart on purpose, and MEDIA_ROOT is copied on its own.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

import psycopg
from django.conf import settings
from django.utils.translation import gettext as _
from psycopg import sql

# What every archive of pg_dump's custom format starts with.
ARCHIVE_MAGIC = b"PGDMP"
# Databases a role may connect to in order to create or drop another one.
MAINTENANCE_DATABASES = ("postgres", "template1")
# Debian and Ubuntu install each major version of the client tools side by side here.
DEBIAN_CLIENT_DIRS = "/usr/lib/postgresql/*/bin"
# Schemas every database has; anything in another schema means the database is in use.
_SYSTEM_SCHEMAS = ("pg_catalog", "information_schema", "pg_toast")
# Lines of the tools' --verbose output that mark one unit of work done (messages forced to English).
_DUMPED_TABLE = re.compile(r"^pg_dump: dumping contents of table ")
_RESTORED_ENTRY = re.compile(r"^pg_restore: (creating|processing data|executing) ")
# Lines of --verbose output that are progress, not the reason a run failed.
_VERBOSE_LINE = re.compile(r"^pg_(dump|restore): (?!error|warning|detail|hint)")


class BackupError(Exception):
    """A backup or restore that cannot go on; the message says what failed, in Chinese, for the operator."""


@dataclass(frozen=True)
class PostgresTarget:
    """Where a database lives and who connects to it; the password never goes on a command line."""

    host: str
    port: int
    user: str
    password: str
    name: str
    options: tuple[tuple[str, str], ...] = ()

    @classmethod
    def from_settings(cls, settings_dict: dict[str, Any]) -> PostgresTarget:
        """The database of a Django DATABASES entry; refuses SQLite, which has no pg_dump."""
        engine = settings_dict.get("ENGINE", "")
        if "postgresql" not in engine:
            raise BackupError(
                _(
                    "备份与恢复命令只支持 PostgreSQL（生产设置，DATABASE_URL）；当前数据库是 {engine}（{name}）。"
                    "嵌入模式的数据库是一个 SQLite 文件：停止服务后复制该文件即可备份，"
                    '或运行 sqlite3 {name} ".backup 目标文件"。'
                ).format(engine=engine.rsplit(".", 1)[-1] or "?", name=settings_dict.get("NAME", ""))
            )
        options = tuple(
            (key, str(value))
            for key, value in (settings_dict.get("OPTIONS") or {}).items()
            if key in {"sslmode", "sslrootcert", "sslcert", "sslkey", "connect_timeout"}
        )
        return cls(
            host=settings_dict.get("HOST") or "127.0.0.1",
            port=int(settings_dict.get("PORT") or 5432),
            user=settings_dict.get("USER") or "",
            password=settings_dict.get("PASSWORD") or "",
            name=settings_dict["NAME"],
            options=options,
        )

    @classmethod
    def from_url(cls, url: str) -> PostgresTarget:
        """A database named by a postgres:// URL, as DATABASE_URL names one."""
        parts = urlsplit(url)
        if parts.scheme not in {"postgres", "postgresql"} or not parts.path.strip("/"):
            raise BackupError(_("数据库地址 {url} 不是 postgres://用户:密码@主机:端口/库名 的形式。").format(url=url))
        return cls(
            host=parts.hostname or "127.0.0.1",
            port=parts.port or 5432,
            user=unquote(parts.username or ""),
            password=unquote(parts.password or ""),
            name=unquote(parts.path.strip("/")),
        )

    def with_name(self, name: str) -> PostgresTarget:
        return replace(self, name=name)

    @property
    def label(self) -> str:
        """user@host:port/name, for messages: everything but the password."""
        return f"{self.user}@{self.host}:{self.port}/{self.name}"

    @property
    def url(self) -> str:
        """The URL to put in DATABASE_URL, password elided, for the next steps an operator runs."""
        password = ":***" if self.password else ""
        return f"postgres://{self.user}{password}@{self.host}:{self.port}/{self.name}"

    def tool_env(self) -> dict[str, str]:
        """The environment of a client tool: libpq reads the connection from PG* variables."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("PG") and k != "LANGUAGE"}
        env.update(PGHOST=self.host, PGPORT=str(self.port), PGUSER=self.user, PGDATABASE=self.name)
        if self.password:
            env["PGPASSWORD"] = self.password
        env.update({f"PG{key.upper()}": value for key, value in self.options})
        # Progress is read from the tools' English messages, whatever the machine's locale.
        env["LC_MESSAGES"] = "C"
        return env

    def connect(self, database: str | None = None) -> psycopg.Connection:
        """A short-lived connection (autocommit: CREATE/DROP DATABASE refuse a transaction)."""
        try:
            return psycopg.connect(
                host=self.host,
                port=self.port,
                user=self.user,
                password=self.password,
                dbname=database or self.name,
                autocommit=True,
                connect_timeout=10,
                **dict(self.options),
            )
        except psycopg.OperationalError as exc:
            where = self.with_name(database or self.name).label
            message = _("无法连接 PostgreSQL（{where}）：{error}").format(where=where, error=_first_line(exc))
            raise BackupError(message) from exc


@dataclass(frozen=True)
class BackupResult:
    path: Path
    size: int
    tables: int
    server_version: str


@dataclass(frozen=True)
class RestoreResult:
    target: PostgresTarget
    entries: int
    replaced: bool


def server_version(target: PostgresTarget) -> tuple[int, str]:
    """The server's major version (a client tool must be at least as new) and its full version string."""
    with target.connect() as conn:
        number = conn.execute("SHOW server_version_num").fetchone()[0]
        text = conn.execute("SHOW server_version").fetchone()[0]
    return int(number) // 10000, text


def client_tool(name: str, server_major: int) -> Path:
    """pg_dump or pg_restore of the server's major version or newer.

    An older pg_dump refuses a newer server; Debian's /usr/bin wrapper may pick a version for
    the local cluster rather than the one we talk to, so the versioned directories come first.
    POSTGRES_BIN_DIR, when set, is the only place looked at.
    """
    if settings.POSTGRES_BIN_DIR:
        candidates = [Path(settings.POSTGRES_BIN_DIR) / name]
    else:
        versioned = sorted(Path("/").glob(DEBIAN_CLIENT_DIRS.lstrip("/") + "/" + name), key=_directory_major)
        # The server's own version first, then newer ones, then whatever PATH finds.
        versioned = [p for p in versioned if _directory_major(p) >= server_major]
        candidates = [*versioned, *([Path(found)] if (found := shutil.which(name)) else [])]
    too_old = []
    for path in candidates:
        if not (path.is_file() and os.access(path, os.X_OK)):
            continue
        major = _tool_major(path)
        if major >= server_major:
            return path
        too_old.append(f"{path}（{major}）")
    hint = _("（找到的版本太旧：{found}）").format(found="，".join(too_old)) if too_old else ""
    raise BackupError(
        _(
            "找不到 PostgreSQL {major} 或更新版本的 {name}{hint}：请安装 postgresql-client-{major}"
            "（Debian/Ubuntu），或把环境变量 POSTGRES_BIN_DIR 设为 {name} 所在的目录。"
        ).format(major=server_major, name=name, hint=hint)
    )


def backup_preflight(target: PostgresTarget) -> int:
    """Everything a backup needs, checked before it starts: the server answers, pg_dump and
    pg_restore of its version are installed. Returns the tables whose rows pg_dump will copy
    (the total of the backup's progress)."""
    major, _version = server_version(target)
    client_tool("pg_dump", major)
    client_tool("pg_restore", major)
    with target.connect() as conn:
        return conn.execute(
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE c.relkind = 'r' AND n.nspname <> ALL(%s) AND n.nspname NOT LIKE 'pg\\_%%'",
            [list(_SYSTEM_SCHEMAS)],
        ).fetchone()[0]


def database_backup(
    *, target: PostgresTarget, out: Path, progress: Callable[[int], None] = lambda n: None
) -> BackupResult:
    """Dump the database into `out` (custom format), calling `progress(1)` as each table is copied.

    The archive is written beside `out` under a temporary name, readable only by its owner (it
    holds names and addresses in clear), checked with `pg_restore --list`, and only then renamed:
    a failed or interrupted run never leaves a file that looks like a backup.
    """
    major, version = server_version(target)
    pg_dump = client_tool("pg_dump", major)
    pg_restore = client_tool("pg_restore", major)
    partial = out.with_name(out.name + ".partial")
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    except OSError as exc:
        raise BackupError(_("无法写入备份文件 {path}：{error}").format(path=out, error=exc.strerror)) from exc
    os.close(fd)
    tables = 0
    try:
        for line in _run_tool([pg_dump, "--format=custom", "--verbose", "--no-password", f"--file={partial}"], target):
            if _DUMPED_TABLE.match(line):
                tables += 1
                progress(1)
        _archive_entries(pg_restore, partial)
        partial.replace(out)
    finally:
        partial.unlink(missing_ok=True)
    return BackupResult(path=out, size=out.stat().st_size, tables=tables, server_version=version)


def restore_preflight(archive: Path, target: PostgresTarget, *, force: bool = False) -> int:
    """Everything a restore needs, checked before it starts; returns how many entries the archive's
    table of contents lists (the total of the restore's progress).

    Refuses, before touching any database, a file that cannot be read or is not an archive; then
    a target database that already holds tables, unless `force`.
    """
    try:
        with archive.open("rb") as f:
            head = f.read(len(ARCHIVE_MAGIC))
    except OSError as exc:
        raise BackupError(_("无法读取备份文件 {path}：{error}").format(path=archive, error=exc.strerror)) from exc
    if head != ARCHIVE_MAGIC:
        raise BackupError(
            _("{path} 不是 pg_dump 自定义格式的备份文件（应由 backup_database 生成）。").format(path=archive)
        )
    major, _version = server_version(target.with_name(_maintenance_database(target)))
    entries = _archive_entries(client_tool("pg_restore", major), archive)
    if not force:
        _refuse_if_it_holds_data(target)
    return entries


def database_restore(
    *,
    archive: Path,
    target: PostgresTarget,
    force: bool = False,
    progress: Callable[[int], None] = lambda n: None,
    entries: int | None = None,
) -> RestoreResult:
    """Create `target`'s database and restore the archive into it, in one transaction.

    A database that already holds tables is refused unless `force`, which drops and recreates it
    (PostgreSQL itself refuses while anyone is connected to it). Objects are owned by the
    restoring role, not by whoever owned them on the old server (`--no-owner --no-privileges`),
    so an archive restores on a new machine with a new role. `progress(n)` advances towards
    `entries` (the table of contents' length).
    """
    entries = entries if entries is not None else restore_preflight(archive, target, force=force)
    major, _version = server_version(target.with_name(_maintenance_database(target)))
    pg_restore = client_tool("pg_restore", major)
    replaced = _create_database(target, force=force)
    done = 0
    command = [
        pg_restore,
        "--verbose",
        "--no-password",
        "--no-owner",
        "--no-privileges",
        "--single-transaction",
        "--exit-on-error",
        f"--dbname={target.name}",
        str(archive),
    ]
    for line in _run_tool(command, target):
        if _RESTORED_ENTRY.match(line) and done < entries:
            done += 1
            progress(1)
    progress(entries - done)
    return RestoreResult(target=target, entries=entries, replaced=replaced)


def database_drop(target: PostgresTarget) -> None:
    """Drop a database if it exists (a restore drill's copy, once checked)."""
    with target.connect(_maintenance_database(target)) as conn:
        conn.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(sql.Identifier(target.name)))


def _create_database(target: PostgresTarget, *, force: bool) -> bool:
    """A fresh, empty database under `target.name`; True when one with tables was replaced."""
    name = sql.Identifier(target.name)
    with target.connect(_maintenance_database(target)) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [target.name]).fetchone()
        replaced = False
        if exists:
            if _relation_count(target) == 0:
                return False
            if not force:
                _refuse_if_it_holds_data(target)
            try:
                conn.execute(sql.SQL("DROP DATABASE {}").format(name))
            except psycopg.Error as exc:
                raise BackupError(
                    _("无法删除数据库 {name}（还有连接在用它？）：{error}").format(
                        name=target.name, error=_first_line(exc)
                    )
                ) from exc
            replaced = True
        try:
            # template0: nothing a site added to template1 can collide with the archive's objects.
            conn.execute(sql.SQL("CREATE DATABASE {} TEMPLATE template0 ENCODING 'UTF8'").format(name))
        except psycopg.Error as exc:
            raise BackupError(
                _("无法创建数据库 {name}：{error}").format(name=target.name, error=_first_line(exc))
            ) from exc
    return replaced


def _refuse_if_it_holds_data(target: PostgresTarget) -> None:
    """Refuse a target database that exists and holds tables: a restore never overwrites by accident."""
    with target.connect(_maintenance_database(target)) as conn:
        if not conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [target.name]).fetchone():
            return
    if _relation_count(target):
        raise BackupError(
            _(
                "数据库 {name} 已有数据，没有恢复；要删除它并用备份替换，请加 --force，或用 --into 指定一个新库名。"
            ).format(name=target.name)
        )


def _relation_count(target: PostgresTarget) -> int:
    with target.connect() as conn:
        return conn.execute(
            "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace"
            " WHERE n.nspname <> ALL(%s) AND n.nspname NOT LIKE 'pg\\_%%'",
            [list(_SYSTEM_SCHEMAS)],
        ).fetchone()[0]


def _maintenance_database(target: PostgresTarget) -> str:
    """A database to connect to while creating or dropping another: postgres, else template1."""
    for name in MAINTENANCE_DATABASES:
        try:
            with target.connect(name):
                return name
        except BackupError:
            continue
    # Neither answered: connect once more to the first, for its error message.
    target.connect(MAINTENANCE_DATABASES[0]).close()
    return MAINTENANCE_DATABASES[0]


def _archive_entries(pg_restore: Path, archive: Path) -> int:
    listed = subprocess.run(  # noqa: S603 - fixed argv: a client tool we located and a path
        [pg_restore, "--list", str(archive)], capture_output=True, text=True, env={**os.environ, "LC_MESSAGES": "C"}
    )
    if listed.returncode != 0:
        reason = listed.stderr.strip() or listed.returncode
        raise BackupError(_("{path} 不是可用的备份文件：{error}").format(path=archive, error=reason))
    return sum(1 for line in listed.stdout.splitlines() if line and not line.startswith(";"))


def _run_tool(command: list[Any], target: PostgresTarget) -> Iterator[str]:
    """Run a client tool, yielding its stderr lines as they come; a failure raises with the lines that say why."""
    tool = Path(command[0]).name
    process = subprocess.Popen(  # noqa: S603 - fixed argv: a client tool we located, options, a path
        [str(part) for part in command],
        env=target.tool_env(),
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        errors="replace",
    )
    reasons: list[str] = []
    try:
        for raw in process.stderr:
            line = raw.rstrip("\n")
            if not _VERBOSE_LINE.match(line):
                reasons.append(line)
            yield line
    finally:
        if process.poll() is None:
            process.kill()
        process.wait()
    if process.returncode != 0:
        raise BackupError(
            _("{tool} 失败（{where}，退出码 {code}）：{reason}").format(
                tool=tool, where=target.label, code=process.returncode, reason="\n".join(reasons[-10:]).strip()
            )
        )


def _directory_major(path: Path) -> int:
    """The version in /usr/lib/postgresql/<major>/bin/<tool>."""
    try:
        return int(path.parent.parent.name)
    except ValueError:
        return 0


def _tool_major(path: Path) -> int:
    """The major version a client tool reports ('pg_dump (PostgreSQL) 15.18 (Debian …)' → 15)."""
    try:
        out = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=30).stdout  # noqa: S603
    except (OSError, subprocess.TimeoutExpired):
        return 0
    found = re.search(r"\)\s+(\d+)", out)
    return int(found.group(1)) if found else 0


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0]
