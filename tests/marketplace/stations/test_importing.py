"""A station's Excel list of workers: good rows are entered, every bad row is named, nothing blocks."""

from __future__ import annotations

import datetime
import io

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied

from marketplace.stations.enums import ArrivalRoute
from marketplace.stations.importing import roster_import
from marketplace.tabular import ImportFileError
from tests.factories import EmployerFactory, StationStaffFactory

pytestmark = pytest.mark.django_db

HEADER = "姓名,手机号,户籍县市,户籍乡镇,重点群体,用工单位,到岗日期,外出方式,备注\n"


@pytest.fixture
def staff():
    return StationStaffFactory(station__name="驻宁波劳务协作站", station__city="宁波")


def csv_bytes(*rows: str) -> bytes:
    return (HEADER + "\n".join(rows) + "\n").encode("utf-8")


def test_good_rows_are_entered_and_each_bad_row_is_named_with_its_column(staff):
    partner = EmployerFactory(name="宁波某电器有限公司", station=staff.station)
    report = roster_import(by=staff, station=staff.station, filename="名册.csv", file=csv_bytes(
        "吴小兰,13700001111,凯里市,三棵树镇,脱贫人口、农村转移劳动力,宁波某电器有限公司,2026-03-01,返岗直通车,",
        "杨文,12345,丹寨县,,,,2026/3/2,,",                 # phone wrong
        "龙二,13700002222,火星市,,,,2026年3月3日,,",       # not a county of the prefecture
        "石三,13700003333,雷山县,,贫困户,,2026-03-04,,",    # unknown group
        "潘四,13700004444,黎平县,,,,三月四号,,",            # not a date
        "欧五,13700005555,榕江县,,,,2026-03-05,坐飞机,",    # unknown route
        "吴小兰,13700001111,凯里市,,,,2026-03-06,,",        # already entered above
        ",,,,,,,,",                                         # empty: skipped, not an error
        "姜六,137 0000 6666,从江县,,,某鞋厂,2026-03-07,协作站推荐,夜班",
    ))  # fmt: skip

    assert report.total_rows == 8
    assert [(e.name, e.route) for e in report.created] == [
        ("吴小兰", ArrivalRoute.TRIP),
        ("姜六", ArrivalRoute.STATION),
    ]
    first, last = report.created
    assert first.employer == partner and first.key_groups == ["poverty_relieved", "rural_migrant"]
    assert first.start_date == datetime.date(2026, 3, 1)
    assert (last.employer, last.employer_name, last.phone) == (None, "某鞋厂", "13700006666")
    named = {(e.row, e.field) for e in report.errors}
    assert named == {(3, "手机号"), (4, "户籍县市"), (5, "重点群体"), (6, "到岗日期"), (7, "外出方式"), (8, "手机号")}
    assert any("已在本站名册中" in e.message for e in report.errors if e.row == 8)


def test_an_excel_sheet_with_date_cells_is_read_like_the_csv(staff):
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["姓名*", "手机", "户籍地", "入职日期"])
    sheet.append(["吴小兰", 13700001111, "凯里", datetime.datetime(2026, 5, 1)])
    buffer = io.BytesIO()
    book.save(buffer)

    report = roster_import(by=staff, station=staff.station, filename="名册.xlsx", file=buffer.getvalue())

    assert report.errors == []
    assert [(e.home_county, e.start_date) for e in report.created] == [("凯里市", datetime.date(2026, 5, 1))]


@pytest.mark.parametrize(
    ("filename", "data", "message"),
    [
        ("名册.xls", b"whatever", "只能导入"),
        ("名册.csv", "姓名,手机号\n吴小兰,13700001111\n".encode(), "缺少必填的列：户籍县市、到岗日期"),
        ("名册.csv", b"", "文件是空的"),
        ("名册.xlsx", b"not a zip", "不是有效的 Excel"),
    ],
)
def test_a_file_that_cannot_be_read_is_refused_in_chinese_and_nothing_is_entered(staff, filename, data, message):
    with pytest.raises(ImportFileError, match=message):
        roster_import(by=staff, station=staff.station, filename=filename, file=data)
    assert not staff.station.roster.exists()


def test_another_stations_staff_cannot_import_into_this_roster(staff):
    other = StationStaffFactory(station__name="驻苏州劳务协作站")
    with pytest.raises(PermissionDenied):
        roster_import(
            by=other,
            station=staff.station,
            filename="名册.csv",
            file=csv_bytes("吴小兰,13700001111,凯里市,,,,2026-03-01,,"),
        )
