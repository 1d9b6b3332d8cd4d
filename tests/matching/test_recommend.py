"""Where recommendations come from: the doors candidates come in by, on both engines."""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from marketplace.enums import JobType
from marketplace.places import resolve_place
from matching.features import seeker_from_record
from matching.recommend import recommend
from matching.search.documents import build_documents
from tests.factories import JobPostingFactory

pytestmark = pytest.mark.django_db

KAILI = resolve_place("凯里")


def test_a_public_welfare_post_reaches_the_people_it_is_for_when_many_jobs_are_nearer_and_newer(backend):
    welfare = JobPostingFactory(
        title="城镇公益性岗位招聘公告", job_type=JobType.PUBLIC_WELFARE, county="凯里市",
        lat=KAILI.lat + 0.1, lon=KAILI.lon, pay_min=1790, pay_max=1790,
        published_at=timezone.now() - datetime.timedelta(days=3),
    )  # fmt: skip
    # More jobs than any one search brings back, every one nearer and newer.
    JobPostingFactory.create_batch(120, title="电子厂普工", county="凯里市", lat=KAILI.lat, lon=KAILI.lon)
    backend.index_documents("postings", list(build_documents("postings")))
    record = {"id": "W1", "self_description": "58岁 刚搬到安置点 什么都能干", "lat": KAILI.lat, "lng": KAILI.lon,
              "availability": "full_time"}  # fmt: skip
    older = seeker_from_record({**record, "groups": ["older_worker"]})
    younger = seeker_from_record({**record, "id": "W2", "self_description": "24岁 什么都能干"})

    for_older = {r.posting.id: r for r in recommend(backend, older, limit=200)}
    for_younger = {r.posting.id: r for r in recommend(backend, younger, limit=200)}

    assert welfare.pk in for_older, "the post for them never reached the ranking"
    assert "大龄劳动者优先" in for_older[welfare.pk].reasons
    assert welfare.pk not in for_younger  # nobody else is shown it from this door
