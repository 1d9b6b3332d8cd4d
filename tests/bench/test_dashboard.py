"""The dashboard benchmark runs end to end at a tiny size on the test database.

No timing is asserted: the figures depend on the machine and on what else runs on it.
"""

from __future__ import annotations

import pytest

from bench.dashboard import DashboardOptions, run
from marketplace.models import EmploymentOutcome, RosterEntry, TrainingEnrolment, WorkerProfile

pytestmark = pytest.mark.django_db


def test_the_dashboard_benchmark_makes_a_year_of_records_and_times_the_page(capsys):
    report = run(DashboardOptions(people=2000, renders=2, progress=False))

    assert WorkerProfile.objects.count() == 2000
    assert RosterEntry.objects.count() == 601 and TrainingEnrolment.objects.count() == 201
    assert EmploymentOutcome.objects.count() > 100
    assert len(report.times_ms) == 2 and report.first_ms > 0
    out = capsys.readouterr().out
    assert "people 2,000" in out and "p95" in out and ("targets met" in out or "targets NOT met" in out)
