"""Backups as an operator runs them: `backup_database`, `restore_database` into a fresh database,
then `search_index --rebuild` from the restored rows, on the real PostgreSQL and Elasticsearch.

The data must be committed for pg_dump (another process) to see it, hence a transactional database.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from marketplace.backups import BackupError, PostgresTarget, database_drop
from marketplace.enums import PostingStatus
from marketplace.privacy import decrypt
from matching.search.elasticsearch import ElasticsearchSearchBackend
from matching.search.query import parse_posting_query
from tests.conftest import ROOT, SETTINGS, free_port
from tests.factories import EmployerFactory, JobPostingFactory, SeekerFactory, id_number

pytestmark = pytest.mark.django_db(transaction=True)


def run(command: str, *args: str) -> str:
    out = io.StringIO()
    call_command(command, *args, "-v0", stdout=out)
    return out.getvalue()


@pytest.fixture
def restored() -> Iterator[PostgresTarget]:
    """A database name nobody uses (beside the test database), dropped afterwards with its connection."""
    target = PostgresTarget.from_settings(connection.settings_dict)
    target = target.with_name(f"{target.name}_restored_{uuid.uuid4().hex[:8]}")
    yield target
    database_drop(target)


def rows(target: PostgresTarget, query: str, *params: object) -> list[tuple]:
    """Rows of the restored database, over a connection of its own (the ORM's test case allows only its own)."""
    with target.connect() as conn:
        return conn.execute(query, params).fetchall()


@pytest.fixture
def index_prefix() -> Iterator[str]:
    """Indices of their own for the rebuild from the restored database, deleted afterwards."""
    prefix = f"{os.environ.get('ELASTICSEARCH_INDEX_PREFIX', 'jyt-test')}-restored-{uuid.uuid4().hex[:8]}"
    yield prefix
    backend = ElasticsearchSearchBackend(
        alias="restored", params={"URL": os.environ["ELASTICSEARCH_URL"], "INDEX_PREFIX": prefix}
    )
    for kind in ("postings", "profiles"):
        backend.drop(kind)


@pytest.fixture
def marketplace() -> dict:
    """An employer with two published jobs and a draft, and a seeker who gave an ID number."""
    employer = EmployerFactory(name="凯里市黔东电子有限公司")
    welder = JobPostingFactory(employer=employer, title="电焊工")
    driver = JobPostingFactory(employer=employer, title="叉车司机")
    JobPostingFactory(employer=employer, title="保洁员", status=PostingStatus.DRAFT)
    number = id_number("19850312")
    seeker = SeekerFactory(profile__name="杨阿妹", profile__id_number=number)
    return {"employer": employer, "published": [welder, driver], "seeker": seeker, "id_number": number}


def test_backup_restores_into_a_fresh_database_and_the_index_rebuilds_from_it(
    marketplace, restored, index_prefix, tmp_path
):
    archive = tmp_path / "jiuyetong.dump"

    backed_up = run("backup_database", "--out", str(archive))
    restored_out = run("restore_database", str(archive), "--into", restored.name)

    assert f"写入 {archive}" in backed_up and "FIELD_ENCRYPTION_KEYS" in backed_up
    assert archive.stat().st_mode & 0o077 == 0, "the archive holds personal data: its owner alone may read it"
    assert f"恢复到 {restored.label}" in restored_out
    assert f"DATABASE_URL={restored.url} python manage.py search_index --rebuild" in restored_out

    # Every row is back, in a database of its own.
    assert rows(restored, "SELECT name FROM marketplace_employer") == [("凯里市黔东电子有限公司",)]
    assert set(rows(restored, "SELECT title, status FROM marketplace_jobposting")) == {
        ("电焊工", PostingStatus.PUBLISHED),
        ("叉车司机", PostingStatus.PUBLISHED),
        ("保洁员", PostingStatus.DRAFT),
    }
    seeker = marketplace["seeker"]
    [(name, stored_id_number)] = rows(
        restored, "SELECT name, id_number FROM marketplace_workerprofile WHERE user_id = %s", seeker.pk
    )
    assert name == "杨阿妹"
    # The ID number travelled as ciphertext; the keys of the settings, not the archive, read it back.
    assert marketplace["id_number"] not in stored_id_number
    assert decrypt(stored_id_number) == marketplace["id_number"]

    # The index rebuilds from the restored database, as the restore's next step says.
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": SETTINGS,
        "DATABASE_URL": f"postgres://{restored.user}:{restored.password}@{restored.host}:{restored.port}/{restored.name}",
        "ELASTICSEARCH_INDEX_PREFIX": index_prefix,
    }
    rebuilt = subprocess.run(
        [sys.executable, "manage.py", "search_index", "--rebuild", "-v0"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert rebuilt.returncode == 0, rebuilt.stderr
    backend = ElasticsearchSearchBackend(
        alias="restored", params={"URL": os.environ["ELASTICSEARCH_URL"], "INDEX_PREFIX": index_prefix}
    )
    found = {hit.id for hit in backend.search_postings(parse_posting_query({"q": ""})).hits}
    assert found == {p.pk for p in marketplace["published"]}
    welder = marketplace["published"][0]
    assert [hit.id for hit in backend.search_postings(parse_posting_query({"q": "电焊"})).hits] == [welder.pk]


def test_restore_refuses_a_database_that_holds_data_and_replaces_it_only_when_forced(marketplace, restored, tmp_path):
    archive = tmp_path / "jiuyetong.dump"
    run("backup_database", "--out", str(archive))
    run("restore_database", str(archive), "--into", restored.name)
    rows(restored, "UPDATE marketplace_jobposting SET title = '改过的岗位' WHERE title = '电焊工' RETURNING id")

    with pytest.raises(CommandError, match=f"数据库 {restored.name} 已有数据，没有恢复.*--force"):
        run("restore_database", str(archive), "--into", restored.name)
    assert rows(restored, "SELECT count(*) FROM marketplace_jobposting WHERE title = '改过的岗位'") == [(1,)]

    out = run("restore_database", str(archive), "--into", restored.name, "--force")

    assert "原有数据已删除" in out
    assert {title for (title,) in rows(restored, "SELECT title FROM marketplace_jobposting")} == {
        "电焊工",
        "叉车司机",
        "保洁员",
    }


def test_backup_never_overwrites_an_earlier_backup_unless_forced(tmp_path):
    earlier = tmp_path / "monday.dump"
    earlier.write_bytes(b"PGDMP earlier backup")

    with pytest.raises(CommandError, match=r"monday\.dump 已存在，没有覆盖"):
        run("backup_database", "--out", str(earlier))

    assert earlier.read_bytes() == b"PGDMP earlier backup"


def test_backup_into_a_directory_names_the_file_by_date(tmp_path):
    out = run("backup_database", "--out", str(tmp_path))

    (archive,) = tmp_path.glob("jiuyetong-*.dump")
    assert str(archive) in out
    assert archive.read_bytes().startswith(b"PGDMP")


def test_backup_without_pg_dump_says_which_tool_and_package_are_missing(tmp_path, settings):
    settings.POSTGRES_BIN_DIR = str(tmp_path)

    with pytest.raises(CommandError, match=r"找不到 PostgreSQL \d+ 或更新版本的 pg_dump：请安装 postgresql-client-\d+"):
        run("backup_database", "--out", str(tmp_path / "x.dump"))

    assert list(tmp_path.iterdir()) == [], "a failed backup leaves no file that looks like one"


@pytest.mark.parametrize(
    ("content", "error"),
    [
        (None, "无法读取备份文件 .*missing.dump：No such file or directory"),
        ("id,title\n1,电焊工\n".encode(), "不是 pg_dump 自定义格式的备份文件"),
        (b"PGDMP\x01\x0e", "不是可用的备份文件：pg_restore: error"),
    ],
    ids=["missing", "not-an-archive", "truncated"],
)
def test_restore_of_an_unreadable_file_says_so_and_creates_no_database(content, error, restored, tmp_path):
    archive = tmp_path / "missing.dump"
    if content is not None:
        archive.write_bytes(content)

    with pytest.raises(CommandError, match=error):
        run("restore_database", str(archive), "--into", restored.name)

    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_database WHERE datname = %s", [restored.name])
        assert cursor.fetchone() == (0,)


def test_restore_onto_a_server_that_refuses_connections_names_the_server(tmp_path):
    archive = tmp_path / "jiuyetong.dump"
    run("backup_database", "--out", str(archive))
    port = free_port()  # nothing listens there

    with pytest.raises(
        CommandError, match=rf"无法连接 PostgreSQL（jiuyetong@127.0.0.1:{port}/\w+）.*Connection refused"
    ):
        run("restore_database", str(archive), "--into", f"postgres://jiuyetong:secret@127.0.0.1:{port}/jiuyetong_new")


def test_embedded_mode_is_refused_with_how_to_back_up_its_sqlite_file():
    with pytest.raises(BackupError, match=r"只支持 PostgreSQL.*var/jiuyetong\.sqlite3"):
        PostgresTarget.from_settings({"ENGINE": "django.db.backends.sqlite3", "NAME": "var/jiuyetong.sqlite3"})


def test_the_embedded_product_refuses_a_backup_in_one_clear_line(tmp_path):
    """What `make run`'s operator sees: the refusal, not a traceback."""
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "DJANGO_SETTINGS_MODULE"}}
    env.update(DJANGO_SETTINGS_MODULE="config.settings.embedded", JYT_VAR_DIR=str(tmp_path / "var"))
    result = subprocess.run(
        [sys.executable, "manage.py", "backup_database", "--out", str(tmp_path / "x.dump")],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 1
    assert result.stderr.startswith("CommandError: 备份与恢复命令只支持 PostgreSQL")
    assert "Traceback" not in result.stderr
    assert not Path(tmp_path / "x.dump").exists()
