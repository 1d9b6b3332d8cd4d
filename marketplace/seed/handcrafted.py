"""Demo data for a first run: employers and published postings from `marketplace/data/demo.json`.

Idempotent (employers keyed by credit code, postings by employer and title), so `make run` can
load it every time without duplicating anything.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from marketplace.enums import PostingStatus, VerificationStatus
from marketplace.models import Employer, JobPosting, Occupation
from marketplace.occupations.services import occupations_load

DEMO_PATH = Path(__file__).resolve().parent.parent / "data" / "demo.json"


@dataclass(frozen=True)
class DemoLoadResult:
    occupations: int
    employers: int
    postings: int


@transaction.atomic
def demo_load(*, path: Path = DEMO_PATH, progress: Callable[[int], None] | None = None) -> DemoLoadResult:
    taxonomy = occupations_load()
    data = json.loads(path.read_text(encoding="utf-8"))
    occupations = {occ.name: occ for occ in Occupation.objects.all()}

    employers: dict[str, Employer] = {}
    for row in data["employers"]:
        employer, _ = Employer.objects.update_or_create(
            credit_code=row["credit_code"],
            defaults={
                "name": row["name"],
                "county": row["county"],
                "address": row.get("address", ""),
                "lat": row.get("lat"),
                "lon": row.get("lon"),
                "contact_name": row.get("contact_name", ""),
                "verification": VerificationStatus.VERIFIED if row.get("verified") else VerificationStatus.PENDING,
            },
        )
        employer.full_clean()
        employers[row["key"]] = employer
        if progress:
            progress(1)

    now = timezone.now()
    for position, row in enumerate(data["postings"]):
        JobPosting.objects.update_or_create(
            employer=employers[row["employer"]],
            title=row["title"],
            defaults={
                "description": row.get("description", ""),
                "occupation": occupations.get(row.get("occupation", "")),
                "job_type": row["job_type"],
                "county": row["county"],
                "address": row.get("address", ""),
                "lat": row.get("lat"),
                "lon": row.get("lon"),
                "pay_min": row["pay_min"],
                "pay_max": row["pay_max"],
                "pay_unit": row["pay_unit"],
                "headcount": row.get("headcount", 1),
                "benefits": row.get("benefits", []),
                "status": PostingStatus.PUBLISHED,
                # Spread over the last days so "newest first" has something to order.
                "published_at": now - timedelta(hours=3 * position),
            },
        )
        if progress:
            progress(1)
    return DemoLoadResult(occupations=taxonomy.occupations, employers=len(employers), postings=len(data["postings"]))


def demo_size(*, path: Path = DEMO_PATH) -> int:
    data = json.loads(path.read_text(encoding="utf-8"))
    return len(data["employers"]) + len(data["postings"])
