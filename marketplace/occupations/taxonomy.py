"""The occupation taxonomy as search, matching and posting forms read it: names and colloquial
synonyms to occupations, cached per process and refreshed when the taxonomy changes.

Suggesting an occupation from a posting's free text is lookup, not learning: people write the
trade's everyday name (烧电焊, 开挖机), and the taxonomy lists those names. Longer matches win
(二保焊 over 焊), and a match in the title counts more than one in the description.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from django.db.models import Count, Max

from marketplace.occupations.models import Occupation

TITLE_WEIGHT = 3.0


@dataclass(frozen=True)
class OccupationSuggestion:
    occupation_id: int
    name: str
    family: str
    score: float
    matched: str


_cache: dict[str, object] = {"fingerprint": None, "table": {}}
# Inside `taxonomy_pinned()`, the fingerprint read once at its start.
_pinned: ContextVar[tuple | None] = ContextVar("taxonomy_pinned", default=None)


def _read_fingerprint() -> tuple:
    """Cheap, and changes with any load, in this process or another."""
    return tuple(Occupation.objects.aggregate(n=Count("id"), m=Max("id")).values())


def _fingerprint() -> tuple:
    pinned = _pinned.get()
    return pinned if pinned is not None else _read_fingerprint()


@contextmanager
def taxonomy_pinned() -> Iterator[None]:
    """Check the taxonomy's fingerprint once for a whole block instead of on every lookup.

    Ranking 200 candidates reads the taxonomy about 1,200 times; a query each took most of a
    推荐人选 page's second. One request never sees the taxonomy change halfway, so the block
    trusts the fingerprint it read at its start (nested blocks keep the outer one's).
    """
    if _pinned.get() is not None:
        yield
        return
    token = _pinned.set(_read_fingerprint())
    try:
        yield
    finally:
        _pinned.reset(token)


def _terms() -> dict[str, list[tuple[int, str, str]]]:
    """term → [(occupation id, occupation name, family name)], rebuilt when the taxonomy changes.

    The fingerprint query is cheap and catches a load done by another process; a load in this
    process also clears the cache directly.
    """
    fingerprint = _fingerprint()
    if _cache["fingerprint"] != fingerprint:
        table: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
        for occ in Occupation.objects.select_related("family"):
            for term in {occ.name, *occ.synonyms}:
                if len(term) >= 2:
                    table[term].append((occ.id, occ.name, occ.family.name))
        _cache.update(fingerprint=fingerprint, table=dict(table))
    return _cache["table"]  # type: ignore[return-value]


def vocabulary() -> tuple[object, list[str]]:
    """(version, words) of the taxonomy for the text analyser's dictionary."""
    table = _terms()
    words = sorted(table)
    skills = Occupation.objects.values_list("skills", flat=True)
    extra = sorted({s for row in skills for s in row if 2 <= len(s) <= 8})
    return _cache["fingerprint"], words + extra


def taxonomy_changed() -> None:
    """Forget the cached terms after the taxonomy is loaded again (matching.signals calls it)."""
    _cache["fingerprint"] = None
    _info_cache["fingerprint"] = None


def suggest_occupations(*, title: str, description: str = "", limit: int = 3) -> list[OccupationSuggestion]:
    scores: dict[int, float] = defaultdict(float)
    best: dict[int, tuple[str, str, str]] = {}
    for term, occupations in _terms().items():
        weight = 0.0
        if term in title:
            weight += TITLE_WEIGHT * len(term)
        if term in description:
            weight += len(term)
        if not weight:
            continue
        for occ_id, name, family in occupations:
            scores[occ_id] += weight
            if occ_id not in best or len(term) > len(best[occ_id][2]):
                best[occ_id] = (name, family, term)
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))[:limit]
    return [
        OccupationSuggestion(
            occupation_id=occ_id, name=best[occ_id][0], family=best[occ_id][1], score=score, matched=best[occ_id][2]
        )
        for occ_id, score in ranked
    ]


def other_occupations(title: str, description: str, primary: int | None) -> list[int]:
    """Trades a posting names besides its own: 招普工、叉车工、质检员 is three jobs in one post, and a
    forklift driver should find it as surely as a line worker."""
    found = []
    for suggestion in suggest_occupations(title=title, description=description, limit=4):
        if suggestion.occupation_id != primary and len(suggestion.matched) >= 2:
            found.append(suggestion.occupation_id)
    return found


@dataclass(frozen=True)
class OccupationInfo:
    id: int
    name: str
    family_code: str
    family_name: str
    group: str = ""

    @property
    def kind(self) -> str:
        """The family, narrowed to its group where the family is broad (F08/医疗卫生)."""
        return f"{self.family_code}/{self.group}" if self.group else self.family_code


_info_cache: dict[str, object] = {"fingerprint": None, "table": {}}


def occupation_info() -> dict[int, OccupationInfo]:
    """id → name and family of every occupation, cached like the terms (same fingerprint)."""
    fingerprint = _fingerprint()
    if _info_cache["fingerprint"] != fingerprint:
        rows = Occupation.objects.values_list("id", "name", "family__code", "family__name", "group")
        _info_cache.update(fingerprint=fingerprint, table={r[0]: OccupationInfo(*r) for r in rows})
    return _info_cache["table"]  # type: ignore[return-value]


def related_trade(occupation_id: int | None, ids) -> bool:
    """Whether a trade is of the same kind as one of `ids` (护士 and 药剂师; not 护士 and 会计)."""
    info = occupation_info()
    if occupation_id not in info:
        return False
    kind = info[occupation_id].kind
    return any(info[i].kind == kind for i in ids if i in info)


def occupation_families(ids) -> frozenset[str]:
    info = occupation_info()
    return frozenset(info[i].family_code for i in ids if i in info)
