"""The plain-text summary of a checked agreement, as `ceasewatch agreement check FILE` prints it."""

from __future__ import annotations

from ..ingest import format_duration, parse_duration
from ..model.agreement import Agreement, Commitment, SiteList
from ..model.interval import Interval, format_utc


def agreement_summary(agreement: Agreement) -> str:
    """Every part of `agreement` resolved: parties, events and windows in UTC, groups as codes."""
    out = [f"{agreement.id}: {agreement.title or '(no title)'}",
           f"read from {agreement.source_name}; times without an offset read in {agreement.timezone}",
           "", "Parties"]
    out += _table([(code, name) for code, name in agreement.parties.items()])
    if agreement.events:
        out += ["", "Events (UTC)"]
        rows = []
        for event in agreement.events.values():
            how = f"{event.after} + {format_duration(event.within)}" if event.within else event.after
            rows.append((event.name, _interval(event.interval) + (f"  after {how}" if event.after else "")))
            if event.source:
                rows.append(("", f"source: {event.source}"))
        out += _table(rows)
    if agreement.categories:
        out += ["", "Categories (taxonomy codes; each covers the codes below it)"]
        out += _table([(name, ", ".join(sorted(codes))) for name, codes in agreement.categories.items()])
    if agreement.site_lists:
        out += ["", "Site lists"]
        out += _table([(key, _site_list(s)) for key, s in agreement.site_lists.items()])
    for version in agreement.versions.values():
        out += ["", f"Version {version.key}: {version.label or '(no label)'}"]
        if version.stated_by:
            out.append(f"  stated by {', '.join(version.stated_by)}")
        for commitment in version.commitments:
            out += _commitment(commitment, agreement)
    return "\n".join(out)


def _commitment(c: Commitment, agreement: Agreement) -> list[str]:
    parties = ", ".join(c.parties)
    verb = "refrains from" if c.mode == "refrain" else "performs"
    if len(c.parties) > 1:
        verb = "refrain from" if c.mode == "refrain" else "perform"
    lines = [f"  - {c.id}: {parties} {verb} {c.act}"]
    rows: list[tuple[str, str]] = []
    if c.mode == "refrain":
        codes = ", ".join(sorted(c.target_codes or ()))
        if c.target_codes is None:
            rows.append(("targets", "every target" if not c.sites else "none by code (sites only)"))
        elif set(c.targets) == c.target_codes:
            rows.append(("targets", codes))
        else:
            rows.append(("targets", f"{', '.join(c.targets)}: {codes}"))
        if c.sites:
            counts = (f"{key} ({len(agreement.site_lists[key].sites)} sites)" for key in c.sites)
            rows.append(("sites", ", ".join(counts)))
        rows.append(("start S", f"{_interval(c.start)}  (from {c.start_ref})"))
        rows.append(("end E", f"{_interval(c.end)}  ({_end_ref(c.end_ref)})" if c.end is not None else "no end"))
        rows.append(("grace", format_duration(c.grace) if c.grace else "none"))
        rows.append(("in_flight", c.in_flight))
        rows.append(("area", _area(c)))
    else:
        rows.append(("quantity", f"{c.quantity} (each party)"))
        rows.append(("deadline", format_utc(c.by)))
    if c.note:
        rows.append(("note", c.note))
    return lines + _table(rows, indent=6)


def _end_ref(ref: str | None) -> str:
    """`S + 30d` for a duration, `until X` for an event or a time."""
    try:
        parse_duration(ref or "")
    except ValueError:
        return f"until {ref}"
    return f"S + {ref}"


def _area(c: Commitment) -> str:
    if c.area is None:
        return "everywhere"
    if c.area.file:
        kind = (c.area.geometry or {}).get("type", "shape")
        return f"inside {c.area.file} ({kind})"
    return "inside " + ", ".join(c.area.countries)


def _site_list(s: SiteList) -> str:
    parts = [s.file, f"{len(s.sites)} sites", f"tolerance {_distance(s.tolerance_m)}"]
    if s.listed_by:
        parts.append(f"listed by {s.listed_by}")
    if s.category:
        parts.append(f"category {s.category}")
    return "  ".join(parts)


def _distance(metres: float) -> str:
    return f"{metres / 1000:g} km" if metres >= 1000 else f"{metres:g} m"


def _interval(interval: Interval | None) -> str:
    """An exact time as one time; a wider interval as [earliest, latest]."""
    if interval is None:
        return "unknown"
    if interval.earliest == interval.latest:
        return format_utc(interval.earliest)
    return str(interval)


def _table(rows: list[tuple[str, str]], indent: int = 2) -> list[str]:
    """Rows of (label, text) with the texts aligned in one column."""
    width = max((len(label) for label, _ in rows), default=0)
    return [f"{' ' * indent}{label:<{width}}  {text}".rstrip() for label, text in rows]
