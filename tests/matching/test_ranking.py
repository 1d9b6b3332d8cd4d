"""The ranking of jobs for a seeker: each signal moves results the way a job seeker expects,
and every result says why, in Chinese."""

from __future__ import annotations

import pytest
from django.utils import timezone

from marketplace.occupations.taxonomy import occupation_info
from marketplace.places import resolve_place
from matching.features import Posting, posting_from_document, seeker_from_record
from matching.ranking import rank, rank_candidates, spread_demand, weights

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("taxonomy")]

KAILI = resolve_place("凯里")
DONGGUAN = resolve_place("东莞")


def occupation(name: str):
    return next(info for info in occupation_info().values() if info.name == name)


def job(pid, title, trade, *, place=KAILI, pay=(6000, 8000), unit="month", job_type="full_time", **extra) -> Posting:
    info = occupation(trade)
    doc = {
        "id": pid, "title": title, "occupation_id": info.id, "occupation_name": info.name,
        "family_code": info.family_code, "family_name": info.family_name, "job_type": job_type,
        "county": place.name if place else "", "location": {"lat": place.lat, "lon": place.lon} if place else None,
        "pay_min": pay[0], "pay_max": pay[1], "pay_unit": unit,
        "pay_min_month": pay[0] * {"month": 1, "day": 26}.get(unit, 1) if unit != "piece" else None,
        "pay_max_month": pay[1] * {"month": 1, "day": 26}.get(unit, 1) if unit != "piece" else None,
        "headcount": 5, "published_at": timezone.now().isoformat(), "employer_verified": True,
    }  # fmt: skip
    posting = posting_from_document(doc)  # as production builds it: shifts read from the title
    for name, value in extra.items():
        setattr(posting, name, value)
    return posting


def welder(**extra):
    record = {
        "id": "Q1", "self_description": "在工地干了五年，会烧电焊，有焊工证", "desired_occupations": "烧电焊",
        "certificates": ["焊工证"], "desired_cities": ["凯里"], "lat": KAILI.lat, "lng": KAILI.lon,
        "expected_salary_min": 6000, "expected_salary_unit": "month", "availability": "full_time",
    }  # fmt: skip
    return seeker_from_record({**record, **extra})


def test_colloquial_words_name_the_trade_and_the_right_trade_comes_first():
    seeker = welder()
    postings = [job(1, "电工", "电工"), job(2, "招烧焊师傅", "电焊工"), job(3, "钢筋工", "钢筋工")]

    ranked = rank(seeker, postings)

    assert occupation("电焊工").id in seeker.occupation_ids
    assert ranked[0].posting.id == 2
    assert "工种匹配：电焊工" in ranked[0].reasons


def test_near_beats_far_in_the_same_trade_and_the_distance_is_said():
    near = job(1, "电焊工", "电焊工")
    far = job(2, "电焊工", "电焊工", place=resolve_place("从江"))

    ranked = rank(welder(desired_cities=[]), [far, near])

    assert [r.posting.id for r in ranked] == [1, 2]
    assert "距离 0.0 公里" in ranked[0].reasons
    assert any(reason.startswith("距离 1") for reason in ranked[1].reasons)  # 从江 is 100-odd km away


def test_a_destination_the_seeker_named_counts_as_near():
    ranked = rank(welder(desired_cities=["东莞"]), [job(1, "电焊工", "电焊工", place=DONGGUAN)])

    assert "在意向工作地：东莞市" in ranked[0].reasons
    assert ranked[0].signals["place"] == 1.0


def test_pay_is_compared_as_monthly_pay_after_unit_conversion():
    daily = job(1, "电焊工日结", "电焊工", pay=(300, 350), unit="day")  # about 9,100 a month
    low = job(2, "电焊工", "电焊工", pay=(3000, 3500))

    ranked = rank(welder(), [low, daily])

    assert ranked[0].posting.id == 1
    assert "日薪 300–350，高于期望" in ranked[0].reasons
    assert "月薪 3000–3500，远低于期望" in ranked[1].reasons


def test_a_required_certificate_the_seeker_lacks_ranks_the_job_lower_and_says_so():
    needs = job(1, "叉车司机", "叉车司机", certificates=("叉车证",))
    seeker = seeker_from_record({"id": "Q2", "desired_occupations": "开叉车", "availability": "full_time"})
    holder = seeker_from_record({"id": "Q3", "desired_occupations": "开叉车", "certificates": ["叉车操作证"]})

    lacking, holding = rank(seeker, [needs])[0], rank(holder, [needs])[0]

    assert "需要叉车证" in lacking.reasons
    assert "持有叉车证" in holding.reasons
    assert holding.score > lacking.score


def test_a_health_certificate_is_done_after_the_offer_and_weighs_little_against_a_qualification():
    kitchen = job(1, "餐馆帮厨", "厨师", certificates=("健康证",))
    forklift = job(2, "叉车司机", "叉车司机", certificates=("叉车证",))
    seeker = seeker_from_record({"id": "Q6", "desired_occupations": "帮厨 开叉车 都行", "availability": "full_time"})

    ranked = {r.posting.id: r for r in rank(seeker, [kitchen, forklift])}

    assert "需办健康证（体检即可，入职前办理）" in ranked[1].reasons
    assert "certificate_missing" not in ranked[1].signals
    assert "需要叉车证" in ranked[2].reasons
    assert ranked[1].score > ranked[2].score


def test_the_employment_card_is_held_by_the_groups_the_bureau_registers():
    post = job(1, "城镇公益性岗位 保洁", "保洁员", job_type="public_welfare", pay=(1790, 1790),
               certificates=("就业创业证",))  # fmt: skip
    registered = seeker_from_record({"id": "Q7", "desired_occupations": "保洁", "groups": ["hard_to_employ"]})
    not_registered = seeker_from_record({"id": "Q8", "desired_occupations": "保洁"})

    for_registered, for_other = rank(registered, [post])[0], rank(not_registered, [post])[0]

    assert "需要就业创业证" not in for_registered.reasons
    assert "certificate_missing" not in for_registered.signals
    assert "需要就业创业证" in for_other.reasons


def test_public_welfare_posts_go_to_the_groups_policy_names_and_the_reason_says_so():
    post = job(1, "乡村保洁员（公益性岗位）", "保洁员", job_type="public_welfare", pay=(1800, 1800))
    relieved = seeker_from_record({"id": "Q4", "desired_occupations": "保洁", "groups": ["poverty_relieved"]})
    graduate = seeker_from_record({"id": "Q5", "desired_occupations": "保洁", "groups": ["graduate"]})

    for_relieved, for_graduate = rank(relieved, [post])[0], rank(graduate, [post])[0]

    assert "脱贫人口优先" in for_relieved.reasons
    assert "公益性岗位，优先安置就业困难人员" in for_graduate.reasons
    assert for_relieved.score - for_graduate.score >= weights()["key_group_priority"]


def test_an_empty_profile_still_gets_results_with_reasons_saying_what_was_missing():
    seeker = seeker_from_record({"id": "Q6"})

    ranked = rank(seeker, [job(1, "普工", "普工", place=None), job(2, "电工", "电工")])

    assert len(ranked) == 2
    assert all(r.reasons for r in ranked)
    assert any("未填写位置" in reason for r in ranked for reason in r.reasons)


def test_absurd_pay_expectations_are_not_compared():
    seeker = welder(expected_salary_min=10**9)

    ranked = rank(seeker, [job(1, "电焊工", "电焊工")])

    assert ranked[0].signals["pay"] == 0.5
    assert "月薪 6000–8000" in ranked[0].reasons


def test_spreading_demand_shuffles_only_among_near_equals_and_the_same_seeker_sees_the_same_order():
    ranked = rank(welder(), [job(i, f"电焊工{i}", "电焊工") for i in range(1, 9)] + [job(99, "电工", "电工")])
    orders = {tuple(r.posting.id for r in spread_demand(ranked, seed=f"seeker-{n}")) for n in range(20)}

    assert len(orders) > 1  # different seekers see the equal jobs in different orders
    assert all(order[-1] == 99 for order in orders)  # a clearly worse job never moves up
    again = [r.posting.id for r in spread_demand(ranked, seed="seeker-3")]
    assert again == [r.posting.id for r in spread_demand(ranked, seed="seeker-3")]


def test_employer_candidate_lists_put_confirmed_key_groups_first_among_equals():
    post = job(1, "电焊工", "电焊工")
    plain = welder(id="Q7")
    relieved = welder(id="Q8", groups=["poverty_relieved"])

    ranked = rank_candidates(post, [plain, relieved])

    assert [seeker.key for seeker, _ in ranked] == ["Q8", "Q7"]
    assert "脱贫人口优先" in ranked[0][1].reasons


def test_a_day_job_far_from_home_is_a_commute_nobody_makes_but_a_full_time_job_there_is_a_move():
    full_timer = welder(desired_cities=[], availability="full_time")
    gig_worker = welder(desired_cities=[], availability="gig")
    far_gig = job(1, "电焊零工", "电焊工", place=resolve_place("从江"), job_type="gig")  # ~130 km
    far_full_time = job(2, "电焊工", "电焊工", place=resolve_place("从江"))

    def far(seeker, posting) -> bool:
        return rank(seeker, [posting], spread=False)[0].signals.get("far_away") == 1.0

    assert far(full_timer, far_gig) and not far(full_timer, far_full_time)
    assert far(gig_worker, far_gig) and far(gig_worker, far_full_time)  # who works by the day stays close


def test_a_post_with_several_jobs_matches_each_trade_it_names():
    from marketplace.occupations.taxonomy import other_occupations

    forklift = occupation("叉车司机")
    named = other_occupations("急招普工、叉车工、质检员", "长白班，包吃住", occupation("普工").id)
    post = job(1, "急招普工、叉车工、质检员", "普工")
    post.doc["other_occupation_ids"] = named
    unrelated = job(2, "招普工", "普工")
    seeker = seeker_from_record({"id": "Q9", "desired_occupations": "开叉车", "availability": "full_time"})

    ranked = rank(seeker, [unrelated, post])

    assert forklift.id in named
    assert ranked[0].posting.id == 1
    assert "工种匹配：叉车司机（多岗位招聘之一）" in ranked[0].reasons


def test_a_seeker_who_filled_in_nothing_is_told_what_would_help():
    ranked = rank(seeker_from_record({"id": "Q0"}), [job(1, "招普工", "普工")])

    assert ranked[0].reasons[-1] == "填写想做的工作和所在地，推荐会更准"


def test_a_job_in_the_city_they_named_never_outranks_their_trade_near_home():
    seeker = welder(desired_cities=["东莞"])
    wrong_trade_there = job(1, "电子厂普工", "电子厂普工", place=DONGGUAN)
    right_trade_home = job(2, "电焊工", "电焊工")

    ranked = rank(seeker, [wrong_trade_there, right_trade_home])

    assert [r.posting.id for r in ranked] == [2, 1]


def test_internships_are_for_graduates_and_their_priority_is_for_their_own_field():
    accounting = job(1, "会计见习", "会计", job_type="internship")
    welding = job(2, "电焊工", "电焊工")
    graduate = seeker_from_record({"id": "G1", "desired_occupations": "电焊", "groups": ["graduate"]})

    for_graduate = {r.posting.id: r for r in rank(graduate, [accounting, welding])}
    for_worker = rank(welder(), [accounting])[0]

    assert "高校毕业生见习岗位" not in for_graduate[1].reasons  # another field: no priority
    assert "就业见习岗位，面向高校毕业生" in for_worker.reasons
    assert for_worker.signals["internship_not_eligible"] == 1.0


def test_near_home_counts_less_than_the_place_they_named():
    seeker = welder(desired_cities=["黄平"])
    at_home = job(1, "电焊工", "电焊工")  # 凯里, where they live
    named = job(2, "电焊工", "电焊工", place=resolve_place("黄平"))

    ranked = {r.posting.id: r for r in rank(seeker, [at_home, named])}

    assert ranked[2].signals["place"] > ranked[1].signals["place"] > 0


def test_a_day_s_work_far_from_home_is_too_far_whatever_the_province():
    seeker = welder(desired_cities=["黎平"], lat=resolve_place("黎平").lat, lng=resolve_place("黎平").lon)
    gig_far = job(1, "电焊工（日结）", "电焊工", job_type="gig")  # 凯里, some 120 km away

    ranked = rank(seeker, [gig_far])[0]

    assert ranked.signals["far_away"] == 1.0
    assert "距离 1" in " ".join(ranked.reasons) and "太远" in " ".join(ranked.reasons)


def test_a_related_trade_is_one_of_the_same_kind_not_any_office_job():
    """办公与专业 holds nurses and accountants; a nurse is offered the pharmacy, not the books."""
    seeker = seeker_from_record({"id": "N1", "desired_occupations": "护士", "lat": KAILI.lat, "lng": KAILI.lon,
                                 "availability": "full_time"})  # fmt: skip
    pharmacy, books = job(1, "药房药剂员", "药剂师"), job(2, "招会计", "会计")

    ranked = {r.posting.id: r for r in rank(seeker, [books, pharmacy])}

    assert "同类工种：医疗卫生" in ranked[1].reasons
    assert not any(reason.startswith("同类工种") for reason in ranked[2].reasons)
    assert ranked[1].score > ranked[2].score


def test_a_public_welfare_post_in_another_county_is_for_its_own_people_and_the_reason_says_so():
    shibing, zhenyuan = resolve_place("施秉"), resolve_place("镇远")
    relieved = seeker_from_record({"id": "Q9", "self_description": "脱贫户，种过烤烟，想找份能兼顾家里的工作",
                                   "groups": ["poverty_relieved"], "lat": shibing.lat, "lng": shibing.lon})  # fmt: skip
    at_home = job(1, "乡村公益性岗位（护林员）", "护林员", place=shibing, job_type="public_welfare", pay=(1800, 1800))
    next_county = job(2, "乡村公益性岗位（护林员）", "护林员", place=zhenyuan, job_type="public_welfare",
                      pay=(1800, 1800))  # fmt: skip

    first, second = rank(relieved, [next_county, at_home], spread=False)

    assert (first.posting.id, second.posting.id) == (1, 2)
    assert "脱贫人口优先" in first.reasons
    assert "公益性岗位招本地人员，不在你所在的施秉县" in second.reasons
    assert "脱贫人口优先" not in second.reasons


def test_what_a_seeker_says_they_do_not_want_ranks_down_not_up():
    said = "从江的，现在在东莞，打零工，日结，不想进厂被管着"
    dongguan_gig = seeker_from_record({"id": "Q10", "self_description": said, "desired_occupations": "日结",
                                       "desired_cities": ["东莞"], "lat": DONGGUAN.lat, "lng": DONGGUAN.lon,
                                       "availability": "gig"})  # fmt: skip
    factory = job(1, "电子厂普工 长白班", "电子厂普工", place=DONGGUAN, pay=(5500, 6500))
    porter = job(2, "装卸工 一天250", "装卸工", place=DONGGUAN, pay=(250, 250), unit="day", job_type="gig")

    first, second = rank(dongguan_gig, [factory, porter], spread=False)

    assert (first.posting.id, second.posting.id) == (2, 1)
    assert occupation("电子厂普工").family_code not in dongguan_gig.sector_codes
    assert any(reason.startswith("你说过不想做") for reason in second.reasons)


def test_a_trade_refused_in_the_same_breath_as_the_one_wanted_is_not_a_want():
    seeker = seeker_from_record({"id": "Q11", "desired_occupations": "不想做服务员了，想学开挖机"})
    waiter, digger = job(1, "餐厅服务员", "餐厅服务员"), job(2, "挖机师傅", "挖掘机司机")

    first, second = rank(seeker, [waiter, digger], spread=False)

    assert occupation("餐厅服务员").id not in seeker.occupation_ids
    assert first.posting.id == 2
    assert "你说过不想做餐厅服务员" in second.reasons


def test_who_will_do_anything_in_the_province_gets_day_labour_near_home_not_150_km_away():
    zhenyuan, congjiang = resolve_place("镇远"), resolve_place("从江")
    labourer = seeker_from_record({
        "id": "Q9", "self_description": "能吃苦 什么都干 有活就行 日结也要 家在镇远", "desired_occupations": "什么都干",
        "desired_cities": ["省内"], "lat": zhenyuan.lat, "lng": zhenyuan.lon, "availability": "both",
    })  # fmt: skip
    far = job(1, "从江 工地 杂工 日结", "建筑普工", place=congjiang, pay=(200, 200), unit="day", job_type="gig")
    near = job(2, "镇远 工地 零工 日结", "建筑普工", place=zhenyuan, pay=(180, 180), unit="day", job_type="gig")

    ranked = rank(labourer, [far, near])

    assert [r.posting.id for r in ranked] == [2, 1]
    assert any(reason.endswith("零工兼职太远") for reason in ranked[1].reasons)
    # A carpenter goes to a project across the province: the rule is for who named no trade.
    carpenter = welder(desired_occupations="木工", self_description="做了十多年木工", certificates=[],
                       desired_cities=["省内"], lat=zhenyuan.lat, lng=zhenyuan.lon)  # fmt: skip
    project = job(3, "从江县城项目 木工", "木工", place=congjiang, pay=(350, 350), unit="day", job_type="gig")
    assert rank(carpenter, [project])[0].signals.get("far_away") is None


def test_a_mother_who_must_be_home_at_night_gets_the_day_shift_first_and_is_told_why():
    mother = seeker_from_record({
        "id": "Q10", "self_description": "在饭店后厨打过杂，洗碗、切菜都做过。晚上不行，要回家管娃。",
        "desired_occupations": "洗碗 帮厨", "desired_cities": ["凯里"], "lat": KAILI.lat, "lng": KAILI.lon,
        "availability": "full_time",
    })  # fmt: skip
    evening = job(1, "洗碗工 下午4点到晚上12点", "洗碗工", pay=(2600, 2600))
    days = job(2, "学校食堂 洗碗 长白班", "洗碗工", pay=(2200, 2200))

    ranked = rank(mother, [evening, days])

    assert [r.posting.id for r in ranked] == [2, 1]
    assert "长白班，合你说的时间" in ranked[0].reasons
    assert "要上晚班，你说过这个时间不行" not in ranked[0].reasons
    assert "要上夜班，你说过这个时间不行" in ranked[1].reasons


def test_who_can_no_longer_do_heavy_work_gets_light_work_first_not_the_site_they_left():
    seeker = seeker_from_record({
        "id": "Q14", "self_description": "在工地干过几年 现在腰不好 重活干不了", "desired_occupations": "轻松点的",
        "desired_cities": ["凯里"], "lat": KAILI.lat, "lng": KAILI.lon, "age": 51, "availability": "full_time",
    })  # fmt: skip
    site = job(1, "工地杂工 日结200", "建筑普工", pay=(200, 200), unit="day")
    gate = job(2, "小区门卫 工作轻松", "保安员", pay=(2200, 2200))

    ranked = rank(seeker, [site, gate])

    assert [r.posting.id for r in ranked] == [2, 1]
    assert "活不重，合你说的身体情况" in ranked[0].reasons
    assert "体力活，你说过干不了重活" in ranked[1].reasons
    assert not seeker.occupation_ids  # the site was his past, not his want


def test_a_refusal_is_not_searched_for():
    seeker = seeker_from_record(
        {"id": "Q11", "self_description": "腰不好 不上夜班 不想进厂", "desired_occupations": "轻松点的"}
    )

    assert "夜班" not in seeker.text and "进厂" not in seeker.text


def test_a_job_in_the_home_province_but_far_from_the_named_city_is_far():
    seeker = welder(desired_cities=["凯里"])  # lives in 凯里 and wants to stay
    zhenyuan = job(1, "镇远 电焊工", "电焊工", place=resolve_place("镇远"))  # 60-odd km off, also in Guizhou

    ranked = rank(seeker, [zhenyuan])

    assert ranked[0].signals.get("far_away") == 1.0
    assert not any("同省" in reason for reason in ranked[0].reasons)
    # A named city in another province still lends its province: 宁波 named, 杭州 is half-way.
    going_east = rank(welder(desired_cities=["宁波"]), [job(2, "电焊工", "电焊工", place=resolve_place("杭州"))])
    assert "与意向工作地同省" in going_east[0].explanation


def test_a_job_that_asks_for_a_deposit_comes_after_honest_ones_and_says_why():
    seeker = seeker_from_record(
        {"id": "Q12", "self_description": "20岁 男 工资高就行", "desired_occupations": "工资高就行",
         "desired_cities": ["东莞"], "expected_salary_min": 6000, "expected_salary_unit": "month"}
    )  # fmt: skip
    bait = job(1, "普工 月入一万 需交押金500 工衣体检 满月退", "普工", place=DONGGUAN, pay=(9000, 10000))
    honest = job(2, "电子厂 普工 长白班 包吃住", "普工", place=DONGGUAN, pay=(5500, 6500))

    ranked = rank(seeker, [bait, honest])

    assert [r.posting.id for r in ranked] == [2, 1]
    assert "要求先交钱：招聘收取押金或费用是违法的，谨防受骗" in ranked[1].reasons


def test_a_job_for_men_only_comes_after_one_she_can_take_and_says_why():
    seeker = seeker_from_record(
        {"id": "Q13", "self_description": "女 45岁 以前在超市上班", "desired_occupations": "保安 保洁都行",
         "desired_cities": ["凯里"], "lat": KAILI.lat, "lng": KAILI.lon}
    )  # fmt: skip
    guard = job(1, "小区保安 男，55岁以下", "保安员", pay=(3000, 3000))
    cleaner = job(2, "小区保洁", "保洁员", pay=(2200, 2200))

    ranked = rank(seeker, [guard, cleaner])

    assert [r.posting.id for r in ranked] == [2, 1]
    assert "岗位只招男性" in ranked[1].reasons
    assert not any("只招" in reason for reason in ranked[0].reasons)


def test_a_stations_post_in_the_city_they_are_going_to_comes_first_among_equals():
    seeker = seeker_from_record(
        {"id": "Q14", "self_description": "24岁 想出去打工 什么都可以", "desired_occupations": "什么都可以",
         "desired_cities": ["东莞"], "lat": KAILI.lat, "lng": KAILI.lon}
    )  # fmt: skip
    private = job(1, "电子厂 普工 包吃住", "普工", place=DONGGUAN)
    station = job(2, "电子厂 普工 包吃住", "普工", place=DONGGUAN, organised=True)
    at_home = job(3, "电子厂 普工 包吃住", "普工")
    at_home.organised = True

    ranked = {r.posting.id: r for r in rank(seeker, [private, station, at_home], spread=False)}

    assert ranked[2].score > ranked[1].score
    assert "劳务协作站组织输出，有专人对接" in ranked[2].reasons
    assert "organised" not in ranked[3].signals  # a job at home is no migration to organise


def test_a_station_is_recognised_by_its_link_or_its_name():
    doc = {"id": 1, "title": "普工", "employer_name": "某电子厂"}
    assert not posting_from_document(doc).organised
    assert posting_from_document({**doc, "station_id": 7}).organised
    assert posting_from_document({**doc, "employer_name": "黔东南州驻宁波劳务协作站"}).organised


def test_a_factory_job_comes_before_a_guard_post_for_a_young_seeker_going_away_with_no_trade():
    seeker = seeker_from_record(
        {"id": "Q15", "self_description": "19岁 在家帮忙种地 想去东莞打工", "desired_occupations": "啥都能干",
         "desired_cities": ["东莞"], "age": 19, "lat": KAILI.lat, "lng": KAILI.lon}
    )  # fmt: skip
    guard = job(1, "小区保安 包吃住", "保安员", place=DONGGUAN)
    factory = job(2, "电子厂 普工 包吃住", "电子厂普工", place=DONGGUAN)

    ranked = rank(seeker, [guard, factory], spread=False)

    assert [r.posting.id for r in ranked] == [2, 1]
    assert any(reason.startswith("外出务工多从这一行做起") for reason in ranked[0].reasons)


def test_an_age_limit_the_seeker_is_past_outweighs_even_their_own_trade():
    # 62, wants 工地零工: a site that takes men up to 60 turns him away at the gate, however well
    # its words fit; a village day's work that takes him is worth more.
    seeker = seeker_from_record({
        "id": "Q15", "self_description": "62岁 以前在工地做小工 身体还硬朗", "desired_occupations": "工地零工",
        "desired_cities": ["凯里"], "lat": KAILI.lat, "lng": KAILI.lon, "age": 62, "availability": "gig",
    })  # fmt: skip
    site = job(1, "工地 小工 日结", "建筑普工", pay=(200, 200), unit="day", age_max=60)
    village = job(2, "村寨修路帮工 日结", "乡村公路养护员", pay=(170, 170), unit="day")

    ranked = rank(seeker, [site, village], semantic={1: 0.6, 2: 0.25})

    assert [r.posting.id for r in ranked] == [2, 1]
    assert "年龄不符：要求60岁以下，你62岁" in ranked[1].reasons


def test_a_driver_is_not_sent_first_to_a_bus_his_licence_does_not_cover():
    driver = seeker_from_record({
        "id": "Q16", "self_description": "在东莞进厂5年 不想再进厂了 汽修或者开车都行 C1照4年",
        "desired_occupations": "开车", "desired_cities": ["凯里"], "lat": KAILI.lat, "lng": KAILI.lon,
        "availability": "full_time",
    })  # fmt: skip
    bus = job(1, "凯里 汽车站 客运司机（A1）", "客车司机")
    ride_hailing = job(2, "网约车司机 车辆可租可带 C1三年以上", "网约车司机", pay=(5000, 8000))

    ranked = rank(driver, [bus, ride_hailing], semantic={1: 0.6, 2: 0.5})

    assert [r.posting.id for r in ranked] == [2, 1]
    assert "需要A1驾照，你的驾照不能开" in ranked[1].reasons


def test_a_post_for_skilled_hands_comes_after_one_anyone_can_start_for_who_never_did_the_work():
    seeker = seeker_from_record(
        {"id": "Q15", "self_description": "初中毕业在家玩了一年 想出去打工", "desired_occupations": "工资高就行",
         "desired_cities": ["东莞"], "lat": KAILI.lat, "lng": KAILI.lon, "age": 19, "availability": "full_time"}
    )  # fmt: skip
    skilled = job(1, "服装厂招熟练平车工 计件", "缝纫工", place=DONGGUAN, pay=(8000, 12000))
    anyone = job(2, "服装厂招普工 包吃住", "普工", place=DONGGUAN, pay=(5500, 6500))

    ranked = rank(seeker, [skilled, anyone])

    assert [r.posting.id for r in ranked] == [2, 1]
    assert "要求有经验，你没做过这一行" in ranked[1].reasons
    # Who has done the work is what the post asks for.
    sewer = seeker_from_record({"id": "Q16", "self_description": "在温州做了五年平车工", "skills": ["平车工"],
                                "desired_occupations": "工资高就行", "desired_cities": ["东莞"]})  # fmt: skip
    assert "要求有经验，你没做过这一行" not in rank(sewer, [skilled])[0].reasons


def test_a_deaf_seeker_gets_quiet_work_before_a_phone_job_that_welcomes_disabled_people():
    seeker = seeker_from_record(
        {"id": "Q17", "self_description": "我是听力残疾，能看懂文字，不太能打电话。手很巧",
         "desired_occupations": "流水线 包装 手工", "desired_cities": ["凯里"], "lat": KAILI.lat, "lng": KAILI.lon,
         "certificates": ["残疾人证（听力三级）"], "availability": "full_time"}
    )  # fmt: skip
    phone = job(1, "话务客服（坐班，欢迎残疾人朋友）包装", "话务员", pay=(4000, 4500))
    packing = job(2, "食品厂招包装工", "包装工", pay=(3000, 3500))

    ranked = rank(seeker, [phone, packing])

    assert [r.posting.id for r in ranked] == [2, 1]
    assert "要接打电话、与人交谈，你说过不方便" in ranked[1].reasons


def test_who_asks_to_learn_a_trade_gets_the_posts_that_teach_before_the_technicians_posts():
    seeker = seeker_from_record(
        {"id": "Q18", "self_description": "男19 刚出来 啥技术都没有 哪里都行 包吃住",
         "desired_occupations": "啥都行 学技术", "desired_cities": ["东莞"], "lat": KAILI.lat, "lng": KAILI.lon,
         "age": 19, "availability": "full_time"}
    )  # fmt: skip
    technician = job(1, "设备维修技术员", "机修工", place=DONGGUAN, pay=(6000, 8000))
    apprentice = job(2, "CNC学徒 包吃住 包教包会", "数控操机员", place=DONGGUAN, pay=(4000, 5000))

    # 技术 is in both what he wrote and the technician's title: the words alone lean that way.
    ranked = rank(seeker, [technician, apprentice], lexical={1: 1.0, 2: 0.5})

    assert [r.posting.id for r in ranked] == [2, 1]
    assert "招学徒，有人教，合你想学技术" in ranked[0].reasons


def test_a_post_that_says_mianyi_is_not_read_as_paying_nothing():
    seeker = welder()  # expects 6,000 a month
    negotiable = job(1, "电焊工 工资面议", "电焊工", pay=(0, 0))

    ranked = rank(seeker, [negotiable])

    assert "薪资面议" in ranked[0].reasons
    assert not any("低于期望" in reason for reason in ranked[0].reasons)
    assert ranked[0].signals["pay"] == 0.5


def test_an_older_seeker_who_named_the_town_is_not_sent_to_a_gate_two_counties_away():
    seeker = seeker_from_record(
        {"id": "Q19", "self_description": "58岁 男 身体好 想找个保安 门卫 凯里城区", "desired_occupations": "保安 门卫",
         "desired_cities": ["凯里"], "lat": KAILI.lat, "lng": KAILI.lon, "age": 58, "availability": "full_time"}
    )  # fmt: skip
    rongjiang = job(1, "仓库看守 门卫", "保安员", place=resolve_place("榕江"), pay=(2000, 2000))  # about 90 km
    kaili = job(2, "小区门卫", "保安员", pay=(2000, 2000))

    ranked = rank(seeker, [rongjiang, kaili])

    assert [r.posting.id for r in ranked] == [2, 1]
    assert ranked[1].signals.get("far_away") == 1.0
