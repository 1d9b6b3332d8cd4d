"""Bulk import of postings (批量导入): every row checked, valid rows created together, nothing silent.

Files are built in the tests (CSV in UTF-8 with BOM and in GBK, .xlsx with openpyxl) the way Excel
in China saves them, and go through the same service the upload page and the command use.
"""

from __future__ import annotations

import csv
import datetime
import io
import re
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.utils import timezone

from marketplace.enums import JobType, PayUnit, PostingStatus, Role, VerificationStatus
from marketplace.models import BlacklistEntry, CooperationStation, Employer, JobPosting, User
from marketplace.occupations.services import occupations_load
from marketplace.occupations.taxonomy import taxonomy_changed
from marketplace.postings import importing
from marketplace.postings.importing import ImportFileError, RowError, postings_import
from tests.factories import EmployerFactory, StationFactory, StationStaffFactory, UserFactory, unused_credit_code

pytestmark = pytest.mark.django_db

TEMPLATE = Path(importing.__file__).resolve().parent.parent / "data" / "import_template.csv"
HEADERS = [
    "单位统一社会信用代码", "岗位名称", "岗位描述", "工种", "用工类型", "县市", "乡镇", "详细地址", "最低薪资",
    "最高薪资", "计薪方式", "招聘人数", "学历要求", "证书要求", "最小年龄", "最大年龄", "福利", "工作时间", "有效期至",
]  # fmt: skip
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x02\x00\x00\x00\x90wS\xde"


def in_days(days: int) -> datetime.date:
    return timezone.localdate() + datetime.timedelta(days=days)


def row(employer: Employer | None, **values: object) -> dict[str, object]:
    """A valid row; keyword arguments (Chinese headers) override cells."""
    cells: dict[str, object] = {
        "单位统一社会信用代码": employer.credit_code if employer else "",
        "岗位名称": "钢筋工（房建项目）",
        "岗位描述": "负责主体结构钢筋绑扎，按图施工。",
        "工种": "钢筋工",
        "用工类型": "全职",
        "县市": "凯里市",
        "乡镇": "开怀街道",
        "详细地址": "凯里市开发区房建项目部",
        "最低薪资": "8000",
        "最高薪资": "12000",
        "计薪方式": "元/月",
        "招聘人数": "10",
        "学历要求": "不限",
        "证书要求": "",
        "最小年龄": "20",
        "最大年龄": "55",
        "福利": "包吃住、五险",
        "工作时间": "7:00-18:00",
        "有效期至": in_days(90).isoformat(),
    }
    cells.update(values)
    return cells


def csv_bytes(rows: list[dict[str, object]], encoding: str = "utf-8-sig") -> bytes:
    out = io.StringIO(newline="")
    writer = csv.writer(out)
    writer.writerow(HEADERS)
    for cells in rows:
        writer.writerow([cells.get(h, "") for h in HEADERS])
    return out.getvalue().encode(encoding)


def upload(data: bytes, name: str = "岗位.csv") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type="text/csv")


@pytest.fixture(autouse=True)
def taxonomy() -> Iterator[None]:
    occupations_load()
    # The term cache is per process and the load's on_commit never runs inside a test transaction.
    taxonomy_changed()
    yield
    taxonomy_changed()


@pytest.fixture
def station() -> CooperationStation:
    return StationFactory(name="驻杭州劳务协作站", city="杭州")


@pytest.fixture
def employer(station) -> Employer:
    return EmployerFactory(name="杭州筑安建设有限公司", station=station)


@pytest.fixture
def foreign_employer() -> Employer:
    return EmployerFactory(
        name="宁波某电子厂",
        station=StationFactory(name="驻宁波劳务协作站", city="宁波"),
        verification=VerificationStatus.PENDING,
    )


@pytest.fixture
def staff(station) -> User:
    # A fixed number: the command tests type it, once with spaces as people do.
    return StationStaffFactory(station=station, phone="13800000001")


def test_a_utf8_csv_with_bom_is_imported_for_station_staff(staff, employer):
    rows = [
        row(employer, 证书要求="特种作业操作证，高处作业证", 最低薪资="８０００"),  # full-width digits
        row(employer, 岗位名称=" 小工（日结） ", 工种="杂工", 用工类型="零工", 最低薪资=" 150 ", 最高薪资="200",
            计薪方式="天", 学历要求="初中", 最小年龄="", 最大年龄="", 有效期至=""),
    ]  # fmt: skip
    report = postings_import(by=staff, file=upload(csv_bytes(rows)), filename="岗位.csv")

    assert report.errors == []
    assert report.total_rows == 2
    first, second = report.created
    assert first.employer == employer and first.station_id == staff.station_id and first.created_by == staff
    assert (first.pay_min, first.pay_max, first.pay_unit) == (8000, 12000, PayUnit.MONTH)
    assert first.certificates_required == ["特种作业操作证", "高处作业证"]
    assert first.benefits == ["包吃住", "五险"]
    assert first.occupation.name == "钢筋工"
    assert first.valid_until == in_days(90)
    assert first.status == PostingStatus.PUBLISHED  # verified employer, nothing flagged: the service's rule
    assert second.title == "小工（日结）"
    assert (second.job_type, second.pay_unit, second.education_min) == (JobType.GIG, PayUnit.DAY, "junior")
    assert second.age_min is None and second.valid_until is None
    assert JobPosting.objects.count() == 2


def test_an_xlsx_built_in_excel_is_imported_with_date_and_number_cells(staff, employer):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["岗位名称*", "用工类型*", "县市*", "最低薪资*", "最高薪资*", "计薪方式*", "有效期至", "备注"])
    sheet.append(
        [
            "电子厂普工",
            "全职",
            "凯里市",
            4200,
            5500.0,
            "元/月",
            datetime.datetime.combine(in_days(30), datetime.time()),
            "x",
        ]
    )
    sheet.append([None] * 8)  # an empty row in between is skipped and not counted
    sheet.append(["SMT贴片操作员", "全职", "凯里市", 4800, 6200, "月", None, None])
    buffer = io.BytesIO()
    workbook.save(buffer)

    report = postings_import(by=staff, file=buffer.getvalue(), filename="岗位.XLSX", employer=employer)

    assert report.errors == [] and report.total_rows == 2
    assert [p.title for p in report.created] == ["电子厂普工", "SMT贴片操作员"]
    assert report.created[0].valid_until == in_days(30)
    assert report.created[0].pay_max == 5500
    assert all(p.employer == employer for p in report.created)


def test_a_gbk_csv_as_excel_in_china_saves_it_is_imported(staff, employer):
    data = csv_bytes([row(employer, 岗位描述="负责钢筋下料、绑扎（有经验优先）")], encoding="gbk")
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")

    report = postings_import(by=staff, file=io.BytesIO(data), filename="岗位.csv")

    assert report.errors == []
    assert report.created[0].description == "负责钢筋下料、绑扎（有经验优先）"


def test_good_rows_are_created_and_every_problem_of_bad_rows_is_reported(staff, employer):
    unknown = unused_credit_code()
    rows = [
        row(employer, 岗位名称="钢筋工"),
        row(employer, 岗位名称="木工", 最低薪资="9000", 最高薪资="6000", 用工类型="长期工"),
        row(employer, 岗位名称="泥瓦工"),
        row(employer, 岗位名称="架子工", 单位统一社会信用代码=unknown),
        row(employer, 岗位名称="抹灰工"),
    ]
    report = postings_import(by=staff, file=csv_bytes(rows), filename="岗位.csv")

    assert report.total_rows == 5
    assert sorted(p.title for p in report.created) == ["抹灰工", "泥瓦工", "钢筋工"]
    assert JobPosting.objects.count() == 3
    assert report.error_rows == [3, 5]
    assert {(e.row, e.field) for e in report.errors} == {(3, "用工类型"), (3, "最高薪资"), (5, "单位统一社会信用代码")}
    by_field = {e.field: e.message for e in report.errors}
    assert "全职" in by_field["用工类型"] and "长期工" in by_field["用工类型"]
    assert "最低薪资" in by_field["最高薪资"]
    assert unknown in by_field["单位统一社会信用代码"]
    assert str(RowError(3, "最高薪资", "x")) == "第3行 [最高薪资] x"


def test_an_employer_of_another_station_is_refused_per_row(staff, employer, foreign_employer):
    rows = [row(employer), row(foreign_employer)]
    report = postings_import(by=staff, file=csv_bytes(rows), filename="岗位.csv")

    assert [p.employer for p in report.created] == [employer]
    [error] = report.errors
    assert (error.row, error.field) == (3, "单位统一社会信用代码")
    assert "协作站" in error.message
    assert not JobPosting.objects.filter(employer=foreign_employer).exists()


def test_a_row_asking_for_a_deposit_is_created_but_flagged_for_review(staff, employer):
    rows = [row(employer, 岗位描述="入职需交押金200元，做满三个月退还。")]
    report = postings_import(by=staff, file=csv_bytes(rows), filename="岗位.csv")

    [posting] = report.created
    assert posting.flags and posting.flags[0]["code"] == "fee"
    assert posting.status == PostingStatus.PENDING


def test_the_occupation_is_suggested_from_the_title_when_left_empty(staff, employer):
    rows = [row(employer, 岗位名称="招聘电焊工", 岗位描述="", 工种="")]
    report = postings_import(by=staff, file=csv_bytes(rows), filename="岗位.csv")

    assert report.created[0].occupation.name == "电焊工"


def test_an_occupation_may_be_given_by_its_colloquial_name(staff, employer):
    report = postings_import(by=staff, file=csv_bytes([row(employer, 工种="烧电焊")]), filename="a.csv")
    assert report.created[0].occupation.name == "电焊工"

    report = postings_import(
        by=staff, file=csv_bytes([row(employer, 岗位名称="宇航员", 工种="宇航员")]), filename="a.csv"
    )
    assert [(e.field, "宇航员" in e.message) for e in report.errors] == [("工种", True)]


@pytest.mark.parametrize(
    ("data", "name"),
    [(PNG, "岗位.xlsx"), (PNG, "岗位.csv"), (b"hello", "岗位.txt"), (b"\xd0\xcf\x11\xe0" + b"\x00" * 100, "a.xlsx")],
)
def test_a_file_that_is_not_a_spreadsheet_is_refused_as_a_whole(staff, employer, data, name):
    with pytest.raises(ImportFileError) as excinfo:
        postings_import(by=staff, file=upload(data, name), filename=name)

    assert re.search(r"[\u4e00-\u9fff]", excinfo.value.message)
    assert JobPosting.objects.count() == 0


def test_whole_file_problems_are_refused_with_a_chinese_message(staff, employer, monkeypatch):
    with pytest.raises(ImportFileError, match="最低薪资"):
        postings_import(by=staff, file="岗位名称,县市\n焊工,凯里市\n".encode(), filename="a.csv")
    with pytest.raises(ImportFileError, match="第1行"):
        postings_import(by=staff, file=b",,\n" + csv_bytes([row(employer)]), filename="a.csv")
    monkeypatch.setattr(importing, "MAX_ROWS", 2)
    with pytest.raises(ImportFileError, match="最多导入2行"):
        postings_import(
            by=staff, file=csv_bytes([row(employer, 岗位名称=f"岗位{i}") for i in range(3)]), filename="a.csv"
        )
    monkeypatch.setattr(importing, "MAX_BYTES", 100)
    with pytest.raises(ImportFileError, match="超过"):
        postings_import(by=staff, file=upload(csv_bytes([row(employer)])), filename="a.csv")
    assert JobPosting.objects.count() == 0


def test_a_seeker_may_not_import(employer):
    seeker = UserFactory(role=Role.SEEKER)
    with pytest.raises(PermissionDenied):
        postings_import(by=seeker, file=csv_bytes([row(employer)]), filename="a.csv")


def test_bureau_staff_import_for_any_employer(employer):
    bureau = UserFactory(role=Role.BUREAU)

    report = postings_import(by=bureau, file=csv_bytes([row(employer)]), filename="a.csv")

    assert report.errors == []
    assert [p.employer for p in report.created] == [employer]
    assert report.created[0].created_by == bureau


def test_a_repeated_row_is_reported_on_the_later_one_and_a_reimport_does_not_duplicate(staff, employer):
    data = csv_bytes([row(employer), row(employer, 岗位名称="木工"), row(employer)])
    report = postings_import(by=staff, file=data, filename="a.csv")
    assert len(report.created) == 2
    assert [(e.row, e.field, "第2行" in e.message) for e in report.errors] == [(4, "", True)]

    again = postings_import(by=staff, file=csv_bytes([row(employer)]), filename="a.csv")
    assert again.created == [] and again.error_rows == [2]
    assert JobPosting.objects.count() == 2


def test_a_dry_run_validates_without_creating(staff, employer):
    data = csv_bytes([row(employer), row(employer, 岗位名称="木工", 最低薪资="很多")])
    report = postings_import(by=staff, file=data, filename="a.csv", dry_run=True)

    assert report.created == [] and report.valid_rows == 1 and report.error_rows == [3]
    assert JobPosting.objects.count() == 0


def test_an_unexpected_failure_while_creating_rolls_every_row_back(staff, employer, monkeypatch):
    real_submit = importing.posting_submit
    calls = []

    def failing_submit(*, by, posting):
        calls.append(posting.pk)
        if len(calls) == 2:
            raise RuntimeError("search index down")
        return real_submit(by=by, posting=posting)

    monkeypatch.setattr(importing, "posting_submit", failing_submit)
    data = csv_bytes([row(employer), row(employer, 岗位名称="木工"), row(employer, 岗位名称="瓦工")])
    with pytest.raises(RuntimeError, match="search index down"):
        postings_import(by=staff, file=data, filename="a.csv")

    assert JobPosting.objects.count() == 0


def test_the_shipped_template_imports_when_its_employers_exist(staff, station):
    for name, code in [("筑安建设", "91522601MA6E3P0H4B"), ("黔丰电子", "91522601MA6DK7R26M")]:
        EmployerFactory(name=name, credit_code=code, station=station, verification=VerificationStatus.PENDING)
    text = re.sub(r"\d{4}-\d{2}-\d{2}", in_days(60).isoformat(), TEMPLATE.read_text(encoding="utf-8-sig"))

    report = postings_import(by=staff, file=text.encode("utf-8-sig"), filename=TEMPLATE.name)

    assert report.errors == [] and len(report.created) == 2
    assert all(p.status == PostingStatus.PENDING for p in report.created)  # unverified employers: reviewed


def test_the_command_prints_each_error_and_exits_with_1(staff, employer, tmp_path):
    path = tmp_path / "岗位.csv"
    path.write_bytes(csv_bytes([row(employer), row(employer, 岗位名称="木工", 最高薪资="100")]))
    out, err = io.StringIO(), io.StringIO()

    with pytest.raises(CommandError) as excinfo:
        call_command("import_postings", str(path), as_phone="138 0000 0001", stdout=out, stderr=err)

    assert excinfo.value.returncode == 1
    assert "已创建 1 个岗位" in out.getvalue()
    assert "第3行 [最高薪资]" in out.getvalue()
    assert JobPosting.objects.count() == 1


def test_the_command_dry_run_creates_nothing_and_succeeds_on_a_clean_file(staff, employer, tmp_path):
    path = tmp_path / "岗位.csv"
    path.write_bytes(csv_bytes([row(None)]))
    out = io.StringIO()

    call_command(
        "import_postings", str(path), "--as-phone", "13800000001", "--employer-credit-code", employer.credit_code,
        "--dry-run", stdout=out, stderr=io.StringIO(),
    )  # fmt: skip

    assert "1 行可以导入" in out.getvalue()
    assert JobPosting.objects.count() == 0


def test_english_field_names_are_accepted_as_headers(staff, employer):
    data = "title,job_type,county,pay_min,pay_max,pay_unit\n焊工,gig,凯里市,200,300,day\n".encode()
    report = postings_import(by=staff, file=data, filename="a.csv", employer=employer)

    assert report.errors == []
    assert (report.created[0].title, report.created[0].pay_unit) == ("焊工", PayUnit.DAY)


def test_a_blacklisted_employer_is_refused_per_row_instead_of_failing_the_import(staff, employer, station):
    other = EmployerFactory(name="欠薪单位", station=station, verification=VerificationStatus.PENDING)
    BlacklistEntry.objects.create(employer=other, reason="拖欠工资", starts_on=in_days(-10))
    report = postings_import(by=staff, file=csv_bytes([row(employer), row(other)]), filename="a.csv")

    assert [p.employer for p in report.created] == [employer]
    assert [(e.row, e.field) for e in report.errors] == [(3, "单位统一社会信用代码")]
    assert "黑名单" in report.errors[0].message
