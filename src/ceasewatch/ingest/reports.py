"""Reports from files: plain text with header lines, or a saved HTML article page.

    read_report(path) -> Report           InputError naming the file when it cannot be read
    load_report(path) -> LoadedReport     the same, with notes on what reading had to do

A plain-text report may open with header lines (`Title:`, `Source:`, `URL:`, `Published:`,
`Language:`, any case), then a blank line, then the body: `Report.text` is the body, line
endings made `\\n` and nothing else changed, so evidence offsets index into it. Without
header lines the first line is the title and the whole file is the text. An HTML page
(`.html`, `.htm`, or a `.txt` that starts like one) gives its readable text (html_text.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from ..errors import InputError, Problem
from ..model import Report, report_id
from .html_text import html_text
from .text_bytes import DecodedText, decode_report_bytes

REPORT_SUFFIXES = (".txt", ".html", ".htm")
HTML_SUFFIXES = (".html", ".htm")
# Bytes read from one file at most: a saved article page is rarely over 3 MB, and reading
# stops here so a huge file costs a bounded time. The rest is dropped with a note.
MAX_FILE_BYTES = 8 * 1024 * 1024
# Characters of report text kept at most (about 300 pages of news): the rest is dropped with
# a note, so one huge text cannot hold a batch up for minutes.
MAX_TEXT_CHARS = 2_000_000
MAX_TITLE_CHARS = 300

HEADER_FIELDS = ("title", "source", "url", "published", "language")
_HEADER = re.compile(r"^([A-Za-z][A-Za-z ]{0,30}):[ \t]*(.*)$")
_MONTH = re.compile(r"^\d{4}-(0[1-9]|1[0-2])$")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}([-_][A-Za-z0-9]{2,8})*$")


@dataclass(frozen=True)
class LoadedReport:
    """A report read from a file, and what reading it had to do (decoding guesses, cuts)."""

    report: Report
    notes: tuple[str, ...] = ()


def is_report(path: str | Path) -> bool:
    """True for a file name ceasewatch reads as a report (.txt, .html, .htm)."""
    return Path(path).suffix.lower() in REPORT_SUFFIXES


def read_report(path: str | Path) -> Report:
    """The report in a text or HTML file; InputError with a Problem when it cannot be read."""
    return load_report(path).report


def load_report(path: str | Path) -> LoadedReport:
    """The report in a file with notes on its reading; InputError when it cannot be read."""
    name = str(path)
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_FILE_BYTES + 1)
    except OSError as e:
        raise InputError([Problem(name, None, "file", f"cannot read: {e.strerror or e}")]) from None
    notes = []
    if len(data) > MAX_FILE_BYTES:
        data = data[:MAX_FILE_BYTES]
        notes.append(f"file is over {MAX_FILE_BYTES:,} bytes: only the first {MAX_FILE_BYTES:,} were read")
    return parse_report_bytes(data, name, notes=notes)


def parse_report_bytes(data: bytes, name: str, *, notes: list[str] | None = None) -> LoadedReport:
    """A report from a file's bytes, read as a page when `name` ends .html/.htm or the text
    starts like one; InputError when they cannot be read."""
    html = Path(name).suffix.lower() in HTML_SUFFIXES
    decoded = decode_report_bytes(data, name)
    notes = [*(notes or []), *decoded.notes]
    if html or _looks_like_html(decoded.text):
        return _html_report(decoded, name, notes)
    return _text_report(decoded, name, notes)


def _text_report(decoded: DecodedText, name: str, notes: list[str]) -> LoadedReport:
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None:
        raise InputError([Problem(name, None, "text", "empty report")])
    headers, body_line, problems = _headers(lines, first, name)
    if problems:
        raise InputError(problems)
    if body_line > first:  # there were header lines (some may have been left empty)
        while body_line < len(lines) and not lines[body_line].strip():
            body_line += 1  # the blank line (or lines) between the headers and the body
        body = "\n".join(lines[body_line:])
    else:
        body = text
        headers["title"] = _one_line(lines[first])[:MAX_TITLE_CHARS]
    if not body.strip():
        raise InputError([Problem(name, None, "text", "empty report: no text after the header lines")])
    body = _capped(body, notes)
    return _loaded(body, headers, name, notes)


def _headers(lines: list[str], first: int, name: str) -> tuple[dict[str, str], int, list[Problem]]:
    """The header block at `first`: (fields, index of the body's first line, problems)."""
    headers: dict[str, str] = {}
    problems: list[Problem] = []
    index = first
    while index < len(lines):
        match = _HEADER.match(lines[index])
        key = match.group(1).strip().lower() if match else None
        if key not in HEADER_FIELDS:
            break
        value = match.group(2).strip()
        problem = _header_problem(key, value)
        if problem:
            problems.append(Problem(name, index + 1, key.capitalize() if key != "url" else "URL", problem))
        elif value:
            headers[key] = value
        index += 1
    if index == first:
        return {}, first, []
    return headers, index, problems


def _header_problem(key: str, value: str) -> str | None:
    if key == "published" and value and not is_publication_time(value):
        return f"{value!r} is not a date: write 2025-03-19, 2025-03 or 2025-03-19T14:05:00Z"
    if key == "language" and value and not _LANGUAGE.match(value):
        return f"{value!r} is not a language code such as en or uk"
    return None


def is_publication_time(value: str) -> bool:
    """True for the publication times a report may give: a month, a day, or an ISO time."""
    if _MONTH.match(value):
        return True
    try:
        datetime.fromisoformat(value.replace("z", "Z"))
    except ValueError:
        return False
    return True


def _html_report(decoded: DecodedText, name: str, notes: list[str]) -> LoadedReport:
    page = html_text(decoded.text, max_chars=MAX_TEXT_CHARS)
    if page.truncated:
        notes.append(f"page text is over {MAX_TEXT_CHARS:,} characters: the rest was dropped")
    if not page.text.strip():
        raise InputError([Problem(name, None, "text", "empty report: the page has no readable text")])
    published = page.published
    if published and not is_publication_time(published):
        notes.append(f"publication time {published!r} in the page is not ISO 8601: left unknown")
        published = None
    language = page.language if page.language and _LANGUAGE.match(page.language) else None
    fields = {"title": page.title, "url": page.url, "published": published, "source": page.source, "language": language}
    fields = {k: v[:MAX_TITLE_CHARS] if k == "title" and v else v for k, v in fields.items() if v}
    return _loaded(page.text, fields, name, notes)


def _capped(body: str, notes: list[str]) -> str:
    if len(body) <= MAX_TEXT_CHARS:
        return body
    cut = body.rfind("\n", MAX_TEXT_CHARS * 9 // 10, MAX_TEXT_CHARS)
    notes.append(f"text is {len(body):,} characters: only the first {MAX_TEXT_CHARS:,} were kept")
    return body[: cut if cut > 0 else MAX_TEXT_CHARS]


def _loaded(text: str, fields: dict[str, str], name: str, notes: list[str]) -> LoadedReport:
    title, source, url = fields.get("title"), fields.get("source"), fields.get("url")
    published, language = fields.get("published"), fields.get("language")
    report = Report(
        id=report_id(text, title, source, url, published),
        text=text, title=title, source=source, url=url, published=published,
        language=language.lower().replace("_", "-") if language else None, path=name,
    )
    return LoadedReport(report, tuple(notes))


def _looks_like_html(text: str) -> bool:
    start = text.lstrip()[:200].lower()
    return start.startswith(("<!doctype html", "<html"))


def _one_line(text: str) -> str:
    return " ".join(text.split())
