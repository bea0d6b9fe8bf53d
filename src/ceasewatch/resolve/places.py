"""Gazetteer: the places ceasewatch knows, found in texts or looked up by name."""

from __future__ import annotations

import functools
import gc
from pathlib import Path

from ..model.place import Place, PlaceMention
from .aliases import index_with_aliases
from .finder import MentionFinder
from .gazetteer_file import shipped_path
from .index import FORMER, PRIMARY, STANDING, SUFFIXED, VARIANT, GazetteerIndex, load_index
from .names import fold
from .ranking import WEIGHTS
from .stopnames import StopNames

# lookup(): regions and countries named in full first, then settlements by weighted size
_RANK_OF_HOW = {STANDING: 0, SUFFIXED: 1, PRIMARY: 2, VARIANT: 2, FORMER: 2}


class Gazetteer:
    """Countries, regions (admin1) and settlements of Ukraine, Russia and their neighbours."""

    def __init__(self, index: GazetteerIndex, stop: StopNames | None = None):
        self._index = index
        self._stop = stop or StopNames()

    @classmethod
    def load(cls, path: Path, stopnames: Path | None = None) -> Gazetteer:
        """A gazetteer read from a file in the shipped format (scripts/build_gazetteer.py)."""
        enabled = gc.isenabled()
        gc.disable()  # tens of thousands of small tuples: collection passes would double the time
        try:
            index = load_index(path)
        finally:
            if enabled:
                gc.enable()
        return cls(index, StopNames.read(stopnames) if stopnames else StopNames.read())

    @classmethod
    @functools.cache
    def default(cls) -> Gazetteer:
        """The gazetteer shipped with ceasewatch, loaded once per process."""
        return cls.load(shipped_path())

    def with_aliases(self, path: Path) -> Gazetteer:
        """A gazetteer that also knows the local aliases in `path` (format: resolve/aliases.py)."""
        return Gazetteer(index_with_aliases(self._index, self, path), self._stop)

    def find(self, text: str) -> list[PlaceMention]:
        """Every place named in `text`: exact spans, in order, none overlapping (docs/places.md)."""
        if not text:
            return []
        return MentionFinder(self._index, self._stop, text).run()

    def lookup(self, name: str, *, country: str | None = None, admin1_code: str | None = None) -> list[Place]:
        """Places called `name` (any spelling, Latin or Cyrillic), best first, optionally filtered."""
        key = fold(name)
        key = key.removeprefix("the ") if key.startswith("the ") else key
        ranked: dict[int, tuple] = {}
        for number, how in self._index.latin.get(key, ()):
            place = self._index.places[number]
            score = (place.population or 0) * WEIGHTS.get(how, 1.0)
            ranked[number] = min(ranked.get(number, (9, 0.0, 0)), (_RANK_OF_HOW.get(how, 2), -score, number))
        for number in self._index.cyrillic.get(key, ()):
            place = self._index.places[number]
            ranked.setdefault(number, (2, -(place.population or 0), number))
        places = [self._index.places[n] for n, _ in sorted(ranked.items(), key=lambda item: item[1])]
        return [
            p for p in places
            if (country is None or p.country == country.upper())
            and (admin1_code is None or p.admin1_code == admin1_code.upper())
        ]

    def place_for_admin1(self, code: str) -> Place:
        """The region with ISO 3166-2 code `code` ("UA-14", "RU-KDA"); KeyError if unknown."""
        number = self._index.admin1.get(code.upper())
        if number is None:
            raise KeyError(f"no region {code!r} in the gazetteer (codes look like UA-14 or RU-KDA)")
        return self._index.places[number]

    def place_for_country(self, code: str) -> Place:
        """The country with ISO 3166-1 alpha-2 code `code`; KeyError if not in the gazetteer."""
        number = self._index.countries.get(code.upper())
        if number is None:
            raise KeyError(f"no country {code!r} in the gazetteer (it holds {', '.join(self._index.countries)})")
        return self._index.places[number]
