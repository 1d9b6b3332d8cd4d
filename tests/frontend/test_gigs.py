"""零工市场 pages: choosing a board, the server-rendered board, posting a gig, and 抢单 without JavaScript."""

from __future__ import annotations

import datetime
import re

import pytest
from django.utils import timezone

from livestream.gigs.enums import GigStatus
from livestream.gigs.models import Gig, GigClaim
from marketplace.enums import KeyGroup, VerificationStatus
from marketplace.models import WorkerProfile
from tests.factories import EmployerFactory, EmployerMemberFactory, GigFactory, SeekerFactory, tomorrow

pytestmark = pytest.mark.django_db

KAILI = "522601"


def gig_form(**extra) -> dict[str, str]:
    data = {
        "title": "酒席帮厨",
        "description": "洗菜切菜，管午饭",
        "county": "凯里市",
        "town": "炉山镇",
        "meeting_point": "炉山镇农贸市场门口",
        "work_date": tomorrow().isoformat(),
        "start_time": "07:30",
        "end_time": "14:00",
        "pay": "120",
        "pay_unit": "day",
        "places": "2",
        "skills": "切菜 洗碗",
        "certificates_required": "",
    }
    return {**data, **extra}


def test_the_board_chooser_lists_the_counties_with_todays_open_gigs_and_the_own_county_first(
    client, employer, employer_user
):
    today = timezone.localdate()
    GigFactory(
        posted_by=employer_user, work_date=today, start_time=datetime.time(23, 58), end_time=datetime.time(23, 59)
    )
    GigFactory(posted_by=employer_user, county="黎平县", work_date=today, end_time=datetime.time(23, 59))
    seeker = SeekerFactory()
    WorkerProfile.objects.filter(user=seeker).update(current_county="黎平县")
    client.force_login(seeker)

    html = client.get("/gigs/").content.decode()

    names = re.findall(r'href="/gigs/(\d+)/"><span>([^<]+)<', html)
    assert len(names) == 16
    assert names[0][1] == "黎平县" and "我的县市" in html
    assert re.search(r"凯里市</span><small class=\"muted\">今天 1 个零工", html)
    assert re.search(r"黎平县<span class=\"badge\">我的县市</span></span><small class=\"muted\">今天 1 个零工", html)
    assert '施秉县</span><small class="muted">今天 0 个零工' in html


def test_the_board_shows_the_countys_gigs_with_places_left_and_the_priority_rule(client, employer, employer_user):
    # The window closes tonight: a moment of today is shown as its time alone.
    until = timezone.localtime().replace(hour=23, minute=59, second=59, microsecond=0)
    GigFactory(
        posted_by=employer_user,
        title="搬运装车",
        town="舟溪镇",
        meeting_point="舟溪镇政府门口",
        pay=150,
        places=5,
        places_left=2,
        priority_groups=[KeyGroup.POVERTY_RELIEVED, KeyGroup.ZERO_EMPLOYMENT_HOUSEHOLD],
        priority_until=until,
    )
    GigFactory(posted_by=employer_user, title="已满的活", places=1, places_left=0, status=GigStatus.FULL)
    GigFactory(posted_by=employer_user, title="取消的活", status=GigStatus.CANCELLED)
    GigFactory(posted_by=employer_user, title="昨天的活", work_date=timezone.localdate() - datetime.timedelta(days=1))
    GigFactory(posted_by=employer_user, title="黎平的活", county="黎平县")

    html = client.get(f"/gigs/{KAILI}/").content.decode()

    assert "凯里市零工市场" in html
    assert "搬运装车" in html and "150 元/天" in html and "明天 08:00–17:00" in html
    assert "凯里市 · 舟溪镇" in html and "集合：舟溪镇政府门口" in html
    assert "还剩 2 个名额" in html
    assert "脱贫人口、零就业家庭优先，23:59 后对所有人开放" in html
    assert "已满的活" in html and "名额已满" in html
    assert "取消的活" not in html and "昨天的活" not in html and "黎平的活" not in html
    # Anonymous visitors are sent to log in; the live script gets the board's number to catch up from.
    assert "登录后抢单" in html and 'data-last-seq="0"' in html


def test_a_priority_rule_that_has_ended_is_not_shown(client, employer, employer_user):
    GigFactory(
        posted_by=employer_user,
        priority_groups=[KeyGroup.POVERTY_RELIEVED],
        priority_until=timezone.now() - datetime.timedelta(minutes=1),
    )

    html = client.get(f"/gigs/{KAILI}/").content.decode()

    assert "对所有人开放" not in html and "还剩 3 个名额" in html


def test_an_unknown_board_is_not_found(client):
    assert client.get("/gigs/999999/").status_code == 404
    assert client.get("/gigs/BAD_AREA/").status_code == 404


def test_an_employer_posts_a_gig_and_lands_on_its_board(client, employer_user):
    client.force_login(employer_user)

    assert "发布零工" in client.get("/gigs/new/").content.decode()
    response = client.post("/gigs/new/", gig_form(priority_groups=["poverty_relieved"], priority_until=""))

    # A priority group without an end time is refused by the service, on its field.
    assert response.status_code == 400
    html = response.content.decode()
    assert "请设置优先报名的截止时间。" in html

    response = client.post("/gigs/new/", gig_form(), follow=True)

    assert response.redirect_chain[-1][0] == f"/gigs/{KAILI}/"
    gig = Gig.objects.get(title="酒席帮厨")
    assert (gig.employer, gig.places_left, gig.skills) == (employer_user.employer, 2, ["切菜", "洗碗"])
    html = response.content.decode()
    assert "“酒席帮厨”已发布到凯里市零工市场。" in html and "还剩 2 个名额" in html


def test_a_station_posts_a_gig(client, station_user):
    client.force_login(station_user)

    response = client.post("/gigs/new/", gig_form(county="黎平县"))

    assert response.status_code == 302
    assert Gig.objects.get(title="酒席帮厨").station == station_user.station


def test_a_refused_post_keeps_what_was_typed_and_shows_the_services_message(client, employer_user):
    client.force_login(employer_user)

    response = client.post("/gigs/new/", gig_form(start_time="15:00", end_time="14:00"))

    assert response.status_code == 400
    html = response.content.decode()
    assert re.search(r'class="field has-error[^"]*">\s*<label for="id_end_time"', html)
    assert "收工时间必须晚于开工时间。" in html
    assert 'value="酒席帮厨"' in html and 'value="炉山镇农贸市场门口"' in html and "洗菜切菜，管午饭" in html
    assert 'value="15:00"' in html and 'value="切菜 洗碗"' in html
    assert not Gig.objects.exists()


def test_an_unverified_employer_is_told_why_and_keeps_the_form(client):
    employer = EmployerFactory(verification=VerificationStatus.PENDING)
    user = EmployerMemberFactory(employer=employer)
    client.force_login(user)

    response = client.post("/gigs/new/", gig_form())

    html = response.content.decode()
    assert response.status_code == 400
    assert re.search(r'class="form-errors" role="alert">.*单位通过认证后才能发布零工。', html, re.S)
    assert 'value="酒席帮厨"' in html
    assert not Gig.objects.exists()


def test_bureau_staff_cannot_open_the_posting_page_and_anonymous_visitors_log_in(client, bureau_user):
    assert client.get("/gigs/new/")["Location"].startswith("/login/")
    client.force_login(bureau_user)

    assert client.get("/gigs/new/").status_code == 403
    assert client.post("/gigs/new/", gig_form()).status_code == 403
    assert not Gig.objects.exists()


def test_the_claim_form_claims_and_a_second_claim_on_the_full_gig_says_full(client, employer, employer_user, seeker):
    gig = GigFactory(posted_by=employer_user, title="茶园采茶", places=1)
    client.force_login(seeker)
    before = client.get(f"/gigs/{KAILI}/").content.decode()
    assert f'action="/gigs/{gig.pk}/claim/"' in before and "抢单" in before

    response = client.post(f"/gigs/{gig.pk}/claim/", follow=True)

    assert response.redirect_chain[0][0] == f"/gigs/{KAILI}/#gig-{gig.pk}"
    html = response.content.decode()
    assert "抢到了“茶园采茶”！" in html and "已抢到" in html and "名额已满" in html
    assert GigClaim.objects.filter(gig=gig, profile__user=seeker).count() == 1

    other = SeekerFactory()
    client.force_login(other)
    html = client.post(f"/gigs/{gig.pk}/claim/", follow=True).content.decode()

    assert "名额已满" in html and "下次早点来抢" in html
    gig.refresh_from_db()
    assert (gig.places_left, gig.status) == (0, GigStatus.FULL)


def test_the_claim_form_shows_the_priority_refusal(client, employer, employer_user, seeker):
    gig = GigFactory(
        posted_by=employer_user,
        priority_groups=[KeyGroup.POVERTY_RELIEVED],
        priority_until=timezone.now() + datetime.timedelta(hours=1),
    )
    client.force_login(seeker)

    html = client.post(f"/gigs/{gig.pk}/claim/", follow=True).content.decode()

    assert "仅限脱贫人口报名" in html
    assert not GigClaim.objects.exists()


def test_claiming_needs_a_seeker_account(client, employer, employer_user):
    gig = GigFactory(posted_by=employer_user)

    assert client.post(f"/gigs/{gig.pk}/claim/")["Location"].startswith("/login/?next=/gigs/522601/")
    client.force_login(employer_user)
    assert client.post(f"/gigs/{gig.pk}/claim/").status_code == 403
    assert client.get(f"/gigs/{gig.pk}/claim/").status_code == 405


def test_the_top_bar_and_home_page_link_to_the_gig_market(client):
    html = client.get("/").content.decode()

    assert html.count('href="/gigs/"') == 2


def test_a_nearby_first_gig_is_posted_from_the_form_and_its_card_states_the_rule(client, employer, employer_user):
    client.force_login(employer_user)
    # A moment of another day than today is shown with its date.
    until = "2099-03-05T08:30"
    answer = client.post(
        "/gigs/new/",
        gig_form(priority_radius_km="5", priority_until=until),
        follow=True,
    )
    gig = Gig.objects.get()
    assert gig.priority_radius_km == 5
    assert "附近5公里内的人优先，3月5日 08:30 后对所有人开放" in answer.content.decode()


def _titles_in_order(html: str) -> list[str]:
    return re.findall(r'<h3 class="job-title"><a [^>]*>([^<]+)</a></h3>', html)


def test_nearest_first_sorts_by_distance_from_the_phones_position_and_says_how_far(client, employer, employer_user):
    GigFactory(posted_by=employer_user, title="远的早活", lat=26.70, lon=108.05, start_time=datetime.time(6, 0))
    GigFactory(posted_by=employer_user, title="近的晚活", lat=26.49, lon=108.05, start_time=datetime.time(14, 0))
    GigFactory(posted_by=employer_user, title="没位置的", start_time=datetime.time(7, 0))

    by_time = client.get(f"/gigs/{KAILI}/").content.decode()
    assert _titles_in_order(by_time) == ["远的早活", "没位置的", "近的晚活"]

    near = client.get(f"/gigs/{KAILI}/?sort=near&lat=26.48&lon=108.05").content.decode()
    assert _titles_in_order(near) == ["近的晚活", "远的早活", "没位置的"]
    assert "距你1.1公里" in near and "距你24.5公里" in near
    assert 'data-sort-mode="near"' in near


def test_nearest_first_uses_the_workers_available_today_position_or_asks_for_one(client, employer, employer_user):
    from livestream.gigs.services.availability import availability_set

    GigFactory(posted_by=employer_user, title="远的早活", lat=26.70, lon=108.05, start_time=datetime.time(6, 0))
    GigFactory(posted_by=employer_user, title="近的晚活", lat=26.49, lon=108.05, start_time=datetime.time(14, 0))
    worker = SeekerFactory()
    WorkerProfile.objects.get_or_create(user=worker, defaults={"name": "杨阿妹"})
    client.force_login(worker)

    unknown = client.get(f"/gigs/{KAILI}/?sort=near").content.decode()
    assert "还不知道你在哪里" in unknown and _titles_in_order(unknown) == ["远的早活", "近的晚活"]

    availability_set(by=worker, county="凯里市", lat=26.48, lon=108.05)
    known = client.get(f"/gigs/{KAILI}/?sort=near").content.decode()
    assert _titles_in_order(known) == ["近的晚活", "远的早活"] and "还不知道你在哪里" not in known


def test_a_verified_individual_posts_from_the_form_and_an_unverified_one_is_told_how(client, seeker):
    client.force_login(seeker)
    page = client.get("/gigs/new/").content.decode()
    assert "需先实名核验" in page
    refused = client.post("/gigs/new/", gig_form(title="搬家要两个人"))
    assert refused.status_code == 400 and not Gig.objects.exists()

    WorkerProfile.objects.filter(user=seeker).update(
        name="杨阿妹", gender="female", identity_verified_at=timezone.now()
    )
    answer = client.post("/gigs/new/", gig_form(title="搬家要两个人"), follow=True)
    html = answer.content.decode()
    assert "“搬家要两个人”已发布到凯里市零工市场" in html and "杨女士（个人）" in html
    assert Gig.objects.get().posted_by == seeker


def test_an_individual_manages_their_own_gig_from_my_gigs(client, seeker):
    verified = {"name": "杨阿妹", "gender": "female", "identity_verified_at": timezone.now()}
    WorkerProfile.objects.filter(user=seeker).update(**verified)
    client.force_login(seeker)
    client.post("/gigs/new/", gig_form(title="搬家要两个人"))
    gig = Gig.objects.get()

    assert "我发布的零工" in client.get("/me/gigs/").content.decode()
    assert "搬家要两个人" in client.get("/gigs/manage/").content.decode()
    assert client.get(f"/gigs/manage/{gig.pk}/").status_code == 200
