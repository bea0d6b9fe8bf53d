"""An ACLED-style CSV: ACLED's column names, our strikes mapped onto ACLED's categories.

The mapping is ours, an approximation for joining with ACLED data (docs/exports.md has the
table); ACLED's own coders would sometimes decide otherwise. A field ceasewatch does not
know is left empty rather than filled with a value that looks like a fact.
"""

from __future__ import annotations

import csv
from datetime import datetime
from typing import IO, Any
from zoneinfo import ZoneInfo

from ..model import Agreement
from ..model.taxonomy import top_level
from .selection import ExportItem, ExportSelection

ACLED_COLUMNS = (
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type", "sub_event_type",
    "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2", "interaction",
    "civilian_targeting", "iso", "region", "country", "admin1", "admin2", "admin3", "location", "latitude",
    "longitude", "geo_precision", "source", "source_scale", "notes", "fatalities", "tags", "timestamp",
)

# alpha-2 -> (ISO 3166-1 numeric, ACLED country name, ACLED region, zone for the event date)
COUNTRIES = {
    "UA": (804, "Ukraine", "Europe", "Europe/Kyiv"),
    "RU": (643, "Russia", "Europe", "Europe/Moscow"),
    "BY": (112, "Belarus", "Europe", "Europe/Minsk"),
    "MD": (498, "Moldova", "Europe", "Europe/Chisinau"),
    "PL": (616, "Poland", "Europe", "Europe/Warsaw"),
    "RO": (642, "Romania", "Europe", "Europe/Bucharest"),
    "GE": (268, "Georgia", "Caucasus and Central Asia", "Asia/Tbilisi"),
}
# Party code -> (ACLED actor name, ACLED inter type). Our approximation of ACLED's names.
STATE_FORCES = {
    "RU": ("Military Forces of Russia (2000-)", "State forces"),
    "UA": ("Military Forces of Ukraine (2019-)", "State forces"),
    "BY": ("Military Forces of Belarus (1994-)", "State forces"),
}
UNIDENTIFIED = ("Unidentified Armed Group ({country})", "Political militia")
# weapon -> ACLED sub-event type of "Explosions/Remote violence". No weapon of ours maps to
# "Remote explosive/landmine/IED": the exchange format has no such weapon.
SUB_EVENT_BY_WEAPON = {
    "drone": "Air/drone strike",
    "aircraft": "Air/drone strike",
    "glide_bomb": "Air/drone strike",
    "missile": "Shelling/artillery/missile attack",
    "artillery": "Shelling/artillery/missile attack",
    "mixed": "Shelling/artillery/missile attack",
    None: "Shelling/artillery/missile attack",
}
# Target codes whose strikes ACLED would count as targeting civilians.
CIVILIAN_TARGETS = frozenset({"residential", "health", "education", "commercial", "cultural"})
# ACLED's geo_precision: 1 the town itself, 2 near it or a district, 3 the region.
GEO_PRECISION = {"point": 1, "settlement": 1, "district": 2, "admin1": 3, "country": 3}
_ADMIN1_SUFFIXES = (" Oblast", " Krai", " oblast")
_DAY, _WEEK = 86400, 7 * 86400


def write_acled_csv(selection: ExportSelection, stream: IO[str]) -> int:
    """One row per strike (other records are left out); returns the count."""
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(ACLED_COLUMNS)
    written = 0
    for item in selection.items:
        if item.is_strike:
            row = acled_row(item, selection.agreement, selection.versions)
            writer.writerow(["" if row[c] is None else row[c] for c in ACLED_COLUMNS])
            written += 1
    return written


def acled_row(item: ExportItem, agreement: Agreement | None, versions: tuple[str, ...]) -> dict[str, Any]:
    """The ACLED columns of one strike."""
    r = item.record
    iso, country, region, zone = COUNTRIES.get(r.get("country") or "", (None, r.get("country"), None, "UTC"))
    event_date = _event_date(r.get("end"), zone)
    intercepted = r.get("outcome") == "intercepted"
    actor1, inter1 = _actor(r.get("actor"), agreement, country)
    civilian = not intercepted and bool(CIVILIAN_TARGETS & {top_level(t) for t in r.get("targets") or ()})
    actor2, inter2 = (f"Civilians ({country})", "Civilians") if civilian and country else (None, None)
    return {
        "event_id_cnty": r["id"],
        "event_date": event_date,
        "year": event_date[:4] if event_date else None,
        "time_precision": _time_precision(r.get("start"), r.get("end")),
        "disorder_type": "Strategic developments" if intercepted else "Political violence",
        "event_type": "Strategic developments" if intercepted else "Explosions/Remote violence",
        "sub_event_type": "Disrupted weapons use" if intercepted else SUB_EVENT_BY_WEAPON.get(r.get("weapon")),
        "actor1": actor1, "assoc_actor_1": None, "inter1": inter1,
        "actor2": actor2, "assoc_actor_2": None, "inter2": inter2,
        "interaction": (f"{inter1}-{inter2}" if inter2 else f"{inter1} only") if inter1 else None,
        "civilian_targeting": "Civilian targeting" if civilian else None,
        "iso": iso, "region": region, "country": country,
        "admin1": _admin1(r.get("admin1")), "admin2": None, "admin3": None,
        "location": r.get("place") or r.get("admin1") or country,
        "latitude": r.get("lat"), "longitude": r.get("lon"),
        "geo_precision": GEO_PRECISION.get(r.get("geo_precision")),
        "source": "; ".join(r.get("claimed_by") or ()) or None,
        "source_scale": None,
        "notes": _notes(item, agreement, versions, actor1, event_date),
        "fatalities": (r.get("counts") or {}).get("killed"),
        "tags": _tags(item, versions),
        "timestamp": None,
    }


def _event_date(end: str | None, zone: str) -> str | None:
    """The local date (in the country's main zone) of the latest moment the strike could have happened."""
    if end is None:
        return None
    return datetime.fromisoformat(end).astimezone(ZoneInfo(zone)).strftime("%Y-%m-%d")


def _time_precision(start: str | None, end: str | None) -> int | None:
    """1: known to a day (the interval is 24 hours or less); 2: to a week; 3: wider."""
    if start is None or end is None:
        return None
    width = (datetime.fromisoformat(end) - datetime.fromisoformat(start))
    seconds = width.total_seconds()
    return 1 if seconds <= _DAY else 2 if seconds <= _WEEK else 3


def _actor(code: str | None, agreement: Agreement | None, country: str | None) -> tuple[str | None, str | None]:
    if code is None:
        return UNIDENTIFIED[0].format(country=country or "unknown country"), UNIDENTIFIED[1]
    if code in STATE_FORCES:
        return STATE_FORCES[code]
    name = agreement.parties.get(code) if agreement is not None else None
    return name or code, None


def _admin1(name: str | None) -> str | None:
    """ACLED writes regions without 'Oblast' or 'Krai', and Crimea as 'Crimea'."""
    if name is None:
        return None
    if "Crimea" in name:
        return "Crimea"
    for suffix in _ADMIN1_SUFFIXES:
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def _notes(item: ExportItem, agreement: Agreement | None, versions: tuple[str, ...], actor: str | None,
           event_date: str | None) -> str:
    r = item.record
    what = ", ".join(r.get("targets") or ()) or "an unstated target"
    verb = "attacked (intercepted)" if r.get("outcome") == "intercepted" else "struck"
    where = r.get("place") or r.get("admin1") or "an unknown place"
    text = f"On {event_date or 'an unknown date'}, {actor or 'an unidentified actor'} {verb} {what} in {where}."
    if r.get("denied_by"):
        text += f" Denied by {'; '.join(r['denied_by'])}."
    verdicts = item.verdicts or {}
    judged = [f"{v}: {_cell(verdicts[v])}" for v in versions if v in verdicts]
    if judged and agreement is not None:
        text += f" ceasewatch verdicts under {agreement.id}: {'; '.join(judged)}."
    return text


def _tags(item: ExportItem, versions: tuple[str, ...]) -> str:
    r = item.record
    tags = [f"ceasewatch_id={r['id']}", f"grade={item.grade or 'ungraded'}"]
    for key in ("weapon", "weapon_model", "outcome", "intent", "site"):
        if r.get(key):
            tags.append(f"{key}={r[key]}")
    if r.get("targets"):
        tags.append("targets=" + ",".join(r["targets"]))
    verdicts = item.verdicts or {}
    tags += [f"verdict.{v}={verdicts[v].verdict}" for v in versions if v in verdicts]
    return "; ".join(tags)


def _cell(row: Any) -> str:
    detail = row.reason or ", ".join(row.unknown)
    return f"{row.verdict} ({detail})" if detail else row.verdict

