"""The in-memory gazetteer: places, and the folded names that point at them.

Every key is a folded name (names.fold). A key maps to entries (place number, how the name
belongs to the place): its primary name, another spelling, a former or foreign name, a
region's standing name, or a region's base name with a suffix ("Sumy region").
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..model.place import Place
from .gazetteer_file import read_rows
from .names import fold

# How a name belongs to a place (one per entry)
PRIMARY, VARIANT, FORMER, STANDING, SUFFIXED, PLURAL = 0, 1, 2, 3, 4, 5

SINGULAR_SUFFIXES = (
    "oblast", "region", "province", "krai", "kray", "territory",
    "border region", "border area", "border oblast", "frontier region",
)
PLURAL_SUFFIXES = ("oblasts", "regions", "provinces", "border regions", "border areas")
# Words that may stay in lower case inside a matched name ("Sumy region", "Republic of Crimea")
LOWERCASE_WORDS = frozenset(
    w for suffix in SINGULAR_SUFFIXES + PLURAL_SUFFIXES for w in suffix.split()
) | {"of", "peninsula", "autonomous", "okrug", "republic"}
MAX_NAME_WORDS = 6


@dataclass
class GazetteerIndex:
    """Places by number and the name keys that find them."""

    places: list[Place] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)  # "C", "A" or "S", by place number
    latin: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # key → (place, how)
    cyrillic: dict[str, list[int]] = field(default_factory=dict)
    prefixes: set[str] = field(default_factory=set)  # word prefixes of multi-word keys
    admin1: dict[str, int] = field(default_factory=dict)  # ISO 3166-2 → place number
    countries: dict[str, int] = field(default_factory=dict)
    region_bases: dict[str, list[int]] = field(default_factory=dict)  # "kursk" → [Kursk Oblast]

    def add(self, name: str, number: int, how: int) -> None:
        """File `name` under its key (first entry per place and key wins)."""
        key = fold(name)
        if not key:
            return
        entries = self.latin.get(key)
        if entries is None:
            self.latin[key] = [(number, how)]
        elif all(entry[0] != number for entry in entries):
            entries.append((number, how))
        if " " in key:
            words = key.split(" ")
            for n in range(1, len(words)):
                self.prefixes.add(" ".join(words[:n]))


def _split(cell: str) -> list[str]:
    return cell.split("|") if cell else []


def load_index(path: Path) -> GazetteerIndex:
    """Read a gazetteer file (gazetteer_file.COLUMNS) into an index."""
    index = GazetteerIndex()
    admin1_names: dict[str, str] = {}
    rows = list(read_rows(path))
    for row in rows:  # regions first, so settlements can carry their region's name
        if row[0] == "A":
            admin1_names[row[1]] = row[2]
    for kind, ident, name, country, admin1_code, lat, lon, population, zone, names, alt, other, cyr in rows:
        number = len(index.places)
        precision = {"C": "country", "A": "admin1", "S": "settlement"}[kind]
        index.places.append(Place(
            name=name, precision=precision, country=country,
            admin1=admin1_names.get(admin1_code) if admin1_code else None,
            admin1_code=admin1_code or None, lat=float(lat), lon=float(lon), zone=zone or None,
            geonameid=int(ident) if kind == "S" else None,
            population=int(population) if population else None,
        ))
        index.kinds.append(kind)
        if kind == "S":
            for how, cell in ((PRIMARY, names), (VARIANT, alt), (FORMER, other)):
                for alias in _split(cell):
                    index.add(alias, number, how)
            for alias in _split(cyr):
                index.cyrillic.setdefault(fold(alias), []).append(number)
        elif kind == "A":
            index.admin1[ident] = number
            for alias in _split(names):
                index.add(alias, number, STANDING)
            for base in _split(alt):
                index.region_bases.setdefault(fold(base), []).append(number)
                for suffix in SINGULAR_SUFFIXES:
                    index.add(f"{base} {suffix}", number, SUFFIXED)
                for suffix in PLURAL_SUFFIXES:
                    index.add(f"{base} {suffix}", number, PLURAL)
        else:
            index.countries[ident] = number
            for alias in _split(names):
                index.add(alias, number, STANDING)
    return index
