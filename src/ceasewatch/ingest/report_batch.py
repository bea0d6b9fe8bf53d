"""Report files through extraction, one at a time, each failure kept to its own file.

    extract_file(path, agreement=None) -> Extraction | list[Problem]

Reads the file (ingest/reports.py), runs the extractor, adds what reading noted to the
extraction's notes, and checks what came out before anything may be printed or stored:
every record valid in the exchange format, every evidence span equal to the report text it
points at. A record or span that fails is dropped with a note; the rest is kept. Problems
(the result instead of an extraction) are for files that cannot be read, and for an
extractor that crashed on this text.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Callable

from ..errors import InputError, Problem
from ..model import Agreement, Evidence, Extraction, Report
from .record_fields import validate_record
from .reports import load_report

ExtractFunction = Callable[..., Extraction]  # (report, *, agreement=None) -> Extraction


def default_extract() -> ExtractFunction:
    """The built-in extractor, imported on first use: other commands never pay for loading it."""
    from ..extract import extract_report

    return extract_report


def extract_file(
    path: str | Path, agreement: Agreement | None = None, extract: ExtractFunction | None = None
) -> Extraction | list[Problem]:
    """The checked extraction of one report file, or the problems that stopped it."""
    name = str(path)
    try:
        loaded = load_report(path)
    except InputError as e:
        return e.problems
    return extract_loaded(loaded.report, loaded.notes, name, agreement, extract)


def extract_loaded(
    report: Report,
    notes: tuple[str, ...],
    name: str,
    agreement: Agreement | None = None,
    extract: ExtractFunction | None = None,
) -> Extraction | list[Problem]:
    """Extraction of a report already read, checked; a crash of the extractor is one Problem."""
    try:
        extraction = (extract or default_extract())(report, agreement=agreement)
    except Exception as e:  # noqa: BLE001 - the batch edge: one bad text must not stop the others
        return [Problem(name, None, "extraction", f"failed: {type(e).__name__}: {e}")]
    extraction = replace(extraction, notes=(*notes, *extraction.notes))
    checked, problems = checked_extraction(extraction, name)
    # What the extractor got wrong is not the file's fault: it travels as notes, not problems.
    return replace(checked, notes=(*checked.notes, *(f"dropped: {p.key}: {p.message}" for p in problems)))


def checked_extraction(extraction: Extraction, name: str) -> tuple[Extraction, list[Problem]]:
    """The extraction less what could not be stored, and a Problem for each thing dropped."""
    report = extraction.report
    problems: list[Problem] = []

    def spans(evidence: tuple[Evidence, ...], what: str) -> tuple[Evidence, ...]:
        good = tuple(span for span in evidence if _quotes(span, report))
        problems.extend(
            Problem(name, None, f"{what}: evidence", f"span {s.start}..{s.end} does not quote the report")
            for s in evidence if s not in good
        )
        return good

    def valid(record: dict, what: str) -> bool:
        _, errors = validate_record(record)
        problems.extend(Problem(name, None, f"{what}: {e.field}", str(e)) for e in errors)
        return not errors

    incidents = [replace(i, evidence=spans(i.evidence, f"incident {i.id}")) for i in extraction.incidents]
    fulfilments = [replace(f, evidence=spans(f.evidence, f"record {f.id}")) for f in extraction.fulfilments]
    checked = replace(
        extraction,
        incidents=tuple(i for i in incidents if valid(i.to_record(), f"incident {i.id}")),
        fulfilments=tuple(f for f in fulfilments if valid(f.to_record(), f"record {f.id}")),
        claims=tuple(replace(c, evidence=spans(c.evidence, f"claim {c.id}")) for c in extraction.claims),
    )
    return checked, problems


def _quotes(span: Evidence, report: Report) -> bool:
    """True when the span points into this report and its text is what lies there."""
    inside = 0 <= span.start <= span.end <= len(report.text)
    return span.report == report.id and inside and report.text[span.start:span.end] == span.text
