"""Where a row stands on the map: the latitude and longitude every placed model carries."""

from __future__ import annotations

import math

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

# Everything this product places is in China; a point outside this box is a typo or a swapped
# pair (the search engine refuses latitudes beyond ±90 outright, and would stop indexing on one).
LAT_RANGE = (3.0, 54.0)
LON_RANGE = (73.0, 136.0)


def valid_position(lat: float | None, lon: float | None) -> bool:
    """Both known, finite and inside China's box."""
    if lat is None or lon is None:
        return False
    try:
        lat, lon = float(lat), float(lon)
    except (TypeError, ValueError):
        return False
    return (
        math.isfinite(lat)
        and math.isfinite(lon)
        and LAT_RANGE[0] <= lat <= LAT_RANGE[1]
        and LON_RANGE[0] <= lon <= LON_RANGE[1]
    )


def validate_lat(value: float) -> None:
    """Model and API alike: a function, so DRF keeps this message instead of its generic one."""
    if not (math.isfinite(value) and LAT_RANGE[0] <= value <= LAT_RANGE[1]):
        raise ValidationError(_("纬度应在 3 到 54 之间（中国境内）。"), code="lat_range")


def validate_lon(value: float) -> None:
    if not (math.isfinite(value) and LON_RANGE[0] <= value <= LON_RANGE[1]):
        raise ValidationError(_("经度应在 73 到 136 之间（中国境内）。"), code="lon_range")


class Position(models.Model):
    """Latitude and longitude (WGS-84 degrees), both empty when unknown.

    Employers, stations, postings, profiles, gigs, 今天可接活 flags and events carry one; their
    place names (县市, 乡镇) differ in meaning per model and stay with each.
    """

    lat = models.FloatField(
        _("纬度"),
        null=True,
        blank=True,
        validators=[validate_lat],
    )
    lon = models.FloatField(
        _("经度"),
        null=True,
        blank=True,
        validators=[validate_lon],
    )

    class Meta:
        abstract = True

    def clean(self) -> None:
        super().clean()
        if (self.lat is None) != (self.lon is None):
            field = "lon" if self.lon is None else "lat"
            raise ValidationError({field: _("请同时填写纬度和经度。")}, code="half_position")

    @property
    def position(self) -> tuple[float, float] | None:
        """(lat, lon), or None unless both are known and possible (rows older than the checks may
        hold anything; nothing downstream should ever see an impossible point)."""
        if not valid_position(self.lat, self.lon):
            return None
        return self.lat, self.lon
