"""People and data the page tests share: one of each role, a verified employer with a live job."""

from __future__ import annotations

import json
import os
import re
import secrets
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from marketplace.enums import Role
from marketplace.models import CooperationStation, Employer, JobPosting, Occupation, OccupationFamily, User
from tests.conftest import ROOT
from tests.factories import (
    EmployerFactory,
    EmployerMemberFactory,
    JobPostingFactory,
    SeekerFactory,
    StationFactory,
    StationStaffFactory,
    UserFactory,
)


@pytest.fixture(autouse=True)
def _media_in_tmp(settings, tmp_path) -> None:
    """Uploads of a test stay in its own folder."""
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def occupations() -> Iterator[dict[str, Occupation]]:
    """A small taxonomy; the suggestion cache is cleared so it sees exactly these rows."""
    from marketplace.occupations.taxonomy import taxonomy_changed

    building = OccupationFamily.objects.create(code="T01", name="建筑施工", sort_order=0)
    factory = OccupationFamily.objects.create(code="T02", name="制造业与工厂普工", sort_order=1)
    rows = {
        "电焊工": Occupation.objects.create(code="T01-1", name="电焊工", family=building, synonyms=["焊工", "烧电焊"]),
        "钢筋工": Occupation.objects.create(code="T01-2", name="钢筋工", family=building, synonyms=["扎钢筋"]),
        "电子厂普工": Occupation.objects.create(code="T02-1", name="电子厂普工", family=factory, synonyms=["普工"]),
    }
    taxonomy_changed()
    yield rows
    taxonomy_changed()


@pytest.fixture
def employer() -> Employer:
    return EmployerFactory(name="凯里市黔味食品有限公司")


@pytest.fixture
def employer_user(employer) -> User:
    return EmployerMemberFactory(employer=employer, display_name="王经理")


@pytest.fixture
def seeker() -> User:
    return SeekerFactory(display_name="杨师傅")


@pytest.fixture
def station() -> CooperationStation:
    return StationFactory(name="驻东莞劳务协作站", city="东莞市")


@pytest.fixture
def station_user(station) -> User:
    return StationStaffFactory(station=station, display_name="协作站小吴")


@pytest.fixture
def bureau_user() -> User:
    return UserFactory(role=Role.BUREAU, display_name="人社局小李")


@pytest.fixture
def posting(employer) -> JobPosting:
    return JobPostingFactory(employer=employer, title="食品包装工", benefits=["包吃住"])


@pytest.fixture
def users(seeker, employer_user, station_user, bureau_user) -> dict[str, User]:
    """One signed-up account per role, keyed by role value."""
    return {Role.SEEKER: seeker, Role.EMPLOYER: employer_user, Role.STATION: station_user, Role.BUREAU: bureau_user}


@dataclass(frozen=True)
class DemoEmployerAccount:
    phone: str
    password: str
    employer_name: str
    posting_id: int
    posting_title: str


@pytest.fixture(scope="session")
def demo_employer_account(embedded_server) -> DemoEmployerAccount:
    """An employer login, inside the embedded server's database, for the company of a published demo job."""
    demo = json.loads((ROOT / "marketplace" / "data" / "demo.json").read_text(encoding="utf-8"))
    posting = demo["postings"][0]
    employer = next(e for e in demo["employers"] if e["key"] == posting["employer"])
    number = f"137{secrets.randbelow(10**8):08d}"
    password = "Zhaopin-" + secrets.token_hex(4)
    script = (
        "from marketplace.models import Employer, JobPosting, User\n"
        f"employer = Employer.objects.get(credit_code={employer['credit_code']!r})\n"
        f"User.objects.create_user({number!r}, {password!r}, role='employer', employer=employer,"
        " display_name='王经理')\n"
        f"print('POSTING_ID=%d' % JobPosting.objects.get(employer=employer, title={posting['title']!r}).pk)\n"
    )
    # The same environment the embedded_server fixture gives the server: its settings, its var/ folder.
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "REDIS_URL", "ELASTICSEARCH_URL"}}
    env.update({"DJANGO_SETTINGS_MODULE": "config.settings.embedded", "JYT_VAR_DIR": str(embedded_server.var_dir)})
    result = subprocess.run(
        [sys.executable, str(ROOT / "manage.py"), "shell", "-c", script],
        env=env,
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    posting_id = int(re.search(r"POSTING_ID=(\d+)", result.stdout).group(1))
    return DemoEmployerAccount(number, password, employer["name"], posting_id, posting["title"])
