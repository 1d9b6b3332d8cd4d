"""Where a row stands on the map: the latitude and longitude every placed model carries."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Position(models.Model):
    """Latitude and longitude (WGS-84 degrees), both empty when unknown.

    Employers, stations, postings, profiles, gigs, 今天可接活 flags and events carry one; their
    place names (县市, 乡镇) differ in meaning per model and stay with each.
    """

    lat = models.FloatField(_("纬度"), null=True, blank=True)
    lon = models.FloatField(_("经度"), null=True, blank=True)

    class Meta:
        abstract = True

    @property
    def position(self) -> tuple[float, float] | None:
        """(lat, lon), or None unless both are known."""
        if self.lat is None or self.lon is None:
            return None
        return self.lat, self.lon
