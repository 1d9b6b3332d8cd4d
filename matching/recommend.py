"""Recommendations: gather candidates from the index in several ways, then rank them.

A seeker's words alone miss the job titled 招烧焊师傅 when they wrote 电焊; their trade alone
misses the job in the destination city they named; a far-away job in the right trade is worse
than a near one. So candidates come in by several doors, each a plain query on the search
backend (and so the same on Elasticsearch and the embedded engine):

- words: BM25 on what they wrote;
- trade: postings of the occupations the taxonomy read in it, and of their families, nearest first;
- places: postings in each destination they accept;
- meaning: kNN on the embedding of what they wrote (when the backend holds vectors);
- and for the groups public-welfare posts are for, those posts, nearest first.

Then matching.ranking orders the union with every signal and explains each result.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from marketplace.places import Area
from matching.features import Posting, Seeker, posting_from_document
from matching.ranking import DESTINATION_KM, WELFARE_GROUPS, Ranked, rank
from matching.search.base import BaseSearchBackend
from matching.search.documents import posting_text
from matching.search.query import GeoFilter, PostingQuery, SearchHit
from matching.text import query_tokens

POOL = 50  # candidates per door
MAX_QUERY_TOKENS = 24  # a long self-description's first words; each more token is an OR the engine pays for
BASELINE_QUERY_TOKENS = 40
COMMON_TOKEN_SHARE = 0.2  # words in more than a fifth of postings name no trade and cost a pass over them

Encoder = Callable[[list[str]], np.ndarray]


@dataclass(frozen=True)
class Candidates:
    postings: dict[object, Posting]
    lexical: dict[object, float]


def gather(backend: BaseSearchBackend, seeker: Seeker, *, vector: list[float] | None = None) -> Candidates:
    postings: dict[object, Posting] = {}
    lexical: dict[object, float] = {}

    def take(hits: list[SearchHit], *, scored: bool = False) -> None:
        for hit in hits:
            if hit.id not in postings:
                postings[hit.id] = posting_from_document(hit.doc, hit.doc.get("requirements", ""))
            if scored:
                lexical[hit.id] = max(lexical.get(hit.id, 0.0), hit.score)

    tokens = tuple(query_tokens(seeker.text))[:MAX_QUERY_TOKENS]
    if tokens:
        take(_search(backend, tokens=tokens, common_token_share=COMMON_TOKEN_SHARE), scored=True)
    home = GeoFilter(lat=seeker.lat, lon=seeker.lon) if seeker.lat is not None and seeker.lon is not None else None
    if seeker.occupation_ids:
        take(_search(backend, occupation_ids=tuple(seeker.occupation_ids), geo=home))
        take(_search(backend, family_codes=tuple(seeker.family_codes), geo=home))
    for where in _area_criteria(seeker.areas):
        if seeker.family_codes:
            take(_search(backend, family_codes=tuple(seeker.family_codes), **where))
        if not seeker.family_codes or seeker.vague:
            take(_search(backend, **where))
    if home is not None and not seeker.occupation_ids:
        take(_search(backend, geo=home))  # nothing else to go on: what is near
    if seeker.groups & WELFARE_GROUPS:
        # Public-welfare posts exist for these people (公益性岗位安置); their words seldom name one.
        # They place the people of their own county (本地户籍): the home county's, where it is known.
        county = seeker.home.county
        local = {"place_codes": (county.code,)} if county is not None else {}
        take(_search(backend, job_types=("public_welfare",), geo=home, **local))
    if vector is not None:
        take(backend.knn_postings(vector, k=POOL))
    if not postings:
        take(_search(backend))  # an empty profile still sees the newest jobs, with reasons saying why
    return Candidates(postings=postings, lexical=lexical)


def _area_criteria(areas: tuple[Area, ...]) -> list[dict[str, object]]:
    """Accepted areas as few searches as possible: every named division and region in one
    (珠三角 or 浙江 or 凯里), everything but the home province in another (外省), one per circle
    (县城, 家附近). Each search costs the engine a pass; a seeker naming five places should not
    cost five times one naming one."""
    codes = sorted({code for area in areas if area.codes and not area.exclude for code in area.codes})
    criteria: list[dict[str, object]] = [{"place_codes": tuple(codes)}] if codes else []
    for area in areas:
        if area.kind == "anywhere":
            criteria.append({})  # everywhere: the trade alone, wherever it is
        elif area.exclude:
            criteria.append({"exclude_place_codes": tuple(sorted(area.exclude))})
        elif not area.codes and area.center is not None:
            radius = area.radius_km or DESTINATION_KM
            criteria.append({"geo": GeoFilter(lat=area.center[0], lon=area.center[1], radius_km=radius)})
    return criteria


def _search(backend: BaseSearchBackend, **criteria) -> list[SearchHit]:
    geo = criteria.get("geo")
    sort = "relevance" if criteria.get("tokens") else ("distance" if geo is not None else "newest")
    query = PostingQuery(page_size=POOL, with_facets=False, sort=sort, **criteria)
    return backend.search_postings(query).hits


def recommend(
    backend: BaseSearchBackend, seeker: Seeker, *, encoder: Encoder | None = None, limit: int = 10
) -> list[Ranked]:
    """Top postings for a seeker, best first, each with its reasons."""
    vector = None
    if encoder is not None and seeker.text:
        vector = encoder([seeker.text])[0]
        if not float(vector @ vector) > 0.0:  # nothing the model knows (pinyin, emoji): no meaning to search by
            vector = None
    candidates = gather(backend, seeker, vector=vector.tolist() if vector is not None else None)
    semantic: dict[object, float] = {}
    if vector is not None and candidates.postings:
        semantic = _similarities(backend, candidates, vector, encoder)
    return rank(seeker, list(candidates.postings.values()), semantic=semantic, lexical=candidates.lexical, limit=limit)


def _similarities(
    backend: BaseSearchBackend, candidates: Candidates, vector: np.ndarray, encoder: Encoder
) -> dict[object, float]:
    """Cosine of the seeker's vector with each candidate's: the vectors the index already holds,
    encoding only postings it has none for (indexed before the model, or by another model)."""
    ids = list(candidates.postings)
    stored = {
        pid: row for pid, row in backend.posting_vectors(ids).items() if getattr(row, "shape", None) == vector.shape
    }
    missing = [pid for pid in ids if pid not in stored]
    if missing:
        encoded = encoder([posting_text(candidates.postings[pid].doc) for pid in missing])
        stored.update(zip(missing, encoded, strict=True))
    return {pid: float(stored[pid] @ vector) for pid in ids}


def lexical_baseline(backend: BaseSearchBackend, seeker: Seeker, *, limit: int = 10) -> list[object]:
    """BM25 alone on what the seeker wrote: the baseline the matcher must beat."""
    tokens = tuple(query_tokens(seeker.text))[:BASELINE_QUERY_TOKENS]
    if not tokens:
        return []
    query = PostingQuery(tokens=tokens, page_size=limit, with_facets=False, sort="relevance")
    return [hit.id for hit in backend.search_postings(query).hits]
