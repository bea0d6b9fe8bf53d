"""HTML and Markdown from the report's sections, through the Jinja2 templates in templates/."""

from __future__ import annotations

import base64
import re
from collections.abc import Mapping
from functools import lru_cache
from importlib import resources
from typing import IO, Any

from jinja2 import Environment, PackageLoader, StrictUndefined

from ...model.interval import format_utc
from .reasons import short_interval
from .sections import ReportSections

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")
_WHITE_SPACE = re.compile(r"\s+")


def render_html(sections: ReportSections, stream: IO[str] | None = None) -> str | None:
    """The report as one self-contained HTML page, charts inlined as PNG data URIs.

    With `stream`, written there piece by piece (a large annex never sits whole in memory)
    and None is returned; without, returned as text.
    """
    figures = {chart.name: png_data_uri(chart.png) for chart in sections.charts}
    return _render("report.html.j2", stream, s=sections, figures=figures, css=_css())


def render_markdown(
    sections: ReportSections, figure_paths: Mapping[str, str | None], stream: IO[str] | None = None
) -> str | None:
    """The report in Markdown; `figure_paths` maps each chart's name to the relative path of
    its PNG file beside the report (None: not written, the caption says so)."""
    figures = {chart.name: figure_paths.get(chart.name) for chart in sections.charts}
    return _render("report.md.j2", stream, s=sections, figures=figures)


def png_data_uri(png: bytes) -> str:
    """A PNG as a data: URI."""
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def _render(name: str, stream: IO[str] | None, **context: Any) -> str | None:
    template = _environment().get_template(name)
    if stream is None:
        return template.render(**context)
    for piece in template.generate(**context):
        stream.write(piece)
    return None


@lru_cache(maxsize=1)
def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("ceasewatch.report.compliance", "templates"),
        autoescape=lambda name: bool(name) and name.endswith(".html.j2"),
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        undefined=StrictUndefined,
    )
    env.filters.update(n=_number, utc=_utc, interval=short_interval, span=_span, when=_when, md=markdown_text)
    return env


@lru_cache(maxsize=1)
def _css() -> str:
    return resources.files("ceasewatch.report.compliance").joinpath("templates", "report.css").read_text("utf-8")


def markdown_text(value: Any) -> str:
    """Text made inert in Markdown: its special characters escaped, on one line."""
    text = _WHITE_SPACE.sub(" ", str(value))  # one line; a leading or trailing space is kept
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def _number(value: Any) -> str:
    return f"{value:,}" if isinstance(value, int) else str(value)


def _utc(value: Any) -> str:
    return "" if value is None else format_utc(value)


def _span(interval) -> str:
    """A slice's stretch, short: '2025-03-18 17:55–18:55Z' within a day."""
    a, b = interval.earliest, interval.latest
    if a.date() == b.date():
        return f"{a:%Y-%m-%d %H:%M}–{b:%H:%M}Z"
    return f"{a:%Y-%m-%d %H:%M}Z – {b:%Y-%m-%d %H:%M}Z"


def _when(record: Mapping[str, Any]) -> str:
    start, end = record.get("start"), record.get("end")
    if start is None:
        return "time unknown"
    a, b = (f"{t[:10]} {t[11:16]}Z" for t in (start, end))
    return a if start == end else f"{a} – {b}"
