"""A 招聘会's online part: its organisers link a live room, and the event page leads to it."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from livestream.live.services import room_create
from tests.factories import RecruitmentEventFactory

pytestmark = pytest.mark.django_db


def room_data(event, **extra) -> dict:
    return {"title": "周周招聘线上直播", "stream_url": "https://live.example.cn/kaili/index.m3u8",
            "scheduled_at": event.starts_at, "event": event, **extra}  # fmt: skip


def test_the_organisers_link_a_room_and_the_event_page_shows_the_way_in(client, bureau_user):
    event = RecruitmentEventFactory(online=True)
    page = client.get(f"/events/{event.pk}/").content.decode()
    assert "直播间开播前在此公布" in page

    room = room_create(by=bureau_user, data=room_data(event))
    page = client.get(f"/events/{event.pk}/").content.decode()
    assert f'href="/live/{room.pk}/" class="live-link">进入直播间' in page


def test_nobody_else_links_a_room_to_an_event(station_user, employer_user, station):
    bureau_event = RecruitmentEventFactory(online=True)
    with pytest.raises(ValidationError) as refused:
        room_create(by=station_user, data=room_data(bureau_event))
    assert refused.value.message_dict["event"] == ["只有招聘会的主办方可以把直播关联到该招聘会。"]
    with pytest.raises(ValidationError):
        room_create(by=employer_user, data=room_data(bureau_event))

    own = RecruitmentEventFactory(online=True, station=station)
    assert room_create(by=station_user, data=room_data(own)).event == own


def test_the_room_form_offers_only_the_hosts_upcoming_events(client, station_user, station):
    RecruitmentEventFactory(title="本站返岗专场", station=station)
    RecruitmentEventFactory(title="别人的招聘会")
    RecruitmentEventFactory(title="已结束的", station=station, starts_at=timezone.now() - datetime.timedelta(days=3))
    client.force_login(station_user)
    html = client.get("/live/new/").content.decode()
    assert "本站返岗专场" in html and "别人的招聘会" not in html and "已结束的" not in html
