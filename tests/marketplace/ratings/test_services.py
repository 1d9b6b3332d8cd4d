"""好差评: only the person served rates, once; a bad rating reaches the bureau for follow-up."""

from __future__ import annotations

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from marketplace.enums import ApplicationStatus, Role
from marketplace.models import Notification
from marketplace.ratings.enums import Score, Service
from marketplace.ratings.services import rating_give
from tests.factories import ApplicationFactory, JobPostingFactory, SeekerFactory, UserFactory

pytestmark = pytest.mark.django_db


def answered_application(status=ApplicationStatus.REJECTED):
    seeker = SeekerFactory()
    return seeker, ApplicationFactory(profile=seeker.profile, posting=JobPostingFactory(county="丹寨县"), status=status)


def test_a_seeker_rates_the_answer_to_their_application_once_and_it_counts_for_the_posts_county():
    seeker, application = answered_application()
    rating = rating_give(by=seeker, service=Service.APPLICATION, ref_id=application.pk, score=Score.GOOD)
    assert rating.county == "丹寨县"
    with pytest.raises(ValidationError) as refused:
        rating_give(by=seeker, service=Service.APPLICATION, ref_id=application.pk, score=Score.BAD)
    assert "只能评价一次" in refused.value.messages[0]


def test_nobody_rates_a_service_they_did_not_receive():
    _seeker, application = answered_application()
    with pytest.raises(PermissionDenied):
        rating_give(by=SeekerFactory(), service=Service.APPLICATION, ref_id=application.pk, score=Score.BAD)
    waiting, unanswered = answered_application(ApplicationStatus.SUBMITTED)
    with pytest.raises(PermissionDenied):
        rating_give(by=waiting, service=Service.APPLICATION, ref_id=unanswered.pk, score=Score.BAD)


def test_a_bad_rating_is_sent_to_the_bureau_for_follow_up():
    bureau = UserFactory(role=Role.BUREAU)
    seeker, application = answered_application()
    rating_give(by=seeker, service=Service.APPLICATION, ref_id=application.pk, score=Score.BAD, comment="电话打不通")
    assert Notification.objects.get(user=bureau, kind="rating_bad").body == "电话打不通"


@pytest.mark.parametrize(("service", "score"), [("bogus", Score.GOOD), (Service.APPLICATION, "great")])
def test_unknown_services_and_scores_are_refused(service, score):
    seeker, application = answered_application()
    with pytest.raises(ValidationError):
        rating_give(by=seeker, service=service, ref_id=application.pk, score=score)
