"""Reading a CSV or Excel sheet people filled in by hand: one reader for every import.

Stations and bureau staff keep lists in Excel (jobs, workers); an import reads the first sheet or
the CSV (UTF-8 or GB18030, comma or tab), numbers rows as Excel shows them (the header is row 1),
skips empty rows and refuses, in Chinese, a file that is not what its name says, too big, or too
long. What each row means is the importing feature's business; problems of a row are RowErrors.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

import openpyxl
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext as _

MAX_BYTES = 5 * 1024 * 1024
# Physical rows, empty ones included: a sheet "formatted" down to row 1048576 must not cost minutes.
MAX_SHEET_ROWS = 100_000
Table = tuple[tuple[Any, ...], list[tuple[int, tuple[Any, ...]]]]  # the header, (row number, cells) per data row
_BINARY_SIGNATURES = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0", b"\x89PNG", b"\xff\xd8\xff", b"%PDF", b"GIF8")


@dataclass(frozen=True)
class RowError:
    row: int  # 1-based row number as the user sees it in Excel (the header is row 1)
    field: str  # the Chinese column header, or "" for the whole row
    message: str

    def __str__(self) -> str:
        return f"第{self.row}行 [{self.field}] {self.message}" if self.field else f"第{self.row}行 {self.message}"


class ImportFileError(ValueError):
    """The file as a whole cannot be imported; nothing was created."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def norm(value: Any) -> str:
    """Full-width digits and letters to ASCII, no whitespace: for codes, numbers, dates and choices."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text(value)))


def text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, datetime.datetime):
        return value.date().isoformat()
    return str(value).strip()


_DATE = re.compile(r"(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?(?:\s.*)?")


def parse_date(value: Any) -> datetime.date | None:
    """A date as a sheet holds it: a date cell, an Excel day number, 2026-03-01, 2026/3/1, 2026年3月1日."""
    if isinstance(value, datetime.datetime):
        return value.date()
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, int | float) and 30000 < value < 80000:  # an Excel serial day number
        return datetime.date(1899, 12, 30) + datetime.timedelta(days=int(value))
    match = _DATE.fullmatch(unicodedata.normalize("NFKC", text(value)))
    try:
        return datetime.date(*(int(part) for part in match.groups())) if match else None
    except ValueError:
        return None


def header_key(value: Any) -> str:
    """Headers as people retype them: 岗位名称*, ＊岗位名称, 岗位名称（必填）, title."""
    return re.sub(r"\((必填|选填)\)", "", norm(value).lower()).strip("*")


def read_bytes(file: Any, max_bytes: int = MAX_BYTES) -> bytes:
    """Bytes, a binary file or an UploadedFile; never more than the limit is read into memory."""
    if isinstance(file, bytes | bytearray | memoryview):
        data = bytes(file)
    else:
        if hasattr(file, "seek"):
            file.seek(0)
        data = file.read(max_bytes + 1)
        data = data.encode("utf-8") if isinstance(data, str) else data
    if len(data) > max_bytes:
        raise ImportFileError(_("文件超过%(mb)gMB，请分成几个文件导入。") % {"mb": max_bytes / 2**20})
    if not data.strip():
        raise ImportFileError(_("文件是空的，请使用导入模板填写后再上传。"))
    return data


def _table(rows: Iterable[tuple[Any, ...]], max_rows: int, too_many: str) -> Table:
    """The header and the non-empty data rows, numbered as Excel shows them (the header is row 1)."""
    iterator = iter(rows)
    header = tuple(next(iterator, ()))
    if all(text(cell) == "" for cell in header):
        raise ImportFileError(_("第1行应为列名（表头），但它是空的。请使用导入模板，不要删除或移动第1行。"))
    data: list[tuple[int, tuple[Any, ...]]] = []
    for number, cells in enumerate(iterator, start=2):
        if number > MAX_SHEET_ROWS:
            raise ImportFileError(_("表格行数过多（含大量空行），请删除表格末尾多余的行后重试。"))
        if any(text(cell) for cell in cells):
            data.append((number, tuple(cells)))
            if len(data) > max_rows:
                raise ImportFileError(too_many)
    return header, data


def _csv_table(data: bytes, max_rows: int, too_many: str) -> Table:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ImportFileError(_("不支持 Unicode 文本格式，请在 Excel 中另存为“CSV UTF-8（逗号分隔）”或 .xlsx。"))
    if data.startswith(_BINARY_SIGNATURES) or b"\x00" in data:
        raise ImportFileError(_("文件内容不是CSV文本（可能是Excel或图片文件改了扩展名），请上传 .csv 或 .xlsx 文件。"))
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            decoded = data.decode(encoding)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ImportFileError(_("无法识别文件的文字编码，请在 Excel 中另存为“CSV UTF-8（逗号分隔）”后重试。"))
    first_line = decoded.split("\n", 1)[0]
    delimiter = "\t" if first_line.count("\t") > first_line.count(",") else ","
    try:
        return _table(
            (tuple(row) for row in csv.reader(io.StringIO(decoded, newline=""), delimiter=delimiter)),
            max_rows,
            too_many,
        )
    except csv.Error as exc:
        raise ImportFileError(_("CSV 文件格式有误（%(error)s），请用 Excel 打开后重新保存。") % {"error": exc}) from exc


def _xlsx_table(data: bytes, max_rows: int, too_many: str) -> Table:
    if not data.startswith(b"PK\x03\x04"):
        raise ImportFileError(
            _("文件内容不是有效的 Excel（.xlsx）文件。旧版 .xls 或设置了密码的文件请先在 Excel 中另存为 .xlsx。")
        )
    workbook = None
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        if not workbook.worksheets:
            raise ImportFileError(_("Excel 文件中没有工作表。"))
        sheet = workbook.worksheets[0]
        sheet.reset_dimensions()  # a wrong stored dimension would otherwise cut rows off silently
        return _table(sheet.iter_rows(min_row=1, values_only=True), max_rows, too_many)
    except ImportFileError:
        raise
    except Exception as exc:  # openpyxl raises many kinds on a damaged file; all mean the same to the user
        raise ImportFileError(_("无法读取该 Excel 文件，文件可能已损坏，请重新保存为 .xlsx 后再试。")) from exc
    finally:
        if workbook is not None:
            workbook.close()


def read_table(file: Any, filename: str, *, max_rows: int, too_many: str, max_bytes: int = MAX_BYTES) -> Table:
    """The header and data rows of an uploaded .csv or .xlsx; ImportFileError says why not, in Chinese."""
    suffix = PurePath(filename or "").suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise ImportFileError(_("只能导入 .csv 或 .xlsx 文件（旧版 .xls 请在 Excel 中另存为 .xlsx）。"))
    data = read_bytes(file, max_bytes)
    return (_csv_table if suffix == ".csv" else _xlsx_table)(data, max_rows, too_many)


class ImportColumns:
    """The columns of one import: key → (the header people see, required, other headers people write).

    Finds them in a sheet's header row (in any order, as people retype them), reads a row into
    {key: cell}, and turns a service's refusal into RowErrors under the header the person sees.
    """

    def __init__(self, spec: dict[str, tuple[str, bool, tuple[str, ...]]]) -> None:
        self.spec = spec
        self._keys = {header_key(name): key for key, (header, _r, aliases) in spec.items()
                      for name in (header, key, *aliases)}  # fmt: skip

    def header(self, key: str) -> str:
        return self.spec[key][0] if key in self.spec else ""

    def locate(self, header: tuple[Any, ...]) -> dict[str, int]:
        """Key → column index; ImportFileError naming every required column that is missing."""
        columns: dict[str, int] = {}
        for index, cell in enumerate(header):
            key = self._keys.get(header_key(cell))
            if key is not None and key not in columns:
                columns[key] = index
        missing = [header for key, (header, required, _a) in self.spec.items() if required and key not in columns]
        if missing:
            raise ImportFileError(
                _("缺少必填的列：%(cols)s。请使用导入模板，第1行为列名。") % {"cols": "、".join(missing)}
            )
        return columns

    @staticmethod
    def values(cells: tuple[Any, ...], columns: dict[str, int]) -> dict[str, Any]:
        return {key: cells[index] if index < len(cells) else None for key, index in columns.items()}

    def errors(self, number: int, exc: ValidationError) -> list[RowError]:
        """A service's refusal of one row, each message under its column's header."""
        if not hasattr(exc, "error_dict"):
            return [RowError(number, "", message) for message in exc.messages]
        found = []
        for key, field_errors in exc.error_dict.items():
            header = self.header(key) if key != NON_FIELD_ERRORS else ""
            found.extend(RowError(number, header, message) for error in field_errors for message in error.messages)
        return found
