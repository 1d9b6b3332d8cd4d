"""The bureau's dashboard: every measure with its charts, drill-down lists, targets, and exports."""

from __future__ import annotations

import io

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from livestream.gigs.enums import GigClaimStatus
from livestream.gigs.models import GigClaim
from livestream.models import EventRegistration
from marketplace.models import PlanTargetChange, Seat, ServiceRating
from marketplace.plan import services
from marketplace.plan.enums import Measure
from marketplace.training import services as training
from marketplace.training.enums import EnrolmentStatus
from tests.factories import (
    ApplicationFactory,
    EmploymentOutcomeFactory,
    GigFactory,
    JobPostingFactory,
    RecruitmentEventFactory,
    RosterEntryFactory,
    TrainingCourseFactory,
    TripFactory,
)

pytestmark = pytest.mark.django_db


def year() -> int:
    return timezone.localdate().year


@pytest.fixture
def records(bureau_user):
    services.target_set(by=bureau_user, year=year(), measure=Measure.TRAINING, value="48000")
    course = TrainingCourseFactory()
    for index, name in enumerate(("潘小燕", '=HYPERLINK("x")')):
        training.enrol(by=bureau_user, course=course, name=name, phone=f"1370000{index:04d}",
                       status=EnrolmentStatus.COMPLETED, completed_on=timezone.localdate())  # fmt: skip
    EmploymentOutcomeFactory(application__posting=JobPostingFactory(county="丹寨县"))


def test_the_director_sees_every_measure_with_its_definition_and_charts(client, bureau_user, records):
    client.force_login(bureau_user)
    html = client.get("/bureau/dashboard/").content.decode()

    for measure in Measure:
        assert f'id="m-{measure.value}"' in html and str(measure.label) in html
    assert "本年结业的职业技能培训学员人次" in html  # the definition beside the figure
    sections = html.split('class="card plan-measure')[1:]
    assert len(sections) == len(Measure) and all("<svg" in section for section in sections)
    assert "职业技能培训完成进度" in html and "2/48,000人次" in html


def test_a_figure_drills_down_to_its_records_by_county(client, bureau_user, records):
    client.force_login(bureau_user)
    html = client.get(f"/bureau/dashboard/new_urban_jobs/?year={year()}&county=丹寨县").content.decode()
    assert "共1条记录" in html and "丹寨县" in html
    assert "共0条记录" in client.get("/bureau/dashboard/new_urban_jobs/?county=凯里市").content.decode()
    assert client.get("/bureau/dashboard/bogus/").status_code == 404


def test_a_hire_from_a_key_group_is_listed_with_the_groups_in_chinese(client, bureau_user):
    EmploymentOutcomeFactory(application__posting=JobPostingFactory(county="丹寨县"),
                             key_groups=["poverty_relieved", "older_worker"])  # fmt: skip
    client.force_login(bureau_user)

    response = client.get(f"/bureau/dashboard/new_urban_jobs/?year={year()}")

    assert response.status_code == 200 and "脱贫人口、大龄劳动者" in response.content.decode()


def test_the_workbook_holds_each_figure_and_the_records_behind_it(client, bureau_user, records):
    client.force_login(bureau_user)
    response = client.get(f"/bureau/dashboard/export.xlsx?year={year()}")

    book = load_workbook(io.BytesIO(response.content))
    summary = {row[0]: row for row in book["总览"].iter_rows(min_row=3, values_only=True)}
    assert summary["职业技能培训"][1:3] == (2, 48000)
    assert summary["城镇新增就业"][1] == 1
    trainees = [row[0] for row in book["职业技能培训明细"].iter_rows(min_row=2, values_only=True)]
    assert sorted(trainees) == ['\'=HYPERLINK("x")', "潘小燕"]  # a formula stays text
    assert len(book.sheetnames) == 1 + 2 * len(Measure)


def test_each_list_downloads_as_csv_that_excel_opens(client, bureau_user, records):
    client.force_login(bureau_user)
    body = client.get(f"/bureau/dashboard/training.csv?year={year()}").content.decode("utf-8")
    assert body.startswith("\ufeff姓名,培训项目")
    assert "潘小燕,电工培训班" in body


def test_staff_change_a_target_with_a_reason_and_a_missing_reason_is_refused(client, bureau_user, records):
    client.force_login(bureau_user)
    url = f"/bureau/dashboard/targets/?year={year()}"
    refused = client.post(url, {"measure": Measure.TRAINING, "value": "50000"})
    assert refused.status_code == 400 and "调整已有目标请写明原因" in refused.content.decode()

    client.post(url, {"measure": Measure.TRAINING, "value": "50000", "reason": "省厅追加"})
    assert PlanTargetChange.objects.filter(new_value=50000, reason="省厅追加").exists()
    assert "省厅追加" in client.get(url).content.decode()


def test_the_surveyed_rate_is_entered_by_month_with_its_source(client, bureau_user):
    client.force_login(bureau_user)
    month = timezone.localdate().strftime("%Y-%m")
    client.post(
        "/bureau/dashboard/targets/", {"action": "surveyed", "month": month, "value": "5.3", "source": "州统计局"}
    )
    assert "5.3%" in client.get("/bureau/dashboard/").content.decode()


def test_other_roles_cannot_download_the_workbook(client, users):
    for role, user in users.items():
        if role != "bureau":
            client.force_login(user)
            assert client.get("/bureau/dashboard/export.xlsx").status_code == 403


def test_exports_are_in_the_audit_log_the_bureau_searches(client, bureau_user, records):
    client.force_login(bureau_user)
    client.get(f"/bureau/dashboard/export.xlsx?year={year()}")
    client.get(f"/bureau/dashboard/training.csv?year={year()}")

    html = client.get("/bureau/audit/?action=export").content.decode()
    assert "共2条" in html and "导出名单" in html and "看板名单" in html and "职业技能培训" in html


def test_the_dashboard_ends_with_the_risk_panels(client, bureau_user, records):
    client.force_login(bureau_user)
    html = client.get("/bureau/dashboard/").content.decode()
    assert "岗位多、求职者少的工种" in html and "天没有投递也未就业" in html and "欠薪预警" in html


def test_a_seeker_rates_the_answer_to_an_application_from_my_applications(client, seeker):
    application = ApplicationFactory(profile=seeker.profile, status="rejected")
    client.force_login(seeker)
    assert "单位答复得怎么样" in client.get("/me/applications/").content.decode()

    response = client.post("/me/ratings/", {"service": "application", "ref_id": application.pk, "score": "bad",
                                            "next": "/me/applications/"}, follow=True)  # fmt: skip

    assert "谢谢您的评价" in response.content.decode() and "您的评价：差评" in response.content.decode()
    assert ServiceRating.objects.get().score == "bad"
    again = client.post("/me/ratings/", {"service": "application", "ref_id": application.pk, "score": "good",
                                         "next": "https://evil.example/"}, follow=True)  # fmt: skip
    assert again.redirect_chain[-1][0] == "/me/" and ServiceRating.objects.get().score == "bad"


def test_a_worker_who_rode_a_trip_rates_it_from_the_boarding_pass(client, seeker):
    seat = Seat.objects.create(
        trip=TripFactory(home_county="榕江县"), profile=seeker.profile, status="arrived", number=1
    )
    client.force_login(seeker)
    assert "这趟直通车的服务怎么样" in client.get(f"/trips/seats/{seat.pk}/pass/").content.decode()

    here = f"/trips/seats/{seat.pk}/pass/"
    client.post("/me/ratings/", {"service": "trip", "ref_id": seat.pk, "score": "good", "next": here})

    assert ServiceRating.objects.get().county == "榕江县"
    assert "您的评价：好评" in client.get(f"/trips/seats/{seat.pk}/pass/").content.decode()


def test_a_seeker_checked_in_at_an_event_rates_it_from_the_ticket(client, seeker):
    event = RecruitmentEventFactory(county="黎平县")
    registration = EventRegistration.objects.create(event=event, profile=seeker.profile, checked_in_at=timezone.now())
    client.force_login(seeker)
    assert "这场招聘会办得怎么样" in client.get(f"/events/{event.pk}/ticket/").content.decode()

    client.post("/me/ratings/", {"service": "event", "ref_id": registration.pk, "score": "average"})

    assert (ServiceRating.objects.get().county, ServiceRating.objects.get().score) == ("黎平县", "average")


def test_a_worker_rates_the_gig_market_once_a_days_work_is_checked_out(client, seeker):
    gig = GigFactory(county="从江县")
    claim = GigClaim.objects.create(gig=gig, profile=seeker.profile, status=GigClaimStatus.CHECKED_OUT)
    client.force_login(seeker)
    assert "这次零工市场的服务，您满意吗" in client.get("/me/gigs/?tab=done").content.decode()

    client.post("/me/ratings/", {"service": "gig", "ref_id": claim.pk, "score": "good", "next": "/me/gigs/?tab=done"})

    assert (ServiceRating.objects.get().county, ServiceRating.objects.get().score) == ("从江县", "good")
    assert "您的评价：好评" in client.get("/me/gigs/?tab=done").content.decode()


def test_a_gig_not_yet_worked_asks_for_no_rating(client, seeker):
    GigClaim.objects.create(gig=GigFactory(), profile=seeker.profile, status=GigClaimStatus.CLAIMED)
    client.force_login(seeker)

    pages = [client.get(f"/me/gigs/?tab={tab}").content.decode() for tab in ("claimed", "today", "done")]

    assert not any("零工市场的服务" in page for page in pages)


def test_a_worker_on_a_stations_roster_rates_its_help_from_their_station_page(client, seeker):
    entry = RosterEntryFactory(profile=seeker.profile, home_county="三穗县", station__name="驻宁波劳务协作站")
    client.force_login(seeker)
    page = client.get("/me/proxy/").content.decode()
    assert "驻宁波劳务协作站" in page and "协作站的服务，您满意吗" in page

    client.post("/me/ratings/", {"service": "station", "ref_id": entry.pk, "score": "bad", "next": "/me/proxy/"})

    assert (ServiceRating.objects.get().county, ServiceRating.objects.get().score) == ("三穗县", "bad")
    assert "您的评价：差评" in client.get("/me/proxy/").content.decode()
