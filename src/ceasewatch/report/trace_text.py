"""A verdict's trace as text a monitor can read: what `ceasewatch explain` prints."""

from __future__ import annotations

from typing import Any

from ..model import Verdict
from .verdict_table import verdict_cell


def render_trace(verdict: Verdict) -> str:
    """Every commitment considered, every test, its answer and the figures compared."""
    head = f"{verdict.agreement_id} / {verdict.version}: {verdict_cell(verdict)}"
    if verdict.commitment:
        head += f"  [decided by {verdict.commitment}]"
    if verdict.outcome:
        head += f"  outcome: {verdict.outcome}"
    lines = [head]
    if not verdict.trace:
        lines.append("  no commitment of this version binds the incident's actor")
    for cv in verdict.trace:
        lines.append(f"  {cv.commitment}: {verdict_cell(cv)}")
        for test in cv.tests:
            answer = test.answer + (f" ({test.reason})" if test.reason else "")
            lines.append(f"    {test.name:<9} {answer}")
            for key, value in test.figures.items():
                lines.append(f"      {key} = {_figure(value)}")
            if test.note:
                lines.append(f"      note: {test.note}")
            for span in test.evidence:
                lines.append(f"      evidence: {span.report}[{span.start}:{span.end}] “{span.text}”")
    return "\n".join(lines)


def trace_json(verdict: Verdict) -> dict[str, Any]:
    """The same trace as a JSON-ready object."""
    return {
        "agreement": verdict.agreement_id,
        "version": verdict.version,
        "incident": verdict.incident_id,
        "verdict": verdict.verdict,
        "reason": verdict.reason,
        "unknown": list(verdict.unknown),
        "commitment": verdict.commitment,
        "outcome": verdict.outcome,
        "trace": [
            {
                "commitment": cv.commitment,
                "verdict": cv.verdict,
                "reason": cv.reason,
                "unknown": list(cv.unknown),
                "tests": [
                    {
                        "name": t.name,
                        "answer": t.answer,
                        "reason": t.reason,
                        "figures": {k: _json_figure(v) for k, v in t.figures.items()},
                        "note": t.note,
                        "evidence": [e.to_record() for e in t.evidence],
                    }
                    for t in cv.tests
                ],
            }
            for cv in verdict.trace
        ],
    }


def _figure(value: Any) -> str:
    if isinstance(value, (list, tuple, set, frozenset)):
        return ", ".join(sorted(str(v) for v in value)) or "(none)"
    return "(unknown)" if value is None else str(value)


def _json_figure(value: Any) -> Any:
    if isinstance(value, (set, frozenset)):
        return sorted(value)
    if isinstance(value, tuple):
        return list(value)
    return value if isinstance(value, (str, int, float, bool, list, dict, type(None))) else str(value)
