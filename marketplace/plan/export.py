"""The dashboard as a workbook and each list as CSV: what the bureau sends up the line.

The workbook has a summary sheet, one sheet per measure (the figure, its target and definition, by
month and by county), and a sheet of the records behind each figure. Opening it needs nothing but
Excel or WPS. Every export is logged: the record sheets name people.
"""

from __future__ import annotations

import csv
import datetime
import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

from marketplace.audit.services import audit_export
from marketplace.plan import measures
from marketplace.plan.selectors import Figure, dashboard

MAX_RECORD_ROWS = 100_000  # per sheet; beyond it the sheet says so, the CSV of that list has all


def _plain(value) -> object:
    if value is None:
        return ""
    if isinstance(value, str):
        # A name typed as "=HYPERLINK(…)" must stay text in Excel (formula injection).
        return "'" + value if value[:1] in ("=", "+", "-", "@") else value
    if isinstance(value, int | float | datetime.date):
        return value
    return float(value) if hasattr(value, "as_tuple") else str(value)


def _title(text: str, used: set[str]) -> str:
    """An Excel sheet title: at most 31 characters, none of []:*?/\\, unique in the workbook."""
    base = "".join(c for c in text if c not in "[]:*?/\\")[:28]
    title, n = base, 2
    while title in used:
        title, n = f"{base[:26]}{n}", n + 1
    used.add(title)
    return title


def workbook(year: int, today: datetime.date, *, by=None) -> bytes:
    figures = dashboard(year, today)
    book = Workbook()
    summary = book.active
    summary.title = "总览"
    used = {"总览"}
    summary.append([f"{year}年度目标完成情况（截至{today.isoformat()}）"])
    summary["A1"].font = Font(bold=True, size=14)
    summary.append(["指标", "实际", "目标", "单位", "比较", "状态", "口径"])
    for figure in figures:
        d = figure.definition
        summary.append([str(d.measure.label), _plain(figure.actual), _plain(figure.target), str(d.unit),
                        str(d.comparison.label), str(figure.standing.label), str(d.text)])  # fmt: skip
    for figure in figures:
        _figure_sheet(book.create_sheet(_title(str(figure.definition.measure.label), used)), figure)
    for figure in figures:
        sheet = book.create_sheet(_title(f"{figure.definition.measure.label}明细", used))
        _records_sheet(sheet, figure.definition, year)
    audit_export(by, "dashboard", why=_("%(year)s年目标看板工作簿") % {"year": year})
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _figure_sheet(sheet, figure: Figure) -> None:
    d = figure.definition
    sheet.append([str(d.measure.label)])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append(["口径", str(d.text)])
    sheet.append(["实际", _plain(figure.actual), str(d.unit)])
    sheet.append(["目标", _plain(figure.target), str(d.comparison.label)])
    sheet.append(["状态", str(figure.standing.label)])
    sheet.append([])
    sheet.append(["月份", str(d.trend or d.measure.label)])
    for month, value in figure.months:
        sheet.append([f"{figure.year}-{month:02d}", _plain(value)])
    sheet.append([])
    sheet.append(["县市", "实际", "目标", "状态"])
    for row in figure.counties:
        sheet.append([row.county, _plain(row.actual), _plain(row.target), str(row.standing.label)])


def _records_sheet(sheet, definition: measures.Definition, year: int) -> None:
    sheet.append([str(c.header) for c in definition.columns])
    for index, record in enumerate(measures.records(definition, year).iterator(chunk_size=2000)):
        if index >= MAX_RECORD_ROWS:
            sheet.append([f"超过{MAX_RECORD_ROWS}行，完整名单请下载该指标的CSV。"])
            break
        sheet.append([_plain(c.value(record)) for c in definition.columns])


def records_csv(definition: measures.Definition, year: int, *, county: str = "", month: int | None = None,
                by=None) -> str:  # fmt: skip
    """One list as CSV with a BOM, so Excel on a Chinese Windows opens it without mojibake."""
    out = io.StringIO()
    out.write("\ufeff")
    writer = csv.writer(out)
    writer.writerow([str(c.header) for c in definition.columns])
    for record in measures.records(definition, year, county=county, month=month).iterator(chunk_size=2000):
        writer.writerow([_plain(c.value(record)) for c in definition.columns])
    where, when = county or _("全州"), _("%(m)s月") % {"m": month} if month else _("全年")
    audit_export(by, "list", why=f"{definition.measure.label} {year} {where} {when}")
    return out.getvalue()
