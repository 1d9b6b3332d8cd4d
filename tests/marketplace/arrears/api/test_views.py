"""/api/arrears/: a worker complains; the bureau handles the case to its outcome."""

from __future__ import annotations

import pytest

from marketplace.enums import Role
from tests.factories import EmployerMemberFactory, SeekerFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_worker_complains_sees_only_their_cases_and_the_bureau_closes_it(make_client):
    bureau, seeker = UserFactory(role=Role.BUREAU), SeekerFactory(profile__name="杨阿妹")
    worker = make_client(seeker)
    filed = worker.post("/api/arrears/", {"employer_name": "某建筑劳务公司", "description": "三个月没发工资",
                                          "amount": 18000}, format="json")  # fmt: skip
    assert filed.status_code == 201 and filed.json()["worker_name"] == "杨阿妹"
    make_client(SeekerFactory()).post("/api/arrears/", {"employer_name": "别家", "description": "欠薪"}, format="json")

    assert [c["employer_name"] for c in worker.get("/api/arrears/").json()["results"]] == ["某建筑劳务公司"]
    staff = make_client(bureau)
    case_id = filed.json()["id"]
    assert staff.post(f"/api/arrears/{case_id}/steps", {"note": "已约谈"}, format="json").status_code == 201
    closed = staff.post(f"/api/arrears/{case_id}/close", {"outcome": "recovered"}, format="json")
    assert closed.json()["outcome_label"] == "已追回工资"
    assert worker.post(f"/api/arrears/{case_id}/close", {"outcome": "recovered"}, format="json").status_code == 403


def test_employers_get_403(make_client):
    client = make_client(EmployerMemberFactory())
    assert client.get("/api/arrears/").status_code == 403
    assert client.post("/api/arrears/", {"employer_name": "x", "description": "y"}, format="json").status_code == 403
