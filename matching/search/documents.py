"""The documents the index holds, built from the database (the source of truth).

Only what the public may find goes in: published, valid postings of employers not on the
blacklist, and profiles whose owner opened them to employers, without ID or phone numbers.
`version` is the row's last change, so reconciliation can spot a stale document.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from django.conf import settings
from django.db.models import Prefetch, QuerySet

from marketplace.models import GroupTag, JobPosting, WorkerProfile
from marketplace.occupations.taxonomy import other_occupations
from marketplace.places import workplace_codes
from marketplace.postings.selectors import posting_list_public
from marketplace.privacy import without_personal_numbers
from matching.pay import monthly
from matching.text import analyze

DESCRIPTION_CHARS = 500
POSTINGS = "postings"
PROFILES = "profiles"
KINDS = (POSTINGS, PROFILES)


def posting_source() -> QuerySet[JobPosting]:
    """Every posting that belongs in the index."""
    return posting_list_public().select_related("employer", "occupation", "occupation__family").order_by("pk")


def profile_source() -> QuerySet[WorkerProfile]:
    return (
        WorkerProfile.objects.filter(visibility="open", user__is_active=True)
        .select_related("user")
        .prefetch_related(
            "wanted_occupations__family",
            Prefetch("group_tags", queryset=GroupTag.objects.filter(confirmed_at__isnull=False)),
        )
        .order_by("pk")
    )


# Bumped when a posting document gains a field, so reconciliation re-indexes every posting.
POSTING_SCHEMA = "trades-3"


def posting_version(updated_at, verification: str, grade: str) -> str:
    """A posting document depends on its employer too: a verification or grade change makes it stale."""
    return f"{updated_at.isoformat()}|{verification}|{grade}|{POSTING_SCHEMA}"


def posting_document(posting: JobPosting) -> dict[str, Any]:
    occupation = posting.occupation
    occupation_words = " ".join([occupation.name, *occupation.synonyms]) if occupation else ""
    return {
        "id": posting.pk,
        "version": posting_version(posting.updated_at, posting.employer.verification, posting.employer.integrity_grade),
        "title": posting.title,
        "title_tokens": analyze(posting.title),
        "description_tokens": analyze(posting.description),
        "occupation_tokens": analyze(occupation_words),
        "occupation_id": occupation.pk if occupation else None,
        "occupation_name": occupation.name if occupation else "",
        "family_code": occupation.family.code if occupation else "",
        "family_name": occupation.family.name if occupation else "",
        "job_type": posting.job_type,
        "county": posting.county,
        "town": posting.town,
        "location": {"lat": posting.lat, "lon": posting.lon} if posting.position else None,
        "place_codes": workplace_codes(posting.county, posting.town, *(posting.position or (None, None))),
        # Read by ranking only (not indexed): the other trades a post with several jobs names.
        "other_occupation_ids": other_occupations(posting.title, posting.description, posting.occupation_id),
        "pay_min": posting.pay_min,
        "pay_max": posting.pay_max,
        "pay_unit": posting.pay_unit,
        "pay_min_month": monthly(posting.pay_min, posting.pay_unit),
        "pay_max_month": monthly(posting.pay_max, posting.pay_unit),
        "benefits": list(posting.benefits),
        "headcount": posting.headcount,
        "published_at": posting.published_at.isoformat() if posting.published_at else None,
        "employer_id": posting.employer_id,
        "employer_name": posting.employer.name,
        "employer_verified": posting.employer.is_verified,
        "station_id": posting.station_id,  # organised migration (matching.ranking)
        "integrity_grade": posting.employer.integrity_grade,
        # Read by the matcher (requirements, and the text its embedding is made from).
        "description": posting.description[:DESCRIPTION_CHARS],
        "schedule": posting.schedule,  # 工作时间: the shifts (matching.hours)
        "certificates_required": list(posting.certificates_required),
        "education_min": posting.education_min,
        "age_min": posting.age_min,
        "age_max": posting.age_max,
    }


def profile_document(profile: WorkerProfile) -> dict[str, Any]:
    occupations = list(profile.wanted_occupations.all())
    return {
        "id": profile.pk,
        "version": profile.updated_at.isoformat(),
        "skills_tokens": analyze(without_personal_numbers(" ".join(profile.skills))),
        "intro_tokens": analyze(without_personal_numbers(profile.intro)),
        "occupation_tokens": analyze(" ".join(o.name for o in occupations)),
        "occupation_ids": [o.pk for o in occupations],
        "family_codes": sorted({o.family.code for o in occupations}),
        "county": profile.current_county,
        "town": profile.current_town,
        "location": {"lat": profile.lat, "lon": profile.lon} if profile.position else None,
        "education": profile.education,
        "availability": profile.availability,
        "job_types": list(profile.wanted_job_types),
        "expected_pay_month": monthly(profile.expected_pay, profile.expected_pay_unit),
        "key_groups": sorted(t.group for t in profile.group_tags.all()),
        "gender": profile.gender,
        "birth_year": profile.birth_year,
    }


def posting_text(doc: dict[str, Any]) -> str:
    """What a posting's embedding is made from: what it is, in the words a seeker would compare."""
    description = doc.get("description") or doc.get("description_tokens") or ""
    parts = [doc.get("title") or "", doc.get("occupation_name") or "", description[:200]]
    return " ".join(p for p in parts if p)


def profile_text(doc: dict[str, Any]) -> str:
    return " ".join(doc.get(f) or "" for f in ("occupation_tokens", "skills_tokens", "intro_tokens")).strip()


def embedding_version() -> str:
    """The configured model's version, or "none" when there is no model to embed with.

    Part of every document's version: a new model makes every document stale, so reconciling
    (or rebuilding) recomputes the embeddings.
    """
    from matching.embeddings import ModelMissing, model_version

    try:
        return model_version() if str(settings.MATCHING_EMBEDDING_MODEL or "").strip() else "none"
    except ModelMissing:
        return "none"


def attach_embeddings(kind: str, docs: list[dict[str, Any]], version: str) -> None:
    """Embed a batch of documents with the configured model, in place.

    A text the model knows nothing of embeds as zeros; such a document gets no vector (cosine kNN
    cannot use one), which the matcher reads as "no meaning signal".
    """
    if version != "none" and docs:
        from matching.embeddings import encode

        text = posting_text if kind == POSTINGS else profile_text
        vectors = encode([text(doc) for doc in docs])
        for doc, vector in zip(docs, vectors, strict=True):
            if float(vector @ vector) > 0.0:
                doc["embedding"] = [round(float(x), 6) for x in vector]
    for doc in docs:
        doc["embedding_model"] = version
        doc["version"] = f"{doc['version']}|{version}"


def build_documents(kind: str, ids: Iterable[int] | None = None, *, batch: int = 500) -> Iterator[dict[str, Any]]:
    """Documents of `kind`, all or for the given ids (ids not returned belong out of the index).

    Built in batches so each batch is embedded in one call to the model.
    """
    if kind == POSTINGS:
        qs, build = posting_source(), posting_document
    elif kind == PROFILES:
        qs, build = profile_source(), profile_document
    else:
        raise ValueError(f"unknown index kind {kind!r}")
    if ids is not None:
        qs = qs.filter(pk__in=list(ids))
    version = embedding_version()
    pending: list[dict[str, Any]] = []
    for obj in qs.iterator(chunk_size=batch) if ids is None else qs:
        pending.append(build(obj))
        if len(pending) >= batch:
            attach_embeddings(kind, pending, version)
            yield from pending
            pending = []
    attach_embeddings(kind, pending, version)
    yield from pending


def source_versions(kind: str) -> dict[int, str]:
    """id → version of everything that should be in the index, for reconciliation."""
    model = embedding_version()
    if kind == POSTINGS:
        rows = posting_source().values_list("pk", "updated_at", "employer__verification", "employer__integrity_grade")
        return {pk: f"{posting_version(u, verification, grade)}|{model}" for pk, u, verification, grade in rows}
    return {pk: f"{updated.isoformat()}|{model}" for pk, updated in profile_source().values_list("pk", "updated_at")}
