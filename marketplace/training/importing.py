"""Training list import (培训名单导入): a course's Excel/CSV list, good rows in, bad rows named.

Training providers hand the bureau a spreadsheet per class. Each row goes through `enrol`, the
service the form uses, in a savepoint of its own: a bad row never blocks the good ones behind it,
and every bad row is reported under the column header the staff member sees.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from marketplace.models import TrainingCourse, TrainingEnrolment, User
from marketplace.tabular import ImportColumns, RowError, norm, parse_date, read_table, text
from marketplace.training.enums import EnrolmentStatus
from marketplace.training.services import enrol

MAX_ROWS = 2000
COLUMNS: dict[str, tuple[str, bool, tuple[str, ...]]] = {
    "name": ("姓名", True, ("学员姓名", "名字")),
    "phone": ("手机号", True, ("手机", "联系电话", "电话")),
    "home_county": ("户籍县市", False, ("县市", "户籍地")),
    "status": ("状态", False, ("培训状态", "结果")),
    "completed_on": ("结业日期", False, ("结业时间",)),
    "certificate_number": ("证书编号", False, ("证书号", "合格证编号")),
}
IMPORT = ImportColumns(COLUMNS)
_STATUSES = {norm(label): value for value, label in EnrolmentStatus.choices} | {
    "合格": EnrolmentStatus.COMPLETED, "已结业": EnrolmentStatus.COMPLETED, "在学": EnrolmentStatus.ENROLLED,
    "退学": EnrolmentStatus.DROPPED,
}  # fmt: skip


@dataclass
class TrainingImportReport:
    total_rows: int = 0
    created: list[TrainingEnrolment] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


def _row_fields(cells: dict[str, Any]) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    problems: list[tuple[str, str]] = []
    fields: dict[str, Any] = {
        key: text(cells.get(key)) for key in ("name", "phone", "home_county", "certificate_number")
    }
    status = norm(cells.get("status"))
    if status and status not in _STATUSES:
        labels = "、".join(str(label) for _v, label in EnrolmentStatus.choices)
        problems.append(("status", _("“%(v)s”无法识别，应为：%(labels)s。") % {"v": text(cells.get("status"))[:20],
                                                                          "labels": labels}))  # fmt: skip
    fields["status"] = _STATUSES.get(status, EnrolmentStatus.COMPLETED if cells.get("completed_on") else
                                     EnrolmentStatus.ENROLLED)  # fmt: skip
    raw_day = cells.get("completed_on")
    day = parse_date(raw_day)
    if text(raw_day) and day is None:
        problems.append(
            ("completed_on", _("“%(v)s”不是有效日期，请按 2026-03-01 的格式填写。") % {"v": text(raw_day)[:20]})
        )
    fields["completed_on"] = day
    return fields, problems


def training_import(*, by: User, course: TrainingCourse, file: Any, filename: str) -> TrainingImportReport:
    """Enrol every good row; report every bad one (row number, column header, reason in Chinese)."""
    too_many = _("一次最多导入%(max)d人，请分成几个文件导入。") % {"max": MAX_ROWS}
    header, rows = read_table(file, filename, max_rows=MAX_ROWS, too_many=too_many)
    columns = IMPORT.locate(header)
    report = TrainingImportReport(total_rows=len(rows))
    for number, cells in rows:
        values = IMPORT.values(cells, columns)
        fields, problems = _row_fields(values)
        if problems:
            report.errors.extend(RowError(number, IMPORT.header(key), message) for key, message in problems)
            continue
        try:
            with transaction.atomic():
                report.created.append(enrol(by=by, course=course, **fields))
        except ValidationError as exc:
            report.errors.extend(IMPORT.errors(number, exc))
    return report
