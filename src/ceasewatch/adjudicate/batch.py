"""Strike incidents as numpy columns: the one form the vectorised rules read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Iterable, Sequence

import numpy as np

from ..model.incident import GEO_PRECISIONS, Incident
from ..model.taxonomy import CODES

#: Bit i of a target mask is taxonomy.CODES[i].
CODE_BITS = {code: 1 << i for i, code in enumerate(CODES)}
PRECISION_CODES = {name: i for i, name in enumerate(GEO_PRECISIONS)}
POINT, SETTLEMENT, DISTRICT = (PRECISION_CODES[p] for p in ("point", "settlement", "district"))
MISSING = -1  # the code of an unknown actor, country or site name


def to_seconds(t: datetime | None, unbounded: float) -> float:
    """Epoch seconds of an aware datetime, or `unbounded` (±inf) for an unknown side.

    Every time the rules compare goes through here, so equal datetimes give equal floats
    and microsecond order is kept (float64 resolves 0.25 µs around 2025).
    """
    return unbounded if t is None else t.timestamp()


def _target_mask(codes: Iterable[str], owner: str = "") -> int:
    """The bitmask of taxonomy codes; ValueError on a code outside the taxonomy."""
    mask = 0
    for code in codes:
        try:
            mask |= CODE_BITS[code]
        except KeyError:
            raise ValueError(f"{owner}: target {code!r} is not a taxonomy code") from None
    return mask


@dataclass(frozen=True, eq=False)
class IncidentBatch:
    """Strike incidents in columns, one row per incident, in the order they were given."""

    ids: tuple[str, ...]
    a: np.ndarray  # impact earliest, epoch seconds; -inf when unknown
    b: np.ndarray  # impact latest; +inf when unknown
    l0: np.ndarray  # launch earliest; -inf when unknown
    l1: np.ndarray  # launch latest; +inf when unknown
    actor: np.ndarray  # int32 index into `actors`; MISSING when unknown
    actors: tuple[str, ...]
    targets: np.ndarray  # uint32 bitmask over taxonomy.CODES; 0 when no codes
    lat: np.ndarray  # degrees; nan when unknown
    lon: np.ndarray
    precision: np.ndarray  # int8 index into GEO_PRECISIONS
    country: np.ndarray  # int32 index into `countries`; MISSING when unknown
    countries: tuple[str, ...]
    site: np.ndarray  # int32 index into `site_names` (lower-cased); MISSING when none
    site_names: tuple[str, ...]

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def from_incidents(cls, incidents: Sequence[Incident]) -> IncidentBatch:
        """Load strike incidents into columns; ValueError on a non-strike or unknown code."""
        rows = list(incidents)
        for r in rows:
            if r.kind != "strike":
                raise ValueError(f"incident {r.id}: only strikes are judged, not {r.kind!r}")
        n = len(rows)
        actors: dict[str, int] = {}
        countries: dict[str, int] = {}
        site_names: dict[str, int] = {}
        masks: dict[tuple[str, ...], int] = {}

        def code(vocabulary: dict[str, int], value: str | None) -> int:
            return MISSING if value is None else vocabulary.setdefault(value, len(vocabulary))

        def mask(r: Incident) -> int:
            # Most incidents share a handful of target lists: compute each list once.
            found = masks.get(r.targets)
            if found is None:
                found = masks[r.targets] = _target_mask(r.targets, f"incident {r.id}")
            return found

        def column(values: Iterable, dtype) -> np.ndarray:
            return np.fromiter(values, dtype=dtype, count=n)

        inf = float("inf")
        return cls(
            ids=tuple(r.id for r in rows),
            a=column((to_seconds(r.time.earliest, -inf) for r in rows), np.float64),
            b=column((to_seconds(r.time.latest, inf) for r in rows), np.float64),
            l0=column((to_seconds(r.launch.earliest, -inf) for r in rows), np.float64),
            l1=column((to_seconds(r.launch.latest, inf) for r in rows), np.float64),
            actor=column((code(actors, r.actor) for r in rows), np.int32),
            actors=tuple(actors),
            targets=column((mask(r) for r in rows), np.uint32),
            lat=column((_coordinate(r.lat) for r in rows), np.float64),
            lon=column((_coordinate(r.lon) for r in rows), np.float64),
            precision=column((_precision(r) for r in rows), np.int8),
            country=column((code(countries, _country(r)) for r in rows), np.int32),
            countries=tuple(countries),
            site=column((code(site_names, None if r.site is None else r.site.casefold()) for r in rows), np.int32),
            site_names=tuple(site_names),
        )

    def codes_of(self, values: Iterable[str], vocabulary: tuple[str, ...]) -> np.ndarray:
        """The codes of `values` in one of this batch's vocabularies (absent values dropped)."""
        index = {v: i for i, v in enumerate(vocabulary)}
        return np.array([index[v] for v in values if v in index], dtype=np.int32)


def _coordinate(value: float | None) -> float:
    return float("nan") if value is None else float(value)


def _precision(r: Incident) -> int:
    try:
        return PRECISION_CODES[r.geo_precision]
    except KeyError:
        raise ValueError(f"incident {r.id}: geo_precision {r.geo_precision!r} is not one of {GEO_PRECISIONS}") from None


def _country(r: Incident) -> str | None:
    """The incident's country, or the country part of its ISO 3166-2 admin1 code."""
    if r.country:
        return r.country.upper()
    if r.admin1_code and "-" in r.admin1_code:
        return r.admin1_code.split("-", 1)[0].upper()
    return None
