"""Places for the whole product, below every feature: the home prefecture's counties and towns,
the gazetteer of typed place names, and distances.

    prefecture: COUNTIES (name, GB/T 2260 code, seat, towns) — forms, gig boards, the demo
    gazetteer:  resolve_place("凯里") → Place with coordinates — search, matching
    gazetteer:  distance_km, valid_coordinates — ranking, gigs (nearby, check-in), search

Imports nothing of the project's own, so any module may use it.
"""

from marketplace.places.gazetteer import (
    EARTH_RADIUS_KM,
    Place,
    distance_km,
    place_names,
    resolve_place,
    valid_coordinates,
)
from marketplace.places.prefecture import COUNTIES, COUNTY_BY_NAME, County

__all__ = [
    "COUNTIES",
    "COUNTY_BY_NAME",
    "EARTH_RADIUS_KM",
    "County",
    "Place",
    "distance_km",
    "place_names",
    "resolve_place",
    "valid_coordinates",
]
