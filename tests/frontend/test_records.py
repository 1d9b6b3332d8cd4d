"""Bureau pages for the dashboard's records: households, training classes, dispute cases."""

from __future__ import annotations

import io

import pytest
from django.utils import timezone
from openpyxl import Workbook

from marketplace.models import DisputeCase, Household, TrainingEnrolment
from tests.factories import SeekerFactory, TrainingCourseFactory

pytestmark = pytest.mark.django_db


def test_staff_register_a_household_by_its_members_phones_and_plan_the_next_step(client, bureau_user):
    member = SeekerFactory(phone="13700009999", profile__name="潘小明")
    client.force_login(bureau_user)
    form = {"new-head_name": "潘老三", "new-county": "榕江县", "new-next_action": "上门走访"}
    refused = client.post("/bureau/households/", {**form, "new-member_phones": "13700001234"})
    assert refused.status_code == 400 and "还没有求职者账号" in refused.content.decode()

    response = client.post("/bureau/households/", {**form, "new-member_phones": "137 0000 9999"})
    assert response.status_code == 302, response.content.decode()[-1500:]
    household = Household.objects.get()
    assert [m.profile for m in household.members.all()] == [member.profile] and household.owner == bureau_user

    client.post(
        f"/bureau/households/{household.pk}/plan/", {"next_action": "推荐公益性岗位", "next_action_on": "2030-01-01"}
    )
    html = client.get("/bureau/households/").content.decode()
    assert "推荐公益性岗位" in html and "潘老三户" in html


def test_a_station_registers_its_workers_households_and_sees_only_those(client, station_user, bureau_user):
    SeekerFactory(phone="13700009998", profile__station=station_user.station)
    form = {"new-head_name": "吴老四", "new-county": "台江县", "new-next_action": "电话联系",
            "new-member_phones": "13700009998"}  # fmt: skip
    elsewhere = SeekerFactory(phone="13700009997")
    client.force_login(bureau_user)
    client.post("/bureau/households/", {**form, "new-head_name": "别处的户", "new-member_phones": "13700009997"})
    client.get("/bureau/households/")  # the bureau reads its own 已登记 message
    assert Household.objects.get(head_name="别处的户").members.get().profile == elsewhere.profile

    client.force_login(station_user)
    response = client.post("/bureau/households/", form)

    assert response.status_code == 302 and Household.objects.get(head_name="吴老四").owner == station_user
    html = client.get("/bureau/households/").content.decode()
    assert "吴老四户" in html and "别处的户" not in html
    other = Household.objects.get(head_name="别处的户")
    assert client.post(f"/bureau/households/{other.pk}/plan/", {"next_action": "x"}).status_code == 404


def test_staff_import_a_class_list_and_mark_a_trainee_complete(client, bureau_user):
    course = TrainingCourseFactory()
    book = Workbook()
    for row in (["姓名", "手机号"], ["吴小兰", "13700006666"], ["错号", "1"]):
        book.active.append(row)
    data = io.BytesIO()
    book.save(data)
    upload = io.BytesIO(data.getvalue())
    upload.name = "名单.xlsx"
    client.force_login(bureau_user)

    html = client.post(f"/bureau/training/{course.pk}/", {"file": upload}).content.decode()

    assert "登记 <strong>1</strong> 人" in html and "手机号" in html
    enrolment = TrainingEnrolment.objects.get()
    client.post(f"/bureau/training/enrolments/{enrolment.pk}/complete/", {"certificate_number": "DG-9"})
    enrolment.refresh_from_db()
    assert (enrolment.status, enrolment.certificate_number) == ("completed", "DG-9")


def test_staff_open_a_mediation_close_it_failed_and_send_it_to_arbitration(client, bureau_user):
    client.force_login(bureau_user)
    today = timezone.localdate().isoformat()
    case = {"kind": "wages", "track": "mediation", "county": "凯里市", "applicant_name": "张某"}
    client.post("/bureau/disputes/", {**case, "respondent_name": "某建筑公司", "opened_on": today})
    case = DisputeCase.objects.get()
    client.post(f"/bureau/disputes/{case.pk}/close/", {"outcome": "mediation_failed", "closed_on": today})
    client.post(f"/bureau/disputes/{case.pk}/close/", {"action": "escalate"})

    assert list(DisputeCase.objects.values_list("track", "from_mediation")) == [("arbitration", case.pk),
                                                                                ("mediation", None)]  # fmt: skip
