"""The incident annex: each incident with its facts, grade, verdicts and sources, most severe first.

Order ("most severe first"): the most severe verdict under any version shown (violation,
undetermined, no_violation, not_applicable, not judged), then the grade (confirmed first;
ungraded after contested, discounted last), then more people killed, then more injured,
then the earliest start (unknown last), then the id.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import IO, Any

from .data import GRADES, UNGRADED, VERDICT_COLUMNS, ComplianceData, Entry
from .differences import Reading, readings
from .excerpts import Passage

_VERDICT_RANK = {v: i for i, v in enumerate(VERDICT_COLUMNS)}
_GRADE_RANK = {g: i for i, g in enumerate((*GRADES[:-1], UNGRADED, GRADES[-1]))}
_SAFE_SCHEMES = ("http://", "https://")


@dataclass(frozen=True)
class Citation:
    """One report an incident rests on: the sentences quoted from it, cited words marked."""

    report: str  # report id
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None  # only http(s) links: anything else is shown as text, never linked
    passages: tuple[Passage, ...]

    @property
    def offsets(self) -> str:
        """'37–228, 230–301': where the passages stand in the report's text."""
        return ", ".join(f"{p.start}–{p.end}" for p in self.passages)


@dataclass(frozen=True)
class AnnexEntry:
    """One incident as the annex prints it."""

    id: str
    place: str
    time: str
    launch: str | None
    targets: str
    actor: str
    grade: str
    weapon: str | None
    outcome: str | None
    counts: str | None
    readings: tuple[Reading, ...]
    claimed_by: tuple[str, ...]
    denied_by: tuple[str, ...]
    citations: tuple[Citation, ...]


def severity_key(entry: Entry, versions: tuple[str, ...]) -> tuple:
    """The annex's sort key (see the module docstring)."""
    counts = entry.record.get("counts") or {}
    worst = min((_VERDICT_RANK[entry.verdict(v)] for v in versions), default=len(_VERDICT_RANK))
    return (
        worst,
        _GRADE_RANK.get(entry.grade, len(_GRADE_RANK)),
        -(counts.get("killed") or 0),
        -(counts.get("injured") or 0),
        entry.record.get("start") or "9999",
        entry.id,
    )


def ordered_entries(data: ComplianceData) -> list[Entry]:
    """Every incident of the report in annex order."""
    return sorted(data.entries, key=lambda e: severity_key(e, data.versions))


class Annex(Sequence):
    """The annex in order, each entry built when it is read: a template walks 100,000 of
    them once, and holding them all would double the report's memory."""

    def __init__(self, data: ComplianceData, entries: list[Entry]):
        self._data = data
        self._entries = entries

    def __len__(self) -> int:
        return len(self._entries)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [annex_entry(self._data, e) for e in self._entries[index]]
        return annex_entry(self._data, self._entries[index])

    def __iter__(self) -> Iterator[AnnexEntry]:
        return (annex_entry(self._data, e) for e in self._entries)


def annex_entries(data: ComplianceData, limit: int | None = None) -> Annex:
    """The annex in order, the first `limit` only when given."""
    chosen = ordered_entries(data)[:limit] if limit is not None else ordered_entries(data)
    return Annex(data, chosen)


def annex_entry(data: ComplianceData, entry: Entry) -> AnnexEntry:
    """One incident's annex entry."""
    r = entry.record
    return AnnexEntry(
        id=entry.id,
        place=place_text(r),
        time=_interval(r.get("start"), r.get("end")),
        launch=_interval(r.get("launch_start"), r.get("launch_end")) if r.get("launch_start") else None,
        targets=", ".join(r.get("targets") or ()) or "not given",
        actor=data.party_name(entry.actor),
        grade=entry.grade,
        weapon=" ".join(x for x in (r.get("weapon"), r.get("weapon_model") and f"({r['weapon_model']})") if x) or None,
        outcome=r.get("outcome"),
        counts=_counts(r.get("counts") or {}),
        readings=readings(data, entry),
        claimed_by=tuple(r.get("claimed_by") or ()),
        denied_by=tuple(r.get("denied_by") or ()),
        citations=citations(data, r.get("evidence") or ()),
    )


def place_text(r: Mapping[str, Any]) -> str:
    """'Sloviansk, Donetsk Oblast (UA-14), UA; settlement at 48.8497, 37.5974'."""
    names = [r.get("place"), r.get("admin1") and r.get("admin1") != r.get("place") and r["admin1"]]
    where = ", ".join(n for n in names if n) or "place unknown"
    if r.get("admin1_code"):
        where += f" ({r['admin1_code']})"
    if r.get("country"):
        where += f", {r['country']}"
    precision = r.get("geo_precision") or "unknown"
    if r.get("lat") is not None:
        return f"{where}; {precision} at {r['lat']:.4f}, {r['lon']:.4f}"
    return f"{where}; {precision}"


ANNEX_CSV_HEAD = (
    "rank", "id", "place", "admin1", "admin1_code", "country", "lat", "lon", "geo_precision", "start", "end",
    "launch_start", "launch_end", "actor", "targets", "weapon", "weapon_model", "outcome", "killed", "injured",
    "grade", "differs",
)


def write_annex_csv(data: ComplianceData, stream: IO[str]) -> int:
    """The full annex as CSV, in annex order (the PDF's first rows); returns the rows written."""
    writer = csv.writer(stream, lineterminator="\n")
    per_version = [f"{kind}.{v}" for v in data.versions for kind in ("verdict", "detail", "why")]
    writer.writerow([*ANNEX_CSV_HEAD, *per_version, "claimed_by", "denied_by", "evidence"])
    rank = 0
    for rank, entry in enumerate(ordered_entries(data), start=1):
        r = entry.record
        counts = r.get("counts") or {}
        plain = [rank, *(_cell(r.get(k)) for k in ANNEX_CSV_HEAD[1:14]), ";".join(r.get("targets") or ()),
                 *(_cell(r.get(k)) for k in ("weapon", "weapon_model", "outcome")),
                 _cell(counts.get("killed")), _cell(counts.get("injured")), entry.grade,
                 "yes" if entry.differs(data.versions) else "no"]
        verdicts = [x for reading in readings(data, entry) for x in (reading.verdict, reading.detail, reading.why)]
        quotes = " | ".join(_citation_cell(c) for c in citations(data, r.get("evidence") or ()))
        writer.writerow([*plain, *verdicts, ";".join(r.get("claimed_by") or ()), ";".join(r.get("denied_by") or ()),
                         quotes])
    return rank


def citations(data: ComplianceData, evidence: Iterable[Mapping[str, Any]]) -> tuple[Citation, ...]:
    """The incident's evidence as one citation per report, in report id order.

    Each cites the sentences its spans stand in; a report that is not stored is quoted by
    its spans alone.
    """
    by_report: dict[str, dict[tuple[int, int], str]] = {}
    for span in evidence:
        by_report.setdefault(span["report"], {})[span["start"], span["end"]] = span["text"]
    out = []
    for report_id in sorted(by_report):
        spans = by_report[report_id]
        excerpts = data.excerpts.get(report_id)
        passages = excerpts.passages(spans) if excerpts is not None else ()
        if not passages:
            passages = tuple(Passage(s, e, ((text, True),)) for (s, e), text in sorted(spans.items()))
        header = data.reports.get(report_id)
        url = header.url if header is not None else None
        if url is not None and not url.lower().startswith(_SAFE_SCHEMES):
            url = None
        out.append(Citation(
            report=report_id, title=header.title if header else None, outlet=header.source if header else None,
            published=header.published if header else None, url=url, passages=passages,
        ))
    return tuple(out)


def _citation_cell(c: Citation) -> str:
    """'rep-…[37–228] https://… “the sentence … the next”' for the CSV."""
    link = f" {c.url}" if c.url else ""
    return f"{c.report}[{c.offsets}]{link} “{' … '.join(p.text for p in c.passages)}”"


def _interval(start: str | None, end: str | None) -> str:
    if start is None:
        return "unknown"
    a, b = (f"{t[:10]} {t[11:16]}Z" for t in (start, end))
    return a if start == end else f"{a} – {b}"


def _counts(counts: Mapping[str, Any]) -> str | None:
    parts = [f"{name} {n}" for name, n in counts.items() if n is not None]
    return ", ".join(parts) or None


def _cell(value: Any) -> Any:
    return "" if value is None else value

