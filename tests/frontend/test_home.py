"""The mobile home page lists what a job seeker can apply to, in Chinese."""

from datetime import timedelta

import pytest
from django.utils import timezone

from marketplace.enums import PostingStatus
from marketplace.models import Employer, JobPosting
from tests.factories import EmployerFactory, JobPostingFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def employer() -> Employer:
    return EmployerFactory(name="凯里市黔味食品有限公司")


def posting(employer: Employer, title: str, status: str, age_hours: int = 0) -> JobPosting:
    return JobPostingFactory(
        employer=employer,
        title=title,
        pay_min=4500,
        pay_max=6000,
        status=status,
        benefits=["包吃住"],
        published_at=timezone.now() - timedelta(hours=age_hours),
    )


def test_home_lists_published_postings_newest_first_and_hides_the_rest(client, employer):
    posting(employer, "食品包装工", PostingStatus.PUBLISHED, age_hours=5)
    posting(employer, "仓库理货员", PostingStatus.PUBLISHED, age_hours=1)
    posting(employer, "草稿中的岗位", PostingStatus.DRAFT)
    posting(employer, "已暂停的岗位", PostingStatus.PAUSED)

    html = client.get("/").content.decode()

    assert html.index("仓库理货员") < html.index("食品包装工")
    assert "草稿中的岗位" not in html
    assert "已暂停的岗位" not in html
    assert "4500–6000 元/月" in html
    assert "包吃住" in html
    assert "已认证" in html


def test_home_without_postings_says_so_in_chinese(client):
    response = client.get("/")

    assert response.status_code == 200
    assert "暂时没有招聘中的岗位" in response.content.decode()
