"""Roster import (名册导入): a station's Excel list of its workers, good rows in, bad rows named.

Stations already keep their workers on a spreadsheet. Each row goes through `roster_add`, the
service the form uses, in a savepoint of its own: a bad row (a wrong phone, an unknown county, a
worker already on the roster) is reported under the column header the staff member sees and
never blocks the good rows behind it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from marketplace.enums import KeyGroup
from marketplace.models import CooperationStation, Employer, RosterEntry, User
from marketplace.stations import rules
from marketplace.stations.enums import ArrivalRoute
from marketplace.stations.services import roster_add
from marketplace.tabular import ImportColumns, RowError, norm, parse_date, read_table, text

MAX_ROWS = 1000
# key → (header shown in the template and in errors, required, other headers people write)
COLUMNS: dict[str, tuple[str, bool, tuple[str, ...]]] = {
    "name": ("姓名", True, ("名字",)),
    "phone": ("手机号", True, ("手机", "联系电话", "电话")),
    "home_county": ("户籍县市", True, ("县市", "户籍地", "籍贯")),
    "home_township": ("户籍乡镇", False, ("乡镇",)),
    "key_groups": ("重点群体", False, ("人员类别",)),
    "employer_name": ("用工单位", False, ("单位", "工作单位")),
    "start_date": ("到岗日期", True, ("入职日期", "上岗日期")),
    "route": ("外出方式", False, ("来源",)),
    "note": ("备注", False, ()),
}
IMPORT = ImportColumns(COLUMNS)
_GROUPS = {norm(label): value for value, label in KeyGroup.choices} | {"脱贫户": KeyGroup.POVERTY_RELIEVED,
           "搬迁户": KeyGroup.RELOCATED, "毕业生": KeyGroup.GRADUATE}  # fmt: skip
_ROUTES = {norm(label): value for value, label in ArrivalRoute.choices} | {"自行": ArrivalRoute.SELF,
           "直通车": ArrivalRoute.TRIP, "协作站": ArrivalRoute.STATION, "组织输送": ArrivalRoute.DISPATCH}  # fmt: skip


@dataclass
class RosterImportReport:
    total_rows: int = 0
    created: list[RosterEntry] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)


def _row_fields(cells: dict[str, Any], employers: dict[str, Employer]) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """The row as roster_add's arguments, and the problems found before calling it (column, message)."""
    problems: list[tuple[str, str]] = []
    fields: dict[str, Any] = {key: text(cells.get(key)) for key in ("name", "phone", "home_county", "home_township",
                                                                      "note")}  # fmt: skip
    groups = [g for g in (item.strip() for item in text(cells.get("key_groups")).replace("，", "、").split("、")) if g]
    unknown = [g for g in groups if norm(g) not in _GROUPS]
    if unknown:
        problems.append(("key_groups", _("不认识的重点群体：%(g)s。") % {"g": "、".join(unknown)[:40]}))
    fields["key_groups"] = [_GROUPS[norm(g)] for g in groups if norm(g) in _GROUPS]
    route = norm(cells.get("route"))
    if route and route not in _ROUTES:
        problems.append(
            (
                "route",
                _("“%(v)s”无法识别，应为：%(labels)s。")
                % {
                    "v": text(cells.get("route"))[:20],
                    "labels": "、".join(str(label) for _v, label in ArrivalRoute.choices),
                },
            )
        )
    fields["route"] = _ROUTES.get(route, ArrivalRoute.SELF)
    day = parse_date(cells.get("start_date"))
    if day is None:
        problems.append(
            (
                "start_date",
                _("“%(v)s”不是有效日期，请按 2026-03-01 的格式填写。") % {"v": text(cells.get("start_date"))[:20]},
            )
        )
    fields["start_date"] = day
    workplace = text(cells.get("employer_name"))
    fields["employer"] = employers.get(workplace)
    fields["employer_name"] = "" if fields["employer"] else workplace[:100]
    return fields, problems  # fmt: skip


def roster_import(*, by: User, station: CooperationStation, file: Any, filename: str) -> RosterImportReport:
    """Enter every good row; report every bad one (row number, column header, reason in Chinese)."""
    rules.require(by, "roster.edit", station)
    too_many = _("一次最多导入%(max)d人，请分成几个文件导入。") % {"max": MAX_ROWS}
    header, rows = read_table(file, filename, max_rows=MAX_ROWS, too_many=too_many)
    columns = IMPORT.locate(header)
    employers = {employer.name: employer for employer in Employer.objects.filter(station=station)}
    report = RosterImportReport(total_rows=len(rows))
    for number, cells in rows:
        values = IMPORT.values(cells, columns)
        fields, problems = _row_fields(values, employers)
        if problems:
            report.errors.extend(RowError(number, IMPORT.header(key), message) for key, message in problems)
            continue
        try:
            with transaction.atomic():
                report.created.append(roster_add(by=by, station=station, **fields))
        except ValidationError as exc:
            report.errors.extend(IMPORT.errors(number, exc))
    return report
