"""Region (admin1) rows for build_gazetteer.py: names, base names, centre and zone."""

from __future__ import annotations

import difflib
from collections import defaultdict

from ceasewatch.resolve.names import fold
from gazetteer_tables import RU_EXTRA_BASES, RU_NAME_FIXES, RU_STANDING_NAMES, UA_REGIONS

# Words that end a Russian subject's English name; what precedes them is its base name.
_RU_SUFFIXES = (" Autonomous Okrug", " Autonomous Oblast", " Oblast", " oblast", " Krai")
_CRIMEAN_ZONE = "Europe/Simferopol"
_UKRAINIAN_ZONE = "Europe/Kyiv"
_CRIMEAN_CODES = ("UA-43", "UA-40")
# Cities with the standing of a region: "Moscow region" is Moscow Oblast, "Kyiv region" is
# Kyiv Oblast, so these take no base names.
_CITY_REGIONS = ("UA-30", "RU-MOW", "RU-SPE")  # Sevastopol (UA-40) keeps its: no oblast shares them


def _variants_of(base: str, row: list[str]) -> list[str]:
    """The centre settlement's names that are spellings of `base` (Kharkov for Kharkiv), not
    other names it once had or shares (Bilhorod-Dnistrovskyi is no spelling of Belgorod)."""
    key = fold(base)
    names = [n for n in (row[9] + "|" + row[10]).split("|") if n]
    return [n for n in names if fold(n)[:2] == key[:2] and difflib.SequenceMatcher(None, fold(n), key).ratio() >= 0.6]


def _centre_settlement(name: str, admin1: str | None, country: str, settlements: list[list[str]]) -> list[str] | None:
    """The most populous settlement called `name` (in `admin1` when given, else in the country)."""
    key = fold(name)
    found = [
        r for r in settlements
        if r[3] == country and (admin1 is None or r[4] == admin1) and key in {fold(n) for n in r[9].split("|")}
    ]
    return max(found, key=lambda r: (int(r[7] or 0), -int(r[1]))) if found else None


def _russian_adjectives(base: str, full_name: str) -> list[str]:
    """Kurskaya (oblast), Krasnodarskiy (krai): the Russian forms some English texts keep."""
    if not base.isascii() or not base.isalpha() or base[-1] in "aeiouy":
        return []
    if full_name.endswith(("Oblast", "oblast")):
        return [base + ("aya" if base.endswith("sk") else "skaya")]
    if full_name.endswith("Krai"):
        stem = base if base.endswith("sk") else base + "sk"
        return [stem + "iy", stem + "y"]
    return []


def _zone(code: str, country: str, zones: set[str]) -> str:
    if country == "UA":
        return _CRIMEAN_ZONE if code in _CRIMEAN_CODES else _UKRAINIAN_ZONE
    return next(iter(zones)) if len(zones) == 1 else ""  # several zones: none chosen


def _row(code: str, name: str, country: str, point, zone: str, standing: list[str], bases: list[str]) -> list[str]:
    standing = list(dict.fromkeys(s for s in standing if s))
    bases = list(dict.fromkeys(b for b in bases if b and fold(b) not in {fold(s) for s in standing} | {""}))
    return ["A", code, name, country, code, f"{point.y:.4f}", f"{point.x:.4f}", "", zone,
            "|".join(standing), "|".join(bases), "", ""]


def region_rows(regions, settlements: list[list[str]]) -> list[list[str]]:
    """One row per polygon, sorted by ISO code."""
    zones_by_code: dict[str, set[str]] = defaultdict(set)
    settlement_keys = set()
    for row in settlements:
        zones_by_code[row[4]].add(row[8])
        settlement_keys.update(fold(n) for n in row[9].split("|"))
    rows = []
    for index, code in enumerate(regions.codes):
        country = regions.countries[index]
        point = regions.shapes[index].representative_point()
        if country == "UA":
            name, centre_name, extra_bases, standing = UA_REGIONS[code]
            centre = _centre_settlement(centre_name, None, "UA", settlements) if centre_name else None
            bases = [b for b in (centre_name,) if b] + list(extra_bases)
            standing = list(standing)
        else:
            name = RU_NAME_FIXES.get(code, regions.names[index])
            # "Kursk Oblast" → "Kursk"; a republic's names are in RU_STANDING_NAMES instead
            base = next((name[: -len(s)] for s in _RU_SUFFIXES if name.endswith(s)), "")
            centre = _centre_settlement(base, code, "RU", settlements) if base else None
            bases = [b for b in (base,) if b] + [*RU_EXTRA_BASES.get(code, ()), *_russian_adjectives(base, name)]
            standing = list(RU_STANDING_NAMES.get(code, ()))
        if centre is not None and bases:
            bases += _variants_of(bases[0], centre)
        if code in _CITY_REGIONS:
            bases = []
        # The region's own name stands alone unless it is a settlement's name (Moscow, Kyiv)
        if fold(name) not in settlement_keys:
            standing.insert(0, name)
        rows.append(_row(code, name, country, point, _zone(code, country, zones_by_code[code]), standing, bases))
    return sorted(rows, key=lambda r: r[1])
