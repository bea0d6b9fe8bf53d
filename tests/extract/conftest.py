"""Reports written for these tests (tests/cases/extract/), read once per session."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from ceasewatch.extract import RuleExtractor
from ceasewatch.model import Agreement, Extraction, Report, report_id

CASES = Path(__file__).resolve().parent.parent / "cases" / "extract"


def read_case(name: str) -> Report:
    """A test report: header lines (Title:, Source:, Published:), a blank line, the body."""
    raw = (CASES / f"{name}.txt").read_text(encoding="utf-8")
    head, body = raw.split("\n\n", 1)
    headers = dict(line.split(": ", 1) for line in head.splitlines())
    title, source, published = headers.get("Title"), headers.get("Source"), headers.get("Published")
    return Report(report_id(body, title, source, None, published), body, title, source, None, published)


def report(text: str, published: str | None = "2025-06-20", source: str | None = "Test Desk") -> Report:
    """A report made from a few sentences written inside a test."""
    return Report(report_id(text, None, source, None, published), text, None, source, None, published)


@cache
def _extractor() -> RuleExtractor:
    return RuleExtractor()


@pytest.fixture(scope="session")
def extractor() -> RuleExtractor:
    return _extractor()


@cache
def extracted(name: str) -> Extraction:
    """The extraction of a case file (cached: the rules are pure)."""
    return _extractor().extract(read_case(name))


def only_incident(name: str):
    found = extracted(name).incidents
    assert len(found) == 1, [i.place for i in found]
    return found[0]


def evidence_texts(incident, field: str) -> list[str]:
    return [e.text for e in incident.evidence if e.field == field]


@pytest.fixture(scope="session")
def tiny_agreement() -> Agreement:
    """An agreement whose party codes are not country codes: sides map by the parties' names."""
    return Agreement(
        id="test", title=None, parties={"R": "Russian Federation", "U": "Ukraine"}, timezone="Europe/Kyiv",
        events={}, categories={}, site_lists={}, versions={},
    )
