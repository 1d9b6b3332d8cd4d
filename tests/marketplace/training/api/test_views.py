"""/api/training/: classes and trainees, entered by bureau staff."""

from __future__ import annotations

import pytest
from django.utils import timezone

from marketplace.enums import Role
from tests.factories import SeekerFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_a_class_is_created_and_a_trainee_completes_it(make_client):
    client = make_client(UserFactory(role=Role.BUREAU))
    today = timezone.localdate().isoformat()
    course = client.post("/api/training/courses/", {"name": "电工培训班", "provider": "凯里市职业技能培训学校",
                                                    "county": "凯里市", "starts_on": today, "ends_on": today,
                                                    "certificate": "电工证"}, format="json")  # fmt: skip
    assert course.status_code == 201
    seeker = SeekerFactory(phone="13700005555")

    trainee = {"name": "杨阿妹", "phone": "13700005555", "status": "completed"}
    enrolled = client.post(f"/api/training/courses/{course.json()['id']}/enrolments", trainee, format="json")

    assert enrolled.status_code == 201 and enrolled.json()["phone"] == "137****5555"
    assert seeker.profile.certificates.filter(name="电工证").exists()
    late = {"name": "x", "provider": "y", "county": "凯里市", "starts_on": today, "ends_on": "2000-01-01"}
    backwards = client.post("/api/training/courses/", late, format="json")
    assert backwards.status_code == 400
