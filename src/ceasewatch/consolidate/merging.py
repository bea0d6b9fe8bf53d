"""One incident record from its accounts' records, with every disagreement kept.

Nothing is averaged and nothing is picked silently (docs/consolidation.md):
- the place is that of the most precise account;
- the time is the intersection of the accounts' intervals when they share one, else the
  span of the most specific intervals (one that holds another account's whole interval is
  left out), and the disagreement names each account's interval;
- a single-valued field (actor, weapon, outcome, a count, …) takes the value the accounts
  agree on; when two accounts give different values it is null and the disagreement lists
  each value with its accounts;
- targets, who says so and who denies it, and the evidence are the union of the accounts'.
"""

from __future__ import annotations

from typing import Any, Iterable

from ..model.incident import COUNT_FIELDS
from .accounts import PRECISION_RANK, epoch_seconds

PLACE_FIELDS = ("place", "admin1", "admin1_code", "country", "lat", "lon", "geo_precision")
# Fields taken only when the accounts agree; the rest are merged as below.
SINGLE_FIELDS = ("actor", "site", "weapon", "weapon_model", "outcome", "intent")
FULFILMENT_SINGLE = ("quantity",)
LIST_FIELDS = ("claimed_by", "denied_by", "parties")


def merge_records(incident_id: str, records: list[dict[str, Any]]) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The merged record (exchange format, id `incident_id`) and its disagreements.

    `records` are the accounts' records; each disagreement is
    {"field", "values": [{"value", "accounts"}], "chosen"} with the values in a stable order.
    """
    records = sorted(records, key=lambda r: r["id"])
    if len(records) == 1:
        return {**records[0], "id": incident_id}, []
    merged: dict[str, Any] = {"id": incident_id, "kind": records[0]["kind"]}
    disagreements: list[dict[str, Any]] = []
    lead = min(records, key=lambda r: (PRECISION_RANK.get(r.get("geo_precision") or "unknown", 9), r["id"]))
    for name in PLACE_FIELDS:
        if name in lead:
            merged[name] = lead[name]
    places = _values(records, "place")
    if len(places) > 1:
        disagreements.append(_disagreement("place", places, lead.get("place")))
    _merge_interval(merged, records, "start", "end", disagreements)
    if any("launch_start" in r for r in records):
        _merge_interval(merged, records, "launch_start", "launch_end", disagreements)
    for name in (*SINGLE_FIELDS, *FULFILMENT_SINGLE):
        if any(name in r for r in records):
            merged[name] = _agreed(records, name, disagreements)
    if any("targets" in r for r in records):
        merged["targets"] = _narrowest_codes(code for r in records for code in r.get("targets") or ())
    if any("counts" in r for r in records):
        merged["counts"] = {name: _agreed_count(records, name, disagreements) for name in COUNT_FIELDS}
    for name in LIST_FIELDS:
        if any(name in r for r in records):
            merged[name] = list(dict.fromkeys(item for r in records for item in r.get(name) or ()))
    merged["evidence"] = sorted(
        {_span_key(e): e for r in records for e in r.get("evidence") or ()}.values(), key=_span_key
    )
    for r in records:  # keep any other field the accounts carry, where they agree
        for name, value in r.items():
            if name not in merged:
                merged[name] = value if all(o.get(name) == value for o in records if name in o) else None
    return merged, disagreements


def _values(records: list[dict], name: str) -> dict[str, list[str]]:
    """Each distinct non-null value (as its JSON-ready form) with the accounts that give it."""
    found: dict[Any, list[str]] = {}
    for r in records:
        value = r.get(name)
        if value is not None:
            found.setdefault(_hashable(value), []).append(r["id"])
    return found


def _agreed(records: list[dict], name: str, disagreements: list) -> Any:
    values = _values(records, name)
    if len(values) == 1:
        return _plain(next(iter(values)))
    if values:
        disagreements.append(_disagreement(name, values, None))
    return None


def _agreed_count(records: list[dict], name: str, disagreements: list) -> int | None:
    values: dict[Any, list[str]] = {}
    for r in records:
        value = (r.get("counts") or {}).get(name)
        if value is not None:
            values.setdefault(value, []).append(r["id"])
    if len(values) == 1:
        return next(iter(values))
    if values:
        disagreements.append(_disagreement(f"counts.{name}", values, None))
    return None


def _merge_interval(merged: dict, records: list[dict], start_key: str, end_key: str, disagreements: list) -> None:
    """The intersection of the given intervals, else their span with the disagreement kept."""
    given = [(r.get(start_key), r.get(end_key), r["id"]) for r in records]
    given = [g for g in given if g[0] is not None or g[1] is not None]
    if not given:
        merged[start_key] = merged[end_key] = None
        return
    starts = [epoch_seconds(s) if s else float("-inf") for s, _, _ in given]
    ends = [epoch_seconds(e) if e else float("inf") for _, e, _ in given]
    lo, hi = max(starts), min(ends)
    if lo <= hi:
        merged[start_key] = next((s for (s, _, _), t in zip(given, starts) if t == lo), None)
        merged[end_key] = next((e for (_, e, _), t in zip(given, ends) if t == hi), None)
        return
    # They share no time. An interval that holds another account's whole interval adds
    # nothing ("overnight" around "at 01:20"): the span is that of the most specific ones.
    spans = list(zip(starts, ends))
    specific = [
        i for i, (a, b) in enumerate(spans)
        if not any(j != i and a <= c and d <= b and (c, d) != (a, b) for j, (c, d) in enumerate(spans))
    ]
    lo_i = min(specific, key=lambda i: starts[i])
    hi_i = max(specific, key=lambda i: ends[i])
    merged[start_key] = None if starts[lo_i] == float("-inf") else given[lo_i][0]
    merged[end_key] = None if ends[hi_i] == float("inf") else given[hi_i][1]
    values: dict[Any, list[str]] = {}
    for s, e, account_id in given:
        values.setdefault((s, e), []).append(account_id)
    name = "time" if start_key == "start" else "launch_time"
    disagreements.append({
        "field": name,
        "values": [{"value": {"start": s, "end": e}, "accounts": ids} for (s, e), ids in sorted(values.items(), key=_order)],
        "chosen": {"start": merged[start_key], "end": merged[end_key],
                   "rule": "the intervals share no time: the span of the most specific ones"},
    })


def _narrowest_codes(codes: Iterable[str]) -> list[str]:
    """The union of target codes, without a code another one in the set narrows (energy, energy.grid)."""
    unique = sorted(set(codes))
    return [c for c in unique if not any(o != c and o.startswith(c + ".") for o in unique)]


def _disagreement(name: str, values: dict[Any, list[str]], chosen: Any) -> dict[str, Any]:
    return {
        "field": name,
        "values": [{"value": _plain(v), "accounts": ids} for v, ids in sorted(values.items(), key=_order)],
        "chosen": chosen,
    }


def _order(item: tuple) -> tuple:
    value, ids = item
    return (-len(ids), repr(value))


def _hashable(value: Any) -> Any:
    if isinstance(value, dict):
        return ("__dict__", tuple(sorted((k, _hashable(v)) for k, v in value.items())))
    if isinstance(value, list):
        return ("__list__", tuple(_hashable(v) for v in value))
    return value


def _plain(value: Any) -> Any:
    if isinstance(value, tuple) and value and value[0] == "__dict__":
        return {k: _plain(v) for k, v in value[1]}
    if isinstance(value, tuple) and value and value[0] == "__list__":
        return [_plain(v) for v in value[1]]
    return value


def _span_key(span: dict) -> tuple:
    return (span.get("report") or "", span.get("start", 0), span.get("end", 0), span.get("field") or "")
