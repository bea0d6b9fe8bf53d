"""The exchange format out: JSON Lines (records as stored, evidence included) and CSV.

What these write, `ceasewatch ingest` reads back: the same records, hence the same verdicts.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Mapping
from typing import IO, Any

from .selection import ExportItem

COUNT_COLUMNS = ("counts.launched", "counts.intercepted", "counts.killed", "counts.injured", "counts.buildings")
# Every field of both record kinds that CSV can carry, in the exchange format's order;
# `evidence` is left out (spans do not fit a cell) and counts are flattened with dots.
CSV_COLUMNS = (
    "id", "kind", "place", "admin1", "admin1_code", "country", "lat", "lon", "geo_precision",
    "start", "end", "launch_start", "launch_end", "actor", "targets", "site", "weapon", "weapon_model",
    "outcome", *COUNT_COLUMNS, "intent", "claimed_by", "denied_by", "parties", "quantity",
)
LIST_SEPARATOR = ";"


def write_jsonl(items: Iterable[ExportItem], stream: IO[str]) -> int:
    """One record per line, as stored (sorted keys, no spaces); returns the count."""
    written = 0
    for item in items:
        stream.write(json.dumps(item.record, ensure_ascii=False, sort_keys=True, separators=(",", ":")))
        stream.write("\n")
        written += 1
    return written


def write_csv(items: Iterable[ExportItem], stream: IO[str]) -> int:
    """The exchange-format CSV: lists joined with ';', counts.* flattened, evidence left out."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    written = 0
    for item in items:
        writer.writerow([csv_cell(item.record, column) for column in CSV_COLUMNS])
        written += 1
    return written


def csv_cell(record: Mapping[str, Any], column: str) -> str:
    """One cell: '' for unknown, lists joined, a per-party quantity as 'RU:175;UA:197'."""
    if column.startswith("counts."):
        value = (record.get("counts") or {}).get(column.split(".", 1)[1])
    else:
        value = record.get(column)
    if value is None:
        return ""
    if isinstance(value, list):
        return LIST_SEPARATOR.join(value)
    if isinstance(value, dict):
        return LIST_SEPARATOR.join(f"{party}:{n}" for party, n in value.items())
    if isinstance(value, float):
        return repr(value)
    return str(value)
