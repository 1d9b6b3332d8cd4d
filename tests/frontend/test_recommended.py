"""为你推荐 for a seeker and 推荐人选 for an employer: ranked, explained, and private where they must be."""

from __future__ import annotations

import pytest

from marketplace.enums import ProfileVisibility
from marketplace.models import Application, WorkerProfile
from tests.factories import EmployerMemberFactory, JobPostingFactory, SeekerFactory

pytestmark = pytest.mark.django_db

KAILI = {"lat": 26.566, "lon": 107.981}
CONGJIANG = {"lat": 25.753, "lon": 108.906}


@pytest.fixture
def welder(seeker, occupations) -> WorkerProfile:
    profile = seeker.profile
    profile.name = "杨师傅"
    profile.current_county = "凯里市"
    profile.lat, profile.lon = KAILI["lat"], KAILI["lon"]
    profile.expected_pay = 6000
    profile.skills = ["二保焊", "看图纸"]
    profile.save()
    profile.wanted_occupations.add(occupations["电焊工"])
    return profile


def test_a_seeker_sees_the_jobs_of_their_trade_nearby_first_each_with_its_reasons(
    client, seeker, welder, employer, occupations, search_index, embedding_model
):
    JobPostingFactory(
        employer=employer, title="招烧焊师傅", occupation=occupations["电焊工"], pay_min=6500, pay_max=8000, **KAILI
    )
    JobPostingFactory(employer=employer, title="从江电焊工", occupation=occupations["电焊工"], **CONGJIANG)
    JobPostingFactory(employer=employer, title="食品包装工", **KAILI)
    search_index()
    client.force_login(seeker)

    html = client.get("/me/recommended/").content.decode()

    assert html.index("招烧焊师傅") < html.index("从江电焊工") < html.index("食品包装工")
    assert "工种匹配：电焊工 · 距离 0.0 公里 · 月薪 6500–8000，高于期望" in html


def test_an_employer_sees_open_profiles_and_applicants_that_fit_with_numbers_and_names_masked(
    client, employer_user, employer, welder, occupations, search_index
):
    posting = JobPostingFactory(employer=employer, title="电焊工", occupation=occupations["电焊工"], **KAILI)
    welder.visibility = ProfileVisibility.OPEN
    welder.save()
    private = SeekerFactory(display_name="不公开的人").profile
    private.name, private.current_county = "吴不公开", "凯里市"
    private.save()
    private.wanted_occupations.add(occupations["电焊工"])
    applied = SeekerFactory().profile
    applied.name, applied.current_county = "龙报名", "凯里市"
    applied.save()
    Application.objects.create(profile=applied, posting=posting, snapshot={})
    search_index()
    client.force_login(employer_user)

    html = client.get(f"/employer/postings/{posting.pk}/candidates/").content.decode()

    assert "杨**" in html and "龙**" in html and "吴" not in html
    assert "杨师傅" not in html and welder.user.phone not in html
    assert welder.user.masked_phone in html
    assert html.index("杨**") < html.index("龙**")  # the welder fits; the applicant named no trade
    assert "工种匹配：电焊工" in html


def test_another_employer_may_not_see_who_fits_a_posting_that_is_not_theirs(client, employer, occupations):
    posting = JobPostingFactory(employer=employer, title="电焊工", occupation=occupations["电焊工"])
    other = EmployerMemberFactory()
    client.force_login(other)

    assert client.get(f"/employer/postings/{posting.pk}/candidates/").status_code == 403


def test_seekers_only_for_recommendations_and_employers_only_for_candidates(client, employer_user, seeker, posting):
    client.force_login(employer_user)
    assert client.get("/me/recommended/").status_code == 403
    client.force_login(seeker)
    assert client.get(f"/employer/postings/{posting.pk}/candidates/").status_code == 403
