"""The events API: one error shape in Chinese for every refusal, and nothing changed by one."""

from __future__ import annotations

import pytest
from rest_framework.test import APIClient

from livestream.events.services.tickets import event_sign_up
from livestream.models import Booth, EventRegistration
from tests.factories import RecruitmentEventFactory, SeekerFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def api() -> APIClient:
    return APIClient()


def error(response) -> tuple[int, str, str]:
    body = response.json()["error"]
    return response.status_code, body["code"], body["message"]


def test_sign_up_gives_a_ticket_and_refuses_duplicates_full_and_closed_events(api, seeker, other_seeker):
    event = RecruitmentEventFactory(capacity=1)
    api.force_authenticate(seeker)
    created = api.post(f"/api/events/{event.pk}/sign-up")
    assert created.status_code == 201 and created.json()["qr_payload"].startswith("JYT-TICKET:")

    assert error(api.post(f"/api/events/{event.pk}/sign-up"))[:2] == (409, "duplicate_registration")
    api.force_authenticate(other_seeker)
    status, code, message = error(api.post(f"/api/events/{event.pk}/sign-up"))
    assert (status, code) == (409, "event_full") and "已满" in message
    closed = RecruitmentEventFactory(status="closed")
    assert error(api.post(f"/api/events/{closed.pk}/sign-up"))[:2] == (409, "event_closed")
    assert error(api.post("/api/events/999999/sign-up"))[:2] == (404, "not_found")
    api.force_authenticate(None)
    assert error(api.post(f"/api/events/{event.pk}/sign-up"))[:2] == (401, "not_authenticated")
    assert EventRegistration.objects.count() == 1


def test_check_in_over_the_api_with_forged_twice_and_wrong_roles(api, seeker, bureau_user):
    event = RecruitmentEventFactory(soon=True)
    ticket = event_sign_up(by=seeker, event=event)
    api.force_authenticate(seeker)
    assert error(api.post(f"/api/events/{event.pk}/check-in", {"code": ticket.ticket_code}))[:2] == (
        403, "permission_denied",
    )  # fmt: skip

    api.force_authenticate(bureau_user)
    ok = api.post(f"/api/events/{event.pk}/check-in", {"code": f"JYT-TICKET:{ticket.ticket_code}"}, format="json")
    assert ok.status_code == 200 and ok.json()["already"] is False and "****" in ok.json()["phone"]
    again = api.post(f"/api/events/{event.pk}/check-in", {"code": ticket.ticket_code}, format="json")
    assert again.status_code == 200 and again.json()["already"] is True and "无需重复签到" in again.json()["message"]
    status, code, message = error(api.post(f"/api/events/{event.pk}/check-in", {"code": "ZZZZ-ZZZZ-ZZZZ"}))
    assert (status, code) == (400, "ticket_invalid") and "票码无效" in message
    short = api.post(f"/api/events/{event.pk}/check-in", {"code": "12"})
    assert error(short)[:2] == (400, "ticket_invalid") and "12位" in short.json()["error"]["fields"]["code"][0]
    assert error(api.post(f"/api/events/{event.pk}/check-in", {}))[0] == 400


def test_walk_in_bad_input_names_the_fields(api, bureau_user):
    event = RecruitmentEventFactory(soon=True)
    api.force_authenticate(bureau_user)
    response = api.post(f"/api/events/{event.pk}/walk-in", {"name": "龙阿姨", "phone": "110"}, format="json")
    assert response.status_code == 400 and "phone" in response.json()["error"]["fields"]
    ok = api.post(f"/api/events/{event.pk}/walk-in", {"name": "龙阿姨", "phone": "13900001234"}, format="json")
    assert ok.status_code == 200 and ok.json()["walk_in"] is True


def test_booths_over_the_api_the_employer_cannot_decide_its_own(api, employer_user, posting, bureau_user):
    event = RecruitmentEventFactory()
    api.force_authenticate(employer_user)
    assert error(api.post(f"/api/events/{event.pk}/booths/", {"postings": [999999]}, format="json"))[0] == 400
    created = api.post(f"/api/events/{event.pk}/booths/", {"postings": [posting.pk]}, format="json")
    assert created.status_code == 201 and created.json()["status"] == "pending"
    booth_id = created.json()["id"]
    assert error(api.post(f"/api/booths/{booth_id}/decide", {"approve": True}, format="json"))[0] == 403

    api.force_authenticate(bureau_user)
    rejected = api.post(f"/api/booths/{booth_id}/decide", {"approve": False}, format="json")
    assert rejected.status_code == 400 and "note" in rejected.json()["error"]["fields"]
    assert api.post(f"/api/booths/{booth_id}/decide", {"approve": True}, format="json").json()["status"] == "approved"
    detail = api.get(f"/api/events/{event.pk}/").json()
    assert [j["title"] for j in detail["booths"][0]["jobs"]] == ["食品包装工"] and detail["places_left"] == 100
    assert Booth.objects.get().status == "approved"


def test_cancel_needs_a_reason_and_staff(api, seeker, bureau_user, employer_user):
    event = RecruitmentEventFactory()
    event_sign_up(by=seeker, event=event)
    api.force_authenticate(employer_user)
    assert error(api.post(f"/api/events/{event.pk}/cancel", {"reason": "x"}))[0] == 403
    api.force_authenticate(bureau_user)
    assert error(api.post(f"/api/events/{event.pk}/cancel", {"reason": ""}))[0] == 400
    assert api.post(f"/api/events/{event.pk}/cancel", {"reason": "场地临时征用"}).json()["status"] == "cancelled"
    assert error(api.post(f"/api/events/{event.pk}/cancel", {"reason": "again"}))[:2] == (409, "event_cancelled")
    api.force_authenticate(SeekerFactory())
    assert error(api.post(f"/api/events/{event.pk}/sign-up"))[:2] == (409, "event_cancelled")


def test_outcomes_over_the_api_for_staff_only(api, fair, bureau_user, seeker):
    api.force_authenticate(seeker)
    assert error(api.get(f"/api/events/{fair['event'].pk}/outcomes"))[0] == 403
    api.force_authenticate(bureau_user)
    body = api.get(f"/api/events/{fair['event'].pk}/outcomes").json()
    [event_row] = body["events"]
    assert (event_row["sign_ups"], event_row["check_ins"], event_row["hires"], event_row["key_group_hires"]) == (
        3,
        2,
        2,
        1,
    )
    assert sorted(r["hires"] for r in body["employers"]) == [1, 1]
