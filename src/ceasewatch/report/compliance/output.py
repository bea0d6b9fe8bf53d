"""Writing a report to files: the HTML page, the Markdown with its figures, the PDF with its CSV."""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ...errors import ConfigError
from .annex import write_annex_csv
from .data import ComplianceData
from .render import render_html, render_markdown
from .sections import PDF_ANNEX_LIMIT, PDF_DIFFERENCES_LIMIT, build_sections

FORMATS = ("html", "pdf", "md")
STDOUT = "-"


@dataclass(frozen=True)
class WrittenReport:
    """The files a report run wrote (the report first); empty when it went to stdout."""

    paths: tuple[Path, ...]
    incidents: int
    annex_shown: int
    pages: int | None = None  # the PDF's


def default_output(fmt: str) -> str:
    """compliance-report.html, .pdf or .md in the current folder."""
    return f"compliance-report.{fmt}"


def figures_folder(report: Path) -> Path:
    """Where a Markdown report's PNG figures go: REPORT-figures/ beside it."""
    return report.with_name(report.stem + "-figures")


def annex_csv_path(report: Path) -> Path:
    """Where a PDF report's full annex goes: REPORT-annex.csv beside it."""
    return report.with_name(report.stem + "-annex.csv")


def write_report(
    data: ComplianceData, fmt: str, output: str, *, progress: Callable[[str], None] | None = None
) -> WrittenReport:
    """Write the report of `data` as `fmt` to `output` (a path, or '-' for stdout: HTML and Markdown)."""
    say = progress or (lambda _: None)
    if fmt not in FORMATS:
        raise ConfigError(f"unknown report format {fmt!r}; expected one of: {', '.join(FORMATS)}")
    if output == STDOUT:
        if fmt == "pdf":
            raise ConfigError("a PDF cannot go to standard output: give -o FILE.pdf")
        sections = build_sections(data, progress=say)
        say("writing the report to standard output")
        if fmt == "html":
            render_html(sections, sys.stdout)
        else:
            render_markdown(sections, {}, sys.stdout)
        return WrittenReport((), len(data.entries), len(sections.annex))
    path = Path(output)
    if not path.parent.is_dir():
        raise ConfigError(f"{path.parent}: no such folder for the report")
    if fmt == "pdf":
        return _write_pdf(data, path, say)
    sections = build_sections(data, progress=say)
    written = [path]
    with open(path, "w", encoding="utf-8", newline="\n") as stream:
        if fmt == "html":
            say(f"writing {path}")
            render_html(sections, stream)
        else:
            written += _write_figures(sections, path)
            say(f"writing {path}")
            links = {p.stem: f"{p.parent.name}/{p.name}" for p in written[1:]}
            render_markdown(sections, links, stream)
    return WrittenReport(tuple(written), len(data.entries), len(sections.annex))


def _write_figures(sections, report: Path) -> list[Path]:
    folder = figures_folder(report)
    folder.mkdir(exist_ok=True)
    paths = []
    for chart in sections.charts:
        target = folder / f"{chart.name}.png"
        target.write_bytes(chart.png)
        paths.append(target)
    return paths


def _write_pdf(data: ComplianceData, path: Path, say: Callable[[str], None]) -> WrittenReport:
    from .pdf import html_to_pdf  # WeasyPrint loads native libraries: only when a PDF is asked for

    csv_path = annex_csv_path(path)
    sections = build_sections(data, annex_limit=PDF_ANNEX_LIMIT, differences_limit=PDF_DIFFERENCES_LIMIT,
                              annex_csv=csv_path.name, progress=say)
    written = [path]
    if sections.annex_csv:
        say(f"writing the full annex to {csv_path}")
        with open(csv_path, "w", encoding="utf-8", newline="") as stream:
            write_annex_csv(data, stream)
        written.append(csv_path)
    say(f"laying out the PDF ({len(sections.annex):,} annex entries)")
    html = render_html(sections)
    pages = html_to_pdf(html, path)
    say(f"wrote {path} ({pages:,} pages)")
    return WrittenReport(tuple(written), len(data.entries), len(sections.annex), pages)
