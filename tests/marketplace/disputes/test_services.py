"""Dispute cases: numbered per track and year, closed with an outcome of their track, escalated."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError

from marketplace.disputes import services
from marketplace.disputes.enums import DisputeKind, Outcome, Track
from marketplace.enums import Role
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def bureau():
    return UserFactory(role=Role.BUREAU)


def open_case(bureau, track=Track.MEDIATION):
    return services.dispute_open(by=bureau, kind=DisputeKind.WAGES, track=track, county="凯里市",
                                 applicant_name="张某", respondent_name="某建筑公司")  # fmt: skip


def test_cases_are_numbered_per_track_and_year(bureau):
    first, second, arbitration = open_case(bureau), open_case(bureau), open_case(bureau, Track.ARBITRATION)
    year = first.opened_on.year
    assert [first.number, second.number, arbitration.number] == [f"调{year}-0001", f"调{year}-0002", f"仲{year}-0001"]


def test_a_mediation_cannot_be_closed_with_an_arbitration_award(bureau):
    with pytest.raises(ValidationError) as refused:
        services.dispute_close(by=bureau, case=open_case(bureau), outcome=Outcome.AWARD)
    assert "调解成功" in refused.value.message_dict["outcome"][0]


def test_a_failed_mediation_goes_on_to_arbitration_linked_to_it(bureau):
    case = services.dispute_close(by=bureau, case=open_case(bureau), outcome=Outcome.MEDIATION_FAILED)
    arbitration = services.dispute_escalate(by=bureau, case=case)
    assert (arbitration.track, arbitration.from_mediation) == (Track.ARBITRATION, case)
    with pytest.raises(ValidationError):
        services.dispute_close(by=bureau, case=case, outcome=Outcome.MEDIATED)  # closed once
