"""`manage.py event_occurrences`: generate the coming occurrences of every active event series."""

from __future__ import annotations

import datetime

from django.core.management.base import BaseCommand, CommandError, CommandParser

from livestream.events.services.occurrences import occurrences_generate


class Command(BaseCommand):
    help = "为每个启用的招聘会系列生成未来几周的场次（可重复运行，不会重复生成）。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--today", default=None, help="参照日期 YYYY-MM-DD（默认今天）")

    def handle(self, *args, **options) -> None:
        today = None
        if options["today"]:
            try:
                today = datetime.date.fromisoformat(options["today"])
            except ValueError as exc:
                raise CommandError(f"--today 应为 YYYY-MM-DD 格式的日期，收到 {options['today']!r}") from exc
        created = occurrences_generate(today=today)
        self.stdout.write(f"新生成 {created} 场招聘会。")
