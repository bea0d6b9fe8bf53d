"""Local aliases: names a user's sources use that the shipped gazetteer does not know.

A file of lines `ALIAS = PLACE` or `ALIAS = PLACE, REGION-CODE` (# starts a comment), where
PLACE is any name lookup() finds and the code (ISO 3166-2) picks among namesakes:

    Donbas = Donetsk Oblast
    Slavutych power station = Slavutych, UA-74
"""

from __future__ import annotations

import copy
from pathlib import Path

from .index import PRIMARY, STANDING, GazetteerIndex
from .names import fold


def read_aliases(path: Path) -> list[tuple[str, str, str | None, int]]:
    """(alias, place name, region code or None, line number) for each line of an alias file."""
    found = []
    for number, raw in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        line = raw.split("#", 1)[0].strip()
        if not line:
            continue
        alias, sep, target = (part.strip() for part in line.partition("="))
        if not sep or not alias or not target:
            raise ValueError(f"{path}:{number}: expected 'ALIAS = PLACE' or 'ALIAS = PLACE, REGION-CODE'")
        name, _, code = (part.strip() for part in target.partition(","))
        found.append((alias, name, code or None, number))
    return found


def index_with_aliases(index: GazetteerIndex, gazetteer, path: Path) -> GazetteerIndex:
    """A copy of `index` in which each alias of the file also names its place."""
    extended = copy.copy(index)
    extended.latin = dict(index.latin)
    extended.prefixes = set(index.prefixes)
    for alias, name, code, number in read_aliases(path):
        places = gazetteer.lookup(name, admin1_code=code)
        if not places:
            raise ValueError(f"{path}:{number}: no place {name!r}" + (f" in {code}" if code else ""))
        place_number = index.places.index(places[0])
        how = PRIMARY if index.kinds[place_number] == "S" else STANDING
        key = fold(alias)
        extended.latin[key] = list(index.latin.get(key, ()))  # a private copy: the shared index stays as it was
        extended.add(alias, place_number, how)
    return extended
