"""Time slices around each commitment's start: per hour for 48 hours after it, per day beyond and before.

The start S = [s0, s1] is an interval, and so is an incident's impact [a, b]. An incident is
placed in the slice nearest the start that its interval allows:

- after (a ≥ s1, it began once the start had surely passed): by a, counted from s1:
  hour 1 is [s1, s1 + 1 h), …, hour 48; then day 3 is [s1 + 48 h, s1 + 72 h), …
- before (b < s0, it ended before the earliest start): by b, counted back from s0, per day
  (as the OSCE compared the days before a ceasefire with those after): day -1 is
  [s0 − 24 h, s0), day -2 [s0 − 48 h, s0 − 24 h), …
- at the start: every other known interval (it overlaps the start's uncertainty);
- time unknown: no start or no end.

Slices are elapsed hours and days from the start, not calendar days. A commitment's
`grace` changes verdicts, not slices.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta

from ...model import Interval
from .data import ComplianceData

HOURLY = 48  # hours after the start counted one by one
PHASES = ("before", "at the start", "first 48 h", "after 48 h", "time unknown")
_HOUR = timedelta(hours=1)
_DAY = timedelta(days=1)


@dataclass(frozen=True)
class Slice:
    """A stretch of time relative to a start; `order` sorts slices from earliest to latest."""

    order: int  # negative before (days), 0 at the start, positive after, a large number for unknown
    label: str  # 'hour 1', 'day -3', 'at the start', 'time unknown'
    phase: str  # one of PHASES
    span: Interval | None  # the UTC stretch; None for 'at the start' and 'time unknown'


@dataclass(frozen=True)
class SliceRow:
    """How many incidents of one party fell in one slice, per verdict."""

    slice: Slice
    party: str
    counts: tuple[int, ...]  # in the order of SliceTable.columns

    @property
    def total(self) -> int:
        return sum(self.counts)


@dataclass(frozen=True)
class SliceTable:
    """The slices around one start under one version, and the totals per phase and party."""

    version: str
    start_ref: str  # the event or time the start came from
    start: Interval
    commitments: tuple[str, ...]  # the commitments of this version that start then
    columns: tuple[str, ...]  # the verdicts counted: ComplianceData.verdict_columns()
    rows: tuple[SliceRow, ...]  # only slices with incidents, earliest first, parties in order
    phase_totals: tuple[tuple[str, tuple[int, ...]], ...]  # (party, incidents per PHASES)


def place_in_slice(start: Interval, a: datetime | None, b: datetime | None) -> Slice:
    """The slice an impact interval [a, b] falls in, around the start interval (see module doc)."""
    s0, s1 = start.earliest, start.latest
    if a is None or b is None or s0 is None or s1 is None:
        return Slice(10**9, "time unknown", "time unknown", None)
    if a >= s1:
        hours = math.floor((a - s1) / _HOUR) + 1
        if hours <= HOURLY:
            return Slice(hours, f"hour {hours}", "first 48 h", Interval(s1 + (hours - 1) * _HOUR, s1 + hours * _HOUR))
        days = math.floor((a - s1) / _DAY) + 1
        return Slice(HOURLY + days, f"day {days}", "after 48 h", Interval(s1 + (days - 1) * _DAY, s1 + days * _DAY))
    if b < s0:
        days = math.ceil((s0 - b) / _DAY)
        return Slice(-days, f"day -{days}", "before", Interval(s0 - days * _DAY, s0 - (days - 1) * _DAY))
    return Slice(0, "at the start", "at the start", None)


def time_slices(data: ComplianceData) -> tuple[SliceTable, ...]:
    """One table per version and distinct start of its `refrain` commitments, in file order."""
    tables = []
    for version in data.versions:
        starts: dict[Interval, list] = {}
        for c in data.agreement.versions[version].commitments:
            if c.mode == "refrain" and c.start is not None:
                starts.setdefault(c.start, []).append(c)
        for start, commitments in starts.items():
            tables.append(_table(data, version, start, commitments))
    return tuple(tables)


def _table(data: ComplianceData, version: str, start: Interval, commitments: list) -> SliceTable:
    cells: Counter[tuple[Slice, str, str]] = Counter()
    phases: Counter[tuple[str, str]] = Counter()
    for entry in data.entries:
        slice_ = place_in_slice(start, entry.start, entry.end)
        cells[slice_, entry.actor, entry.verdict(version)] += 1
        phases[entry.actor, slice_.phase] += 1
    parties = data.parties()
    columns = data.verdict_columns()
    rows = []
    for slice_ in sorted({key[0] for key in cells}, key=lambda s: s.order):
        for party in parties:
            counts = tuple(cells[slice_, party, column] for column in columns)
            if any(counts):
                rows.append(SliceRow(slice_, party, counts))
    totals = tuple((party, tuple(phases[party, phase] for phase in PHASES)) for party in parties)
    refs = sorted({c.start_ref or "" for c in commitments})
    return SliceTable(version, " / ".join(refs), start, tuple(c.id for c in commitments), columns, tuple(rows), totals)

