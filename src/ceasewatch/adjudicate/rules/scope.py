"""The scope test: was the target one the commitment protects, in the place it covers?"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from ...model.incident import GEO_PRECISIONS
from ..answers import NO, NO_REASON, OUT_OF_SCOPE, UNKNOWN, YES, TestOutcome
from ..batch import DISTRICT, POINT, SETTLEMENT, IncidentBatch
from ..terms import CommitmentTerms

if TYPE_CHECKING:
    from ..area import AreaFacts
    from ..facts import BatchFacts
    from ..sites import SiteFacts

#: How far beyond its coordinates a place may reach, by precision: "tolerance + 5 km
#: (settlement) or + 25 km (district)"; a point reaches nowhere; nan: too coarse to place.
PLACE_MARGIN_M = np.full(len(GEO_PRECISIONS), np.nan)
PLACE_MARGIN_M[[POINT, SETTLEMENT, DISTRICT]] = (0.0, 5_000.0, 25_000.0)


def any_of(*findings: np.ndarray) -> np.ndarray:
    """"yes if any is yes, else unknown if any is unknown, else no": a maximum, as NO < UNKNOWN < YES."""
    return np.maximum.reduce(findings).astype(np.int8)


def codes_finding(terms: CommitmentTerms, batch: IncidentBatch) -> np.ndarray:
    """codes: "an incident code at or below a code the commitment names: yes. A code above
    one the commitment names ... unknown. With several codes: yes if any is yes, else
    unknown if any is unknown, else no. No codes at all: unknown."
    """
    at_or_below = (batch.targets & terms.yes_codes) != 0
    above = ((batch.targets & terms.unknown_codes) != 0) | (batch.targets == 0)
    return np.select([at_or_below, above], [YES, UNKNOWN], NO).astype(np.int8)


def site_finding(batch: IncidentBatch, sites: SiteFacts, tolerance_m: float, margin_m: np.ndarray) -> np.ndarray:
    """site: "yes where the incident's `site` names a listed site (its id or name), or its
    `geo_precision` is `point` and it lies within the list's tolerance of the site
    (great-circle distance, ≤ ...). Where its precision is `settlement` or `district`, a
    site within tolerance + 5 km (settlement) or + 25 km (district): unknown ... Otherwise,
    and always for `admin1`, `country` or `unknown` precision: no."
    """
    at_site = sites.name_match | ((batch.precision == POINT) & (sites.distance_m <= tolerance_m))
    maybe = (margin_m > 0) & (sites.distance_m <= tolerance_m + margin_m)
    return np.select([at_site, maybe], [YES, UNKNOWN], NO).astype(np.int8)


def area_finding(batch: IncidentBatch, area: AreaFacts, margin_m: np.ndarray) -> np.ndarray:
    """area: "inside: yes; outside: no; place too coarse to tell: unknown".

    By country: the incident's country (or its admin1 code's) listed: yes; another: no;
    none known: unknown. By polygon: a point is inside or not; a settlement or district is
    inside or outside only when more than its margin (5 km, 25 km) from the outline.
    Both given: the area is their union.
    """
    parts = []
    if area.country_listed is not None:
        parts.append(np.select([area.country_listed, area.country_known], [YES, NO], UNKNOWN))
    if area.inside is not None:
        located = np.isfinite(batch.lat) & np.isfinite(batch.lon)
        point = located & (batch.precision == POINT)
        clear = located & (area.boundary_m > margin_m)  # nan margin or distance: never clear
        parts.append(np.where(point | clear, np.where(area.inside, YES, NO), UNKNOWN))
    return any_of(*parts)


def scope_test(terms: CommitmentTerms, batch: IncidentBatch, facts: BatchFacts) -> TestOutcome:
    """scope: "**no** if area is no; else **yes** if codes or site is yes (and area is not
    unknown); else **unknown** if area, codes or site is unknown; else **no**." And "a
    commitment with neither `targets` nor `sites` covers every target: codes and site
    count as yes." A `no` gives `out_of_scope`.

    `detail` carries each finding present ("area", "codes", "site", and "site:<list>"
    per site list) for the trace.
    """
    c = terms.commitment
    detail: dict[str, np.ndarray] = {}
    if terms.yes_codes is not None:
        detail["codes"] = codes_finding(terms, batch)
    for key in c.sites:
        index = facts.indexes[key]
        detail[f"site:{key}"] = site_finding(batch, facts.sites(key), index.tolerance_m, facts.margin_m)
    if c.sites:
        detail["site"] = any_of(*(detail[f"site:{key}"] for key in c.sites))
    if c.area is not None:
        detail["area"] = area_finding(batch, facts.area(c.area), facts.margin_m)

    n = len(batch)
    covering = [detail[k] for k in ("codes", "site") if k in detail]
    covered = any_of(*covering) if covering else np.full(n, YES)
    area = detail.get("area", np.full(n, YES))
    answer = np.select(
        [area == NO, (covered == YES) & (area != UNKNOWN), (area == UNKNOWN) | (covered == UNKNOWN)],
        [NO, YES, UNKNOWN],
        NO,
    ).astype(np.int8)
    reason = np.where(answer == NO, OUT_OF_SCOPE, NO_REASON).astype(np.int8)
    return TestOutcome(answer, reason, detail)
