"""What extraction gets out of one report."""

from __future__ import annotations

from dataclasses import dataclass

from .incident import Fulfilment, Incident
from .report import Claim, Report


@dataclass(frozen=True)
class Extraction:
    """A report with the incidents, claims and fulfilment records found in it."""

    report: Report
    incidents: tuple[Incident, ...] = ()
    claims: tuple[Claim, ...] = ()
    fulfilments: tuple[Fulfilment, ...] = ()  # e.g. a prisoner exchange the text reports
    notes: tuple[str, ...] = ()  # what was not understood: unknown places, unreadable times
