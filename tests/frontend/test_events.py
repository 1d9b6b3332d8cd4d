"""招聘会 pages for each role: the list, an event page, sign-up and ticket, the door, booths, outcomes."""

from __future__ import annotations

import csv
import datetime
import io
import re

import pytest
import zxingcpp
from django.utils import timezone
from PIL import Image

from livestream.events.services.booths import booth_decide, booth_register
from livestream.events.services.tickets import QR_PREFIX, event_sign_up
from livestream.models import Booth, EventRegistration, RecruitmentEvent
from marketplace.enums import Role
from marketplace.models import Application
from tests.factories import JobPostingFactory, RecruitmentEventFactory, SeekerFactory
from tests.livestream.events.conftest import fair  # noqa: F401 - the fixture

pytestmark = pytest.mark.django_db


def approved_booth(event, employer_user, bureau_user, *postings) -> Booth:
    booth = booth_register(by=employer_user, event=event, postings=list(postings))
    return booth_decide(by=bureau_user, booth=booth, approve=True)


def test_everyone_sees_the_list_and_the_event_page_with_its_booths(client, users, posting, employer_user, bureau_user):
    event = RecruitmentEventFactory(
        title="脱贫劳动力专场", kind="special", target_groups=["poverty_relieved"], online=True
    )
    approved_booth(event, employer_user, bureau_user, posting)
    cancelled = RecruitmentEventFactory(title="停办的招聘会", status="cancelled", cancel_reason="暴雨")

    for user in [None, *users.values()]:
        client.logout()
        if user:
            client.force_login(user)
        listing = client.get("/events/").content.decode()
        assert "脱贫劳动力专场" in listing and "停办的招聘会" in listing and "已取消" in listing
        page = client.get(f"/events/{event.pk}/")
        html = page.content.decode()
        assert page.status_code == 200 and "面向脱贫人口" in html
        assert "凯里市黔味食品有限公司" in html and "食品包装工" in html
        assert "直播间开播前在此公布" in html  # the spot a linked 直播间 fills
        assert ("扫码签到" in html) == (user is not None and user.role == Role.BUREAU)
        assert ('本单位展位：<span class="status">已通过' in html) == (user is not None and user.role == Role.EMPLOYER)
    assert "暴雨" in client.get(f"/events/{cancelled.pk}/").content.decode()


def test_the_event_page_searches_its_jobs_and_recommends_to_the_seeker(client, seeker, employer, employer_user,
                                                                       bureau_user, occupations):  # fmt: skip
    event = RecruitmentEventFactory()
    welder = JobPostingFactory(employer=employer, title="电焊工", occupation=occupations["电焊工"])
    approved_booth(event, employer_user, bureau_user, welder, JobPostingFactory(employer=employer, title="食品包装工"))
    seeker.profile.wanted_occupations.add(occupations["电焊工"])
    client.force_login(seeker)

    html = client.get(f"/events/{event.pk}/").content.decode()
    assert "为你推荐" in html and re.search(
        r'为你推荐</h2>\s*<ul class="links">\s*<li><a href="#job-' + str(welder.pk) + '"', html
    )
    found = client.get(f"/events/{event.pk}/?q=电焊").content.decode()
    assert f'id="job-{welder.pk}"' in found and "食品包装工" not in found.split("参会单位与岗位")[1]
    assert "没有找到“瓦工”" in client.get(f"/events/{event.pk}/?q=瓦工").content.decode()


def test_a_seeker_signs_up_sees_the_ticket_qr_and_a_second_try_is_refused_clearly(client, seeker):
    event = RecruitmentEventFactory(capacity=1)
    client.force_login(seeker)

    response = client.post(f"/events/{event.pk}/signup/", follow=True)
    registration = EventRegistration.objects.get()
    html = response.content.decode()
    assert "报名成功" in html and registration.ticket_display in html
    image = Image.open(io.BytesIO(client.get(f"/events/{event.pk}/ticket.png").content))
    assert [c.text for c in zxingcpp.read_barcodes(image)] == [QR_PREFIX + registration.ticket_code]

    again = client.post(f"/events/{event.pk}/signup/", follow=True).content.decode()
    assert "你已报名该招聘会" in again and EventRegistration.objects.count() == 1
    other = SeekerFactory()
    client.force_login(other)
    assert "报名人数已满" in client.post(f"/events/{event.pk}/signup/", follow=True).content.decode()
    assert client.get(f"/events/{event.pk}/ticket.png").status_code == 404  # someone else's ticket


def test_staff_check_in_by_typed_code_and_register_a_walk_in(client, seeker, bureau_user):
    event = RecruitmentEventFactory(soon=True)
    ticket = event_sign_up(by=seeker, event=event)
    client.force_login(bureau_user)

    page = client.get(f"/events/{event.pk}/checkin/").content.decode()
    assert "BarcodeDetector" not in page and "checkin.js" in page and 'name="code"' in page
    ok = client.post(f"/events/{event.pk}/checkin/", {"form": "code", "code": ticket.ticket_display}).content.decode()
    assert "签到成功" in ok
    twice = client.post(f"/events/{event.pk}/checkin/", {"form": "code", "code": ticket.ticket_code})
    assert twice.status_code == 200 and "无需重复签到" in twice.content.decode()
    forged = client.post(f"/events/{event.pk}/checkin/", {"form": "code", "code": "ABCD-EFGH-JKMN"})
    assert forged.status_code == 400 and "票码无效" in forged.content.decode()
    bad_phone = client.post(f"/events/{event.pk}/checkin/", {"form": "walk_in", "name": "龙阿姨", "phone": "123"})
    assert bad_phone.status_code == 400 and "龙阿姨" in bad_phone.content.decode()  # what was typed stays
    walk = client.post(f"/events/{event.pk}/checkin/", {"form": "walk_in", "name": "龙阿姨", "phone": "13900001234"})
    assert "签到成功" in walk.content.decode()
    assert EventRegistration.objects.filter(event=event, checked_in_at__isnull=False).count() == 2


def test_seekers_employers_and_other_stations_cannot_open_the_door_or_manage(client, seeker, employer_user,
                                                                             station_user):  # fmt: skip
    event = RecruitmentEventFactory(soon=True)
    ticket = event_sign_up(by=seeker, event=event)
    for user in (seeker, employer_user, station_user):
        client.force_login(user)
        for url in ("checkin/", "manage/", "outcomes/", "outcomes.csv"):
            assert client.get(f"/events/{event.pk}/{url}").status_code == 403, (user, url)
        response = client.post(f"/events/{event.pk}/checkin/", {"form": "code", "code": ticket.ticket_code})
        assert response.status_code == 403
    assert not EventRegistration.objects.filter(checked_in_at__isnull=False).exists()


def test_an_employer_takes_a_booth_and_cannot_approve_it_staff_do(client, employer_user, posting, bureau_user):
    event = RecruitmentEventFactory()
    client.force_login(employer_user)
    assert "食品包装工" in client.get(f"/events/{event.pk}/booth/").content.decode()
    client.post(f"/events/{event.pk}/booth/", {"postings": [posting.pk]})
    booth = Booth.objects.get()
    assert booth.status == "pending"
    assert client.post(f"/events/{event.pk}/booths/{booth.pk}/decide/", {"decision": "approve"}).status_code == 403
    assert Booth.objects.get().status == "pending"

    client.force_login(bureau_user)
    manage = client.get(f"/events/{event.pk}/manage/").content.decode()
    assert "展位审核" in manage and "待审核" in manage
    client.post(f"/events/{event.pk}/booths/{booth.pk}/decide/", {"decision": "approve"})
    assert Booth.objects.get().status == "approved"


def test_a_seeker_applies_from_the_event_page_and_the_application_remembers_it(
    client, seeker, posting, employer_user, bureau_user
):
    event = RecruitmentEventFactory()
    approved_booth(event, employer_user, bureau_user, posting)
    client.force_login(seeker)
    html = client.post(f"/events/{event.pk}/jobs/{posting.pk}/apply/", follow=True).content.decode()
    assert "已投递“食品包装工”" in html and "已投递</span>" in html
    application = Application.objects.get()
    assert application.source == "event" and application.event_link.event == event


def test_staff_create_a_weekly_series_from_the_form(client, bureau_user):
    client.force_login(bureau_user)
    day = timezone.localdate() + datetime.timedelta(days=1)
    form = {
        "kind": "weekly", "title": "凯里市周周招聘", "county": "凯里市", "venue_name": "人力资源市场",
        "capacity": "300", "day": day.isoformat(), "start_time": "09:00", "end_time": "12:00", "repeat_weekly": "on",
        "weekdays": [str(day.weekday())],
    }  # fmt: skip
    response = client.post("/events/new/", form, follow=True)
    assert "已创建“凯里市周周招聘”系列，生成 4 场" in response.content.decode()
    bad = client.post("/events/new/", {**form, "kind": "special", "repeat_weekly": ""})
    assert bad.status_code == 400 and "请选择面向的重点群体" in bad.content.decode()
    assert RecruitmentEvent.objects.count() == 4


def test_the_poster_is_a_png_whose_qr_opens_the_event_page(client, posting, employer_user, bureau_user):
    event = RecruitmentEventFactory(title="返岗专场")
    approved_booth(event, employer_user, bureau_user, posting)
    response = client.get(f"/events/{event.pk}/poster.png")
    assert response["Content-Type"] == "image/png"
    image = Image.open(io.BytesIO(response.content))
    assert [c.text for c in zxingcpp.read_barcodes(image)] == [f"http://testserver/events/{event.pk}/"]


def test_the_outcomes_page_charts_and_csv_match_the_data(client, fair, bureau_user):  # noqa: F811 - the fixture
    client.force_login(bureau_user)
    html = client.get("/events/outcomes/").content.decode()
    assert html.count('class="chart"') == 3 and "达成就业意向" in html and "高校毕业生 1（50%）" in html
    row = re.search(r"高校毕业生专场.*?</tr>", html.split('id="event-table"')[1], re.S).group(0)
    assert re.findall(r"<td>(\d+)</td>", row) == ["3", "2", "3", "3", "2", "1"]

    response = client.get("/events/outcomes.csv")
    assert response.content.startswith("\ufeff".encode()) and "charset=utf-8" in response["Content-Type"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    by_name = {r[0]: r[1:] for r in rows if r}
    label = f"{timezone.localtime(fair['event'].starts_at):%Y-%m-%d} 高校毕业生专场"
    assert by_name[label] == ["3", "2", "3", "3", "2", "1"]
    assert by_name["合计"] == ["3", "2", "3", "3", "2", "1"]
    assert by_name[fair["employer"].name] == ["", "", "2", "2", "1", "1"]
    assert by_name[fair["other"].name] == ["", "", "1", "1", "1", "0"]
    single = client.get(f"/events/{fair['event'].pk}/outcomes/").content.decode()
    assert single.count('class="chart"') == 2 and fair["other"].name in single


def test_a_poster_without_jobs_yet_says_how_to_take_part_instead_of_leaving_the_middle_empty(client):
    event = RecruitmentEventFactory(title="凯里市周周招聘", venue_name="凯里市人力资源市场")

    image = Image.open(io.BytesIO(client.get(f"/events/{event.pk}/poster.png").content)).convert("L")

    inked = [image.crop((0, y, image.width, y + 1)).getextrema()[0] < 128 for y in range(700, 1450)]
    longest_blank = max(len(run) for run in "".join("x" if ink else " " for ink in inked).split("x"))
    assert longest_blank < 250  # lines of text down the middle, not a blank band above the QR code
    assert [c.text for c in zxingcpp.read_barcodes(image)] == [f"http://testserver/events/{event.pk}/"]


def test_without_a_chinese_font_the_poster_page_says_what_is_missing(client, settings, tmp_path):
    settings.POSTER_FONT_PATH = str(tmp_path / "missing.ttc")
    response = client.get(f"/events/{RecruitmentEventFactory().pk}/poster.png")
    assert response.status_code == 503 and "fonts-noto-cjk" in response.content.decode()
