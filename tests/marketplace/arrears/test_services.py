"""根治欠薪: complaints filed with evidence, handled to a deadline, and outcomes that reach the employer."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from marketplace.arrears import services
from marketplace.arrears.models import ArrearsOutcome, ArrearsSource
from marketplace.employers.selectors import employer_list_blacklisted
from marketplace.enums import IntegrityGrade, Role
from marketplace.models import ArrearsEvidence, Notification, WageArrearsCase
from tests.factories import (
    EmployerFactory,
    EmployerMemberFactory,
    SeekerFactory,
    StationStaffFactory,
    UserFactory,
    png_bytes,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def bureau():
    return UserFactory(role=Role.BUREAU, display_name="州人社局老杨")


def photo(name="工资条.png", data=None):
    return SimpleUploadedFile(name, data or png_bytes((400, 300)), content_type="image/png")


def test_a_worker_files_for_themself_with_photos_and_the_bureau_is_told(bureau):
    seeker = SeekerFactory(profile__name="杨阿妹", profile__current_county="凯里市")
    case = services.arrears_file(by=seeker, employer_name="某建筑劳务公司", description="做了三个月钢筋工没发工资",
                                 amount=18000, photos=[photo(), photo("欠条.png")])  # fmt: skip

    assert (case.worker_name, case.phone, case.home_county) == ("杨阿妹", seeker.phone, "凯里市")
    assert case.source == ArrearsSource.COMPLAINT
    assert ArrearsEvidence.objects.filter(case=case).count() == 2
    assert Notification.objects.filter(user=bureau, kind="arrears_opened").exists()


def test_one_bad_photo_refuses_the_complaint_and_stores_nothing(bureau):
    seeker = SeekerFactory()
    with pytest.raises(ValidationError) as refused:
        services.arrears_file(by=seeker, employer_name="某公司", description="欠薪",
                              photos=[photo(), photo("坏.png", b"not a picture at all")])  # fmt: skip
    assert "第2张照片" in refused.value.message_dict["photos"][0]
    assert (WageArrearsCase.objects.count(), ArrearsEvidence.objects.count()) == (0, 0)


def test_employers_cannot_file_and_stations_file_for_a_worker(bureau):
    with pytest.raises(PermissionDenied):
        services.arrears_file(by=EmployerMemberFactory(), employer_name="x", description="y")
    staff = StationStaffFactory()
    case = services.arrears_file(by=staff, worker_name="吴小兰", phone="13700001111", employer_name="某电子厂",
                                 description="两个月没发工资")  # fmt: skip
    assert (case.source, case.station) == (ArrearsSource.STATION, staff.station)


def test_a_second_complaint_against_one_employer_raises_an_early_warning(bureau):
    employer = EmployerFactory(name="某建筑劳务公司")
    for name in ("张某", "李某"):
        services.arrears_file(by=bureau, worker_name=name, phone="13700001111", employer=employer,
                              employer_name="", description="欠薪")  # fmt: skip
    warning = Notification.objects.get(user=bureau, kind="arrears_warning")
    assert "某建筑劳务公司" in warning.title and "2件" in warning.body


def test_a_refusal_to_pay_blacklists_the_employer_and_grades_it_c(bureau):
    employer = EmployerFactory(integrity_grade=IntegrityGrade.A)
    case = services.arrears_file(by=bureau, worker_name="张某", phone="13700001111", employer=employer,
                                 employer_name="", description="欠薪")  # fmt: skip
    services.arrears_step(by=bureau, case=case, note="电话责令限期支付")
    services.arrears_close(by=bureau, case=case, outcome=ArrearsOutcome.REFUSED)

    employer.refresh_from_db()
    assert employer.integrity_grade == IntegrityGrade.C
    assert employer in employer_list_blacklisted()
    assert [s.note for s in case.steps.all()] == ["电话责令限期支付", "拒不支付，列入黑名单"]
    with pytest.raises(ValidationError):
        services.arrears_step(by=bureau, case=case, note="再打一次")


def test_wages_recovered_cost_an_a_grade_employer_its_a(bureau):
    employer = EmployerFactory(integrity_grade=IntegrityGrade.A)
    case = services.arrears_file(by=bureau, worker_name="张某", phone="13700001111", employer=employer,
                                 employer_name="", description="欠薪")  # fmt: skip
    services.arrears_close(by=bureau, case=case, outcome=ArrearsOutcome.RECOVERED)
    employer.refresh_from_db()
    assert employer.integrity_grade == IntegrityGrade.B and employer not in employer_list_blacklisted()


@pytest.mark.parametrize(("field", "value"), [("amount", 0), ("workers", 0), ("home_county", "火星市")])
def test_bad_values_are_refused_in_chinese(bureau, field, value):
    with pytest.raises(ValidationError) as refused:
        services.arrears_file(by=bureau, worker_name="张某", phone="13700001111", employer_name="某公司",
                              description="欠薪", **{field: value})  # fmt: skip
    assert field in refused.value.message_dict
