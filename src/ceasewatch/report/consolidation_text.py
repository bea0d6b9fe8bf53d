"""How an incident was consolidated, as text: the accounts, the disagreements, the corrections."""

from __future__ import annotations

from typing import Any


def render_consolidation(incident_id: str, details: dict[str, Any]) -> str:
    """The grade and its rule, each account with who says so, each disagreement, each correction."""
    accounts = details.get("accounts") or []
    lines = [f"{incident_id}: {len(accounts)} account(s), grade {details.get('grade') or 'ungraded'}"]
    if details.get("grade_rule"):
        lines.append(f"  grade rule: {details['grade_rule']}")
    for account in accounts:
        where = account.get("report") or account.get("source_file") or "?"
        lines.append(f"  account {account['id']} from {where}")
        if account.get("outlet"):
            lines.append(f"    outlet: {_attester(account['outlet'])}")
        for attester in account.get("attesters") or ():
            lines.append(f"    says so: {_attester(attester)}")
        for denier in account.get("deniers") or ():
            lines.append(f"    denies: {_attester(denier)}")
        lines.append(
            f"    its own: place {account.get('place') or '?'}, time {account.get('start') or '?'} – "
            f"{account.get('end') or '?'}, actor {account.get('actor') or '?'}, "
            f"targets {', '.join(account.get('targets') or ()) or '–'}"
        )
    for disagreement in details.get("disagreements") or ():
        lines.append(f"  disagreement on {disagreement['field']}:")
        for value in disagreement["values"]:
            lines.append(f"    {_value(value['value'])}  ← {', '.join(value['accounts'])}")
        lines.append(f"    kept: {_value(disagreement.get('chosen'))}")
    for account, others in (details.get("alternatives") or {}).items():
        lines.append(f"  account {account} also fitted {', '.join(others)}; joined the nearest in place and time")
    for correction in details.get("corrections") or ():
        lines.append(
            f"  corrected {correction['field']} = {_value(correction['value'])} by {correction['by']}"
            f" at {correction['at']}: {correction['reason']}"
        )
    return "\n".join(lines)


def _attester(attester: dict[str, Any]) -> str:
    name = attester.get("source") or attester.get("label") or "?"
    side = attester.get("affiliation") or "affiliation unknown"
    grade = f", reliability {attester['reliability']}" if attester.get("reliability") else ""
    return f"{name} ({side}{grade}) — {attester.get('rule') or ''}".rstrip(" —")


def _value(value: Any) -> str:
    if value is None:
        return "null (the accounts disagree)"
    if isinstance(value, dict) and {"start", "end"} <= set(value):
        extra = f" [{value['rule']}]" if value.get("rule") else ""
        return f"{value['start']} – {value['end']}{extra}"
    return str(value)
