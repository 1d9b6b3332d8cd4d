"""Loading the occupation taxonomy shipped with the project (`marketplace/data/occupations.json`).

Reference data every deployment needs, not demo data: matching and statistics depend on it.
The load is an upsert keyed by code, so running it after the file grows changes only the delta.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from django.db import transaction

from marketplace.effects import after_commit
from marketplace.events import taxonomy_loaded
from marketplace.models import Occupation, OccupationFamily
from marketplace.occupations.taxonomy import taxonomy_changed

TAXONOMY_PATH = Path(__file__).resolve().parent.parent / "data" / "occupations.json"


class TaxonomyError(ValueError):
    """The taxonomy file is malformed; nothing was loaded."""


@dataclass(frozen=True)
class TaxonomyLoadResult:
    families: int
    occupations: int
    created: int
    updated: int


def _read(path: Path) -> list[dict]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        families = data["families"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise TaxonomyError(f"cannot read occupation taxonomy {path}: {exc}") from exc
    seen_codes: set[str] = set()
    for family in families:
        for occ in family.get("occupations", []):
            if not occ.get("code") or not occ.get("name"):
                raise TaxonomyError(f"occupation without code or name in family {family.get('code')}")
            if occ["code"] in seen_codes:
                raise TaxonomyError(f"duplicate occupation code {occ['code']}")
            seen_codes.add(occ["code"])
    return families


@transaction.atomic
def occupations_load(*, path: Path = TAXONOMY_PATH) -> TaxonomyLoadResult:
    families = _read(path)
    created = updated = count = 0
    for position, fam in enumerate(families):
        family, _ = OccupationFamily.objects.update_or_create(
            code=fam["code"], defaults={"name": fam["name"], "sort_order": position}
        )
        for occ in fam.get("occupations", []):
            _, was_created = Occupation.objects.update_or_create(
                code=occ["code"],
                defaults={
                    "name": occ["name"],
                    "family": family,
                    "synonyms": list(occ.get("synonyms", [])),
                    "skills": list(occ.get("skills", [])),
                    "group": str(occ.get("group", "")),
                },
            )
            count += 1
            created += was_created
            updated += not was_created
    _changed()
    after_commit(_changed, what="taxonomy reload notice")
    return TaxonomyLoadResult(families=len(families), occupations=count, created=created, updated=updated)


def _changed() -> None:
    """Forget the cached taxonomy here and tell whoever else caches it (matching's text analyser).

    At once and again after commit: another process reads the new rows only then.
    """
    taxonomy_changed()
    taxonomy_loaded.send(sender=None)
