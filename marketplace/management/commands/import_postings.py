"""`manage.py import_postings FILE --as-phone PHONE`: the bulk import for staff working on the server.

Runs the same service as the upload page, as a named account, so permissions and the review rule
apply exactly as they would online. The exit status is 1 when any row was refused, so scripts notice.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path
from typing import Any

from django.core.exceptions import PermissionDenied
from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from marketplace.enums import PostingStatus
from marketplace.models import Employer, User
from marketplace.postings.importing import ImportFileError, ImportReport, postings_import
from marketplace.validators import normalize_credit_code


class Command(BaseCommand):
    help = "批量导入招聘岗位（CSV 或 .xlsx，模板见 marketplace/data/import_template.csv）。"

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help=".csv 或 .xlsx 文件")
        parser.add_argument("--as-phone", required=True, help="以该手机号对应的账号导入（协作站或人社局工作人员）")
        parser.add_argument("--employer-credit-code", help="所有岗位都属于该单位时填写，文件中可不填信用代码列")
        parser.add_argument("--dry-run", action="store_true", help="只校验，不创建岗位")
        parser.add_argument("--no-submit", action="store_true", help="只创建草稿，不提交审核")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            by = User.objects.get_by_phone(options["as_phone"])
        except User.DoesNotExist as exc:
            raise CommandError(f"没有手机号为 {options['as_phone']} 的账号。") from exc
        employer = None
        if options["employer_credit_code"]:
            code = normalize_credit_code(options["employer_credit_code"])
            employer = Employer.objects.filter(credit_code=code).first()
            if employer is None:
                raise CommandError(f"没有统一社会信用代码为 {code} 的单位。")
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"找不到文件 {path}。")

        bars: dict[str, tqdm] = {}

        def progress(stage: str, done: int, total: int) -> None:
            # A bar per stage (校验, then 创建); the total is only known once the file is read.
            if stage not in bars:
                for bar in bars.values():
                    bar.close()
                bars[stage] = tqdm(total=total, desc=stage, unit="行", file=options.get("stderr") or sys.stderr)
            bars[stage].update(done - bars[stage].n)

        try:
            with path.open("rb") as file:
                report = postings_import(
                    by=by,
                    file=file,
                    filename=path.name,
                    employer=employer,
                    submit=not options["no_submit"],
                    dry_run=options["dry_run"],
                    progress=progress,
                )
        except ImportFileError as exc:
            raise CommandError(exc.message) from exc
        except PermissionDenied as exc:
            raise CommandError(f"账号 {by.masked_phone} 没有批量导入岗位的权限。") from exc
        finally:
            for bar in bars.values():
                bar.close()
        self._print(report, dry_run=options["dry_run"])
        if report.errors:
            rows = len(report.error_rows)
            raise CommandError(f"{rows} 行有错误，这些行没有导入；请修改后只重新导入这些行。", returncode=1)

    def _print(self, report: ImportReport, *, dry_run: bool) -> None:
        if dry_run:
            self.stdout.write(f"试运行：共 {report.total_rows} 行，{report.valid_rows} 行可以导入，未创建任何岗位。")
        else:
            statuses = Counter(PostingStatus(p.status).label for p in report.created)
            detail = "，".join(f"{label} {count}" for label, count in statuses.items())
            detail = f"（{detail}）" if detail else ""
            self.stdout.write(f"共 {report.total_rows} 行，已创建 {len(report.created)} 个岗位{detail}。")
        for error in report.errors:
            self.stdout.write(f"第{error.row}行 [{error.field or '整行'}] {error.message}")
