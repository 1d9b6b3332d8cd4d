"""Places for the whole product, below every feature. One source: the national gazetteer.

    gazetteer:  resolve_place("浙江宁波") → Place (code, level, parents, coordinates);
                locate(city, district, lat, lon), nearest_county, suggest_places, sounds_like (东关 → 东莞),
                distance_km
    regions:    resolve_area("珠三角" | "外省" | "县城", Home) → Area a posting is in or not
    prefecture: COUNTIES of the home prefecture (from the gazetteer) with their towns — forms,
                gig boards, the demo

Imports nothing of the project's own, so any module may use it.
"""

from marketplace.places.gazetteer import (
    EARTH_RADIUS_KM,
    HOME_PREFECTURE,
    HOME_PROVINCE,
    Place,
    distance_km,
    divisions,
    locate,
    nearest_county,
    place_names,
    resolve_place,
    sounds_like,
    suggest_places,
    valid_coordinates,
    workplace_codes,
)
from marketplace.places.prefecture import COUNTIES, COUNTY_BY_NAME, County
from marketplace.places.regions import Area, Home, areas_in_text, resolve_area, resolve_areas, split_places

__all__ = [
    "COUNTIES",
    "COUNTY_BY_NAME",
    "EARTH_RADIUS_KM",
    "HOME_PREFECTURE",
    "HOME_PROVINCE",
    "Area",
    "County",
    "Home",
    "Place",
    "areas_in_text",
    "distance_km",
    "divisions",
    "locate",
    "nearest_county",
    "place_names",
    "resolve_area",
    "resolve_areas",
    "resolve_place",
    "sounds_like",
    "split_places",
    "suggest_places",
    "valid_coordinates",
    "workplace_codes",
]
