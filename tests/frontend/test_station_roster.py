"""The roster pages as station staff use them, and the survey page a worker opens from an SMS."""

from __future__ import annotations

import datetime
import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from marketplace import sms
from marketplace.models import (
    Dispatch,
    PersonalDataAccess,
    ProxyConsent,
    RosterEntry,
    User,
    WageArrearsCase,
    WorkerProfile,
)
from marketplace.stations import services
from marketplace.stations.dispatch import check_in_token
from marketplace.stations.enums import ArrivalRoute, Owner, RosterStatus
from tests.factories import EmployerFactory, SeekerFactory, StationStaffFactory

pytestmark = pytest.mark.django_db


def today() -> datetime.date:
    """Read per test, not at import: a run that crosses midnight (Asia/Shanghai) must not use yesterday."""
    return timezone.localdate()


def enter(staff, **fields):
    values = {"name": "吴小兰", "phone": "13700001111", "home_county": "凯里市", "start_date": today(),
              "route": ArrivalRoute.TRIP, "employer_name": "东莞某电子厂"} | fields  # fmt: skip
    return services.roster_add(by=staff, station=staff.station, **values)


def test_staff_enter_a_worker_on_the_phone_form_and_land_on_their_page(client, station_user):
    client.force_login(station_user)
    assert 'href="/station/roster/"' in client.get("/station/").content.decode()

    response = client.post("/station/roster/new/", {
        "name": "杨文", "phone": "137 0000 8888", "home_county": "丹寨县", "key_groups": ["poverty_relieved"],
        "employer_name": "东莞某服装厂", "start_date": today().isoformat(), "route": "trip",
    }, follow=True)  # fmt: skip

    html = response.content.decode()
    assert response.status_code == 200
    assert "杨文" in html and "13700008888" in html and "脱贫人口" in html and "返岗直通车" in html
    assert "到岗1个月" in html and "登记入册" in html


def test_a_bad_form_says_what_is_wrong_in_chinese_and_keeps_what_was_typed(client, station_user):
    client.force_login(station_user)
    response = client.post("/station/roster/new/", {"name": "杨文", "phone": "12345", "home_county": "丹寨县",
                                                    "start_date": today().isoformat(), "route": "self"})  # fmt: skip
    assert response.status_code == 400
    html = response.content.decode()
    assert "11位" in html and 'value="杨文"' in html


def test_the_roster_shows_the_organised_share_against_the_target_and_whom_to_call(client, station_user):
    enter(station_user, start_date=today() - datetime.timedelta(days=40))
    enter(station_user, name="龙二", phone="13700002222", route=ArrivalRoute.SELF)
    client.force_login(station_user)

    html = client.get("/station/roster/").content.decode()

    assert "吴小兰" in html and "龙二" in html and "137****1111" in html and "13700001111" not in html
    assert "外出务工组织化程度" in html and "50% 1/2人" in html and "目标 70%" in html
    assert "待回访" in html and "到岗1个月" in html


def test_another_stations_staff_see_neither_the_worker_nor_their_page(client, station_user):
    entry = enter(station_user)
    other = StationStaffFactory(station__name="驻杭州劳务协作站")
    client.force_login(other)
    assert "吴小兰" not in client.get("/station/roster/").content.decode()
    assert client.get(f"/station/roster/{entry.pk}/").status_code == 404


def test_staff_record_a_call_that_opens_an_arrears_case_and_hand_a_worker_home(client, station_user):
    entry = enter(station_user, start_date=today() - datetime.timedelta(days=40))
    client.force_login(station_user)

    client.post(f"/station/roster/{entry.pk}/", {"action": "call", "months": 1, "call-still_employed": "yes",
                                                 "call-paid_on_time": "no", "call-problem": "拖了一个月"})  # fmt: skip
    assert WageArrearsCase.objects.get().description == "拖了一个月"

    page = client.post(f"/station/roster/{entry.pk}/", {"action": "hand_over", "handover-to": "home_county",
                                                        "handover-reason": "回家照顾孩子"}, follow=True)  # fmt: skip
    entry.refresh_from_db()
    assert entry.owner == Owner.HOME_COUNTY
    assert "回家照顾孩子" in page.content.decode()


def test_a_worker_answers_the_survey_without_logging_in_once(client, station_user, django_capture_on_commit_callbacks):
    entry = enter(station_user, start_date=today() - datetime.timedelta(days=35))
    noon = timezone.make_aware(datetime.datetime.combine(today(), datetime.time(12)))
    with django_capture_on_commit_callbacks(execute=True):
        services.follow_ups_send_due(noon)
    path = re.search(r"(/survey/[\w-]+/)", sms.outbox[0].text).group(1)

    page = client.get(path).content.decode()
    assert "吴小兰您好" in page and "现在还在这家单位上班吗" in page

    done = client.post(path, {"still_employed": "no", "paid_on_time": "yes", "housing_ok": ""})
    assert "谢谢您" in done.content.decode()
    entry.refresh_from_db()
    assert (entry.status, entry.owner) == (RosterStatus.LEFT, Owner.HOME_COUNTY)

    again = client.get(path)
    assert again.status_code == 404 and "已失效" in again.content.decode()


def test_staff_upload_their_list_and_see_what_was_entered_and_what_to_fix(client, station_user):
    client.force_login(station_user)
    upload = SimpleUploadedFile("名册.csv", "姓名,手机号,户籍县市,到岗日期\n吴小兰,13700001111,凯里市,2026-03-01\n"
                                "杨文,12345,丹寨县,2026-03-02\n".encode())  # fmt: skip

    html = client.post("/station/roster/import/", {"file": upload}).content.decode()

    assert "登记 <strong>1</strong> 人" in html and "<strong>1</strong> 处问题" in html
    assert "<td>3</td><td>手机号</td>" in html
    assert "吴小兰" in client.get("/station/roster/").content.decode()


def test_the_bureau_sees_every_stations_organised_share_and_who_came_home(client, station_user, bureau_user):
    enter(station_user)
    other = StationStaffFactory(station__name="驻杭州劳务协作站")
    left = enter(other, name="龙二", phone="13700002222", home_county="丹寨县", route=ArrivalRoute.SELF)
    services.roster_hand_over(by=other, entry=left, to=Owner.HOME_COUNTY, reason="返乡")
    RosterEntry.objects.filter(pk=left.pk).update(status=RosterStatus.LEFT)
    client.force_login(bureau_user)

    html = client.get("/bureau/").content.decode()

    assert "凯里市" in html and "100% 1/1人" in html and "丹寨县" in html and "0% 0/1人" in html
    assert "按到岗月份" in html and f"{today():%Y-%m}" in html and "50% 1/2人" in html
    listed = client.get("/station/roster/?owner=home_county&status=left").content.decode()
    assert "龙二" in listed and "吴小兰" not in listed


def test_staff_register_a_worker_beside_them_with_the_code_the_worker_reads_out(
    client, station_user, django_capture_on_commit_callbacks
):
    client.force_login(station_user)
    ask = {"action": "send", "purpose": "register", "name": "杨文", "phone": "13700008888", "home_county": "丹寨县"}
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post("/station/proxy/", ask).content.decode()
    assert "已给杨文发验证码" in page
    code = re.search(r"验证码(\d{6})", sms.outbox[-1].text).group(1)
    consent = re.search(r'name="consent" value="(\d+)"', page).group(1)

    done = client.post("/station/proxy/", {"action": "confirm", "consent": consent, "code": code,
                                           "home_county": "丹寨县"}, follow=True).content.decode()  # fmt: skip

    assert "杨文已同意" in done and "本人已同意" in done
    worker = User.objects.get(display_name="杨文")
    assert (worker.profile.current_county, worker.profile.station) == ("丹寨县", station_user.station)

    client.force_login(worker)
    assert "驻东莞劳务协作站" in client.get("/me/proxy/").content.decode()
    client.post("/me/proxy/", {"consent": consent, "action": "withdraw"})
    worker.profile.refresh_from_db()
    assert worker.profile.station is None


def test_staff_fill_in_the_profile_with_the_person_beside_them_after_their_code(
    client, station_user, django_capture_on_commit_callbacks
):
    worker = SeekerFactory(phone="13700006666")
    client.force_login(station_user)
    ask = {"action": "send", "purpose": "assist", "name": "龙秀英", "phone": "13700006666"}
    with django_capture_on_commit_callbacks(execute=True):
        page = client.post("/station/proxy/", ask).content.decode()
    code = re.search(r"验证码(\d{6})", sms.outbox[-1].text).group(1)
    consent = re.search(r'name="consent" value="(\d+)"', page).group(1)

    done = client.post("/station/proxy/", {"action": "confirm", "consent": consent, "code": code})

    assert done["Location"] == f"/station/assist/{consent}/step/1/"
    step = client.get(done["Location"]).content.decode()
    assert "帮我填：正在为龙秀英填写求职档案" in step and "137****6666" in step
    saved = client.post(f"/station/assist/{consent}/step/2/", {"current_county": "凯里市", "go": "exit"})
    assert saved["Location"] == "/station/proxy/"
    worker.profile.refresh_from_db()
    assert (worker.profile.current_county, worker.profile.station) == ("凯里市", station_user.station)
    logged = PersonalDataAccess.objects.filter(actor=station_user, record_id=str(worker.profile.pk))
    assert any("代为修改档案" in row.why for row in logged)  # recorded as assisted, field by field


def test_the_bureaus_service_window_helps_fill_in_too_in_no_stations_name(
    client, bureau_user, django_capture_on_commit_callbacks
):
    worker = SeekerFactory(phone="13700002222")
    client.force_login(bureau_user)
    page = client.get("/bureau/assist/").content.decode()
    assert "帮我填（就业服务窗口）" in page and "代为投递岗位" not in page  # the window only fills in
    with django_capture_on_commit_callbacks(execute=True):
        sent = client.post("/bureau/assist/", {"action": "send", "purpose": "assist", "name": "潘大姐",
                                               "phone": "13700002222"}).content.decode()  # fmt: skip
    assert "人社局就业服务窗口" in sms.outbox[-1].text
    code = re.search(r"验证码(\d{6})", sms.outbox[-1].text).group(1)
    consent = re.search(r'name="consent" value="(\d+)"', sent).group(1)

    done = client.post("/bureau/assist/", {"action": "confirm", "consent": consent, "code": code})
    saved = client.post(f"/station/assist/{consent}/step/2/", {"current_county": "丹寨县", "go": "exit"})

    assert done["Location"] == f"/station/assist/{consent}/step/1/" and saved["Location"] == "/bureau/assist/"
    worker.profile.refresh_from_db()
    assert (worker.profile.current_county, worker.profile.station) == ("丹寨县", None)
    client.force_login(worker)
    assert "人社局就业服务窗口" in client.get("/me/proxy/").content.decode()


def test_help_filling_in_ends_when_the_person_withdraws_or_for_another_staff_member(client, station_user):
    worker = SeekerFactory()
    consent = ProxyConsent.objects.create(station=station_user.station, staff=station_user, name="龙秀英",
                                          phone=worker.phone, purpose="assist", code_digest="-", user=worker,
                                          expires_at=timezone.now(), confirmed_at=timezone.now())  # fmt: skip
    colleague = StationStaffFactory(station=station_user.station)
    client.force_login(colleague)
    assert client.get(f"/station/assist/{consent.pk}/step/1/")["Location"] == "/station/proxy/"

    ProxyConsent.objects.filter(pk=consent.pk).update(withdrawn_at=timezone.now())
    client.force_login(station_user)
    refused = client.get(f"/station/assist/{consent.pk}/step/1/", follow=True).content.decode()

    assert "本人已撤回同意" in refused


def test_a_batch_is_checked_in_at_the_gate_and_by_a_workers_own_scan(client, station_user):
    partner = EmployerFactory(name="东莞某电子厂", station=station_user.station)
    client.force_login(station_user)
    client.post("/station/dispatches/", {"title": "3月第1批", "employer": partner.pk,
                                         "arrives_on": today().isoformat()})  # fmt: skip
    batch = Dispatch.objects.get()
    workers = []
    for name in ("门口签到", "扫码签到"):
        worker = SeekerFactory(profile__name=name, profile__current_county="凯里市")
        WorkerProfile.objects.filter(user=worker).update(station=station_user.station)
        client.post(f"/station/dispatches/{batch.pk}/", {"action": "add", "phone": worker.phone})
        workers.append(worker)
    member = batch.members.get(profile__user=workers[0])
    client.post(f"/station/dispatches/{batch.pk}/", {"action": "check_in", "member": member.pk})
    assert client.get(f"/station/dispatches/{batch.pk}/qr.png").content.startswith(b"\x89PNG")

    client.force_login(workers[1])
    path = f"/dispatch/{check_in_token(batch)}/"
    assert "我到了" in client.get(path).content.decode()
    assert "已签到" in client.post(path).content.decode()
    assert client.get(f"/dispatch/{batch.pk}-forged/").status_code == 404

    client.force_login(station_user)
    page = client.get(f"/station/dispatches/{batch.pk}/").content.decode()
    assert "本人扫码" in page
    assert {e.name for e in station_user.station.roster.all()} == {"门口签到", "扫码签到"}
