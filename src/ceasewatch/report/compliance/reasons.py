"""One sentence per verdict that says why, from the stored verdict and the commitment's terms.

The stored verdict names the deciding commitment, the reason or the unknown tests; the
sentence adds the figures a reader needs (times, codes) without running the engine again,
so that a report over many thousand incidents stays fast. `ceasewatch explain` gives the
full trace.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from ...ingest import format_duration
from ...model import Agreement, Commitment, Interval
from ...store import VerdictRow

_UNKNOWN_TEST_WORDS = {
    "party": "the actor is unknown",
    "in_flight": "the launch may have come before the start (in-flight strikes are exempt)",
}


def short_time(t: datetime | None) -> str:
    """'2025-03-18 16:55Z'; '…' for an unbounded side."""
    return "…" if t is None else t.strftime("%Y-%m-%d %H:%MZ")


def short_interval(interval: Interval | None) -> str:
    """One time for an exact interval, 'from – to' otherwise, in UTC."""
    if interval is None:
        return "unknown"
    if interval.earliest == interval.latest:
        return short_time(interval.earliest)
    return f"{short_time(interval.earliest)} – {short_time(interval.latest)}"


def reason_text(agreement: Agreement, version: str, record: Mapping[str, Any], row: VerdictRow | None) -> str:
    """Why `record` got `row` under `version`, in one sentence with the figures compared."""
    if row is None:
        return "not judged yet (run `ceasewatch run` or `ceasewatch ingest`)"
    if row.verdict == "not_applicable":
        return f"this version binds {record.get('actor')} to nothing"
    commitment = _commitment(agreement, version, row.commitment)
    if commitment is None:
        return f"decided by {row.commitment or 'no commitment'}"
    name = commitment.id
    if row.verdict == "violation":
        return (f"{name}: the strike falls in its window (from {short_interval(commitment.start)}) "
                f"and in its scope ({_scope(commitment)})")
    if row.verdict == "no_violation":
        return f"{name}: {_no_reason(row.reason, commitment, record)}"
    tests = [_unknown_test(test, commitment, record) for test in row.unknown]
    return f"{name}: cannot tell, as " + "; ".join(tests)


def _no_reason(reason: str | None, c: Commitment, record: Mapping[str, Any]) -> str:
    impact = _impact(record)
    if reason == "before_start":
        return f"impact {impact} ended before the start {short_interval(c.start)}{_grace(c)}"
    if reason == "after_end":
        return f"impact {impact} began after the end {short_interval(c.end)}"
    if reason == "in_flight_exempt":
        launch = Interval(_instant(record.get("launch_start")), _instant(record.get("launch_end")))
        return f"launched {short_interval(launch)}, before the start {short_interval(c.start)}: in flight, exempt"
    if reason == "out_of_scope":
        return f"targets {_targets(record)} are outside its scope ({_scope(c)})"
    return reason or "no violation"


def _unknown_test(test: str, c: Commitment, record: Mapping[str, Any]) -> str:
    if test == "time":
        return f"the impact {_impact(record)} overlaps the start {short_interval(c.start)}{_grace(c)}"
    if test == "scope":
        return f"targets {_targets(record)} may or may not be in its scope ({_scope(c)})"
    return _UNKNOWN_TEST_WORDS.get(test, f"the {test} test is unknown")


def _commitment(agreement: Agreement, version: str, commitment_id: str | None) -> Commitment | None:
    if commitment_id is None or version not in agreement.versions:
        return None
    return next((c for c in agreement.versions[version].commitments if c.id == commitment_id), None)


def _scope(c: Commitment) -> str:
    parts = []
    if c.target_codes is not None:
        parts.append(", ".join(sorted(c.target_codes)))
    if c.sites:
        parts.append("sites listed in " + ", ".join(c.sites))
    if c.area is not None:
        parts.append("inside " + (c.area.file or ", ".join(c.area.countries)))
    return "; ".join(parts) or "every target"


def _grace(c: Commitment) -> str:
    return f" plus a grace of {format_duration(c.grace)}" if c.grace else ""


def _targets(record: Mapping[str, Any]) -> str:
    return ", ".join(record.get("targets") or ()) or "(none given)"


def _impact(record: Mapping[str, Any]) -> str:
    return short_interval(Interval(_instant(record.get("start")), _instant(record.get("end"))))


def _instant(text: str | None) -> datetime | None:
    return None if text is None else datetime.fromisoformat(text)
