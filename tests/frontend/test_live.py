"""直播送岗 pages: the room list, opening a room, viewer and host pages, 一键报名 without JavaScript,
the timeline after the stream and the bureau's comparison of streams."""

from __future__ import annotations

import datetime
import re
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders
from django.utils import timezone

from livestream.live.enums import RoomStatus
from livestream.live.services import card_pin, card_push, room_create, room_end, room_start
from livestream.models import LiveApplication, LiveRoom
from marketplace.applications.services import application_advance
from marketplace.enums import ApplicationStatus, KeyGroup, Role
from marketplace.models import Application, GroupTag
from tests.factories import JobPostingFactory, UserFactory

pytestmark = pytest.mark.django_db

URL = "https://pull.example.cn/live/kaili.m3u8"


def open_room(host, *, title="黔味食品直播招聘", start=True, url=URL) -> LiveRoom:
    room = room_create(by=host, data={"title": title, "stream_url": url, "scheduled_at": timezone.now()})
    return room_start(by=host, room=room) if start else room


def test_the_room_list_groups_live_upcoming_and_past_streams(client, employer_user):
    open_room(employer_user, title="正在播的专场")
    open_room(employer_user, title="下周的专场", start=False)
    room_end(by=employer_user, room=open_room(employer_user, title="上周的专场"))

    page = client.get("/live/").content.decode()

    assert page.index("正在直播") < page.index("正在播的专场") < page.index("直播预告") < page.index("下周的专场")
    assert page.index("往期直播") < page.index("上周的专场")
    assert "创建直播间" not in page  # anonymous visitors watch, they do not host


def test_an_employer_opens_a_room_and_lands_on_its_control_panel(client, employer_user):
    client.force_login(employer_user)
    response = client.post(
        "/live/new/", {"title": "黔味食品招聘直播", "stream_url": URL, "scheduled_at": "2026-12-03T19:30"}
    )
    room = LiveRoom.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/live/{room.pk}/host/"
    assert (room.host, room.employer_id, room.status) == (employer_user, employer_user.employer_id, "scheduled")


def test_a_stream_address_that_cannot_be_played_is_refused_on_the_form(client, employer_user):
    client.force_login(employer_user)
    form = {"title": "试播", "stream_url": "rtmp://push.example.cn/live/x", "scheduled_at": "2026-12-03T19:30"}
    response = client.post("/live/new/", form)
    assert response.status_code == 400
    assert "直播地址须以 http:// 或 https:// 开头。" in response.content.decode()
    assert 'value="rtmp://push.example.cn/live/x"' in response.content.decode()  # nothing typed is lost
    assert LiveRoom.objects.count() == 0


def test_a_seeker_cannot_open_a_room(client, seeker):
    client.force_login(seeker)
    assert client.get("/live/new/").status_code == 403


def test_the_viewer_page_shows_the_stream_the_card_the_pinned_job_and_one_tap_apply(client, employer_user, seeker):
    room = open_room(employer_user)
    first = card_push(
        by=employer_user, room=room, posting=JobPostingFactory(employer=employer_user.employer, title="叉车司机")
    )
    card_pin(by=employer_user, room=room, card=first)
    current = card_push(
        by=employer_user, room=room, posting=JobPostingFactory(employer=employer_user.employer, title="食品包装工")
    )

    anonymous = client.get(f"/live/{room.pk}/").content.decode()
    assert f'data-src="{URL}"' in anonymous and 'data-kind="hls"' in anonymous
    assert "/static/frontend/vendor/hls.js/hls.min.js" in anonymous
    assert "cdn" not in anonymous.lower()
    assert anonymous.index("食品包装工") < anonymous.index("置顶岗位") < anonymous.index("叉车司机")
    assert "登录后报名" in anonymous and "一键报名" not in anonymous

    client.force_login(seeker)
    page = client.get(f"/live/{room.pk}/").content.decode()
    assert f'action="/live/{room.pk}/cards/{current.pk}/apply/"' in page
    assert page.count("一键报名") == 2


def test_one_tap_apply_without_javascript_then_already_applied(client, employer_user, seeker):
    room = open_room(employer_user)
    card = card_push(
        by=employer_user, room=room, posting=JobPostingFactory(employer=employer_user.employer, title="食品包装工")
    )
    client.force_login(seeker)

    response = client.post(f"/live/{room.pk}/cards/{card.pk}/apply/", follow=True)
    assert "已报名“食品包装工”，企业会尽快与你联系。" in response.content.decode()
    application = Application.objects.get()
    assert (application.source, LiveApplication.objects.get().card) == ("live", card)
    assert '<span class="btn small done" data-applied>已报名</span>' in response.content.decode()

    again = client.post(f"/live/{room.pk}/cards/{card.pk}/apply/", follow=True)
    assert "你已报名“食品包装工”。" in again.content.decode()
    assert Application.objects.count() == 1


def test_a_seeker_without_a_profile_is_sent_to_the_profile_form(client, employer_user):
    room = open_room(employer_user)
    card = card_push(by=employer_user, room=room, posting=JobPostingFactory(employer=employer_user.employer))
    newcomer = UserFactory(role=Role.SEEKER)  # no profile yet
    client.force_login(newcomer)
    response = client.post(f"/live/{room.pk}/cards/{card.pk}/apply/")
    assert (response.status_code, response["Location"]) == (302, "/me/profile/")
    assert Application.objects.count() == 0


def test_applying_after_the_stream_ended_is_refused_clearly(client, employer_user, seeker):
    room = open_room(employer_user)
    card = card_push(by=employer_user, room=room, posting=JobPostingFactory(employer=employer_user.employer))
    room_end(by=employer_user, room=room)
    client.force_login(seeker)
    response = client.post(f"/live/{room.pk}/cards/{card.pk}/apply/", follow=True)
    assert "直播已结束，可在岗位详情页投递。" in response.content.decode()
    assert Application.objects.count() == 0


def test_only_the_host_opens_the_control_panel(client, employer_user, station_user):
    room = open_room(employer_user, start=False)
    JobPostingFactory(employer=employer_user.employer, title="仓管员")
    JobPostingFactory(title="别家的岗位")
    assert client.get(f"/live/{room.pk}/host/").status_code == 302
    client.force_login(station_user)
    assert client.get(f"/live/{room.pk}/host/").status_code == 403

    client.force_login(employer_user)
    page = client.get(f"/live/{room.pk}/host/").content.decode()
    assert "开始直播" in page and "仓管员" in page
    assert "别家的岗位" not in page  # an employer pushes only its own jobs


def test_the_timeline_lists_cards_in_order_and_names_applicants_only_to_those_who_may_see_them(
    client, employer_user, seeker
):
    from livestream.live.services import live_apply

    room = open_room(employer_user)
    card = card_push(
        by=employer_user, room=room, posting=JobPostingFactory(employer=employer_user.employer, title="食品包装工")
    )
    card_push(by=employer_user, room=room, posting=JobPostingFactory(employer=employer_user.employer, title="叉车司机"))
    live_apply(by=seeker, card=card)
    room_end(by=employer_user, room=room)

    public = client.get(f"/live/{room.pk}/timeline/").content.decode()
    assert public.index("#1") < public.index("食品包装工") < public.index("#2") < public.index("叉车司机")
    assert "1 人报名" in public and "0 人报名" in public
    assert "杨师傅" not in public

    client.force_login(employer_user)
    assert "杨师傅" in client.get(f"/live/{room.pk}/timeline/").content.decode()


def test_the_bureau_compares_streams_with_inline_svg_charts(client, employer_user, bureau_user, seeker):
    from livestream.live.services import live_apply

    room = open_room(employer_user, title="凯里专场")
    card = card_push(by=employer_user, room=room, posting=JobPostingFactory(employer=employer_user.employer))
    GroupTag.objects.create(profile=seeker.profile, group=KeyGroup.RELOCATED, confirmed_at=timezone.now())
    application = live_apply(by=seeker, card=card).application
    for step in (ApplicationStatus.INTERVIEW, ApplicationStatus.OFFERED, ApplicationStatus.HIRED):
        application_advance(by=employer_user, application=application, to=step)
    open_room(employer_user, title="还没开播", start=False)

    client.force_login(employer_user)
    assert client.get("/bureau/live/").status_code == 403
    client.force_login(bureau_user)
    page = client.get("/bureau/live/").content.decode()

    assert page.count('class="chart"') == 2 and 'aria-label="各场直播的报名、面试与入职"' in page
    assert all(src.startswith("/static/") for src in re.findall(r'<script src="([^"]+)"', page))  # no CDN
    row = re.search(rf'<tr data-room="{room.pk}">(.*?)</tr>', page, re.S).group(1)
    cells = re.findall(r"<td>(.*?)</td>", row, re.S)
    assert cells[3:6] == ["1", "1", "1"]  # applications, interviews, hires
    assert "易地搬迁人口 1" in row
    assert "还没开播" not in page


def test_chart_labels_are_escaped(client, employer_user, bureau_user):
    open_room(employer_user, title="<script>alert(1)</script>")
    client.force_login(bureau_user)
    page = client.get("/bureau/live/").content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page


def test_the_players_are_vendored_with_their_licences():
    for name in ("hls.js/hls.min.js", "flv.js/flv.min.js", "hls.js/LICENSE", "flv.js/LICENSE"):
        path = finders.find(f"frontend/vendor/{name}")
        assert path, name
    assert "Apache License" in Path(finders.find("frontend/vendor/flv.js/LICENSE")).read_text(encoding="utf-8")


def test_an_ended_room_page_points_to_its_timeline(client, employer_user):
    room = room_end(by=employer_user, room=open_room(employer_user))
    page = client.get(f"/live/{room.pk}/").content.decode()
    assert f'href="/live/{room.pk}/timeline/"' in page and "直播已结束" in page
    assert room.status == RoomStatus.ENDED


def test_the_host_finds_a_job_by_typing_the_events_booth_jobs_first(client, station_user):
    from livestream.events.enums import BoothStatus
    from livestream.models import Booth
    from tests.factories import RecruitmentEventFactory

    event = RecruitmentEventFactory()
    room = open_room(station_user, start=False)
    LiveRoom.objects.filter(pk=room.pk).update(event=event)
    newer = JobPostingFactory(title="电子厂普工（白班）")
    at_booth = JobPostingFactory(title="电子厂普工（长白班）")
    at_booth.published_at = newer.published_at - datetime.timedelta(days=3)
    at_booth.save()
    booth = Booth.objects.create(event=event, employer=at_booth.employer, status=BoothStatus.APPROVED)
    booth.postings.add(at_booth)
    JobPostingFactory(title="酒店保洁员")
    client.force_login(station_user)

    found = client.get(f"/live/{room.pk}/host/postings", {"q": "普工"}).json()["postings"]

    assert [p["title"] for p in found] == ["电子厂普工（长白班）", "电子厂普工（白班）"]
    assert client.get(f"/live/{room.pk}/host/postings", {"q": "厨师 夜班"}).json()["postings"] == []


def test_nobody_but_the_host_searches_the_jobs_to_push(client, employer_user, seeker):
    room = open_room(employer_user, start=False)

    client.force_login(seeker)

    assert client.get(f"/live/{room.pk}/host/postings", {"q": "普工"}).status_code == 403
