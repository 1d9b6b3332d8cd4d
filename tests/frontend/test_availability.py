"""今天可接活 and 我的通知 pages: a worker says they are free, and reads what they were told."""

from __future__ import annotations

import pytest
from django.utils import timezone

from livestream.gigs.models import WorkerAvailability
from marketplace.models import Notification, WorkerProfile
from marketplace.notifications.services import notify

pytestmark = pytest.mark.django_db


@pytest.fixture
def worker(seeker):
    WorkerProfile.objects.filter(user=seeker).update(name="杨阿妹", current_county="凯里市", current_town="舟溪镇")
    return seeker


def test_a_worker_marks_today_available_from_the_page_and_sees_it(client, worker, occupations):
    client.force_login(worker)
    page = client.get("/gigs/available/")
    assert page.status_code == 200
    assert 'value="凯里市" selected' in page.content.decode() and "我今天可接活" in page.content.decode()

    family = occupations["电焊工"].family
    answer = client.post(
        "/gigs/available/",
        {
            "day": "today",
            "county": "凯里市",
            "town": "舟溪镇",
            "families": [family.pk],
            "lat": "26.48970",
            "lon": "108.04520",
            "note": "有摩托车",
        },
        follow=True,
    )
    html = " ".join(answer.content.decode().split())
    assert "已标记今天可接活。凯里市有合适的零工时会通知你。" in html
    assert "今天可接活</strong> · 凯里市 舟溪镇 · 建筑施工" in html and "已用手机定位" in html
    row = WorkerAvailability.objects.get(profile__user=worker)
    assert (row.day, row.lat, row.note) == (timezone.localdate(), 26.4897, "有摩托车")

    stopped = client.post("/gigs/available/stop/", {"day": row.day.isoformat()}, follow=True)
    assert "已取消可接活" in stopped.content.decode()
    assert not WorkerAvailability.objects.exists()


def test_a_bad_position_is_refused_and_the_rest_of_the_form_is_kept(client, worker):
    client.force_login(worker)
    answer = client.post("/gigs/available/", {"day": "today", "county": "凯里市", "town": "湾水镇", "lat": "北纬"})
    assert answer.status_code == 400
    html = answer.content.decode()
    assert "位置坐标不正确" in html and 'value="湾水镇"' in html
    assert not WorkerAvailability.objects.exists()


def test_employers_do_not_get_the_availability_page(client, employer_user):
    client.force_login(employer_user)
    assert client.get("/gigs/available/").status_code == 403


def test_the_bell_counts_unread_notices_and_the_list_reads_them(client, worker):
    for n in range(2):
        notify(user=worker, kind="gig_nearby", title=f"附近有零工{n}", body="还剩2个名额", url="/gigs/522601/")
    client.force_login(worker)
    home = client.get("/").content.decode()
    assert 'aria-label="消息，2条未读"' in home

    listing = client.get("/me/notifications/").content.decode()
    assert "附近有零工0" in listing and "附近有零工1" in listing and 'href="/gigs/522601/"' in listing
    assert listing.count('aria-label="未读"') == 2
    assert not Notification.objects.filter(user=worker, read_at__isnull=True).exists()
    assert 'aria-label="消息"' in client.get("/").content.decode()


def test_visitors_are_sent_to_sign_in_for_notices(client):
    answer = client.get("/me/notifications/")
    assert answer.status_code == 302 and "/login" in answer["Location"]
