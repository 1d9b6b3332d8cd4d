"""Synthetic posting documents for the search benchmark, without a database.

The documents have exactly the shape `matching.search.documents.posting_document` gives the
index, and their text goes through the real `matching.text.analyze` and pay through
`matching.pay.monthly`, so the benchmark measures what production indexes. The words come from
the project's own data: the occupation taxonomy (names, synonyms), the prefecture's counties and
towns with the seed data's coordinates, and the demo seed's title, pay and benefit rules.
Everything is drawn from `random.Random(seed)` and a fixed reference time: same seed, same corpus.
"""

from __future__ import annotations

import datetime
import json
import random
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from marketplace.enums import IntegrityGrade, JobType
from marketplace.occupations.services import TAXONOMY_PATH
from marketplace.places import COUNTIES
from marketplace.seed import catalogue, jobs
from marketplace.seed.places import DESTINATIONS, city_point, local_point, pick_county
from matching.pay import monthly
from matching.search.documents import DESCRIPTION_CHARS, posting_version
from matching.text import analyze

# Fixed, so the same seed gives the same documents whatever day the benchmark runs; the query
# filters ("posted within 7 days") are relative to now, so postings are dated relative to it too.
REFERENCE_UPDATED_AT = datetime.datetime(2024, 3, 1, 8, 0, tzinfo=datetime.UTC)
JOB_TYPE_WEIGHTS = (
    (JobType.FULL_TIME, 55),
    (JobType.GIG, 18),
    (JobType.PART_TIME, 10),
    (JobType.INTERNSHIP, 7),
    (JobType.PUBLIC_WELFARE, 10),
)
# Share of postings by coastal employers recruiting through the labour-cooperation stations.
COASTAL_SHARE = 0.2
# Share of postings whose employer gave no usable address (no coordinates in the index).
NO_LOCATION_SHARE = 0.02
EMPLOYERS = 3000


@dataclass(frozen=True)
class Occupation:
    id: int
    name: str
    synonyms: tuple[str, ...]
    skills: tuple[str, ...]
    family_code: str
    family_name: str


@dataclass
class AnalysisClock:
    """Seconds spent in jieba (matching.text.analyze), kept apart from the indexing time."""

    seconds: float = 0.0
    calls: int = 0

    def analyze(self, text: str) -> str:
        start = time.perf_counter()
        result = analyze(text)
        self.seconds += time.perf_counter() - start
        self.calls += 1
        return result


@dataclass
class Taxonomy:
    occupations: list[Occupation]
    by_family: dict[str, list[Occupation]] = field(default_factory=dict)

    @classmethod
    def load(cls) -> Taxonomy:
        """The shipped taxonomy file, numbered in file order as a fresh load numbers it."""
        data = json.loads(TAXONOMY_PATH.read_text(encoding="utf-8"))
        occupations: list[Occupation] = []
        for family in data["families"]:
            for occ in family["occupations"]:
                occupations.append(
                    Occupation(
                        id=len(occupations) + 1,
                        name=occ["name"],
                        synonyms=tuple(occ.get("synonyms", [])),
                        skills=tuple(occ.get("skills", [])),
                        family_code=family["code"],
                        family_name=family["name"],
                    )
                )
        taxonomy = cls(occupations)
        for occ in occupations:
            taxonomy.by_family.setdefault(occ.family_code, []).append(occ)
        return taxonomy


def _occupation(rng: random.Random, taxonomy: Taxonomy, job_type: str) -> Occupation:
    if job_type == JobType.PUBLIC_WELFARE:
        return rng.choice(taxonomy.by_family["F11"])
    if job_type == JobType.INTERNSHIP:
        roles = [o for o in taxonomy.occupations if o.name in catalogue.INTERNSHIP_ROLES]
        return rng.choice(roles)
    market = [o for o in taxonomy.occupations if o.family_code != "F11"]
    return rng.choice(market)


def _description(rng: random.Random, occ: Occupation, job_type: str, schedule: str, benefits: list[str]) -> str:
    parts = [catalogue.DUTIES[occ.family_code].format(occ=occ.name, months=rng.randint(3, 18))]
    if job_type in catalogue.EXTRA:
        parts.append(catalogue.EXTRA[job_type].format(months=rng.choice((3, 6, 12))))
    parts.append(f"工作时间：{schedule.format(days=rng.randint(2, 7))}。")
    if benefits:
        parts.append("福利待遇：" + "、".join(benefits) + "。")
    parts.append(rng.choice(("年龄18–50岁，男女不限。", "年龄不限，能吃苦就行。", "有经验者优先，新手可以带。")))
    return "".join(parts)


def generate_postings(
    count: int, *, seed: int, clock: AnalysisClock | None = None, now: datetime.datetime | None = None
) -> Iterator[dict[str, Any]]:
    """`count` posting documents with ids 1…count, deterministic for a seed (and a `now`)."""
    rng = random.Random(seed)  # noqa: S311 - reproducible test data, not secrets
    taxonomy = Taxonomy.load()
    clock = clock or AnalysisClock()
    now = now or datetime.datetime.now(datetime.UTC)
    for pk in range(1, count + 1):
        # Plain strings, as model fields hold them (the choices enums are str subclasses).
        job_type = str(rng.choices([t for t, _ in JOB_TYPE_WEIGHTS], [w for _, w in JOB_TYPE_WEIGHTS])[0])
        occ = _occupation(rng, taxonomy, job_type)
        coastal = job_type == JobType.FULL_TIME and rng.random() < COASTAL_SHARE / 0.55
        if coastal:
            dest = rng.choice(DESTINATIONS)
            county, town, station = dest.city, rng.choice(dest.districts), dest.station
            lat, lon = city_point(rng, dest)
        else:
            home = pick_county(rng, urban_bias=2.0)
            county, town, station = home.name, rng.choice(home.towns), ""
            lat, lon = local_point(rng, home, town)
        unit = str(jobs.pay_unit(rng, job_type, occ.family_code, occ.name))
        template, schedule = jobs.title_and_schedule(
            rng, job_type=job_type, family=occ.family_code, occupation=occ.name, unit=unit, coastal=coastal
        )
        title = template.format(
            occ=occ.name,
            town=town,
            county=county,
            n=rng.randint(2, 10),
            days=rng.randint(2, 7),
            city=county,
            district=town,
            station=station,
        )[:80]
        pay_min, pay_max = jobs.pay_range(
            rng, family=occ.family_code, occupation=occ.name, unit=unit, job_type=job_type, coastal=coastal
        )
        benefits = jobs.benefits(rng, occ.family_code, job_type)
        age_min, age_max = jobs.age_range(rng, occ.family_code, job_type)
        certificates = jobs.certificate_skills(list(occ.skills))[:1] if rng.random() < 0.5 else []
        description = _description(rng, occ, job_type, schedule, benefits)
        employer_id = rng.randint(1, EMPLOYERS)
        brand = catalogue.BRANDS[employer_id % len(catalogue.BRANDS)]
        verified = rng.random() < 0.85
        grade = rng.choices(IntegrityGrade.values, [3, 6, 1])[0]
        updated_at = REFERENCE_UPDATED_AT + datetime.timedelta(seconds=pk)
        published_at = now - datetime.timedelta(minutes=rng.randint(0, 90 * 24 * 60))
        yield {
            "id": pk,
            "version": posting_version(updated_at, "verified" if verified else "pending", grade),
            "title": title,
            "title_tokens": clock.analyze(title),
            "description_tokens": clock.analyze(description),
            "occupation_tokens": clock.analyze(" ".join([occ.name, *occ.synonyms])),
            "occupation_id": occ.id,
            "occupation_name": occ.name,
            "family_code": occ.family_code,
            "family_name": occ.family_name,
            "job_type": job_type,
            "county": county,
            "town": town,
            "location": None if rng.random() < NO_LOCATION_SHARE else {"lat": lat, "lon": lon},
            "pay_min": pay_min,
            "pay_max": pay_max,
            "pay_unit": unit,
            "pay_min_month": monthly(pay_min, unit),
            "pay_max_month": monthly(pay_max, unit),
            "benefits": benefits,
            "headcount": rng.randint(1, 30),
            "published_at": published_at.isoformat(),
            "employer_id": employer_id,
            "employer_name": f"{county[:-1]}{brand}{employer_id:04d}号单位",
            "employer_verified": verified,
            "integrity_grade": grade,
            "description": description[:DESCRIPTION_CHARS],
            "certificates_required": certificates,
            "education_min": str(jobs.education_min(rng, occ.family_code, job_type)),
            "age_min": age_min,
            "age_max": age_max,
        }


def county_names() -> list[str]:
    """The prefecture's counties and the destination cities, as postings name them."""
    return [c.name for c in COUNTIES] + [d.city for d in DESTINATIONS]
