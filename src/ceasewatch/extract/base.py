"""The Extractor seam and the built-in rule extractor: report text in, incidents and claims out."""

from __future__ import annotations

import functools
from typing import Protocol

from ..model.agreement import Agreement
from ..model.extraction import Extraction
from ..model.interval import Interval
from ..model.place import PlaceMention
from ..model.report import Report
from ..resolve import Gazetteer, match_site
from ..resolve import Publication, default_interval, find_times
from .claims import find_claims, find_exchange
from .drafts import Draft
from .facts import read_sentences
from .incident_records import build_incidents
from .incidents import find_drafts
from .locations import locations, official_seats
from .sentences import split_sentences
from .text_limits import usable_text

_DEFAULT_ZONE = "Europe/Kyiv"
_SITE_WINDOW = 80  # characters either side of a place that may name its facility


class Extractor(Protocol):
    """Reads one report into incidents, claims and fulfilment records."""

    def extract(self, report: Report, *, agreement: Agreement | None = None) -> Extraction:
        """The incidents, claims and records the report's text gives (spec: incidents.md)."""
        ...


class RuleExtractor:
    """The built-in extractor: hand-written rules over the gazetteer's places and the time reader.

    `actor_fallback`: when a text names no attacker, take the side opposite to the one
    that holds the place (docs/extraction.md); the evidence points at the place and the
    extraction's notes say so.
    """

    def __init__(self, gazetteer: Gazetteer | None = None, *, actor_fallback: bool = True):
        self.gazetteer = gazetteer if gazetteer is not None else Gazetteer.default()
        self.actor_fallback = actor_fallback

    def extract(self, report: Report, *, agreement: Agreement | None = None) -> Extraction:
        """The report's incidents, claims and prisoner-exchange records, with evidence spans."""
        text, notes = usable_text(report.text)
        zone = agreement.timezone if agreement is not None else _DEFAULT_ZONE
        publication = _publication(report.published, zone, notes)
        events = agreement.events if agreement is not None else None
        sentences = split_sentences(text)
        mentions = self.gazetteer.find(text)
        places = locations(text, mentions, self.gazetteer)
        seats = official_seats(text, mentions, self.gazetteer)
        times = find_times(text, publication, events=events)
        facts = read_sentences(text, sentences, places, times, seats, mentions)
        drafts = find_drafts(text, facts)
        default = default_interval(publication) if publication is not None else Interval.unknown()
        incidents, pairs, incident_notes = build_incidents(
            report, text, drafts, default, agreement,
            actor_fallback=self.actor_fallback, site_for=self._site_finder(text, agreement),
        )
        claims = find_claims(report, text, facts, pairs, agreement, zone)
        exchange = find_exchange(report, text, facts, agreement, zone)
        return Extraction(
            report=report,
            incidents=tuple(incidents),
            claims=tuple(claims),
            fulfilments=(exchange,) if exchange is not None else (),
            notes=tuple(notes + incident_notes),
        )

    @staticmethod
    def _site_finder(text: str, agreement: Agreement | None):
        if agreement is None or not agreement.site_lists:
            return None

        def site_for(draft: Draft):
            mention: PlaceMention = draft.mention
            window = text[max(0, mention.start - _SITE_WINDOW):mention.end + _SITE_WINDOW]
            return match_site(mention, window, agreement)

        return site_for


def _publication(published: str | None, zone: str, notes: list[str]) -> Publication | None:
    try:
        publication = Publication.parse(published, zone=zone)
    except ValueError as e:
        notes.append(f"publication date not read ({e})")
        return None
    if publication is None:
        notes.append("publication date unknown: relative dates and the default window stay open")
    return publication


@functools.cache
def _default_extractor() -> RuleExtractor:
    return RuleExtractor()


def extract_report(report: Report, *, agreement: Agreement | None = None) -> Extraction:
    """Extract with the built-in rules (one RuleExtractor per process, built on first use)."""
    return _default_extractor().extract(report, agreement=agreement)
