"""`manage.py backup_database --out FILE`: the configured PostgreSQL database into one pg_dump archive."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connections
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from tqdm import tqdm

from marketplace.backups import BackupError, PostgresTarget, backup_preflight, database_backup


class Command(BaseCommand):
    help = gettext_lazy("备份 PostgreSQL 数据库（pg_dump 自定义格式）；恢复用 restore_database。")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--out",
            type=Path,
            required=True,
            help=gettext_lazy("备份文件；给一个目录时在其中生成 jiuyetong-年月日-时分秒.dump"),
        )
        parser.add_argument("--force", action="store_true", help=gettext_lazy("覆盖已有的同名文件"))

    def handle(self, *args, **options) -> None:
        out: Path = options["out"]
        if out.is_dir():
            out = out / f"jiuyetong-{timezone.localtime():%Y%m%d-%H%M%S}.dump"
        if out.exists() and not options["force"]:
            raise CommandError(_("{path} 已存在，没有覆盖；换一个文件名，或加 --force。").format(path=out))
        try:
            target = PostgresTarget.from_settings(connections["default"].settings_dict)
            total = backup_preflight(target)
            with tqdm(total=total, desc=_("备份数据表"), unit=_("张"), disable=options["verbosity"] == 0) as bar:
                result = database_backup(target=target, out=out, progress=bar.update)
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            _("已备份 {label}（PostgreSQL {version}）：{tables} 张表，{size} 写入 {path}").format(
                label=target.label,
                version=result.server_version,
                tables=result.tables,
                size=_size(result.size),
                path=result.path,
            )
        )
        self.stdout.write(
            _("身份证号和手机号在备份中仍是密文；读取它们需要 FIELD_ENCRYPTION_KEYS，密钥不在备份里，请另行保管。")
        )


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} B"
