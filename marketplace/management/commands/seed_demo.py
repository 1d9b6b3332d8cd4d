"""`manage.py seed_demo`: a realistic, reproducible marketplace for demos, load tests and training."""

from __future__ import annotations

import contextlib
import datetime
import time
from collections.abc import Iterator

from django.core.management import get_commands
from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from marketplace.enums import ApplicationStatus, JobType, KeyGroup, PostingStatus
from marketplace.seed import SeedError, SeedOptions, SeedResult, seed_demo, seed_exists


def _date(value: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value)
    except ValueError as exc:
        raise CommandError(f"--today 应为 YYYY-MM-DD 格式的日期，收到 {value!r}") from exc


class Command(BaseCommand):
    help = (
        "生成确定性的黔东南州演示数据（单位、岗位、求职者、申请）。同一 --seed 与 --today 得到相同数据。"
        "演示账号使用保留号段 19900000000–19900099999；已存在时拒绝执行，除非加 --reset。"
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--seed", type=int, default=2023, help="随机种子（默认 2023）")
        parser.add_argument("--employers", type=int, default=50, help="生成的用人单位数（默认 50）")
        parser.add_argument("--postings", type=int, default=800, help="生成的岗位数（默认 800）")
        parser.add_argument("--profiles", type=int, default=3000, help="生成的求职者数（默认 3000）")
        parser.add_argument("--today", type=_date, default=None, help="参照日期 YYYY-MM-DD（默认今天）")
        existing = parser.add_mutually_exclusive_group()
        existing.add_argument("--reset", action="store_true", help="先删除已有的演示数据（只删种子生成的数据）")
        # The README's first command runs on every start: seed once, then keep what the user changed.
        existing.add_argument("--if-missing", action="store_true", help="演示数据已存在时跳过，不报错")

    def handle(self, *args, **options) -> None:
        quiet = options["verbosity"] == 0

        @contextlib.contextmanager
        def progress(desc: str, total: int) -> Iterator[tqdm]:
            with tqdm(total=total, desc=desc, unit="条", disable=quiet, leave=True) as bar:
                yield bar

        today = options["today"]
        if isinstance(today, str):  # call_command passes option values through unparsed
            today = _date(today)
        started = time.monotonic()
        if options["if_missing"] and seed_exists():
            if not quiet:
                self.stdout.write("演示数据已存在，跳过生成（如需重新生成，请加 --reset）。")
            return
        try:
            result = seed_demo(
                SeedOptions(
                    seed=options["seed"],
                    employers=options["employers"],
                    postings=options["postings"],
                    profiles=options["profiles"],
                    today=today,
                    reset=options["reset"],
                ),
                progress=progress,
            )
        except SeedError as exc:
            raise CommandError(str(exc)) from exc
        if not quiet:
            self._report(result, time.monotonic() - started)

    def _report(self, result: SeedResult, seconds: float) -> None:
        w = self.stdout.write
        w(
            self.style.SUCCESS(
                f"演示数据已生成（参照日期 {result.today}，用时 {seconds:.1f} 秒"
                + (f"，先删除了 {result.deleted} 条旧演示数据" if result.deleted else "")
                + "）"
            )
        )
        w("数量：" + "，".join(f"{label} {n}" for label, n in result.counts.items()))
        for title, choices, tally in (
            ("岗位状态", PostingStatus, result.posting_status),
            ("用工类型", JobType, result.job_types),
            ("申请状态", ApplicationStatus, result.application_status),
            ("重点群体", KeyGroup, result.key_groups),
        ):
            w(f"{title}：" + "，".join(f"{label} {tally.get(value, 0)}" for value, label in choices.choices))
        w(self.style.MIGRATE_HEADING(f"演示登录（手机号 + 密码 {result.password}）："))
        for role, phone, who in result.logins:
            w(f"  {role:<8} {phone}  {who}")
        if "search_index" in get_commands():
            # Bulk inserts send no model signals, so the search index has not seen the new rows.
            w(self.style.WARNING("搜索索引尚未包含这些数据，请运行：manage.py search_index --rebuild"))
