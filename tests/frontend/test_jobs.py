"""The public job list and detail, the blacklist hiding jobs at once, and one-tap apply."""

import datetime

import pytest
from django.utils import timezone

from marketplace.enums import ApplicationStatus, JobType, PostingStatus
from marketplace.models import Application, BlacklistEntry, Occupation, OccupationFamily
from marketplace.occupations.taxonomy import taxonomy_changed
from marketplace.places import resolve_place
from tests.factories import EmployerFactory, EmployerMemberFactory, JobPostingFactory

pytestmark = pytest.mark.django_db


def test_the_list_shows_only_public_jobs_twenty_a_page(client, employer, search_index):
    for n in range(23):
        JobPostingFactory(
            employer=employer, title=f"普工{n:02d}号", published_at=timezone.now() - datetime.timedelta(minutes=n)
        )
    JobPostingFactory(employer=employer, title="草稿岗位", status=PostingStatus.DRAFT)
    JobPostingFactory(
        employer=employer, title="过期岗位", valid_until=timezone.localdate() - datetime.timedelta(days=1)
    )
    search_index()

    first = client.get("/jobs/").content.decode()
    second = client.get("/jobs/?page=2").content.decode()

    assert "共 23 个岗位" in first
    assert first.count('class="job-card"') == 20
    assert second.count('class="job-card"') == 3
    assert "普工00号" in first and "普工22号" in second
    assert "草稿岗位" not in first + second and "过期岗位" not in first + second
    assert "第 1 / 2 页" in first


def test_filter_chips_narrow_by_county_job_type_and_family_with_counts(client, employer, occupations, search_index):
    JobPostingFactory(employer=employer, title="凯里电焊工", county="凯里市", occupation=occupations["电焊工"])
    JobPostingFactory(employer=employer, title="黎平零工", county="黎平县", job_type=JobType.GIG)
    JobPostingFactory(employer=employer, title="凯里普工", county="凯里市", occupation=occupations["电子厂普工"])
    search_index()

    everything = client.get("/jobs/").content.decode()
    by_county = client.get("/jobs/", {"county": "黎平县"}).content.decode()
    by_type = client.get("/jobs/", {"job_type": "gig"}).content.decode()
    by_family = client.get("/jobs/", {"family": "T01", "county": "凯里市"}).content.decode()

    assert "凯里市<small>2</small>" in everything and "黎平县<small>1</small>" in everything
    assert "黎平零工" in by_county and "凯里电焊工" not in by_county
    assert "黎平零工" in by_type and "凯里普工" not in by_type
    assert "凯里电焊工" in by_family and "凯里普工" not in by_family and "黎平零工" not in by_family
    # The chosen chips are marked, and each chip keeps the other filters.
    kaili = "county=%E5%87%AF%E9%87%8C%E5%B8%82"
    assert f'<a class="chip on" href="?family=T01&amp;{kaili}">凯里市<small>1</small></a>' in by_family
    assert f'<a class="chip on" href="?family=T01&amp;{kaili}">建筑施工<small>1</small></a>' in by_family
    assert f'<a class="chip" href="?{kaili}">全部工种</a>' in by_family


def test_typed_words_find_jobs_by_colloquial_trade_names_and_are_highlighted(
    client, employer, occupations, search_index
):
    JobPostingFactory(employer=employer, title="招电焊师傅", occupation=occupations["电焊工"])
    JobPostingFactory(employer=employer, title="食品包装工")
    search_index()

    html = client.get("/jobs/", {"q": "烧电焊"}).content.decode()

    assert "共 1 个岗位" in html
    assert "招<mark>电焊</mark>师傅" in html
    assert "食品包装工" not in html


def test_words_side_by_side_are_one_highlight(client, employer, search_index):
    JobPostingFactory(employer=employer, title="普工（包吃住）")
    search_index()

    html = client.get("/jobs/", {"q": "包吃住"}).content.decode()

    assert "普工（<mark>包吃住</mark>）" in html


def test_a_chosen_filter_that_emptied_the_page_stays_visible_so_it_can_be_undone(client, employer, search_index):
    JobPostingFactory(employer=employer, title="凯里普工", county="凯里市")
    search_index()

    html = client.get("/jobs/", {"county": "从江县"}).content.decode()

    assert "共 0 个岗位" in html
    assert '<a class="chip on" href="?county=%E4%BB%8E%E6%B1%9F%E5%8E%BF">从江县<small>0</small></a>' in html
    assert '<a class="chip" href="?">全部地区</a>' in html


def test_jobs_near_a_typed_place_show_their_distance_nearest_first(client, employer, search_index):
    kaili = resolve_place("凯里")  # the seat a typed 凯里 is measured from
    JobPostingFactory(employer=employer, title="凯里的岗位", county="凯里市", lat=kaili.lat, lon=kaili.lon)
    JobPostingFactory(employer=employer, title="从江的岗位", county="从江县", lat=25.754, lon=108.905)
    JobPostingFactory(employer=employer, title="没有坐标的岗位", county="凯里市")
    search_index()

    html = client.get("/jobs/", {"near": "凯里", "sort": "distance"}).content.decode()

    assert "距离从“凯里市”算起" in html
    assert html.index("凯里的岗位") < html.index("从江的岗位") < html.index("没有坐标的岗位")
    assert "距离 0." in html  # the Kaili job is under a kilometre from the town centre
    nearby = client.get("/jobs/", {"near": "凯里", "radius_km": "30"}).content.decode()
    assert "凯里的岗位" in nearby and "从江的岗位" not in nearby and "没有坐标的岗位" not in nearby


def test_when_nothing_is_near_enough_the_page_offers_a_wider_radius_and_related_trades(
    client, employer, occupations, search_index
):
    JobPostingFactory(
        employer=employer,
        title="从江钢筋工",
        county="从江县",
        lat=25.754,
        lon=108.905,
        occupation=occupations["钢筋工"],
    )
    JobPostingFactory(
        employer=employer,
        title="从江普工",
        county="从江县",
        lat=25.754,
        lon=108.905,
        occupation=occupations["电子厂普工"],
    )
    search_index()

    html = client.get("/jobs/", {"q": "烧电焊", "near": "凯里", "radius_km": "5"}).content.decode()

    assert "没有符合条件的岗位" in html
    assert "钢筋工<small>1</small>" in html  # the same family as 电焊工, and it has an open job
    assert "电子厂普工<small>" not in html  # another family: not what a welder asked for
    text_only = client.get("/jobs/", {"near": "凯里", "radius_km": "5"}).content.decode()
    assert "扩大到 300 公里，有 2 个岗位" in text_only
    assert "radius_km=300" in text_only


def test_an_unknown_place_or_a_bad_parameter_keeps_the_page_and_says_what_to_change(client, search_index):
    unknown = client.get("/jobs/", {"near": "火星基地"})
    bad_pay = client.get("/jobs/", {"pay_min": "很多"})

    assert unknown.status_code == 400
    assert "找不到地名“火星基地”" in unknown.content.decode()
    assert 'name="q"' in unknown.content.decode()  # the search box is still there to try again
    assert bad_pay.status_code == 400 and "最低月薪必须是数字" in bad_pay.content.decode()


def test_a_blacklisted_employers_jobs_vanish_from_the_list_and_their_pages(client, seeker, bureau_user, search_index):
    bad = EmployerFactory(name="欠薪建筑公司")
    job = JobPostingFactory(employer=bad, title="欠薪公司的岗位")
    search_index()
    assert "欠薪公司的岗位" in client.get("/jobs/").content.decode()
    BlacklistEntry.objects.create(
        employer=bad, reason="拖欠工资", starts_on=timezone.localdate(), created_by=bureau_user
    )
    # Before the index has caught up, the page already reads the database's verdict.

    assert "欠薪公司的岗位" not in client.get("/jobs/").content.decode()
    assert "欠薪公司的岗位" not in client.get("/").content.decode()
    assert client.get(f"/jobs/{job.pk}/").status_code == 404
    client.force_login(seeker)
    assert client.get(f"/jobs/{job.pk}/").status_code == 404


def test_a_job_that_ended_says_so_and_offers_open_jobs_of_the_same_trade_first(client, occupations):
    welder = occupations["电焊工"]
    gone = JobPostingFactory(title="凯里电焊工（已招满）", occupation=welder, county="凯里市",
                             status=PostingStatus.CLOSED, published_at=timezone.now())  # fmt: skip
    JobPostingFactory(title="麻江县电焊工", occupation=welder, county="麻江县")
    JobPostingFactory(title="凯里普工", occupation=occupations["电子厂普工"], county="凯里市")

    response = client.get(f"/jobs/{gone.pk}/")

    html = response.content.decode()
    assert response.status_code == 404 and "这个岗位已经不招了" in html and "凯里电焊工（已招满）" in html
    assert html.index("麻江县电焊工") < html.index("凯里普工")


def test_a_job_taken_down_by_moderation_or_a_blacklist_shows_no_title_on_its_gone_page(client, bureau_user):
    rejected = JobPostingFactory(title="刷单兼职日结", status=PostingStatus.REJECTED, published_at=timezone.now())
    bad = JobPostingFactory(title="欠薪公司的岗位")
    BlacklistEntry.objects.create(employer=bad.employer, reason="拖欠工资", starts_on=timezone.localdate(),
                                  created_by=bureau_user)  # fmt: skip

    pages = [client.get(f"/jobs/{job.pk}/").content.decode() for job in (rejected, bad)]

    assert all("岗位已下架，不能再报名" in page for page in pages)
    assert "刷单兼职日结" not in pages[0] and "欠薪公司的岗位" not in pages[1]


def test_the_detail_shows_pay_place_employer_and_requirements(client, employer):
    employer.integrity_grade = "A"
    employer.save()
    job = JobPostingFactory(
        employer=employer,
        title="叉车司机",
        town="鸭塘街道",
        schedule="长白班 8:00-17:30",
        certificates_required=["叉车证"],
        benefits=["五险一金", "包住"],
        valid_until=datetime.date(2099, 12, 31),
        description="负责仓库装卸。",
    )

    html = client.get(f"/jobs/{job.pk}/").content.decode()

    for text in ("叉车司机", "4000–5500 元/月", "鸭塘街道", "全职", "凯里市黔味食品有限公司", "已认证", "A级（诚信）",
                 "叉车证", "五险一金、包住", "长白班 8:00-17:30", "2099年12月31日", "负责仓库装卸。"):  # fmt: skip
        assert text in html, text


def test_anonymous_visitors_are_asked_to_log_in_to_apply(client, posting):
    html = client.get(f"/jobs/{posting.pk}/").content.decode()

    assert "登录后报名" in html
    assert f"/login/?next=/jobs/{posting.pk}/" in html
    response = client.post(f"/jobs/{posting.pk}/apply/")
    assert response["Location"] == f"/login/?next=/jobs/{posting.pk}/"


def test_a_seeker_applies_in_one_tap_and_then_sees_applied(client, seeker, posting):
    client.force_login(seeker)
    assert "一键报名" in client.get(f"/jobs/{posting.pk}/").content.decode()

    response = client.post(f"/jobs/{posting.pk}/apply/", follow=True)

    html = response.content.decode()
    assert "报名成功" in html
    assert "已投递" in html
    assert "一键报名" not in html
    assert Application.objects.get(profile__user=seeker, posting=posting).status == ApplicationStatus.SUBMITTED


def test_applying_twice_is_refused_with_the_services_message(client, seeker, posting):
    client.force_login(seeker)
    client.post(f"/jobs/{posting.pk}/apply/")

    html = client.post(f"/jobs/{posting.pk}/apply/", follow=True).content.decode()

    assert "你已投递过该岗位" in html
    assert Application.objects.count() == 1


def test_only_seekers_may_apply(client, employer_user, posting):
    client.force_login(employer_user)

    assert "一键报名" not in client.get(f"/jobs/{posting.pk}/").content.decode()
    assert client.post(f"/jobs/{posting.pk}/apply/").status_code == 403


def test_an_owner_may_preview_a_job_the_public_cannot_see(client, employer_user, employer):
    draft = JobPostingFactory(employer=employer, title="还在写的岗位", status=PostingStatus.DRAFT)
    other = EmployerMemberFactory()

    assert client.get(f"/jobs/{draft.pk}/").status_code == 404
    client.force_login(other)
    assert client.get(f"/jobs/{draft.pk}/").status_code == 404
    client.force_login(employer_user)
    html = client.get(f"/jobs/{draft.pk}/").content.decode()
    assert "求职者看不到" in html and "一键报名" not in html


def test_a_query_the_taxonomy_does_not_know_gets_trades_near_in_meaning_not_the_busiest(
    client, employer, occupations, search_index, embedding_model
):
    services = OccupationFamily.objects.create(code="T12", name="维修与技术工种", sort_order=2)
    network = Occupation.objects.create(code="T12-1", name="网络管理员", family=services, synonyms=["网管"])
    taxonomy_changed()
    JobPostingFactory(employer=employer, title="网吧网管", occupation=network)
    for n in range(3):
        JobPostingFactory(employer=employer, title=f"电子厂普工{n}", occupation=occupations["电子厂普工"])
    search_index()

    html = client.get("/jobs/", {"q": "修电脑"}).content.decode()
    nonsense = client.get("/jobs/", {"q": "火星"}).content.decode()

    assert "没有符合条件的岗位" in html
    assert "网络管理员<small>1</small>" in html
    assert "电子厂普工<small>" not in html  # busiest today, and nothing to do with computers
    assert "电子厂普工<small>" not in nonsense


def test_a_province_typed_as_the_place_lists_its_jobs_without_a_distance_from_its_middle(
    client, employer, search_index
):
    JobPostingFactory(employer=employer, title="宁波注塑工", county="宁波市", lat=29.87, lon=121.55)
    JobPostingFactory(employer=employer, title="凯里普工", county="凯里市")
    search_index()

    html = client.get("/jobs/", {"near": "浙江"}).content.decode()

    assert "共 1 个岗位，在“浙江省”" in html
    assert "宁波注塑工" in html and "凯里普工" not in html
    assert "距离从" not in html
