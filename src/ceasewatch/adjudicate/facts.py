"""BatchFacts: the geometry a batch needs, worked out once and shared by every commitment."""

from __future__ import annotations

from functools import cached_property
from typing import Mapping

import numpy as np

from ..model.agreement import Agreement, Area
from .area import AreaFacts, area_facts
from .batch import IncidentBatch
from .geodesy import to_mercator
from .rules.scope import PLACE_MARGIN_M
from .sites import SiteFacts, SiteIndex


def site_indexes(agreement: Agreement) -> dict[str, SiteIndex]:
    """An index for every site list a refrain commitment names (the others are never searched)."""
    named = {key for v in agreement.versions.values() for c in v.commitments if c.mode == "refrain" for key in c.sites}
    return {key: SiteIndex(agreement.site_lists[key]) for key in agreement.site_lists if key in named}


class BatchFacts:
    """Site distances and area positions for one batch, cached by site list and by area.

    Two versions (or two commitments) that name the same site list share one tree query.
    """

    def __init__(self, batch: IncidentBatch, indexes: Mapping[str, SiteIndex]):
        self.batch = batch
        self.indexes = indexes
        self._sites: dict[str, SiteFacts] = {}
        self._areas: dict[int, tuple[Area, AreaFacts]] = {}

    @cached_property
    def plane(self) -> tuple[np.ndarray, np.ndarray]:
        """Each row's Web Mercator x and y (nan where the position is unknown)."""
        return to_mercator(self.batch.lon, self.batch.lat)

    @cached_property
    def margin_m(self) -> np.ndarray:
        """Each row's place margin by its precision; nan where the place is too coarse."""
        return PLACE_MARGIN_M[self.batch.precision]

    def search_radius_m(self, key: str) -> np.ndarray:
        """How far from each row a site of list `key` can matter; nan: not searched."""
        return self.indexes[key].tolerance_m + self.margin_m

    def sites(self, key: str) -> SiteFacts:
        """What site list `key` says about each row (one tree query per batch)."""
        found = self._sites.get(key)
        if found is None:
            index, batch = self.indexes[key], self.batch
            x, y = self.plane
            distance = index.nearest_within(batch.lat, batch.lon, x, y, self.search_radius_m(key))
            matches = np.append(index.matching_names(batch.site_names), False)  # MISSING (-1) -> False
            found = self._sites[key] = SiteFacts(distance, matches[batch.site])
        return found

    def area(self, area: Area) -> AreaFacts:
        """Where each row stands against `area` (cached for as long as these facts live)."""
        # Areas hold GeoJSON mappings and cannot be hashed; the identity is enough, and the
        # area is kept alongside so its id cannot be reused while the cache lives.
        cached = self._areas.get(id(area))
        if cached is None:
            x, y = self.plane
            b = self.batch
            facts = area_facts(area, b.country, b.countries, b.lat, x, y, self.margin_m > 0)
            cached = self._areas[id(area)] = (area, facts)
        return cached[1]
