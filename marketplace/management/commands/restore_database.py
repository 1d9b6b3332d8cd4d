"""`manage.py restore_database FILE --into NEWDB`: a backup into a fresh database, never over live data by accident."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connections
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from tqdm import tqdm

from marketplace.backups import BackupError, PostgresTarget, database_restore, restore_preflight


class Command(BaseCommand):
    help = gettext_lazy("把 backup_database 生成的备份恢复到一个新数据库（不会覆盖有数据的库，除非加 --force）。")

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help=gettext_lazy("backup_database 生成的备份文件"))
        parser.add_argument(
            "--into",
            required=True,
            help=gettext_lazy("目标库名（与当前 DATABASE_URL 同一服务器、同一账号），或完整的 postgres:// 地址"),
        )
        parser.add_argument(
            "--force", action="store_true", help=gettext_lazy("目标库已有数据时删除它再恢复（有连接在用时会失败）")
        )

    def handle(self, *args, **options) -> None:
        into: str = options["into"]
        try:
            if "://" in into:
                target = PostgresTarget.from_url(into)
            else:
                target = PostgresTarget.from_settings(connections["default"].settings_dict).with_name(into)
            entries = restore_preflight(options["file"], target, force=options["force"])
            with tqdm(total=entries, desc=_("恢复"), unit=_("项"), disable=options["verbosity"] == 0) as bar:
                result = database_restore(
                    archive=options["file"], target=target, force=options["force"], entries=entries, progress=bar.update
                )
        except BackupError as exc:
            raise CommandError(str(exc)) from exc
        replaced = _("（原有数据已删除）") if result.replaced else ""
        self.stdout.write(
            _("已把 {path} 恢复到 {label}{replaced}：{entries} 项。").format(
                path=options["file"], label=target.label, replaced=replaced, entries=result.entries
            )
        )
        self.stdout.write(_("接下来（密码按实际填写；FIELD_ENCRYPTION_KEYS 必须是备份时的那组密钥）："))
        self.stdout.write(f"  DATABASE_URL={target.url} python manage.py migrate")
        self.stdout.write(f"  DATABASE_URL={target.url} python manage.py search_index --rebuild")
        self.stdout.write(_("  演练时另设 ELASTICSEARCH_INDEX_PREFIX，以免替换正在使用的索引。"))
