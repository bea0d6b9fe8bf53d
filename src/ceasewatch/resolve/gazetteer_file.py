"""The shipped gazetteer file: one gzip'd TSV, one row per country, region or settlement.

Columns (tab-separated, UTF-8, first line is the header):

    kind         C (country), A (admin1 region) or S (settlement)
    id           ISO 3166-1 alpha-2, ISO 3166-2, or the GeoNames id
    name         canonical English name
    country      ISO 3166-1 alpha-2
    admin1_code  ISO 3166-2 ("" for a country)
    lat, lon     the centre (a region: a point inside its polygon)
    population   GeoNames population ("" when unknown or not a settlement)
    zone         IANA zone ("" when several apply)
    names        primary Latin names, "|"-joined (a region: names that stand alone)
    alt_names    other spellings of them (a region: base names that take "Oblast", "region"…)
    other_names  other names: former names, foreign names (Artemivsk for Bakhmut)
    cyrillic     Cyrillic names, kept for lookups

scripts/build_gazetteer.py writes it; places.py reads it.
"""

from __future__ import annotations

import gzip
import io
from pathlib import Path
from typing import Iterable, Iterator

COLUMNS = (
    "kind", "id", "name", "country", "admin1_code", "lat", "lon", "population", "zone",
    "names", "alt_names", "other_names", "cyrillic",
)
DATA_DIR = Path(__file__).resolve().parent / "data"
FILE_NAME = "gazetteer.tsv.gz"


def shipped_path() -> Path:
    """Where the gazetteer file that ships with the package lies."""
    return DATA_DIR / FILE_NAME


def read_rows(path: Path) -> Iterator[list[str]]:
    """Every data row of a gazetteer file as a list of column strings, header checked."""
    lines = gzip.decompress(Path(path).read_bytes()).decode("utf-8").split("\n")
    header = lines[0].split("\t")
    if tuple(header) != COLUMNS:
        raise ValueError(f"{path}: not a gazetteer file (header {header[:3]}…)")
    for line in lines[1:]:
        if line:
            yield line.split("\t")


def write_rows(path: Path, rows: Iterable[list[str]]) -> None:
    """Write rows in the order given; same rows, same bytes (no timestamp in the gzip)."""
    buffer = io.StringIO()
    buffer.write("\t".join(COLUMNS) + "\n")
    for row in rows:
        if len(row) != len(COLUMNS) or any("\t" in cell or "\n" in cell for cell in row):
            raise ValueError(f"bad gazetteer row: {row[:3]}")
        buffer.write("\t".join(row) + "\n")
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as out:
        out.write(buffer.getvalue().encode("utf-8"))
