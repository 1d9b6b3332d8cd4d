"""A provider's list of trainees: good rows enrolled, every bad row named, and certificates given."""

from __future__ import annotations

import datetime
import io

import pytest
from django.utils import timezone
from openpyxl import Workbook

from marketplace.enums import Role
from marketplace.models import Certificate, TrainingEnrolment
from marketplace.tabular import ImportFileError
from marketplace.training.enums import EnrolmentStatus
from marketplace.training.importing import training_import
from tests.factories import SeekerFactory, TrainingCourseFactory, UserFactory

pytestmark = pytest.mark.django_db


def xlsx(rows: list[list]) -> bytes:
    book = Workbook()
    for row in rows:
        book.active.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_good_rows_go_in_and_bad_rows_are_reported_by_row_and_column():
    bureau = UserFactory(role=Role.BUREAU)
    course = TrainingCourseFactory()
    seeker = SeekerFactory(phone="13700005555", profile__name="杨阿妹")
    done = timezone.localdate() - datetime.timedelta(days=1)
    data = xlsx([
        ["学员姓名", "手机", "户籍县市", "结果", "结业日期", "证书编号"],
        ["杨阿妹", "137 0000 5555", "凯里市", "合格", done, "DG-001"],
        ["吴小兰", "13700006666", "丹寨县", "在训", None, ""],
        ["错号码", "12345", "凯里市", "结业", done, ""],
        ["潘小燕", "13700007777", "火星市", "结业", done, ""],
        ["龙大哥", "13700008888", "凯里市", "毕业了", "昨天", ""],
    ])  # fmt: skip

    report = training_import(by=bureau, course=course, file=data, filename="名单.xlsx")

    assert report.total_rows == 5
    assert [e.name for e in report.created] == ["杨阿妹", "吴小兰"]
    assert sorted((e.row, e.field) for e in report.errors) == [
        (4, "手机号"),
        (5, "户籍县市"),
        (6, "状态"),
        (6, "结业日期"),
    ]
    completed = TrainingEnrolment.objects.get(name="杨阿妹")
    assert (completed.status, completed.profile, completed.completed_on) == (EnrolmentStatus.COMPLETED, seeker.profile,
                                                                            done)  # fmt: skip
    assert Certificate.objects.filter(profile=seeker.profile, name="电工证", number="DG-001").exists()


def test_a_sheet_without_the_name_column_is_refused_whole():
    with pytest.raises(ImportFileError) as refused:
        training_import(by=UserFactory(role=Role.BUREAU), course=TrainingCourseFactory(),
                        file=xlsx([["手机号"], ["13700005555"]]), filename="名单.xlsx")  # fmt: skip
    assert "姓名" in str(refused.value)
    assert TrainingEnrolment.objects.count() == 0
