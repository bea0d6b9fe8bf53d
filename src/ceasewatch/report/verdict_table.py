"""Verdict tables as text, JSON and CSV: what `run` and `verdicts` print."""

from __future__ import annotations

import csv
import io
from typing import Any

from ..core import VerdictLine, VerdictTable
from ..model import format_utc

DIFFERS_MARK = "≠"


def verdict_cell(row) -> str:
    """'violation', 'no_violation (out_of_scope)', 'undetermined (time, scope)'."""
    if row is None:
        return "–"
    if row.reason:
        return f"{row.verdict} ({row.reason})"
    if row.unknown:
        return f"{row.verdict} ({', '.join(row.unknown)})"
    return row.verdict


def time_cell(record: dict[str, Any]) -> str:
    """The impact interval in UTC, short: one instant, or 'from – to'."""
    start, end = record.get("start"), record.get("end")
    if start is None:
        return "unknown"
    if start == end:
        return _short(start)
    same_day = start[:10] == end[:10]
    return f"{_short(start)} – {end[11:16] if same_day else _short(end)}"


def _short(iso: str) -> str:
    return f"{iso[:10]} {iso[11:16]}"


def render_table(table: VerdictTable) -> str:
    """A fixed-width table: one row per incident, one column per version, differences marked."""
    several = len(table.versions) > 1
    header = ["", "incident", "place", "actor", "time (UTC)", "grade", *table.versions]
    rows = [
        [
            DIFFERS_MARK if line.differs and several else "",
            line.record["id"],
            line.record.get("place") or "?",
            line.record.get("actor") or "?",
            time_cell(line.record),
            line.grade or "ungraded",
            *(_graded_cell(line, v) for v in table.versions),
        ]
        for line in table.lines
    ]
    widths = [max(len(str(r[i])) for r in [header, *rows]) for i in range(len(header))]
    title = table.agreement.id + (f": {table.agreement.title}" if table.agreement.title else "")
    out = [title]
    out += ["  ".join(str(c).ljust(w) for c, w in zip(r, widths)).rstrip() for r in [header, *rows]]
    if not rows:
        out.append("(no incidents stored)")
    if several and any(line.differs for line in table.lines):
        out.append(f"{DIFFERS_MARK} the verdicts differ between versions")
    for s in table.commitments:
        done = ", ".join(f"{p} {n}/{s.quantity}" for p, n in s.done.items())
        out.append(
            f"{s.commitment} ({s.version}): {s.status} as of {format_utc(s.as_of)}; "
            f"counted {done or 'nothing'}; deadline {format_utc(s.by)}"
        )
    return "\n".join(out)


def _graded_cell(line: VerdictLine, version: str) -> str:
    """The verdict cell; a violation of an incident that is only alleged says so."""
    row = line.verdicts.get(version)
    cell = verdict_cell(row)
    if row is not None and row.verdict == "violation" and line.grade == "alleged":
        cell += " [alleged]"
    return cell


def table_json(table: VerdictTable) -> dict[str, Any]:
    """The JSON object of `run --format json` and `verdicts --format json`."""
    return {
        "agreement": table.agreement.id,
        "versions": list(table.versions),
        "incidents": [_incident_json(line, table.versions) for line in table.lines],
        "commitments": [
            {
                "version": s.version,
                "id": s.commitment,
                "status": s.status,
                "as_of": format_utc(s.as_of),
                "by": format_utc(s.by) if s.by else None,
                "quantity": s.quantity,
                "done": dict(s.done),
                "records": list(s.records),
            }
            for s in table.commitments
        ],
    }


def _incident_json(line: VerdictLine, versions: tuple[str, ...]) -> dict[str, Any]:
    r = line.record
    return {
        "id": r["id"],
        "place": r.get("place"),
        "actor": r.get("actor"),
        "start": r.get("start"),
        "end": r.get("end"),
        "targets": r.get("targets", []),
        "outcome": r.get("outcome"),
        "grade": line.grade,
        "differs": line.differs,
        "verdicts": {
            v: {"verdict": row.verdict, "reason": row.reason, "unknown": list(row.unknown), "commitment": row.commitment}
            for v in versions
            if (row := line.verdicts.get(v)) is not None
        },
    }


CSV_COLUMNS = ("agreement", "incident", "place", "actor", "start", "end", "targets",
               "version", "verdict", "reason", "unknown", "commitment", "grade")


def tables_csv(tables: list[VerdictTable]) -> str:
    """Long CSV: one row per incident, version and agreement (lists joined with ';')."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(CSV_COLUMNS)
    for table in tables:
        for line in table.lines:
            r = line.record
            for v in table.versions:
                row = line.verdicts.get(v)
                if row is None:
                    continue
                w.writerow([table.agreement.id, r["id"], r.get("place") or "", r.get("actor") or "",
                            r.get("start") or "", r.get("end") or "", ";".join(r.get("targets", [])),
                            v, row.verdict, row.reason or "", ";".join(row.unknown), row.commitment or "",
                            line.grade or ""])
    return buf.getvalue()
