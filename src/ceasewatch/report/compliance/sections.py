"""The report's sections, built once from ComplianceData and shared by every format."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ...model import PerformStatus
from ...model.interval import format_utc
from .annex import Annex, annex_entries, severity_key
from .charts import Chart, draw_charts
from .counts import CountRow, count_rows
from .data import ComplianceData
from .differences import Difference, version_differences
from .method import MethodAnnex, method_annex
from .slices import PHASES, SliceTable, time_slices
from .summary import SummaryTable, summary_tables

# The PDF's annex holds the first thousand incidents, and its differences table the first
# two hundred: a PDF of many hundred pages helps no reader and takes minutes to lay out.
# Everything is in the annex CSV written beside it (the `differs` column marks the differences).
PDF_ANNEX_LIMIT = 1000
PDF_DIFFERENCES_LIMIT = 200


@dataclass(frozen=True)
class ReportSections:
    """Every section of one report, ready for a template."""

    title: str
    agreement_id: str
    period: str
    versions: tuple[tuple[str, str], ...]  # key, label
    generated: str
    fingerprint: str
    incident_count: int
    stored_strikes: int
    summary: tuple[SummaryTable, ...]
    commitments: tuple[PerformStatus, ...]
    counts: tuple[CountRow, ...]
    differences: tuple[Difference, ...]
    differences_total: int
    slices: tuple[SliceTable, ...]
    phases: tuple[str, ...]
    charts: tuple[Chart, ...]
    annex: Annex  # built entry by entry as it is read
    annex_total: int
    annex_csv: str | None  # the full annex's file name, when the annex is capped
    method: MethodAnnex


def build_sections(
    data: ComplianceData,
    *,
    annex_limit: int | None = None,
    differences_limit: int | None = None,
    annex_csv: str | None = None,
    progress: Callable[[str], None] | None = None,
) -> ReportSections:
    """Compute every section; the limits cap the annex and the differences (the PDF), most
    severe first, and `annex_csv` names the file that holds them all."""
    say = progress or (lambda _: None)
    period = period_text(data)
    say("counting: summary, differences, time slices")
    summary = summary_tables(data)
    differences = version_differences(data)
    differences_total = len(differences)
    if differences_limit is not None and differences_total > differences_limit:
        differences = tuple(sorted(differences, key=lambda d: severity_key(d.entry, data.versions))[:differences_limit])
    slices = time_slices(data)
    say("drawing the charts")
    charts = draw_charts(data)
    shown = len(data.entries) if annex_limit is None else min(annex_limit, len(data.entries))
    say(f"building the annex ({shown:,} of {len(data.entries):,} incidents)")
    annex = annex_entries(data, annex_limit)
    a = data.agreement
    return ReportSections(
        title=a.title or a.id,
        agreement_id=a.id,
        period=period,
        versions=tuple((v, a.versions[v].label or "") for v in data.versions),
        generated=format_utc(data.as_of),
        fingerprint=data.fingerprint,
        incident_count=len(data.entries),
        stored_strikes=data.stored_strikes,
        summary=summary,
        commitments=data.commitments,
        counts=count_rows(data.counts),
        differences=differences,
        differences_total=differences_total,
        slices=slices,
        phases=PHASES,
        charts=charts,
        annex=annex,
        annex_total=len(data.entries),
        annex_csv=annex_csv if len(annex) < len(data.entries) or len(differences) < differences_total else None,
        method=method_annex(data, period),
    )


def period_text(data: ComplianceData) -> str:
    """'2025-03-18T00:00:00Z to 2025-03-20T00:00:00Z', or 'every stored incident' with no bounds."""
    if data.time_from is None and data.time_to is None:
        return "every stored incident (no period given)"
    start = format_utc(data.time_from) if data.time_from else "the first stored incident"
    end = format_utc(data.time_to) if data.time_to else "the last stored incident"
    return f"{start} to {end} (incidents whose impact interval overlaps it)"
