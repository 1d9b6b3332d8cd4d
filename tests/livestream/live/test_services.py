"""直播送岗 services and reads: opening rooms, the room's life, applying, and the funnel the bureau reads."""

from __future__ import annotations

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from livestream.live.enums import RoomStatus
from livestream.live.selectors import room_funnel, room_timeline
from livestream.live.services import (
    card_pin,
    card_push,
    chat_post,
    live_apply,
    presence_join,
    presence_leave,
    room_create,
    room_end,
    room_start,
    viewer_count,
    viewer_count_and_peak,
)
from livestream.models import LiveApplication, LivePresence, LiveRoom
from marketplace.applications.services import application_advance
from marketplace.enums import ApplicationStatus, KeyGroup, PostingStatus, Role
from marketplace.models import GroupTag
from tests.factories import (
    EmployerFactory,
    EmployerMemberFactory,
    JobPostingFactory,
    SeekerFactory,
    StationStaffFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

URL = "https://pull.example.cn/live/kaili.m3u8"


def room_data(**extra) -> dict:
    return {"title": "凯里经开区直播带岗", "stream_url": URL, "scheduled_at": timezone.now(), **extra}


@pytest.fixture
def host():
    return EmployerMemberFactory(employer__name="凯里市黔味食品有限公司", display_name="王经理")


@pytest.fixture
def posting(host):
    return JobPostingFactory(employer=host.employer, title="食品包装工")


@pytest.fixture
def seeker():
    return SeekerFactory(display_name="杨师傅")


@pytest.fixture
def bureau_user():
    return UserFactory(role=Role.BUREAU, display_name="人社局小李")


@pytest.fixture
def station_user():
    return StationStaffFactory(station__name="驻东莞劳务协作站", station__city="东莞市")


@pytest.fixture
def live_room(host):
    return room_start(by=host, room=room_create(by=host, data=room_data()))


@pytest.mark.parametrize(
    "url",
    ["https://a.cn/x.m3u8", "http://a.cn/live/x.flv", "https://a.cn/x.m3u8?auth_key=1-0-0-abc", "HTTPS://A.CN/X.M3U8"],
)
def test_hls_and_flv_addresses_are_accepted(host, url):
    assert room_create(by=host, data=room_data(stream_url=url)).stream_url == url


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("rtmp://a.cn/live/x", "stream_url_scheme"),
        ("javascript:alert(1)//.m3u8", "stream_url_scheme"),
        ("https://a.cn/video.mp4", "stream_url_format"),
        ("https://a.cn/", "stream_url_format"),
        ("ftp://a.cn/x.m3u8", "stream_url_scheme"),
    ],
)
def test_other_addresses_are_refused_in_chinese_and_nothing_is_saved(host, url, code):
    with pytest.raises(ValidationError) as caught:
        room_create(by=host, data=room_data(stream_url=url))
    assert caught.value.error_dict["stream_url"][0].code == code
    assert "直播地址须" in " ".join(caught.value.messages)
    assert LiveRoom.objects.count() == 0


def test_an_employers_room_is_its_own_and_a_seeker_cannot_open_one(host, seeker):
    other = EmployerFactory()
    room = room_create(by=host, data=room_data(employer=other))
    assert room.employer_id == host.employer_id
    with pytest.raises(PermissionDenied):
        room_create(by=seeker, data=room_data())


def test_staff_push_any_published_job_but_an_employer_only_its_own(bureau_user, host, posting):
    other_posting = JobPostingFactory(title="叉车司机")
    staff_room = room_start(by=bureau_user, room=room_create(by=bureau_user, data=room_data()))
    assert card_push(by=bureau_user, room=staff_room, posting=other_posting).position == 1
    assert card_push(by=bureau_user, room=staff_room, posting=posting).position == 2

    own_room = room_start(by=host, room=room_create(by=host, data=room_data()))
    with pytest.raises(ValidationError) as caught:
        card_push(by=host, room=own_room, posting=other_posting)
    assert caught.value.code == "posting_not_yours"


def test_a_room_goes_scheduled_live_ended_and_never_back(host, posting):
    room = room_create(by=host, data=room_data())
    with pytest.raises(ValidationError) as caught:
        card_push(by=host, room=room, posting=posting)
    assert caught.value.code == "room_not_live"
    room = room_start(by=host, room=room)
    card = card_push(by=host, room=room, posting=posting)
    card_pin(by=host, room=room, card=card)
    room = room_end(by=host, room=room)
    assert (room.status, room.current_card, room.pinned_card) == (RoomStatus.ENDED, None, None)
    card.refresh_from_db()
    assert card.hidden_at is not None
    with pytest.raises(ValidationError, match="不能再次开播"):
        room_start(by=host, room=room)


def test_only_the_rooms_host_runs_it(live_room, posting, station_user):
    with pytest.raises(PermissionDenied, match="只有本直播间的主播"):
        card_push(by=station_user, room=live_room, posting=posting)
    with pytest.raises(PermissionDenied):
        room_end(by=station_user, room=live_room)
    live_room.refresh_from_db()
    assert live_room.status == RoomStatus.LIVE


def test_a_card_taken_down_from_the_job_board_cannot_be_applied_to(live_room, host, posting, seeker):
    card = card_push(by=host, room=live_room, posting=posting)
    posting.status = PostingStatus.CLOSED
    posting.save()
    with pytest.raises(ValidationError) as caught:
        live_apply(by=seeker, card=card)
    assert caught.value.code == "posting_not_open"
    assert LiveApplication.objects.count() == 0


def test_someone_who_applied_on_the_web_first_gets_already_applied_and_the_stream_gets_no_credit(
    live_room, host, posting, seeker
):
    from marketplace.applications.services import application_submit

    application_submit(by=seeker, posting=posting)
    result = live_apply(by=seeker, card=card_push(by=host, room=live_room, posting=posting))
    assert result.already is True
    assert LiveApplication.objects.count() == 0


def test_the_host_may_chat_while_muted_people_may_not(live_room, host, seeker):
    from livestream.live.services import user_mute

    message = chat_post(by=seeker, room=live_room, text="你好")
    user_mute(by=host, room=live_room, user=seeker, minutes=5)
    with pytest.raises(ValidationError, match="还剩 5 分钟"):
        chat_post(by=seeker, room=live_room, text="还在吗")
    assert chat_post(by=host, room=live_room, text="欢迎大家").from_host is True
    with pytest.raises(ValidationError) as caught:
        user_mute(by=host, room=live_room, user=host, minutes=5)
    assert caught.value.code == "mute_host"
    assert message.author_name == "杨师傅"


def test_presence_counts_open_fresh_connections_and_the_peak_only_rises(live_room):
    for i in range(3):
        presence_join(room_id=live_room.pk, channel_name=f"c{i}", viewer_key=f"a{i % 2}", is_host=False)
    presence_join(room_id=live_room.pk, channel_name="h", viewer_key="uhost", is_host=True)
    assert viewer_count_and_peak(live_room.pk) == 3
    presence_leave(channel_name="c0")
    # A connection whose process stopped refreshing it no longer counts.
    LivePresence.objects.filter(channel_name="c1").update(seen_at=timezone.now() - datetime.timedelta(minutes=5))
    assert viewer_count_and_peak(live_room.pk) == 1
    live_room.refresh_from_db()
    assert live_room.viewers_peak == 3
    (row,) = room_funnel([live_room])
    assert row.viewers_unique == 2


def make_seeker_with_groups(*groups: str):
    user = SeekerFactory(display_name="潘阿妹")
    for group in groups:
        GroupTag.objects.create(profile=user.profile, group=group, confirmed_at=timezone.now())
    return user


def test_the_funnel_follows_applications_from_each_card_to_interview_and_hire(live_room, host, posting):
    second = JobPostingFactory(employer=host.employer, title="仓管员")
    first_card = card_push(by=host, room=live_room, posting=posting)
    a = live_apply(by=make_seeker_with_groups(KeyGroup.POVERTY_RELIEVED), card=first_card).application
    b = live_apply(by=make_seeker_with_groups(), card=first_card).application
    second_card = card_push(by=host, room=live_room, posting=second)
    c = live_apply(by=make_seeker_with_groups(), card=second_card).application
    room_end(by=host, room=live_room)
    # a: interview → offered → hired (a key-group hire); b: interview, then rejected; c: untouched.
    for step in (ApplicationStatus.INTERVIEW, ApplicationStatus.OFFERED, ApplicationStatus.HIRED):
        application_advance(by=host, application=a, to=step)
    application_advance(by=host, application=b, to=ApplicationStatus.INTERVIEW)
    application_advance(by=host, application=b, to=ApplicationStatus.REJECTED)
    # A web application to the same job is not the stream's.
    other = make_seeker_with_groups(KeyGroup.GRADUATE)
    from marketplace.applications.services import application_submit

    web = application_submit(by=other, posting=posting)
    for step in (ApplicationStatus.OFFERED, ApplicationStatus.HIRED):
        application_advance(by=host, application=web, to=step)

    (row,) = room_funnel([LiveRoom.objects.get(pk=live_room.pk)])
    assert (row.applications, row.interviews, row.hires, row.key_group_hires) == (3, 2, 1, 1)
    assert row.key_groups == {"脱贫人口": 1}
    assert c.source == "live"

    timeline = room_timeline(live_room)
    assert [(e.card.position, e.card.posting.title, e.applications) for e in timeline] == [
        (1, "食品包装工", 2),
        (2, "仓管员", 1),
    ]
    assert timeline[0].by_status == {"已入职": 1, "不合适": 1}
    assert timeline[0].seconds_on_screen is not None and timeline[1].seconds_on_screen is not None


def test_viewer_count_ignores_other_rooms(live_room, host):
    other = room_start(by=host, room=room_create(by=host, data=room_data()))
    presence_join(room_id=other.pk, channel_name="x", viewer_key="a1", is_host=False)
    assert (viewer_count(live_room.pk), viewer_count(other.pk)) == (0, 1)


def test_the_demo_seed_has_an_ended_stream_with_a_timeline_and_hires_and_a_scheduled_one():
    from django.core.management import call_command

    call_command("seed_demo", verbosity=0, employers=5, postings=30, profiles=60)
    ended = LiveRoom.objects.get(status=RoomStatus.ENDED)
    assert LiveRoom.objects.filter(status=RoomStatus.SCHEDULED).count() == 1
    timeline = room_timeline(ended)
    assert [e.applications for e in timeline] == [8, 5, 3]
    assert ended.messages.count() == 5
    (row,) = room_funnel([ended])
    assert (row.viewers_peak, row.viewers_unique, row.applications, row.interviews, row.hires) == (137, 214, 16, 5, 2)
    assert row.key_group_hires >= 1
    assert ended.started_at < timezone.now() - datetime.timedelta(days=2)

    call_command("seed_demo", verbosity=0, employers=5, postings=30, profiles=60, reset=True)
    assert LiveRoom.objects.count() == 2  # the reset removed the first run's rooms with their hosts
