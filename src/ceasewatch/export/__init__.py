"""Exports: the exchange format (JSON Lines, CSV), GeoJSON and an ACLED-style CSV.

    ExportFilter(...)                          the filters the `export` command takes
    select_records(store, agreement, filter)   ExportSelection: the records, grades, verdicts
    write_export(fmt, selection, stream)       the chosen format, written as it is read

See docs/exports.md.
"""

from typing import IO

from .acled import ACLED_COLUMNS, acled_row, write_acled_csv
from .exchange import CSV_COLUMNS, write_csv, write_jsonl
from .geojson import incident_feature, incident_geometry, write_geojson
from .selection import ExportFilter, ExportItem, ExportSelection, select_records

EXPORT_FORMATS = ("jsonl", "csv", "geojson", "acled-csv")
# Formats that show verdicts: they need an agreement when several are stored.
VERDICT_FORMATS = ("geojson", "acled-csv")


def write_export(fmt: str, selection: ExportSelection, stream: IO[str]) -> int:
    """Write `selection` as `fmt` (one of EXPORT_FORMATS) to `stream`; returns the records written."""
    if fmt == "jsonl":
        return write_jsonl(selection.items, stream)
    if fmt == "csv":
        return write_csv(selection.items, stream)
    if fmt == "geojson":
        return write_geojson(selection, stream)
    if fmt == "acled-csv":
        return write_acled_csv(selection, stream)
    raise ValueError(f"unknown export format {fmt!r}; expected one of: {', '.join(EXPORT_FORMATS)}")


__all__ = [
    "ACLED_COLUMNS", "CSV_COLUMNS", "EXPORT_FORMATS", "VERDICT_FORMATS", "ExportFilter", "ExportItem",
    "ExportSelection", "acled_row", "incident_feature", "incident_geometry", "select_records", "write_acled_csv",
    "write_csv", "write_export", "write_geojson", "write_jsonl",
]
