"""Incident feeds in the exchange format: JSON Lines or CSV (spec: incidents.md).

`FeedReader(path).rows()` streams the valid rows with their line numbers and records a
Problem (`FILE:LINE: field: message`) for each bad one; it never stops at the first, and it
holds one row at a time, so a feed of millions of rows fits in memory.
"""

from __future__ import annotations

import csv
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

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
    """A whole feed read at once: its good rows and its problems (small files, tests)."""

    path: str
    rows: list[FeedRow]
    problems: list[Problem]


def is_feed(path: str | Path) -> bool:
    """True for a file name ceasewatch reads as an incident feed."""
    return Path(path).suffix.lower() in FEED_SUFFIXES


def hash_file(path: str | Path) -> str:
    """SHA-256 of a file's bytes, read in blocks."""
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


class FeedReader:
    """Streams a feed's valid rows; the problems met so far collect in `problems`."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.name = str(path)
        self.problems: list[Problem] = []

    def rows(self) -> Iterator[FeedRow]:
        """Yield each valid row in file order, recording a Problem for each bad one."""
        try:
            handle = open(self.path, "rb")
        except OSError as e:
            self.problems.append(Problem(self.name, None, "file", f"cannot read: {e.strerror or e}"))
            return
        with handle:
            lines = self._text_lines(handle)
            raw_rows = _csv_rows(self.name, lines) if self.path.suffix.lower() == ".csv" else _json_lines(self.name, lines)
            for line, raw in raw_rows:
                if isinstance(raw, Problem):
                    self.problems.append(raw)
                    continue
                record, errors = validate_record(raw)
                if record is None:
                    self.problems.extend(Problem(self.name, line, e.field, str(e)) for e in errors)
                else:
                    yield FeedRow(line, record)

    def _text_lines(self, handle) -> Iterator[str]:
        """Decoded lines; a line that is not UTF-8 becomes a problem and an empty line."""
        for number, raw in enumerate(handle, start=1):
            try:
                text = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                self.problems.append(Problem(self.name, number, "encoding", "not UTF-8 text"))
                text = "\n"
            yield text


def read_feed(path: str | Path) -> Feed:
    """Read and validate a whole feed at once."""
    reader = FeedReader(path)
    rows = list(reader.rows())
    return Feed(reader.name, rows, reader.problems)


def _json_lines(name: str, lines: Iterable[str]) -> Iterator[tuple[int, Any]]:
    for number, line in enumerate(lines, start=1):
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


def _csv_rows(name: str, lines: Iterable[str]) -> Iterator[tuple[int, Any]]:
    reader = csv.reader(lines)
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
