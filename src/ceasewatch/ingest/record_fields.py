"""Validation of one exchange-format record (spec: incidents.md), field by field.

`validate_record` turns a raw mapping (from a JSON line or a CSV row already split into
Python values) into the normalised record the store keeps, or a list of problems. The
normalised record has every field of the format, times as ISO UTC with a Z, and an `id`
derived from the content when the input has none (same content, same id, every run).
"""

from __future__ import annotations

import hashlib
import json
import re
from functools import lru_cache
from datetime import datetime, timezone
from typing import Any, Callable

from ..model import taxonomy
from ..model.incident import COUNT_FIELDS, GEO_PRECISIONS, INTENTS, KINDS, OUTCOMES, WEAPONS

STRIKE_FIELDS = (
    "id", "kind", "place", "admin1", "admin1_code", "country", "lat", "lon", "geo_precision",
    "start", "end", "launch_start", "launch_end", "actor", "targets", "site", "weapon",
    "weapon_model", "outcome", "counts", "intent", "claimed_by", "denied_by", "evidence",
)
EXCHANGE_FIELDS = ("id", "kind", "parties", "quantity", "start", "end", "claimed_by", "evidence")

_COUNTRY = re.compile(r"^[A-Z]{2}$")
_ADMIN1_CODE = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")
_PARTY = re.compile(r"^[A-Za-z][A-Za-z0-9_-]{0,31}$")
_UTC = timezone.utc
_CANONICAL_UTC = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ")


class FieldError(ValueError):
    """A field's value is wrong; `field` names it (dotted for nested fields)."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


def validate_record(raw: dict[str, Any]) -> tuple[dict[str, Any] | None, list[FieldError]]:
    """Check one raw record; return (normalised record, []) or (None, problems)."""
    kind = raw.get("kind") or "strike"
    if kind not in KINDS:
        return None, [FieldError("kind", f"unknown kind {kind!r}; expected one of: {', '.join(KINDS)}")]
    checks = _STRIKE_CHECKS if kind == "strike" else _EXCHANGE_CHECKS
    errors = [FieldError(k, f"unknown field {k!r}") for k in raw if k not in checks]
    out: dict[str, Any] = {}
    for name, check in checks.items():
        value = raw.get(name)
        if value is None and name in _ABSENT:
            out[name] = _ABSENT[name]()  # a fresh default: lists and dicts are never shared
            continue
        try:
            out[name] = check(value, name)
        except FieldError as e:
            errors.append(e)
    out["kind"] = kind
    errors += _check_consistency(out)
    if errors:
        return None, errors
    if not out["id"]:
        out["id"] = derived_id(out)
    return out, []


def canonical_json(record: dict[str, Any]) -> str:
    """The one serialisation used for hashing and storing a record."""
    return json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def derived_id(record: dict[str, Any]) -> str:
    """A stable id from a record's content (its `id` left out)."""
    body = canonical_json({k: v for k, v in record.items() if k != "id"})
    prefix = "inc" if record.get("kind", "strike") == "strike" else "rec"
    return f"{prefix}-{hashlib.sha256(body.encode()).hexdigest()[:16]}"


# --- single-field checks: (value, field name) -> normalised value, or FieldError ------------


def _text(v: Any, name: str) -> str | None:
    if v is None:
        return None
    if not isinstance(v, str):
        raise FieldError(name, f"expected text, got {type(v).__name__} {v!r}")
    v = v.strip()
    return v or None


def _choice(options: tuple[str, ...]) -> Callable[[Any, str], str | None]:
    def check(v: Any, name: str) -> str | None:
        v = _text(v, name)
        if v is not None and v not in options:
            raise FieldError(name, f"{v!r} is not one of: {', '.join(options)}")
        return v

    return check


def _pattern(regex: re.Pattern, example: str, upper: bool = False) -> Callable[[Any, str], str | None]:
    def check(v: Any, name: str) -> str | None:
        v = _text(v, name)
        if v is not None:
            v = v.upper() if upper else v
            if not regex.match(v):
                raise FieldError(name, f"{v!r} is not a valid code (like {example})")
        return v

    return check


def _number(low: float, high: float) -> Callable[[Any, str], float | None]:
    def check(v: Any, name: str) -> float | None:
        if v is None:
            return None
        if isinstance(v, bool) or not isinstance(v, (int, float)):
            raise FieldError(name, f"expected a number, got {v!r}")
        if not (low <= v <= high):
            raise FieldError(name, f"{v} is outside {low}..{high}")
        return float(v)

    return check


def _count(v: Any, name: str) -> int | None:
    if v is None:
        return None
    if isinstance(v, bool) or not isinstance(v, int) or v < 0:
        raise FieldError(name, f"expected a whole number ≥ 0, got {v!r}")
    return v


def _instant(v: Any, name: str) -> str | None:
    v = _text(v, name)
    if v is None:
        return None
    if len(v) == 20 and v[10] == "T" and v[19] == "Z" and _CANONICAL_UTC.match(v):
        return v  # already as stored: skip parsing
    normalised = _utc_text(v)
    if normalised is None:
        raise FieldError(name, f"not an ISO 8601 time: {v!r}")
    if not normalised:
        raise FieldError(name, f"{v!r} has no UTC offset; write it with Z or +HH:MM (ceasewatch never guesses a zone)")
    return normalised


@lru_cache(maxsize=1 << 16)
def _utc_text(v: str) -> str | None:
    """An offset time as stored (UTC, seconds, Z); None if unreadable, '' if it has no offset.

    Cached because feeds repeat their times (start == end, many rows an hour).
    """
    try:
        t = datetime.fromisoformat(v)
    except ValueError:
        return None
    if t.tzinfo is None:
        return ""
    return t.astimezone(_UTC).replace(tzinfo=None).isoformat(timespec="seconds") + "Z"


def _text_list(v: Any, name: str) -> list[str]:
    if v is None:
        return []
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise FieldError(name, f"expected a list of text, got {v!r}")
    return [x.strip() for x in v if x.strip()]


def _targets(v: Any, name: str) -> list[str]:
    codes = _text_list(v, name)
    unknown = [c for c in codes if not taxonomy.is_code(c)]
    if unknown:
        raise FieldError(name, f"unknown target code {unknown[0]!r} (see the taxonomy: energy.grid, health, …)")
    return list(dict.fromkeys(codes))


def _parties(v: Any, name: str) -> list[str]:
    parties = _text_list(v, name)
    if not parties:
        raise FieldError(name, "required: the party codes that took part, e.g. [RU, UA]")
    bad = [p for p in parties if not _PARTY.match(p)]
    if bad:
        raise FieldError(name, f"{bad[0]!r} is not a party code")
    return parties


def _counts(v: Any, name: str) -> dict[str, int | None]:
    if v is None:
        v = {}
    if not isinstance(v, dict):
        raise FieldError(name, f"expected an object of counts, got {v!r}")
    for key in v:
        if key not in COUNT_FIELDS:
            raise FieldError(f"{name}.{key}", f"unknown count; expected one of: {', '.join(COUNT_FIELDS)}")
    return {k: _count(v.get(k), f"{name}.{k}") for k in COUNT_FIELDS}


def _quantity(v: Any, name: str) -> int | dict[str, int]:
    if isinstance(v, dict) and v:
        return {str(party): _positive(n, f"{name}.{party}") for party, n in v.items()}
    if v is None:
        raise FieldError(name, "required: people released by each side, a number or {PARTY: number}")
    return _positive(v, name)


def _positive(v: Any, name: str) -> int:
    n = _count(v, name)
    if not n:
        raise FieldError(name, f"expected a whole number > 0, got {v!r}")
    return n


def _evidence(v: Any, name: str) -> list[dict[str, Any]]:
    if v is None:
        return []
    if not isinstance(v, list):
        raise FieldError(name, f"expected a list of spans, got {v!r}")
    spans = []
    for i, span in enumerate(v):
        where = f"{name}[{i}]"
        if not isinstance(span, dict):
            raise FieldError(where, "expected {report, start, end, text}")
        extra = set(span) - {"report", "start", "end", "text", "field"}
        if extra:
            raise FieldError(f"{where}.{sorted(extra)[0]}", "unknown key in an evidence span")
        report, text = _text(span.get("report"), f"{where}.report"), span.get("text")
        start, end = _count(span.get("start"), f"{where}.start"), _count(span.get("end"), f"{where}.end")
        if report is None or start is None or end is None or not isinstance(text, str):
            raise FieldError(where, "a span needs report, start, end and text")
        if end < start or len(text) != end - start:
            raise FieldError(where, f"span {start}..{end} does not fit its text of {len(text)} characters")
        out = {"report": report, "start": start, "end": end, "text": text}
        if span.get("field") is not None:
            out["field"] = _text(span["field"], f"{where}.field")
        spans.append(out)
    return spans


_STRIKE_CHECKS: dict[str, Callable[[Any, str], Any]] = {
    "id": _text, "kind": _text, "place": _text, "admin1": _text,
    "admin1_code": _pattern(_ADMIN1_CODE, "UA-14 or RU-KDA", upper=True),
    "country": _pattern(_COUNTRY, "UA", upper=True),
    "lat": _number(-90, 90), "lon": _number(-180, 180),
    "geo_precision": _choice(GEO_PRECISIONS),
    "start": _instant, "end": _instant, "launch_start": _instant, "launch_end": _instant,
    "actor": _text, "targets": _targets, "site": _text,
    "weapon": _choice(WEAPONS), "weapon_model": _text, "outcome": _choice(OUTCOMES),
    "counts": _counts, "intent": _choice(INTENTS),
    "claimed_by": _text_list, "denied_by": _text_list, "evidence": _evidence,
}
_EXCHANGE_CHECKS: dict[str, Callable[[Any, str], Any]] = {
    "id": _text, "kind": _text, "parties": _parties, "quantity": _quantity,
    "start": _instant, "end": _instant, "claimed_by": _text_list, "evidence": _evidence,
}


# What an absent (None) field becomes, without calling its check; fields that are
# required when absent (parties, quantity) are not here.
_ABSENT: dict[str, Callable[[], Any]] = {
    **{name: (lambda: None) for name in (
        "id", "kind", "place", "admin1", "admin1_code", "country", "lat", "lon", "geo_precision",
        "start", "end", "launch_start", "launch_end", "actor", "site", "weapon", "weapon_model",
        "outcome", "intent",
    )},
    **{name: list for name in ("targets", "claimed_by", "denied_by", "evidence")},
    "counts": lambda: dict.fromkeys(COUNT_FIELDS),
}


def _check_consistency(r: dict[str, Any]) -> list[FieldError]:
    """Rules that involve several fields (those whose own check failed are absent from `r`)."""
    errors = []
    for a, b in (("start", "end"), ("launch_start", "launch_end")):
        if a not in r or b not in r:
            continue
        if (r[a] is None) != (r[b] is None):
            missing = b if r[b] is None else a
            errors.append(FieldError(missing, f"give both {a} and {b} (equal for an exact time), or neither"))
        elif r[a] is not None and r[a] > r[b]:
            errors.append(FieldError(b, f"{r[b]} is before {a} {r[a]}"))
    if r["kind"] == "strike":
        if "lat" in r and "lon" in r and (r["lat"] is None) != (r["lon"] is None):
            errors.append(FieldError("lon" if r["lon"] is None else "lat", "give both lat and lon, or neither"))
        precision = r.get("geo_precision", "?")
        if r.get("lat") is not None and precision is None:
            errors.append(FieldError("geo_precision", "required with lat/lon: point, settlement, district, admin1 or country"))
        if precision in ("point", "settlement", "district") and "lat" in r and r["lat"] is None:
            errors.append(FieldError("lat", f"required when geo_precision is {precision}"))
        r["geo_precision"] = precision or "unknown"
    elif isinstance(r.get("quantity"), dict) and "parties" in r:
        strangers = [p for p in r["quantity"] if p not in r["parties"]]
        if strangers:
            errors.append(FieldError(f"quantity.{strangers[0]}", "not one of this record's parties"))
    return errors
