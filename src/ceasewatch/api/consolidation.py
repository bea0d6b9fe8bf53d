"""How an incident was consolidated, as the API and the incident page show it.

Consolidation (docs/consolidation.md) stores, with each incident, the accounts it was
built from, their sources, the fields they disagree on and the analyst's corrections. This
module adds the two things a reader needs beside them: why each disagreement was settled
the way it was, and the analyst's log entries that touched the incident.
"""

from __future__ import annotations

from typing import Any

from ..core import Ceasewatch

# The incident's facts are attested by only one side: every surface says so in these words.
ALLEGED = "alleged"
ALLEGED_NOTE = "alleged: only the other side says so"


def consolidation_json(cw: Ceasewatch, incident_id: str) -> dict[str, Any]:
    """Grade, grade rule, accounts, disagreements (each with `why`), corrections, analyst history."""
    details = cw.incident_details(incident_id)
    return {
        "grade": details.get("grade"),
        "grade_rule": details.get("grade_rule"),
        "accounts": details.get("accounts") or [],
        "disagreements": [{**d, "why": chosen_reason(d)} for d in details.get("disagreements") or ()],
        "corrections": details.get("corrections") or [],
        "analyst_history": [entry.to_record() for entry in cw.analyst_history(incident_id)],
    }


def chosen_reason(disagreement: dict[str, Any]) -> str:
    """One sentence saying what the merged incident took where its accounts disagree, and why."""
    field = disagreement.get("field") or ""
    chosen = disagreement.get("chosen")
    if isinstance(chosen, dict) and chosen.get("rule"):
        return f"{chosen['rule']} (each account's interval is kept beside it)"
    if field == "place":
        return "the place of the most precisely located account"
    if chosen is None:
        return "left unknown: the accounts disagree, and nothing is averaged or picked"
    return "the value the merge rules chose (docs/consolidation.md)"


def grade_caption(grade: str | None) -> str:
    """The grade as a reader should see it beside a verdict: 'alleged' always says what it means."""
    if grade is None:
        return "ungraded"
    return ALLEGED_NOTE if grade == ALLEGED else grade
