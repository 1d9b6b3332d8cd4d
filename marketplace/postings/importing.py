"""Bulk import of job postings from a CSV or Excel sheet (批量导入), for stations and bureau staff.

Stations collect dozens of jobs from employers on a spreadsheet; typing them one by one on a phone is
where they give up. An import is never a silent partial one: every row is validated first and every
problem of a row is reported under the column header the user sees in Excel; then all valid rows are
created in one transaction through the same services a form uses, so moderation flags, occupation
suggestion and the review rule apply to imported jobs exactly as to typed ones.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from marketplace.enums import Education, JobType, PayUnit, PostingStatus
from marketplace.models import Employer, JobPosting, Occupation, User
from marketplace.permissions import can, require
from marketplace.postings.services import MIN_WORKING_AGE, posting_create, posting_submit
from marketplace.tabular import MAX_BYTES, ImportFileError, RowError, parse_date, read_table
from marketplace.tabular import header_key as _header_key
from marketplace.tabular import norm as _norm
from marketplace.tabular import text as _text
from marketplace.validators import normalize_credit_code, validate_credit_code

MAX_ROWS = 2000
ProgressCallback = Callable[[str, int, int], None]  # stage ("校验" / "创建"), rows done, rows in the stage


@dataclass
class ImportReport:
    total_rows: int
    created: list[JobPosting]
    errors: list[RowError]

    @property
    def error_rows(self) -> list[int]:
        return sorted({error.row for error in self.errors})

    @property
    def valid_rows(self) -> int:
        """Rows that passed validation: created ones, or those a dry run would create."""
        return self.total_rows - len(self.error_rows)


class _CellError(Exception):
    """One cell's value is unusable; the message tells the user how to fix it."""


@dataclass(frozen=True)
class Column:
    key: str  # a JobPosting field, or "credit_code"
    header: str  # what the template shows and errors name
    required: bool = False
    aliases: tuple[str, ...] = ()


CREDIT_CODE = "credit_code"
COLUMNS = (
    Column(CREDIT_CODE, "单位统一社会信用代码", aliases=("统一社会信用代码", "信用代码", "employer_credit_code")),
    Column("title", "岗位名称", True),
    Column("description", "岗位描述"),
    Column("occupation", "工种"),
    Column("job_type", "用工类型", True),
    Column("county", "县市", True, ("工作地点（县市）", "所在县市", "工作地点")),
    Column("town", "乡镇", aliases=("乡镇/街道", "乡镇街道")),
    Column("address", "详细地址"),
    Column("pay_min", "最低薪资", True),
    Column("pay_max", "最高薪资", True),
    Column("pay_unit", "计薪方式", True),
    Column("headcount", "招聘人数"),
    Column("education_min", "学历要求"),
    Column("certificates_required", "证书要求", aliases=("需要的证书",)),
    Column("age_min", "最小年龄"),
    Column("age_max", "最大年龄"),
    Column("benefits", "福利"),
    Column("schedule", "工作时间"),
    Column("valid_until", "有效期至"),
)
HEADER = {column.key: column.header for column in COLUMNS}
_LIST_SEPARATORS = re.compile(r"[、，,；;\n]+")
_NUMBER = re.compile(r"(\d+(?:\.\d+)?)(万)?")


_HEADER_KEYS = {
    _header_key(name): column.key for column in COLUMNS for name in (column.header, column.key, *column.aliases)
}


def _choices(pairs: Iterable[tuple[str, str]], extra: dict[str, str]) -> dict[str, str]:
    table = {_norm(label): value for value, label in pairs} | {value: value for value, _label in pairs}
    return table | {_norm(k): v for k, v in extra.items()}


JOB_TYPES = _choices(JobType.choices, {"公益岗": JobType.PUBLIC_WELFARE, "临时工": JobType.GIG})
PAY_UNITS = _choices(
    PayUnit.choices,
    {"月": "month", "月薪": "month", "按月": "month", "天": "day", "日": "day", "日薪": "day", "元/日": "day",
     "按天": "day", "小时": "hour", "时": "hour", "元/时": "hour", "按小时": "hour", "件": "piece", "计件": "piece"},
)  # fmt: skip
EDUCATIONS = _choices(
    Education.choices,
    {"无": "none", "无要求": "none", "高中": "senior", "中专": "senior", "技校": "senior", "职高": "senior",
     "专科": "college", "大学": "bachelor", "硕士": "master", "博士": "master", "研究生": "master"},
)  # fmt: skip


def _columns(header: tuple[Any, ...], *, need_credit_code: bool) -> dict[str, int]:
    columns: dict[str, int] = {}
    for index, cell in enumerate(header):
        key = _HEADER_KEYS.get(_header_key(cell))
        if key is None:
            continue  # notes and extra columns people add are ignored
        if key in columns:
            raise ImportFileError(_("列“%(h)s”出现了不止一次，请删除重复的列。") % {"h": HEADER[key]})
        columns[key] = index
    missing = [
        c.header
        for c in COLUMNS
        if (c.required or (c.key == CREDIT_CODE and need_credit_code)) and c.key not in columns
    ]
    if missing:
        raise ImportFileError(_("缺少必填的列：%(cols)s。请使用导入模板，第1行为列名。") % {"cols": "、".join(missing)})
    return columns


# --- validating one row ----------------------------------------------------------------------------------


def _integer(value: Any, *, low: int, high: int, unit: str = "") -> int:
    text = _norm(value).replace(",", "").removesuffix("周岁").removesuffix("岁").removesuffix("元")
    text = text.removesuffix("人").removesuffix("名")
    match = _NUMBER.fullmatch(text)
    if not match:
        raise _CellError(_("“%(v)s”不是数字，请只填写数字，例如 3000。") % {"v": _text(value)})
    number = Decimal(match.group(1)) * (10000 if match.group(2) else 1)
    if number != number.to_integral_value():
        raise _CellError(_("请填写整数，不要带小数（%(v)s）。") % {"v": _text(value)})
    if not low <= number <= high:
        raise _CellError(_("应在%(low)d到%(high)d%(unit)s之间。") % {"low": low, "high": high, "unit": unit})
    return int(number)


def _choice(value: Any, table: dict[str, str], labels: Iterable[str]) -> str:
    key = _norm(value)
    if key in table:
        return table[key]
    known = "、".join(str(label) for label in labels)  # choice labels are lazy; join wants str
    raise _CellError(_("“%(v)s”无法识别，应为：%(labels)s。") % {"v": _text(value), "labels": known})


def _date(value: Any) -> datetime.date:
    day = parse_date(value)
    if day is None:
        raise _CellError(_("“%(v)s”不是有效日期，请按 2026-12-31 的格式填写。") % {"v": _text(value)})
    if day < timezone.localdate():
        raise _CellError(_("有效期不能早于今天（%(d)s）。") % {"d": day.isoformat()})
    return day


def _list(value: Any) -> list[str]:
    items = (item.strip() for item in _LIST_SEPARATORS.split(_text(value)))
    return list(dict.fromkeys(item for item in items if item))


class _Occupations:
    """Names and synonyms of the taxonomy, read once per import rather than once per row."""

    def __init__(self) -> None:
        self.by_id = Occupation.objects.in_bulk()
        self.by_term: dict[str, set[int]] = {}
        for occupation in self.by_id.values():
            for term in (occupation.name, *occupation.synonyms):
                self.by_term.setdefault(_norm(term), set()).add(occupation.pk)
        self.by_name = {_norm(o.name): o for o in self.by_id.values()}

    def __call__(self, value: Any) -> Occupation:
        key = _norm(value)
        if key in self.by_name:
            return self.by_name[key]
        ids = self.by_term.get(key, set())
        if len(ids) == 1:
            return self.by_id[next(iter(ids))]
        if ids:
            names = "、".join(sorted(self.by_id[i].name for i in ids))
            raise _CellError(_("“%(v)s”对应多个工种（%(n)s），请填写其中一个。") % {"v": _text(value), "n": names})
        raise _CellError(
            _("工种目录中没有“%(v)s”，请填写目录中的工种名称或常用叫法，或留空由系统根据岗位名称推荐。")
            % {"v": _text(value)}
        )


def _text_field(key: str, value: Any) -> str:
    text, limit = _text(value), JobPosting._meta.get_field(key).max_length
    if limit and len(text) > limit:
        raise _CellError(_("最多%(n)d个字，现在有%(m)d个字。") % {"n": limit, "m": len(text)})
    return text


_PARSERS: dict[str, Callable[[Any], Any]] = {
    "job_type": lambda v: _choice(v, JOB_TYPES, JobType.labels),
    "pay_min": lambda v: _integer(v, low=1, high=1_000_000, unit="元"),
    "pay_max": lambda v: _integer(v, low=1, high=1_000_000, unit="元"),
    "pay_unit": lambda v: _choice(v, PAY_UNITS, ["月", "天", "小时", "件"]),
    "headcount": lambda v: _integer(v, low=1, high=10_000, unit="人"),
    "education_min": lambda v: _choice(v, EDUCATIONS, Education.labels),
    "certificates_required": _list,
    "age_min": lambda v: _integer(v, low=MIN_WORKING_AGE, high=100, unit="周岁"),
    "age_max": lambda v: _integer(v, low=MIN_WORKING_AGE, high=100, unit="周岁"),
    "benefits": _list,
    "valid_until": _date,
}  # every other column but the credit code and 工种 is free text


def _row_data(row: int, cells: dict[str, Any], occupations: _Occupations) -> tuple[dict[str, Any], list[RowError]]:
    """The posting fields of one row, and every problem found in it (not only the first)."""
    data: dict[str, Any] = {}
    errors: list[RowError] = []
    for column in COLUMNS[1:]:  # the credit code is the employer's, see _row_employer
        value = cells.get(column.key)
        if _text(value) == "":
            if column.required:
                errors.append(RowError(row, column.header, _("必填，请填写%(h)s。") % {"h": column.header}))
            continue
        try:
            if column.key == "occupation":
                data[column.key] = occupations(value)
            elif column.key in _PARSERS:
                data[column.key] = _PARSERS[column.key](value)
            else:
                data[column.key] = _text_field(column.key, value)
        except _CellError as exc:
            errors.append(RowError(row, column.header, str(exc)))
    if data.get("pay_min") is not None and data.get("pay_max") is not None and data["pay_max"] < data["pay_min"]:
        errors.append(RowError(row, HEADER["pay_max"], _("最高薪资不能低于最低薪资。")))
    if data.get("age_min") is not None and data.get("age_max") is not None and data["age_max"] < data["age_min"]:
        errors.append(RowError(row, HEADER["age_max"], _("最大年龄不能小于最小年龄。")))
    return data, errors


# --- the import ------------------------------------------------------------------------------------------


def postings_import(
    *,
    by: User,
    file: Any,
    filename: str,
    employer: Employer | None = None,
    submit: bool = True,
    dry_run: bool = False,
    progress: ProgressCallback | None = None,
) -> ImportReport:
    """Validate every row, then create all valid ones in one transaction (all of them or none).

    Invalid rows are reported and never created. With `submit` the new postings go to review (or are
    published at once by the service's rule); `dry_run` validates only. A failure while creating rolls
    every row back and propagates: a half-imported sheet would be re-uploaded and duplicated.
    """
    require(by, "posting.import", employer)
    too_many = _("一次最多导入%(max)d行岗位，请分成几个文件导入。") % {"max": MAX_ROWS}
    header, rows = read_table(file, filename, max_rows=MAX_ROWS, too_many=too_many, max_bytes=MAX_BYTES)
    columns = _columns(header, need_credit_code=employer is None)
    cells_by_row = [(n, {k: cells[i] if i < len(cells) else None for k, i in columns.items()}) for n, cells in rows]
    valid, errors = _validate_rows(cells_by_row, by=by, employer=employer, submit=submit, progress=progress)
    report = ImportReport(total_rows=len(cells_by_row), created=[], errors=errors)
    if dry_run or not valid:
        return report
    with transaction.atomic():
        for done, (row, row_employer, fields) in enumerate(valid, start=1):
            try:
                posting = posting_create(by=by, employer=row_employer, data=fields, permission="posting.import")
                if submit:
                    posting = posting_submit(by=by, posting=posting)
            except Exception as exc:
                exc.add_note(f"while importing row {row} of {filename!r}; every row was rolled back")
                raise
            report.created.append(posting)
            if progress:
                progress("创建", done, len(valid))
    return report


def _validate_rows(
    cells_by_row: list[tuple[int, dict[str, Any]]],
    *,
    by: User,
    employer: Employer | None,
    submit: bool,
    progress: ProgressCallback | None,
) -> tuple[list[tuple[int, Employer, dict[str, Any]]], list[RowError]]:
    """Each row's posting fields and employer, or all of its problems. Queries once per import, not per row."""
    codes = {normalize_credit_code(_norm(cells.get(CREDIT_CODE))) for _row, cells in cells_by_row} - {""}
    employers = {e.credit_code: e for e in Employer.objects.filter(credit_code__in=codes)}
    if employer is not None:
        employers[employer.credit_code] = employer
    open_postings = set(
        JobPosting.objects.filter(
            employer__in=list(employers.values()),
            status__in=[PostingStatus.DRAFT, PostingStatus.PENDING, PostingStatus.PUBLISHED, PostingStatus.PAUSED],
        ).values_list("employer_id", "title", "county")
    )
    occupations = _Occupations()
    refusals: dict[int, str | None] = {}  # employer id → why this importer may not post for it
    first_seen: dict[tuple[int, str, str], int] = {}
    valid: list[tuple[int, Employer, dict[str, Any]]] = []
    errors: list[RowError] = []
    for done, (row, cells) in enumerate(cells_by_row, start=1):
        fields, row_errors = _row_data(row, cells, occupations)
        found = _row_employer(cells.get(CREDIT_CODE), employer, employers)
        if isinstance(found, str):
            row_errors.append(RowError(row, HEADER[CREDIT_CODE], found))
            found = None
        else:
            if found.pk not in refusals:
                refusals[found.pk] = _refusal(by, found, submit=submit)
            if refusals[found.pk]:
                row_errors.append(RowError(row, HEADER[CREDIT_CODE], refusals[found.pk] or ""))
        key = (found.pk, fields.get("title", ""), fields.get("county", "")) if found else None
        if key and key[1] and key[2]:
            if key in first_seen:
                message = _("与第%(n)d行重复（同一单位、岗位名称和县市），请删除或合并其中一行。")
                row_errors.append(RowError(row, "", message % {"n": first_seen[key]}))
            else:
                first_seen[key] = row
            if key in open_postings:
                message = _("该单位在%(c)s已有未结束的同名岗位“%(t)s”，请勿重复导入；如需修改请直接编辑该岗位。")
                row_errors.append(RowError(row, "", message % {"c": key[2], "t": key[1]}))
        if found is not None and not row_errors:
            row_errors = _model_errors(row, found, fields)
            if not row_errors:
                valid.append((row, found, fields))
        errors += row_errors
        if progress:
            progress("校验", done, len(cells_by_row))
    return valid, errors


def _row_employer(code: Any, employer: Employer | None, employers: dict[str, Employer]) -> Employer | str:
    """The employer a row names (or the one chosen for the whole import), else why not."""
    normalized = normalize_credit_code(_norm(code))
    if employer is not None:
        if normalized and normalized != employer.credit_code:
            return _("与本次导入所选的单位（%(name)s）不一致，可留空。") % {"name": employer.name}
        return employer
    if not normalized:
        return _("必填，请填写用人单位的18位统一社会信用代码。")
    try:
        validate_credit_code(normalized)
    except ValidationError as exc:
        return exc.messages[0]
    if normalized not in employers:
        return _("系统中没有信用代码为%(c)s的单位，请核对，或先登记该单位。") % {"c": normalized}
    return employers[normalized]


def _refusal(by: User, employer: Employer, *, submit: bool) -> str | None:
    """Why this importer may not post for this employer now, if it may not."""
    if not can(by, "posting.import", employer):
        return _("“%(name)s”不属于您的劳务协作站，不能为其导入岗位。") % {"name": employer.name}
    entry = employer.active_blacklist_entry() if submit else None
    if entry is not None:
        message = _("“%(name)s”已被列入拖欠农民工工资黑名单（%(reason)s），暂不能发布岗位。")
        return message % {"name": employer.name, "reason": entry.reason}
    return None


def _model_errors(row: int, employer: Employer, data: dict[str, Any]) -> list[RowError]:
    """The model's own checks as a safety net, so creation cannot fail on something validation let pass."""
    try:
        JobPosting(employer=employer, **data).full_clean(exclude=["employer", "station", "created_by", "occupation"])
    except ValidationError as exc:
        return [
            RowError(row, "" if field == NON_FIELD_ERRORS else HEADER.get(field, ""), message)
            for field, messages in exc.message_dict.items()
            for message in messages
        ]
    return []


__all__ = ["COLUMNS", "MAX_BYTES", "MAX_ROWS", "ImportFileError", "ImportReport", "RowError", "postings_import"]
