"""Choosing one settlement among several of the same name, and saying how it was chosen.

Order of preference:
1. a region named right after the name ("Kropotkin, Krasnodar Krai"), or the city whose
   possessive comes right before it ("Kharkiv's Kyivskyi district");
2. a region named anywhere in the same text;
3. the larger place, where a primary name counts ten times a spelling variant and fifty
   times a former or foreign name (Pokrovsk in Donetsk Oblast, not Engels, once Pokrovsk).
Ties go to the lower GeoNames id, so the choice never depends on the order of the data.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from ..model.place import Place
from .index import FORMER, PRIMARY, VARIANT

WEIGHTS = {PRIMARY: 10.0, VARIANT: 1.0, FORMER: 0.2}
NEAR_KM = 30.0
MAX_ALTERNATIVES = 5


@dataclass(frozen=True)
class Candidate:
    """A settlement a name may stand for, and how the name belongs to it."""

    place: Place
    how: int

    @property
    def score(self) -> float:
        return (self.place.population or 0) * WEIGHTS.get(self.how, 1.0)

    def sort_key(self) -> tuple[float, int]:
        return (-self.score, self.place.geonameid or 0)


@dataclass(frozen=True)
class Choice:
    """The chosen place, the ones not chosen, and a note when there was a choice."""

    place: Place
    alternatives: tuple[Place, ...]
    note: str | None


def distance_km(a: Place, b: Place) -> float:
    """Great-circle distance between two places' centres."""
    lat1, lon1, lat2, lon2 = map(math.radians, (a.lat or 0.0, a.lon or 0.0, b.lat or 0.0, b.lon or 0.0))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(h)))


def choose(
    candidates: list[Candidate],
    *,
    cue_region: str | None = None,
    anchor: Place | None = None,
    text_regions: frozenset[str] = frozenset(),
) -> Choice:
    """The best candidate by the rules of this module (candidates must not be empty)."""
    ranked = sorted(candidates, key=Candidate.sort_key)
    pool, reason = ranked, "the largest"
    if cue_region is not None and any(c.place.admin1_code == cue_region for c in ranked):
        pool, reason = [c for c in ranked if c.place.admin1_code == cue_region], "the one in the region named with it"
    elif anchor is not None and any(distance_km(c.place, anchor) <= NEAR_KM for c in ranked):
        pool, reason = [c for c in ranked if distance_km(c.place, anchor) <= NEAR_KM], f"the one near {anchor.name}"
    elif any(c.place.admin1_code in text_regions for c in ranked):
        pool = [c for c in ranked if c.place.admin1_code in text_regions]
        reason = "the one in a region named in the text"
    chosen = pool[0]
    others = tuple(c.place for c in ranked if c is not chosen)[:MAX_ALTERNATIVES]
    note = None
    if len(ranked) > 1:
        if len(pool) > 1 and reason != "the largest":
            reason += ", the largest there"
        note = f"ambiguous: {len(ranked)} places by this name; chose {reason}"
    return Choice(chosen.place, others, note)
