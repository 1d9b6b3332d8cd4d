"""/api/plan/: the dashboard's figures and targets for bureau staff, refused to everyone else."""

from __future__ import annotations

import pytest
from django.utils import timezone

from marketplace.enums import Role
from marketplace.plan.enums import Measure
from tests.factories import EmploymentOutcomeFactory, JobPostingFactory, SeekerFactory, UserFactory
from tests.rest import error_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def bureau():
    return UserFactory(role=Role.BUREAU)


def test_bureau_staff_read_every_figure_with_its_months_and_counties(make_client, bureau):
    EmploymentOutcomeFactory(application__posting=JobPostingFactory(county="丹寨县"))
    body = make_client(bureau).get("/api/plan/figures/").json()

    assert [f["measure"] for f in body] == list(Measure.values)
    jobs = body[0]
    assert (jobs["actual"], jobs["unit"], jobs["standing"]) == (1, "人", "no_target")
    assert {c["county"]: c["actual"] for c in jobs["counties"]}["丹寨县"] == 1
    assert jobs["months"][-1] == {"month": timezone.localdate().month, "value": 1}


def test_a_target_is_set_then_changed_only_with_a_reason(make_client, bureau):
    client = make_client(bureau)
    year = timezone.localdate().year
    created = client.post("/api/plan/targets/", {"year": year, "measure": "training", "value": 48000}, format="json")
    assert created.status_code == 201 and created.json()["value"] == 48000

    refused = client.post("/api/plan/targets/", {"year": year, "measure": "training", "value": 1}, format="json")
    assert refused.status_code == 400 and "原因" in str(error_of(refused))

    rate = client.post("/api/plan/targets/", {"year": year, "measure": "good_ratings", "value": 196}, format="json")
    assert rate.status_code == 400
    assert [t["value"] for t in client.get("/api/plan/targets/").json()] == [48000]


def test_other_roles_get_403_in_chinese(make_client):
    response = make_client(SeekerFactory()).get("/api/plan/figures/")
    assert response.status_code == 403 and "没有权限" in str(error_of(response))
    assert make_client().get("/api/plan/figures/").status_code in (401, 403)
