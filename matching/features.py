"""What the matcher knows about a seeker and a posting, whatever they came from.

The product builds these from the database (a WorkerProfile, a posting's index document); the
evaluation harness builds them from JSONL files. One shape for both means the matcher under
evaluation is exactly the matcher users get.

Free text is read through the taxonomy: "想找烧电焊的活" names 电焊工 because 烧电焊 is one of its
colloquial names, the same lookup that suggests a posting's occupation from its title.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from marketplace.occupations.taxonomy import occupation_families, suggest_occupations
from marketplace.places import Place, resolve_place
from matching.pay import monthly

# Certificates named in free text: 焊工证, 叉车证, 电工证, 健康证, A2驾照, 教师资格证 …
_CERTIFICATE = re.compile(r"([\u4e00-\u9fffA-Za-z0-9]{1,8}?(?:证|驾照|执照|资格))")
_CERT_NOISE = ("持", "有", "需", "要", "须", "必须", "具备", "优先", "相关", "和", "或")
_AGE_RANGE = re.compile(r"(\d{2})\s*[-—~至到]\s*(\d{2})\s*岁")
_EDUCATION_WORDS = (
    ("master", ("硕士", "研究生")),
    ("bachelor", ("本科",)),
    ("college", ("大专", "专科")),
    ("senior", ("高中", "中专", "技校", "职高")),
    ("junior", ("初中",)),
)


@dataclass(frozen=True)
class Seeker:
    key: str
    text: str
    occupation_ids: frozenset[int]
    #: occupation id → the words that named it ("烧电焊"), for the explanation
    occupation_words: dict[int, str]
    family_codes: frozenset[str]
    certificates: tuple[str, ...] = ()
    places: tuple[Place, ...] = ()
    lat: float | None = None
    lon: float | None = None
    expected_pay_month: int | None = None
    education: str = ""
    age: int | None = None
    groups: frozenset[str] = frozenset()
    availability: str = "both"
    job_types: tuple[str, ...] = ()


@dataclass
class Posting:
    """A posting as the index holds it (see matching.search.documents), plus what requirements say."""

    id: int | str
    doc: dict[str, Any]
    certificates: tuple[str, ...] = ()
    education_min: str = ""
    age_min: int | None = None
    age_max: int | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def certificates_in(text: str) -> tuple[str, ...]:
    """Certificate names mentioned in text, as a requirement or as something held."""
    found = []
    for match in _CERTIFICATE.findall(text or ""):
        name = match
        for noise in _CERT_NOISE:
            if name.startswith(noise) and len(name) > len(noise) + 1:
                name = name[len(noise) :]
        if len(name) >= 2 and name not in found:
            found.append(name)
    return tuple(found)


def age_range_in(text: str) -> tuple[int | None, int | None]:
    match = _AGE_RANGE.search(text or "")
    return (int(match.group(1)), int(match.group(2))) if match else (None, None)


def education_in(text: str) -> str:
    for code, words in _EDUCATION_WORDS:
        if any(word + "及以上" in text or word + "以上" in text or "学历" + word in text for word in words):
            return code
    return ""


def occupations_in(*, primary: str, secondary: str = "") -> tuple[frozenset[int], dict[int, str]]:
    """Occupations the taxonomy recognises in what a seeker wrote (wanted trades first, then the rest)."""
    words: dict[int, str] = {}
    for suggestion in suggest_occupations(title=primary, description=secondary, limit=4):
        words.setdefault(suggestion.occupation_id, suggestion.matched)
    return frozenset(words), words


def seeker_from_record(row: dict[str, Any]) -> Seeker:
    """A seeker from the evaluation format (Q.jsonl)."""
    desired = str(row.get("desired_occupations") or "")
    described = str(row.get("self_description") or "")
    skills = [str(s) for s in row.get("skills") or []]
    ids, words = occupations_in(primary=desired, secondary=" ".join([described, *skills]))
    places = tuple(p for p in (resolve_place(str(name)) for name in row.get("desired_cities") or []) if p)
    certificates = tuple(str(c) for c in row.get("certificates") or []) + certificates_in(described)
    availability = str(row.get("availability") or "both")
    education = str(row.get("education") or "")
    education = {"vocational": "senior"}.get(education, education)  # 中专/技校 rank with 高中 here
    return Seeker(
        key=str(row["id"]),
        text=" ".join([desired, described, *skills]).strip(),
        occupation_ids=ids,
        occupation_words=words,
        family_codes=occupation_families(ids),
        certificates=certificates,
        places=places,
        lat=finite_number(row.get("lat")),
        lon=finite_number(row.get("lng", row.get("lon"))),
        expected_pay_month=monthly(
            finite_number(row.get("expected_salary_min")), str(row.get("expected_salary_unit") or "month")
        ),
        education=education,
        age=_int(row.get("age")),
        groups=frozenset(str(g) for g in row.get("groups") or []),
        availability=availability,
    )


def seeker_from_profile(profile) -> Seeker:
    """A seeker from their WorkerProfile: chosen occupations, plus any the taxonomy reads in their words.

    Only confirmed key-group tags count: priority is policy, and staff confirm who it applies to.
    """
    chosen = {o.pk: o.name for o in profile.wanted_occupations.all()}
    skills = [str(s) for s in profile.skills or []]
    certificates = tuple(c.name for c in profile.certificates.all())
    _ids, inferred = occupations_in(primary=" ".join(skills), secondary=profile.intro or "")
    words = {**{i: w for i, w in inferred.items() if not chosen}, **chosen}
    place_names = [str(p) for p in profile.wanted_places or []]
    if profile.current_county:
        place_names.append(profile.current_county)
    places = tuple(p for p in (resolve_place(name) for name in place_names) if p)
    lat, lon = profile.lat, profile.lon
    if (lat is None or lon is None) and profile.current_county and (home := resolve_place(profile.current_county)):
        lat, lon = home.lat, home.lon  # the county seat stands in for a home without coordinates
    ids = frozenset(words)
    return Seeker(
        key=str(profile.pk),
        text=" ".join([*chosen.values(), *skills, profile.intro or "", *certificates]).strip(),
        occupation_ids=ids,
        occupation_words=words,
        family_codes=occupation_families(ids),
        certificates=certificates,
        places=places,
        lat=lat,
        lon=lon,
        expected_pay_month=monthly(profile.expected_pay, profile.expected_pay_unit) if profile.expected_pay else None,
        education=profile.education or "",
        age=profile.age,
        groups=frozenset(t.group for t in profile.group_tags.all() if t.confirmed_at is not None),
        availability={"both": "both"}.get(profile.availability, profile.availability),
        job_types=tuple(profile.wanted_job_types or ()),
    )


def posting_from_document(doc: dict[str, Any], requirements: str = "") -> Posting:
    """A posting from its index document; `requirements` is free text where fields are missing."""
    age_min, age_max = doc.get("age_min"), doc.get("age_max")
    if age_min is None and age_max is None:
        age_min, age_max = age_range_in(requirements)
    return Posting(
        id=doc["id"],
        doc=doc,
        certificates=tuple(doc.get("certificates_required") or ()) or certificates_in(requirements),
        education_min=str(doc.get("education_min") or "") or education_in(requirements),
        age_min=age_min,
        age_max=age_max,
    )


def finite_number(value: Any) -> float | None:
    """A number from loosely typed input (JSON, forms), or None for anything not a finite number."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number == number and abs(number) != float("inf") else None


def _int(value: Any) -> int | None:
    number = finite_number(value)
    return int(number) if number is not None else None
