"""Typed place names to coordinates, so 附近的工作 works from 凯里 or 东莞 as well as from GPS.

A user types the short name (凯里, not 凯里市); the gazetteer resolves exact names, aliases, and
names missing their 市/县/州 suffix. An unknown place is an error the user sees, never a filter
that silently matches nothing.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

GAZETTEER_PATH = Path(__file__).resolve().parent.parent / "data" / "places.json"
_SUFFIXES = ("苗族侗族自治州", "自治州", "自治县", "市", "县", "州", "区")
EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True)
class Place:
    name: str
    lat: float
    lon: float
    level: str


def _bare(name: str) -> str:
    for suffix in _SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 1:
            return name[: -len(suffix)]
    return name


@cache
def _index() -> dict[str, Place]:
    data = json.loads(GAZETTEER_PATH.read_text(encoding="utf-8"))
    index: dict[str, Place] = {}
    for row in data["places"]:
        place = Place(name=row["name"], lat=row["lat"], lon=row["lon"], level=row["level"])
        for key in (row["name"], _bare(row["name"]), *row.get("aliases", [])):
            index.setdefault(key, place)
    return index


def resolve_place(name: str) -> Place | None:
    name = (name or "").strip()
    if not name:
        return None
    index = _index()
    return index.get(name) or index.get(_bare(name))


def place_names() -> list[str]:
    return sorted({p.name for p in _index().values()})


def valid_coordinates(lat: float, lon: float) -> bool:
    return -90.0 <= lat <= 90.0 and -180.0 <= lon <= 180.0 and not (math.isnan(lat) or math.isnan(lon))


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance (haversine), the same formula Elasticsearch's arc distance uses."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))
