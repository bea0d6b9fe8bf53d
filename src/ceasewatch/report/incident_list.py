"""The consolidated incident list as a table, JSON objects or CSV: what `ceasewatch incidents` prints."""

from __future__ import annotations

import csv
import io
from typing import Any, Iterable

from ..store import IncidentRow
from .verdict_table import time_cell, verdict_cell

CSV_FIELDS = ("id", "place", "admin1_code", "country", "start", "end", "actor", "targets", "grade", "reports")


def incident_json(row: IncidentRow, reports: list[str], versions: Iterable[str]) -> dict[str, Any]:
    """The exchange-format record with `grade`, `reports` (their ids) and `verdicts` per version."""
    verdicts = {
        v: {"verdict": row.verdicts[v].verdict, "reason": row.verdicts[v].reason,
            "unknown": list(row.verdicts[v].unknown)}
        for v in versions if v in row.verdicts
    }
    return {**row.record, "grade": row.grade, "reports": reports, "verdicts": verdicts}


def render_incident_table(rows: list[tuple[IncidentRow, list[str]]], versions: tuple[str, ...]) -> str:
    """One line per incident: id, place, time, actor, targets, grade, reports, a verdict per version.

    A violation whose incident is only alleged says so in its cell.
    """
    header = ("incident", "place", "time (UTC)", "actor", "targets", "grade", "reports", *versions)
    lines = [header]
    for row, reports in rows:
        r = row.record
        cells = [_verdict(row, v) for v in versions]
        lines.append((
            r["id"], r.get("place") or "–", time_cell(r), r.get("actor") or "?", ", ".join(r.get("targets") or ()) or "–",
            row.grade or "ungraded", str(len(reports)), *cells,
        ))
    widths = [max(len(line[i]) for line in lines) for i in range(len(header))]
    text = ["  ".join(cell.ljust(w) for cell, w in zip(line, widths)).rstrip() for line in lines]
    text.append(f"{len(rows)} incident(s)")
    return "\n".join(text)


def incidents_csv(rows: list[tuple[IncidentRow, list[str]]], versions: tuple[str, ...]) -> str:
    """The same list as CSV: lists joined with ';', one verdict column per version."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*CSV_FIELDS, *(f"verdict.{v}" for v in versions)])
    for row, reports in rows:
        r = row.record
        writer.writerow([
            _cell(r["id"]), _cell(r.get("place")), r.get("admin1_code") or "", r.get("country") or "",
            r.get("start") or "", r.get("end") or "", r.get("actor") or "", ";".join(r.get("targets") or ()),
            row.grade or "", ";".join(reports), *(_verdict(row, v, csv=True) for v in versions),
        ])
    return buffer.getvalue()


def _verdict(row: IncidentRow, version: str, *, csv: bool = False) -> str:
    found = row.verdicts.get(version)
    if found is None:
        return "" if csv else "–"
    cell = found.verdict if csv else verdict_cell(found)
    if found.verdict == "violation" and row.grade == "alleged":
        cell += " (alleged)" if csv else " [alleged]"
    return cell


def _cell(text: str | None) -> str:
    """Text a spreadsheet would run as a formula gets a leading quote."""
    text = text or ""
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text
