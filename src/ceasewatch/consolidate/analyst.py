"""Checking an analyst's change before it goes to the log, and reading overrides back out.

A field correction is checked by putting the new value into the incident's record and
validating the whole record by the exchange format's rules, so a correction can never store
what a feed could not; the value kept is the normalised one (times in UTC with a Z).
"""

from __future__ import annotations

import json
from typing import Any, Mapping

from ..errors import ConfigError
from ..ingest.record_fields import EXCHANGE_FIELDS, STRIKE_FIELDS, validate_record
from ..model.incident import COUNT_FIELDS
from ..model.verdict import VERDICTS
from ..sources import GRADES
from ..store.rows import VerdictRow
from .corrections import LogEntry, active_overrides, per_incident

FIXED_FIELDS = ("id", "kind", "evidence")  # what an analyst cannot set: identity and quotations
OVERRIDE_REASON = "analyst_override"


def correctable_fields(kind: str) -> tuple[str, ...]:
    """The fields an analyst may correct on a record of `kind` (counts one by one: counts.killed)."""
    names = STRIKE_FIELDS if kind == "strike" else EXCHANGE_FIELDS
    fields = [n for n in names if n not in FIXED_FIELDS and n != "counts"]
    if kind == "strike":
        fields += [f"counts.{name}" for name in COUNT_FIELDS]
    return tuple(fields)


def parse_value(text: str) -> Any:
    """A value as typed on the command line: JSON (42, null, ["a","b"], "text"), else the text itself."""
    try:
        return json.loads(text)
    except ValueError:
        return text


def corrected_value(record: dict[str, Any], field: str, value: Any) -> tuple[Any, Any]:
    """(value before, value after) of a correction, checked; ConfigError says what is wrong."""
    allowed = correctable_fields(record.get("kind", "strike"))
    if field not in allowed:
        raise ConfigError(f"cannot correct {field!r}; fields: {', '.join(allowed)}")
    if field == "targets" and isinstance(value, str):
        value = [code.strip() for code in value.split(";") if code.strip()]
    candidate = {k: v for k, v in record.items() if k in (STRIKE_FIELDS if record.get("kind", "strike") == "strike" else EXCHANGE_FIELDS)}
    outer, _, inner = field.partition(".")
    before = (record.get(outer) or {}).get(inner) if inner else record.get(field)
    if inner:
        candidate[outer] = {**(candidate.get(outer) or {}), inner: value}
    else:
        candidate[field] = value
    checked, errors = validate_record(candidate)
    if errors:
        raise ConfigError("; ".join(f"{e.field}: {e}" for e in errors))
    after = checked[outer][inner] if inner else checked[field]
    return before, after


def check_grade(grade: str) -> str:
    """A grade an analyst may set, or 'auto' to give the grade back to the rules."""
    if grade not in (*GRADES, "auto"):
        raise ConfigError(f"unknown grade {grade!r}; expected one of: {', '.join(GRADES)}, or auto")
    return grade


def check_verdict(verdict: str) -> str:
    """A verdict an analyst may set, or 'auto' to give the verdict back to the engine."""
    if verdict not in (*VERDICTS, "auto"):
        raise ConfigError(f"unknown verdict {verdict!r}; expected one of: {', '.join(VERDICTS)}, or auto")
    return verdict


def verdict_overrides(log: list[LogEntry], incident_of: Mapping[str, str]) -> dict[tuple[str, str], VerdictRow]:
    """(incident, version) -> the verdict row an analyst set, for every active override."""
    out = {}
    for incident_id, entries in per_incident(log, incident_of, ("override",)).items():
        for (_, version), entry in active_overrides(entries).items():
            out[(incident_id, version)] = VerdictRow(incident_id, version, entry.after, OVERRIDE_REASON, (), None)
    return out
