"""Build the gazetteer that ships with ceasewatch (src/ceasewatch/resolve/data/gazetteer.tsv.gz).

Usage (from the project root):

    .venv/bin/python scripts/build_gazetteer.py [SOURCE_DIR] [--out FILE]

SOURCE_DIR (default ../shared/structured) must hold:
    geonames/geonames_cities500_ua_ru.csv      GeoNames cities500, UA and RU (CC BY 4.0)
    boundaries/geoBoundaries-UKR-ADM1_simplified.geojson        (geoBoundaries, CC BY 4.0)
    boundaries/RUS-ADM1_geoBoundaries-derived_rounded.geojson   (geoBoundaries, CC BY 4.0)

What it does, in order (docs/places.md explains the choices):
1. Reads the region polygons; each GeoNames admin1 code is mapped to the ISO 3166-2 code of
   the polygon that holds most of its places (a vote, so a few border points cannot move it).
2. For each settlement: country from the polygons (a point inside a Ukrainian polygon is in
   Ukraine, whatever the source row says), admin1 from the code map (the polygon when the
   code is unknown), a canonical English name, Latin names (GeoNames' own, cleaned, plus
   KMU 2010 and Russian transliterations of its Cyrillic names), Cyrillic names, zone.
3. Regions: English names (scripts/gazetteer_tables.py), base names for "X Oblast" / "X
   region" forms, a point inside the polygon as centre, the zone.
4. Countries from a short table.
The output is deterministic: the same inputs give the same bytes.
"""

from __future__ import annotations

import argparse
import csv
import difflib
import json
import sys
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

from shapely import STRtree
from shapely.geometry import Point, shape

from ceasewatch.resolve.gazetteer_file import shipped_path, write_rows
from ceasewatch.resolve.names import PARTICLES, fold
from ceasewatch.resolve.transliterate import is_ru_ua_cyrillic, latin_variants, looks_russian, ukrainian_kmu
from gazetteer_tables import COUNTRIES, RENAMES, ZONE_ALIASES
from gazetteer_regions import region_rows

GEONAMES = "geonames/geonames_cities500_ua_ru.csv"
BOUNDARY_FILES = (
    ("UA", "boundaries/geoBoundaries-UKR-ADM1_simplified.geojson"),
    ("RU", "boundaries/RUS-ADM1_geoBoundaries-derived_rounded.geojson"),
)
_NAME_PUNCTUATION = frozenset(" -'’ʼ")
SAME_NAME_RATIO = 0.6  # two spellings this similar (difflib) are one name, not a rename


class Regions:
    """The admin1 polygons and a spatial index over them."""

    def __init__(self, source: Path):
        self.codes: list[str] = []
        self.countries: list[str] = []
        self.names: list[str] = []
        self.shapes = []
        for country, relative in BOUNDARY_FILES:
            for feature in json.loads((source / relative).read_text(encoding="utf-8"))["features"]:
                self.codes.append(feature["properties"]["shapeISO"])
                self.names.append(feature["properties"]["shapeName"])
                self.countries.append(country)
                self.shapes.append(shape(feature["geometry"]).buffer(0))
        self.tree = STRtree(self.shapes)

    def locate(self, lat: float, lon: float) -> int | None:
        """Index of the polygon holding the point, else of the nearest within ~10 km."""
        point = Point(lon, lat)
        hits = sorted(int(i) for i in self.tree.query(point, predicate="intersects"))
        if hits:
            return hits[0]
        nearest = int(self.tree.nearest(point))
        return nearest if self.shapes[nearest].distance(point) < 0.1 else None


def is_latin_name(alias: str, *, primary: bool) -> bool:
    """A Latin alternate name worth matching: capitalised, letters only, not a code."""
    letters = [c for c in alias if c.isalpha()]
    return (
        len(letters) >= (3 if primary else 4)
        and alias[:1].isupper()
        and not alias.isupper()
        and all(c.isalpha() or c in _NAME_PUNCTUATION for c in alias)
        and all("LATIN" in unicodedata.name(c, "") for c in letters)
        and len(alias.split()) <= 5
        and all(word[:1].isupper() or word in PARTICLES for word in alias.replace("-", " ").split())
    )


def clean_name(name: str) -> str:
    """A display name without diacritics or apostrophes (Orël → Orel, Nevel’sk → Nevelsk)."""
    stripped = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return "".join(c for c in stripped if c not in "'’ʼ")


def canonical_name(country: str, name: str, latin: list[str], cyrillic: list[str]) -> str:
    """The English name to show: a rename, else (Ukraine) the attested KMU 2010 form, else GeoNames'."""
    if (country, name) in RENAMES:
        return RENAMES[(country, name)]
    if country == "UA":
        kmu_forms = list(dict.fromkeys(ukrainian_kmu(c) for c in cyrillic if not looks_russian(c)))
        if kmu_forms and fold(name) not in {fold(k) for k in kmu_forms}:
            # The KMU form that re-spells GeoNames' name (Slovyansk → Sloviansk), never one of
            # another name the place had (Kadiyivka is not Stakhanov): attested ones first.
            attested = {fold(a) for a in latin}
            ratio, _, best = max(
                (difflib.SequenceMatcher(None, fold(k), fold(name)).ratio(), fold(k) in attested, k) for k in kmu_forms
            )
            if ratio >= SAME_NAME_RATIO:
                return clean_name(best)
    return clean_name(name)


def is_spelling_of(alias: str, primary: list[str]) -> bool:
    """True for another spelling of a primary name (Slavyansk), false for another name
    (Artemivsk for Bakhmut, a German colonists' name for a village)."""
    key = fold(alias)
    return any(difflib.SequenceMatcher(None, key, fold(p)).ratio() >= SAME_NAME_RATIO for p in primary)


def unique_by_key(names: list[str], taken: set[str]) -> list[str]:
    """Names whose folded form is new, first spelling kept; `taken` is updated."""
    kept = []
    for name in names:
        key = fold(name)
        if key and key not in taken:
            taken.add(key)
            kept.append(name)
    return kept


def settlement_row(row: dict, country: str, admin1: str) -> list[str]:
    """One output row for a GeoNames place."""
    alternates = [a for a in row["alternatenames"].split("|") if a]
    latin = [a for a in alternates if is_latin_name(a, primary=False)]
    cyrillic = [a for a in alternates if is_ru_ua_cyrillic(a) and a[:1].isupper()]
    name = canonical_name(country, row["name"], latin + [row["name"]], cyrillic)
    primary = [name, row["name"], clean_name(row["name"])]
    generated = [v for c in cyrillic for v in latin_variants(c, ukrainian_place=country == "UA")]
    others = latin + generated
    if country == "UA":  # Zaporizhzhia is often written Zaporizhia
        others += [a.replace("zhzh", "zh") for a in primary + others if "zhzh" in a]
    taken: set[str] = set()
    primary = unique_by_key([p for p in primary if is_latin_name(p, primary=True)], taken)
    others = unique_by_key([o for o in others if is_latin_name(o, primary=False)], taken)
    variants = [o for o in others if is_spelling_of(o, primary)]
    former = [o for o in others if o not in variants]
    cyrillic = unique_by_key(cyrillic, set())
    zone = ZONE_ALIASES.get(row["timezone"], row["timezone"])
    return [
        "S", row["geonameid"], name, country, admin1,
        f"{float(row['latitude']):.4f}", f"{float(row['longitude']):.4f}",
        str(int(row["population"])) if row["population"] not in ("", "0") else "",
        zone, "|".join(primary), "|".join(variants), "|".join(former), "|".join(cyrillic),
    ]


def admin1_code_map(places: list[dict], regions: Regions) -> dict[tuple[str, str], str]:
    """GeoNames (country, admin1 code) → ISO 3166-2, by a majority vote of the places."""
    votes: dict[tuple[str, str], Counter] = defaultdict(Counter)
    for row in places:
        index = regions.locate(float(row["latitude"]), float(row["longitude"]))
        if index is not None:
            votes[(row["countrycode"], row["admin1code"])][regions.codes[index]] += 1
    return {key: sorted(counter.items(), key=lambda kv: (-kv[1], kv[0]))[0][0] for key, counter in votes.items()}


def settlement_rows(places: list[dict], regions: Regions) -> list[list[str]]:
    """Every GeoNames place as an output row, sorted by country, region, name, id."""
    code_map = admin1_code_map(places, regions)
    rows = []
    for row in places:
        index = regions.locate(float(row["latitude"]), float(row["longitude"]))
        country = row["countrycode"]
        if index is not None and regions.countries[index] == "UA":
            country = "UA"  # internationally recognised borders
        admin1 = code_map.get((row["countrycode"], row["admin1code"]))
        if admin1 is None or not admin1.startswith(country):
            admin1 = regions.codes[index] if index is not None else ""
        rows.append(settlement_row(row, country, admin1))
    return sorted(rows, key=lambda r: (r[3], r[4], r[2], int(r[1])))


def country_rows() -> list[list[str]]:
    """The countries of the table, in its order."""
    return [
        ["C", code, name, code, "", f"{lat:.4f}", f"{lon:.4f}", "", zone or "", "|".join((name, *others)), "", "", ""]
        for code, name, others, lat, lon, zone in COUNTRIES
    ]


def build(source: Path, out: Path) -> None:
    """Read the sources under `source` and write the gazetteer file to `out`."""
    regions = Regions(source)
    with open(source / GEONAMES, encoding="utf-8", newline="") as handle:
        places = sorted(csv.DictReader(handle), key=lambda r: int(r["geonameid"]))
    settlements = settlement_rows(places, regions)
    admin1 = region_rows(regions, settlements)
    write_rows(out, country_rows() + admin1 + settlements)
    print(f"{out}: {len(COUNTRIES)} countries, {len(admin1)} regions, {len(settlements)} settlements, "
          f"{out.stat().st_size:,} bytes")


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point."""
    root = Path(__file__).resolve().parent.parent
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("source", nargs="?", type=Path, default=root.parent / "shared" / "structured",
                        help="folder holding geonames/ and boundaries/ (default: ../shared/structured)")
    parser.add_argument("--out", type=Path, default=shipped_path(), help="file to write (default: the shipped one)")
    parser.add_argument("--words", type=Path, default=None,
                        help="an English word list (e.g. /usr/share/dict/words): print the gazetteer's "
                             "names that are words and not yet in data/stopnames.txt")
    args = parser.parse_args(argv)
    if not (args.source / GEONAMES).is_file():
        parser.error(f"{args.source / GEONAMES} not found")
    build(args.source, args.out)
    if args.words:
        report_word_names(args.out, args.words)
    return 0


def report_word_names(gazetteer: Path, words: Path) -> None:
    """Print settlement names that are lower-case English words and not on the stop list."""
    from ceasewatch.resolve.gazetteer_file import read_rows
    from ceasewatch.resolve.stopnames import StopNames

    english = {w.strip() for w in words.read_text(encoding="utf-8").splitlines() if w.strip().islower()}
    stop = StopNames.read()
    found = sorted({
        fold(name) for row in read_rows(gazetteer) if row[0] == "S"
        for name in "|".join(row[9:12]).split("|")
        if name and fold(name) in english and fold(name) not in stop.need_cue | stop.never
    })
    print(f"{len(found)} names are English words and not on the stop list: {' '.join(found)}")


if __name__ == "__main__":
    sys.exit(main())
