"""Incident feeds in the exchange format: JSON Lines or CSV (spec: incidents.md).

`read_feed(path)` validates every row and returns the good ones with their line numbers and
a Problem (`FILE:LINE: field: message`) for each bad one; it never stops at the first.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

from ..errors import Problem
from .record_fields import EXCHANGE_FIELDS, STRIKE_FIELDS, FieldError, validate_record

FEED_SUFFIXES = (".jsonl", ".ndjson", ".csv")
_NESTED = {"counts"}  # CSV flattens these with dots: counts.launched
_LISTS = {"targets", "claimed_by", "denied_by", "parties"}
_NUMBERS = {"lat", "lon"}
_CSV_FIELDS = (set(STRIKE_FIELDS) | set(EXCHANGE_FIELDS)) - {"evidence", "counts"}


@dataclass(frozen=True)
class FeedRow:
    """A valid record and the line it came from."""

    line: int
    record: dict[str, Any]


@dataclass(frozen=True)
class Feed:
    """What a feed file holds: its good rows, its problems, and the hash of its bytes."""

    path: str
    file_hash: str
    rows: list[FeedRow]
    problems: list[Problem]


def is_feed(path: str | Path) -> bool:
    """True for a file name ceasewatch reads as an incident feed."""
    return Path(path).suffix.lower() in FEED_SUFFIXES


def read_feed(path: str | Path) -> Feed:
    """Read and validate a JSON Lines or CSV feed."""
    name = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as e:
        return Feed(name, "", [], [Problem(name, None, "file", f"cannot read: {e.strerror or e}")])
    file_hash = hashlib.sha256(data).hexdigest()
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        return Feed(name, file_hash, [], [Problem(name, line, "encoding", "not UTF-8 text")])
    raw_rows = _json_lines(name, text) if Path(path).suffix.lower() != ".csv" else _csv_rows(name, text)
    rows, problems = [], []
    for line, raw in raw_rows:
        if isinstance(raw, Problem):
            problems.append(raw)
            continue
        record, errors = validate_record(raw)
        if record is None:
            problems.extend(Problem(name, line, e.field, str(e)) for e in errors)
        else:
            rows.append(FeedRow(line, record))
    return Feed(name, file_hash, rows, problems)


def _json_lines(name: str, text: str) -> Iterator[tuple[int, Any]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as e:
            yield number, Problem(name, number, "json", f"not valid JSON: {e.msg} at column {e.colno}")
            continue
        if not isinstance(value, dict):
            yield number, Problem(name, number, "json", f"expected an object, got {type(value).__name__}")
            continue
        yield number, value


def _csv_rows(name: str, text: str) -> Iterator[tuple[int, Any]]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        return
    except csv.Error as e:
        yield 1, Problem(name, 1, "header", f"not valid CSV: {e}")
        return
    header = [h.strip() for h in header]
    bad = [h for h in header if not _known_column(h)]
    if bad:
        yield 1, Problem(name, 1, bad[0], "unknown column; see the exchange format (counts are counts.launched …)")
        return
    while True:
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error as e:
            yield reader.line_num, Problem(name, reader.line_num, "row", f"not valid CSV: {e}")
            continue
        line = reader.line_num
        if not any(c.strip() for c in cells):
            continue
        if len(cells) != len(header):
            yield line, Problem(name, line, "row", f"{len(cells)} cells for {len(header)} columns")
            continue
        try:
            yield line, _typed_row(header, cells)
        except FieldError as e:
            yield line, Problem(name, line, e.field, str(e))


def _known_column(column: str) -> bool:
    if "." in column:
        parent, _ = column.split(".", 1)
        return parent in _NESTED
    return column in _CSV_FIELDS


def _typed_row(header: list[str], cells: list[str]) -> dict[str, Any]:
    """CSV cells as the JSON values they stand for: lists split on ';', numbers read.

    Empty cells are left out, so a file may mix strikes and exchanges in one set of columns.
    """
    row: dict[str, Any] = {}
    for column, cell in zip(header, cells):
        cell = cell.strip()
        if not cell:
            continue
        value: Any = cell
        if column in _LISTS:
            value = [x.strip() for x in cell.split(";") if x.strip()]
        elif (column in _NUMBERS or "." in column):
            value = _csv_number(column, cell)
        elif column == "quantity":
            value = _csv_quantity(cell)
        if "." in column:
            parent, child = column.split(".", 1)
            row.setdefault(parent, {})[child] = value
        else:
            row[column] = value
    return row


def _csv_number(column: str, cell: str) -> int | float:
    try:
        return int(cell) if "." in column else float(cell)
    except ValueError:
        raise FieldError(column, f"expected a number, got {cell!r}") from None


def _csv_quantity(cell: str) -> int | dict[str, int]:
    """'175' or 'RU:175;UA:197'."""
    if ":" not in cell:
        return int(cell) if cell.isdigit() else _bad_quantity(cell)
    out = {}
    for part in cell.split(";"):
        party, _, number = part.partition(":")
        if not number.strip().isdigit():
            _bad_quantity(cell)
        out[party.strip()] = int(number)
    return out


def _bad_quantity(cell: str):
    raise FieldError("quantity", f"expected a number or PARTY:number;PARTY:number, got {cell!r}")
