"""/api/stations/ and the follow-up survey link: who sees which roster, in what words, and once."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone

from marketplace import sms
from marketplace.enums import Role
from marketplace.models import PersonalDataAccess, User, WorkerProfile
from marketplace.stations import services
from marketplace.stations.enums import Owner
from tests.factories import EmployerFactory, RosterEntryFactory, SeekerFactory, StationStaffFactory, UserFactory
from tests.rest import error_of

pytestmark = pytest.mark.django_db

NEW_WORKER = {"name": "杨文", "phone": "137 0000 8888", "home_county": "丹寨县", "home_township": "龙泉镇",
              "key_groups": ["poverty_relieved"], "employer_name": "余杭某服装厂", "route": "trip",
              "start_date": timezone.localdate().isoformat()}  # fmt: skip


@pytest.fixture
def staff():
    return StationStaffFactory(station__name="驻杭州劳务协作站", station__city="杭州")


@pytest.fixture
def entry(staff):
    return RosterEntryFactory(station=staff.station, name="吴小兰", phone="13700001111")


def test_staff_enter_a_worker_and_see_the_roster_with_phones_masked(make_client, staff):
    client = make_client(staff)
    created = client.post(f"/api/stations/{staff.station.pk}/roster/", NEW_WORKER, format="json")
    assert created.status_code == 201, created.json()
    body = created.json()
    assert (body["route_label"], body["owner_label"], body["key_group_labels"]) == (
        "返岗直通车",
        "驻外协作站",
        ["脱贫人口"],
    )
    assert [f["months"] for f in body["follow_ups"]] == [1, 3, 6]

    roster = client.get(f"/api/stations/{staff.station.pk}/roster/").json()
    assert roster["count"] == 1
    assert roster["results"][0]["phone"] == "137****8888"


def test_the_full_phone_is_shown_to_the_stations_staff_on_one_worker_and_the_reading_is_logged(
    make_client, staff, entry
):
    body = make_client(staff).get(f"/api/stations/{staff.station.pk}/roster/{entry.pk}/").json()
    assert body["phone"] == "13700001111"
    logged = PersonalDataAccess.objects.get(actor=staff)
    assert (logged.action, logged.record, logged.record_id) == ("view", "roster_entry", str(entry.pk))
    assert logged.ip  # from where: the client's address


def test_other_stations_seekers_and_strangers_see_nothing_of_a_roster(make_client, anon, staff, entry):
    other = StationStaffFactory(station__name="驻东莞劳务协作站")
    seeker = SeekerFactory()
    path = f"/api/stations/{staff.station.pk}/roster/{entry.pk}/"

    assert anon.get(path).status_code == 401
    for user in (other, seeker):
        client = make_client(user)
        assert client.get(path).status_code == 404
        assert client.get(f"/api/stations/{staff.station.pk}/roster/").status_code == 404
        assert client.post(f"/api/stations/{staff.station.pk}/roster/", NEW_WORKER, format="json").status_code == 404
    assert [s["name"] for s in make_client(other).get("/api/stations/").json()["results"]] == ["驻东莞劳务协作站"]
    assert make_client(seeker).get("/api/stations/").json()["count"] == 0


def test_bureau_staff_see_every_station_and_can_take_a_worker_home(make_client, staff, entry):
    StationStaffFactory(station__name="驻东莞劳务协作站")
    bureau = make_client(UserFactory(role=Role.BUREAU))
    assert bureau.get("/api/stations/").json()["count"] == 2

    moved = bureau.post(f"/api/stations/{staff.station.pk}/roster/{entry.pk}/hand-over",
                        {"to": "home_county", "reason": "返乡照顾老人"}, format="json")  # fmt: skip
    assert moved.status_code == 200
    assert moved.json()["owner"] == Owner.HOME_COUNTY
    assert moved.json()["handovers"][-1]["reason"] == "返乡照顾老人"


@pytest.mark.parametrize(
    ("change", "field", "message"),
    [
        ({"phone": "abc"}, "phone", "11位"),
        ({"home_county": "火星市"}, "home_county", "不是本州的县市"),
        ({"key_groups": ["bogus"]}, "key_groups.0", ""),
        ({"start_date": "明天"}, "start_date", ""),
        ({"route": "walked"}, "route", ""),
    ],
)
def test_a_bad_worker_is_refused_field_by_field_in_chinese(make_client, staff, change, field, message):
    response = make_client(staff).post(f"/api/stations/{staff.station.pk}/roster/", NEW_WORKER | change, format="json")
    assert response.status_code == 400
    error = error_of(response)
    assert field in error["fields"], error
    assert message in " ".join(error["fields"][field])
    assert re.search(r"[\u4e00-\u9fff]", error["message"])


def test_the_same_worker_twice_is_a_clear_refusal(make_client, staff):
    client = make_client(staff)
    assert client.post(f"/api/stations/{staff.station.pk}/roster/", NEW_WORKER, format="json").status_code == 201
    again = client.post(f"/api/stations/{staff.station.pk}/roster/", NEW_WORKER, format="json")
    assert again.status_code == 400
    assert "已在本站名册中" in error_of(again)["fields"]["phone"][0]


def test_the_survey_link_needs_no_login_shows_little_and_works_once(anon, staff, django_capture_on_commit_callbacks):
    entry = services.roster_add(by=staff, station=staff.station, name="吴小兰", phone="13700001111",
                                home_county="凯里市", employer_name="萧山某食品厂",
                                start_date=timezone.localdate() - datetime.timedelta(days=35))  # fmt: skip
    noon = timezone.make_aware(datetime.datetime.combine(timezone.localdate(), datetime.time(12)))
    with django_capture_on_commit_callbacks(execute=True):
        services.follow_ups_send_due(noon)
    token = re.search(r"/survey/([\w-]+)/", sms.outbox[0].text).group(1)

    shown = anon.get(f"/api/follow-up-surveys/{token}")
    assert shown.status_code == 200
    assert shown.json() == {"name": "吴小兰", "months": 1, "workplace": "萧山某食品厂", "station": entry.station.name}

    answer = {"still_employed": True, "paid_on_time": False, "housing_ok": True, "problem": "上个月工资拖了"}
    assert anon.post(f"/api/follow-up-surveys/{token}", answer, format="json").status_code == 204
    assert anon.post(f"/api/follow-up-surveys/{token}", answer, format="json").status_code == 404
    assert anon.get(f"/api/follow-up-surveys/{token}").status_code == 404
    assert entry.arrears_cases.get().description == "上个月工资拖了"


def test_an_unknown_survey_link_is_a_chinese_404(anon):
    response = anon.get("/api/follow-up-surveys/nothing-here")
    assert response.status_code == 404
    assert "无效或已过期" in error_of(response)["message"]


def test_a_batch_through_the_api_from_creation_to_check_in(make_client, staff):
    partner = EmployerFactory(station=staff.station)
    worker = SeekerFactory(profile__name="杨文", profile__current_county="凯里市")
    WorkerProfile.objects.filter(user=worker).update(station=staff.station)
    client = make_client(staff)
    new = {"title": "3月第1批", "employer": partner.pk, "arrives_on": timezone.localdate().isoformat()}
    batch = client.post(f"/api/stations/{staff.station.pk}/dispatches/", new, format="json")
    assert batch.status_code == 201, batch.json()
    base = f"/api/stations/{staff.station.pk}/dispatches/{batch.json()['id']}/"
    members = client.post(base + "members", {"phone": worker.phone}, format="json").json()["members"]
    assert [(m["name"], m["status_label"], m["phone"][3:7]) for m in members] == [("杨文", "待到岗", "****")]
    arrived = client.post(base + f"members/{members[0]['id']}/check-in").json()["members"]
    assert arrived[0]["status_label"] == "已到岗"
    assert make_client(StationStaffFactory()).get(base).status_code == 404


def test_proxy_through_the_api_needs_the_workers_code_and_the_worker_can_withdraw(
    make_client, staff, django_capture_on_commit_callbacks
):
    client = make_client(staff)
    with django_capture_on_commit_callbacks(execute=True):
        asked = client.post(f"/api/stations/{staff.station.pk}/proxy", {
            "purpose": "register", "name": "杨文", "phone": "13700008888"}, format="json")  # fmt: skip
    assert asked.status_code == 201 and asked.json()["confirmed_at"] is None
    code = re.search(r"验证码(\d{6})", sms.outbox[-1].text).group(1)
    confirm = f"/api/stations/{staff.station.pk}/proxy/{asked.json()['id']}/confirm"
    wrong = client.post(confirm, {"code": "000000" if code != "000000" else "111111"}, format="json")
    assert wrong.status_code == 400 and "验证码不对" in error_of(wrong)["fields"]["code"][0]
    done = client.post(confirm, {"code": code, "home_county": "凯里市"}, format="json")
    assert done.status_code == 200 and done.json()["confirmed_at"]

    worker = make_client(User.objects.get(display_name="杨文"))
    mine = worker.get("/api/me/proxy/").json()["results"]
    assert [(c["station_name"], c["purpose_label"]) for c in mine] == [("驻杭州劳务协作站", "代为注册账号")]
    assert worker.post(f"/api/me/proxy/{mine[0]['id']}/withdraw").json()["withdrawn_at"]
