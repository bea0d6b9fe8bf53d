"""Extraction: a report's text to located, timed incidents, claims and fulfilment records (docs/extraction.md).

    Extractor           the seam: extract(report, *, agreement=None) -> Extraction
    RuleExtractor       the built-in rules, holding the gazetteer (built once)
    extract_report      the built-in rules with one cached RuleExtractor
"""

from .base import Extractor, RuleExtractor, extract_report

__all__ = ["Extractor", "RuleExtractor", "extract_report"]
