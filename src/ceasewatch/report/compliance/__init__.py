"""Compliance reports: what a monitoring mission publishes, in HTML, PDF and Markdown.

    gather_compliance_data(store, agreement, …)  ComplianceData: read once from the store
    build_sections(data, annex_limit=None)       every section, shared by all formats
    render_html(sections) / render_markdown(…)   text (or streamed to a file)
    write_report(data, fmt, output)              the files: report, figures, annex CSV

See docs/compliance-report.md.
"""

from .annex import annex_entries, severity_key, write_annex_csv
from .data import GRADES, UNGRADED, ComplianceData, Entry, gather_compliance_data
from .output import FORMATS, WrittenReport, default_output, write_report
from .render import render_html, render_markdown
from .sections import PDF_ANNEX_LIMIT, ReportSections, build_sections
from .slices import place_in_slice

__all__ = [
    "FORMATS",
    "GRADES",
    "PDF_ANNEX_LIMIT",
    "UNGRADED",
    "ComplianceData",
    "Entry",
    "ReportSections",
    "WrittenReport",
    "annex_entries",
    "build_sections",
    "default_output",
    "gather_compliance_data",
    "place_in_slice",
    "render_html",
    "render_markdown",
    "severity_key",
    "write_annex_csv",
    "write_report",
]
