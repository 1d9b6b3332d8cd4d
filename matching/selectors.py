"""The read side of job search: what the search page and the search API show.

The index finds and orders; the database has the last word. Hits are read back from the
database in the index's order and anything no longer public (an index a moment behind a
blacklisting, say) is dropped, so a stale document can never show a job the public may not see.

A search that finds nothing is the moment a job seeker gives up, so it never ends there: it
suggests related occupations that do have open jobs, and a wider radius when a distance limit
was what emptied it.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from django.db.models import Count, Q

from marketplace.enums import JobType, ProfileVisibility
from marketplace.models import Application, JobPosting, Occupation, OccupationFamily, WorkerProfile
from marketplace.occupations.taxonomy import related_trade, suggest_occupations, taxonomy_pinned
from marketplace.postings.selectors import posting_list_public
from matching.cached import remembered
from matching.features import posting_from_document, seeker_from_profile
from matching.ranking import rank_candidates, score_pair
from matching.recommend import recommend
from matching.search import get_search_backend
from matching.search.documents import posting_document
from matching.search.query import (
    GeoFilter,
    PostingQuery,
    ProfileQuery,
    highlight,
    parse_posting_query,
)

# Radii tried, in km, when a distance limit found nothing: the first that finds jobs is offered.
# Beyond 300 km a radius is a move to another province, not a wider search: we do not offer it.
WIDER_RADII_KM = (10.0, 30.0, 100.0, 300.0)
RELATED_OCCUPATIONS = 6
# Cosine above which an occupation is near enough in meaning to what was typed to suggest it
# (英语老师 → 中小学教师 0.85, 辅导老师 0.39 is not offered; 修电脑 → 网络管理员 0.54).
RELATED_MEANING = 0.45


@dataclass(frozen=True)
class FacetValue:
    value: str
    label: str
    count: int


@dataclass
class SearchSuggestions:
    """What to try instead when nothing was found."""

    occupations: list[Occupation] = field(default_factory=list)
    wider_radius_km: float | None = None
    wider_total: int = 0

    def __bool__(self) -> bool:
        return bool(self.occupations or self.wider_radius_km)


@dataclass
class PostingSearchPage:
    query: PostingQuery
    total: int
    #: Public postings in the index's order, each with `distance_km` and `title_highlight` set.
    postings: list[JobPosting]
    facets: dict[str, list[FacetValue]]
    suggestions: SearchSuggestions

    @property
    def num_pages(self) -> int:
        return max(1, math.ceil(self.total / self.query.page_size))

    @property
    def has_previous(self) -> bool:
        return self.query.page > 1

    @property
    def has_next(self) -> bool:
        return self.query.page < self.num_pages


@taxonomy_pinned()
def posting_search(params: Mapping[str, Any]) -> PostingSearchPage:
    """Search public postings with request parameters (see `parse_posting_query`).

    Raises QueryError for input the person must change, SearchUnavailable when the engine is down.
    """
    families = dict(OccupationFamily.objects.values_list("code", "name"))
    query = parse_posting_query(params, known_families=set(families))
    backend = get_search_backend()
    result = backend.search_postings(query)
    postings = _hydrate(result.hits, query)
    suggestions = _suggestions(query) if result.total == 0 else SearchSuggestions()
    return PostingSearchPage(
        query=query,
        total=result.total,
        postings=postings,
        facets=_label_facets(result.facets, families, query),
        suggestions=suggestions,
    )


def _hydrate(hits, query: PostingQuery) -> list[JobPosting]:
    by_id = {p.pk: p for p in posting_list_public().filter(pk__in=[hit.id for hit in hits])}
    postings = []
    for hit in hits:
        posting = by_id.get(hit.id)
        if posting is None:  # the index is a moment behind the database: the database wins
            continue
        posting.distance_km = round(hit.distance_km, 1) if hit.distance_km is not None else None
        posting.title_highlight = highlight(posting.title, query.tokens)
        postings.append(posting)
    return postings


def _label_facets(
    facets: dict[str, list[tuple[str, int]]], families: dict[str, str], query: PostingQuery
) -> dict[str, list[FacetValue]]:
    """Facet values with their labels. A chosen value stays listed even when nothing has it now,
    so the person can see, and undo, the filter that emptied the page."""
    labels = {"job_type": dict(JobType.choices), "family_code": families}
    chosen = {"job_type": query.job_types, "county": query.counties, "family_code": query.family_codes,
              "benefits": query.benefits}  # fmt: skip
    labelled = {}
    for name, values in facets.items():
        counts = dict(values)
        pairs = list(values) + [(v, 0) for v in chosen.get(name, ()) if v not in counts]
        labelled[name] = [FacetValue(value=v, label=str(labels.get(name, {}).get(v, v)), count=n) for v, n in pairs]
    return labelled


def _suggestions(query: PostingQuery) -> SearchSuggestions:
    suggestions = SearchSuggestions(occupations=_related_occupations(query))
    geo = query.geo
    if geo is not None and geo.radius_km is not None:
        backend = get_search_backend()
        for radius in WIDER_RADII_KM:
            if radius <= geo.radius_km:
                continue
            wider = dataclasses.replace(
                query, geo=dataclasses.replace(geo, radius_km=radius), page=1, page_size=1, with_facets=False
            )
            total = backend.search_postings(wider).total
            if total:
                suggestions.wider_radius_km, suggestions.wider_total = radius, total
                break
    return suggestions


def _related_occupations(query: PostingQuery) -> list[Occupation]:
    """Occupations near what was asked for that have open jobs now: the same families as the trades
    the taxonomy reads in the query, or else the nearest in meaning. Never the busiest trades
    of the day when they have nothing to do with the query: that reads as noise."""
    asked = set(query.occupation_ids)
    if query.text:
        asked |= {s.occupation_id for s in suggest_occupations(title=query.text, limit=3)}
    families = set(query.family_codes) | set(
        Occupation.objects.filter(pk__in=asked).values_list("family__code", flat=True)
    )
    open_jobs = (
        Occupation.objects.filter(postings__in=posting_list_public().values("pk"))
        .annotate(open_jobs=Count("postings"))
        .select_related("family")
        .exclude(pk__in=asked)
        .order_by("-open_jobs", "code")
    )
    if asked:  # the same kind of work as the trades asked for: a nurse is not offered the books
        kin = [o for o in open_jobs.filter(family__code__in=families) if related_trade(o.pk, asked)]
        if kin:
            return kin[:RELATED_OCCUPATIONS]
    elif families:
        return list(open_jobs.filter(family__code__in=families)[:RELATED_OCCUPATIONS])
    if query.text:
        return _nearest_in_meaning(query.text, list(open_jobs))
    return []


def _nearest_in_meaning(text: str, occupations: list[Occupation]) -> list[Occupation]:
    from matching.embeddings import ModelMissing, get_encoder_or_none

    try:
        encoder = get_encoder_or_none()
    except ModelMissing:
        return []
    if encoder is None or not occupations:
        return []
    vectors = encoder([text, *(" ".join([o.name, *o.synonyms]) for o in occupations)])
    similarity = vectors[1:] @ vectors[0]
    ranked = sorted(zip(similarity.tolist(), range(len(occupations)), strict=True), reverse=True)
    return [occupations[i] for score, i in ranked if score >= RELATED_MEANING][:RELATED_OCCUPATIONS]


@dataclass
class Recommendation:
    """A job recommended to a seeker, or a seeker recommended for a job, and why."""

    score: float
    reasons: list[str]
    distance_km: float | None
    posting: JobPosting | None = None
    profile: WorkerProfile | None = None

    @property
    def explanation(self) -> str:
        return " · ".join(self.reasons)


@taxonomy_pinned()
def jobs_for_seeker(*, profile: WorkerProfile, limit: int = 20) -> list[Recommendation]:
    """为你推荐: public jobs for this seeker, best first, each with its reasons.

    Raises SearchUnavailable when the engine is down (the page says so).
    """
    from matching.embeddings import get_encoder_or_none

    seeker = seeker_from_profile(profile)
    backend = get_search_backend()

    def ranked() -> list[tuple[int, float, list[str], float | None]]:
        found = recommend(backend, seeker, encoder=get_encoder_or_none(), limit=limit)
        return [(r.posting.id, r.score, r.reasons, r.distance_km) for r in found]

    rows = remembered(seeker, f"jobs:{limit}", ranked, kind="postings")
    by_id = {p.pk: p for p in posting_list_public().filter(pk__in=[row[0] for row in rows])}
    out = []
    for posting_id, score, reasons, distance_km in rows:
        posting = by_id.get(posting_id)
        if posting is None:  # the database has the last word
            continue
        posting.distance_km = round(distance_km, 1) if distance_km is not None else None
        out.append(Recommendation(score=score, reasons=list(reasons), distance_km=posting.distance_km, posting=posting))
    return out


CANDIDATE_POOL = 200


@taxonomy_pinned()
def candidates_for_posting(*, posting: JobPosting, limit: int = 20) -> list[Recommendation]:
    """推荐人选: open profiles and applicants that fit a posting, best first, with reasons.

    Only profiles the employer may see: open to employers (from the index, which holds no others)
    or applied to this posting. Personal numbers are never part of what is returned here; pages
    show profiles masked.
    """
    backend = get_search_backend()
    applicants = set(Application.objects.filter(posting=posting).values_list("profile_id", flat=True))

    def ranked() -> list[tuple[int, float, list[str], float | None]]:
        criteria: dict[str, Any] = {}
        if posting.occupation_id:
            criteria["family_codes"] = (posting.occupation.family.code,)
        geo = GeoFilter(lat=posting.lat, lon=posting.lon) if posting.position else None
        hits = backend.search_profiles(ProfileQuery(geo=geo, page_size=CANDIDATE_POOL, **criteria)).hits
        if not hits and criteria:
            hits = backend.search_profiles(ProfileQuery(geo=geo, page_size=CANDIDATE_POOL)).hits
        pool = _candidate_profiles({hit.id for hit in hits} | applicants, posting)
        target = posting_from_document(posting_document(posting))
        found = rank_candidates(target, [seeker_from_profile(p) for p in pool], limit=limit)
        return [(int(seeker.key), r.score, r.reasons, r.distance_km) for seeker, r in found]

    subject = (posting.pk, posting.updated_at.isoformat(), sorted(applicants))
    rows = remembered(subject, f"candidates:{limit}", ranked, kind="profiles")
    by_id = {p.pk: p for p in _candidate_profiles({row[0] for row in rows}, posting)}
    return [
        Recommendation(score=score, reasons=list(reasons), distance_km=distance_km, profile=by_id[profile_id])
        for profile_id, score, reasons, distance_km in rows
        if profile_id in by_id  # the database has the last word: closed or deactivated since
    ]


def _candidate_profiles(ids: set[int], posting: JobPosting):
    """The profiles among `ids` an employer may see for this posting: open ones and its applicants."""
    return (
        WorkerProfile.objects.filter(pk__in=ids, user__is_active=True)
        .filter(Q(visibility=ProfileVisibility.OPEN) | Q(applications__posting=posting))
        .distinct()
        .select_related("user")  # the masked phone on every card
        .prefetch_related("wanted_occupations", "certificates", "group_tags", "experiences")
    )


@taxonomy_pinned()
def applicant_fit(*, posting: JobPosting, profiles: list[WorkerProfile]) -> dict[int, Recommendation]:
    """How well each applicant fits the posting they applied to, with the same reasons 推荐人选 gives:
    the employer reading an applicant list sees trade, distance, pay, age and certificates at once.
    Read from the database only (no search engine), so the list works while search is down."""
    if not profiles:
        return {}
    target = posting_from_document(posting_document(posting))
    fits = {}
    for profile in profiles:
        ranked = score_pair(seeker_from_profile(profile), target)
        fits[profile.pk] = Recommendation(
            score=ranked.score, reasons=ranked.reasons, distance_km=ranked.distance_km, profile=profile
        )
    return fits
