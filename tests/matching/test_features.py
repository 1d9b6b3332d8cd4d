"""A seeker is read the way people write: several wants, a sector, past work, places in words."""

from __future__ import annotations

import pytest

from marketplace.occupations.taxonomy import occupation_info
from marketplace.places import resolve_place
from matching.features import age_range_in, certificates_in, education_in, posting_from_document, seeker_from_record

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("taxonomy")]

DANZHAI = resolve_place("丹寨")


def names(seeker) -> set[str]:
    info = occupation_info()
    return {info[i].name for i in seeker.occupation_ids}


def family(name: str) -> str:
    return next(i.family_code for i in occupation_info().values() if i.name == name)


def test_every_want_in_a_list_counts():
    seeker = seeker_from_record({"id": "S1", "desired_occupations": "保安或者门卫，保洁也行"})
    assert {"保安员", "保洁员"} <= names(seeker)


def test_a_sector_is_read_as_the_whole_family():
    seeker = seeker_from_record({"id": "S2", "desired_occupations": "想进厂"})
    assert family("普工") in seeker.sector_codes


def test_a_vague_want_is_read_from_past_work():
    seeker = seeker_from_record(
        {"id": "S3", "desired_occupations": "啥都能干", "self_description": "以前在工地扎过钢筋，也搬过砖"}
    )
    assert seeker.vague and "钢筋工" in names(seeker)


def test_region_and_relative_words_become_areas_against_home():
    seeker = seeker_from_record(
        {"id": "S4", "desired_cities": ["珠三角", "县城"], "lat": DANZHAI.lat, "lng": DANZHAI.lon}
    )
    labels = [area.label for area in seeker.areas]
    assert labels[0] == "珠三角" and "丹寨" in labels[1]


def test_places_said_in_the_self_description_count_when_the_field_is_empty():
    seeker = seeker_from_record({"id": "S5", "self_description": "朋友在晋江鞋厂，想去福建那边找活干"})
    assert [area.label for area in seeker.areas] == ["福建省"]
    away = seeker_from_record({"id": "S6", "self_description": "黄平的，过完年想出去打工", "lat": 26.9, "lng": 107.9})
    assert [area.kind for area in away.areas] == ["outside"]


def test_someone_who_must_stay_close_is_marked_near_home():
    carer = seeker_from_record({"id": "S7", "self_description": "要照顾老人，只能在家附近", "lat": 26.2, "lng": 107.8})
    migrant = seeker_from_record({"id": "S8", "desired_cities": ["浙江", "家附近"]})
    assert carer.near_home and not migrant.near_home


@pytest.mark.parametrize(
    ("text", "expected"),
    [("18-50岁", (18, 50)), ("年龄50岁以下", (None, 50)), ("不超过55周岁", (None, 55)), ("45岁以上", (45, None)),
     ("身体健康", (None, None))],
)  # fmt: skip
def test_age_limits_are_read_as_employers_write_them(text, expected):
    assert age_range_in(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [("长安电子厂 普工 女 18-40", (18, 40)), ("55以内 长白班", (None, 55)), ("18-45 夫妻房", (18, 45)),
     ("男60女55周岁以下", (None, 60)),  # each sex its own limit: the post takes a man of 58
     ("普工18-45岁；保安男50岁以下", (None, 50)),  # two jobs: one of them takes a man of 48
     # wages, times, counts and hours are not ages
     ("4500-5500 包住", (None, None)), ("8:00-17:30", (None, None)), ("招20-30人", (None, None)),
     ("晚班17-21", (None, None)), ("营业时间 10-22", (None, None)), ("清溪五金厂 普工 长白班 18-50", (18, 50))],
)  # fmt: skip
def test_a_title_or_requirements_line_gives_ages_without_the_word_for_years(text, expected):
    assert age_range_in(text, bare=True) == expected


def test_in_a_postings_body_bare_numbers_are_ages_only_after_the_word_for_age():
    assert age_range_in("长安镇电子厂急招女普工<br>年龄：18-40周岁<br>两班倒") == (18, 40)
    assert age_range_in("年龄 18-45 包吃住") == (18, 45)
    assert age_range_in("常平食品厂 包装 18-45 长白班") == (None, None)


def test_an_age_in_a_fairs_list_of_jobs_belongs_to_one_job_not_the_post():
    doc = {"id": 1, "title": "黎平县巡回招聘会岗位",
           "description": "1、苏州某电子厂：普工100名，18-42岁，包住 2、黎平县某建筑公司：泥工 300/天"}  # fmt: skip
    single = {"id": 2, "title": "长安电子厂 急招女普工", "description": "年龄：18-40周岁，两班倒"}

    assert (posting_from_document(doc).age_min, posting_from_document(doc).age_max) == (None, None)
    assert (posting_from_document(single).age_min, posting_from_document(single).age_max) == (18, 40)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("普工18-45岁；保安男50岁以下；帮厨需健康证", ("健康证",)), ("要求有焊工证", ("焊工证",)),
     ("叉车证、电工证优先", ("叉车证", "电工证")), ("需持C1驾照", ("C1驾照",)),
     # Papers every new hire brings are not qualifications a seeker could lack.
     ("18-45周岁，认识26个英文字母，身份证原件", ()), ("带好身份证、毕业证", ())],
)  # fmt: skip
def test_certificates_are_read_as_employers_ask_for_them(text, expected):
    assert certificates_in(text) == expected


def test_a_trade_read_inside_a_longer_trade_is_not_a_second_want():
    seeker = seeker_from_record({"id": "S9", "desired_occupations": "叉车工"})
    assert "车工" not in seeker.occupation_words.values()


def test_gig_seekers_and_older_workers_stay_close_unless_they_named_somewhere_far():
    home = {"lat": DANZHAI.lat, "lng": DANZHAI.lon}
    gig = seeker_from_record({"id": "S10", "availability": "gig", **home})
    older = seeker_from_record({"id": "S11", "age": 56, **home})
    going_east = seeker_from_record({"id": "S12", "age": 56, "desired_cities": ["浙江"], **home})
    said_so = seeker_from_record({"id": "S13", "desired_cities": ["家附近"], **home})

    assert gig.near_home and older.near_home and not going_east.near_home
    assert said_so.near_home_km < gig.near_home_km  # who said 家附近 means closer than who did not say


def test_a_profiles_gender_field_and_a_postings_words_carry_into_the_match():
    from matching.features import posting_from_document, seeker_from_profile
    from matching.search.documents import posting_document
    from tests.factories import JobPostingFactory, WorkerProfileFactory

    profile = WorkerProfileFactory(gender="female", intro="以前在超市上班")
    posting = JobPostingFactory(title="小区保安", description="看门、巡逻 男，55岁以下 两班倒")

    assert seeker_from_profile(profile).gender == "female"
    assert posting_from_document(posting_document(posting)).gender_required == "male"


def test_a_profiles_body_limit_and_licence_and_a_postings_effort_carry_into_the_match():
    from matching.features import posting_from_document, seeker_from_profile
    from matching.search.documents import posting_document
    from tests.factories import JobPostingFactory, WorkerProfileFactory

    profile = WorkerProfileFactory(intro="在工地干过几年 现在腰不好 重活干不了 有C1驾照")
    posting = JobPostingFactory(title="物流园 装卸工 日结", description="卸货 按车算 客车司机需A1")
    seeker, job = seeker_from_profile(profile), posting_from_document(posting_document(posting))

    assert seeker.light_work and "C1" in seeker.licences
    assert job.effort == "heavy"


def test_a_profiles_work_history_is_the_experience_a_post_for_skilled_hands_asks_for():
    from marketplace.models import WorkExperience
    from matching.features import posting_from_document, seeker_from_profile
    from matching.ranking import score_pair
    from matching.search.documents import posting_document
    from tests.factories import JobPostingFactory, WorkerProfileFactory

    posting = posting_from_document(posting_document(JobPostingFactory(title="服装厂招熟练平车工 计件")))
    sewer, newcomer = WorkerProfileFactory(intro=""), WorkerProfileFactory(intro="刚毕业 想进厂")
    WorkExperience.objects.create(profile=sewer, employer_name="温州某服装厂", title="平车工")

    assert posting.experience_required
    assert "要求有经验，你没做过这一行" not in score_pair(seeker_from_profile(sewer), posting).reasons
    assert "要求有经验，你没做过这一行" in score_pair(seeker_from_profile(newcomer), posting).reasons


@pytest.mark.parametrize(
    ("record", "goes_to_the_factory"),
    [({"self_description": "19岁 初中毕业在家帮忙种地 想去沿海打工", "desired_occupations": "啥都能干",
       "desired_cities": ["沿海"], "age": 19}, True),
     ({"self_description": "55岁 想出去打工", "desired_occupations": "啥都能干", "desired_cities": ["外省"],
       "age": 55}, False),  # an older worker is not sent to the line
     ({"self_description": "20岁 不进厂 其他都行", "desired_occupations": "都可以", "desired_cities": ["外省"],
       "age": 20}, False),
     ({"self_description": "19岁 想去深圳学个技术 不想一直做普工", "desired_occupations": "学技术",
       "desired_cities": ["深圳"], "age": 19}, False),
     ({"self_description": "22岁 想在家附近找事做", "desired_occupations": "什么都可以", "desired_cities": ["凯里"],
       "age": 22, "lat": 26.58, "lng": 107.98}, False),  # staying home: no move, no factory guessed
     ({"self_description": "工地的活都会干 哪里钱多就去哪里 外省也去", "desired_occupations": "工地",
       "desired_cities": ["不限", "外省"], "age": 30}, False)],  # a line of work named is where he goes
)  # fmt: skip
def test_a_young_seeker_going_away_with_no_trade_is_read_as_going_to_the_factory(record, goes_to_the_factory):
    seeker = seeker_from_record({"id": "W", **record})

    assert (family("电子厂普工") in seeker.first_work_codes) is goes_to_the_factory
    assert seeker.first_work_codes <= seeker.family_codes  # the factory door is searched too


@pytest.mark.parametrize(
    ("requirements", "expected"),
    [("本科，计算机科学/软件工程，会Java或Vue", "bachelor"), ("大专及以上学历", "college"), ("学历本科", "bachelor"),
     ("大专学历，会电脑", "college"), ("中专或以上", "senior"), ("男，初中", "junior"),
     # A preference is not a gate.
     ("本科学历优先", ""), ("本科优先", ""), ("18-45岁 身体健康", "")],
)  # fmt: skip
def test_the_schooling_a_posting_asks_for_is_read_as_employers_write_it(requirements, expected):
    assert education_in(requirements) == expected
