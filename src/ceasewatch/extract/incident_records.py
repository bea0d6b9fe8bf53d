"""Drafts to Incident records: times, the side-of-the-front fallback, the ACLED merge, ids, evidence.

ACLED rule: drafts at the same place, on a shared local day, by the same side (or one side
unknown) are one incident. Merged times intersect when they overlap, else cover both.
"""

from __future__ import annotations

import hashlib
from datetime import timedelta
from typing import Any, Callable
from zoneinfo import ZoneInfo

from ..model.agreement import Agreement
from ..model.incident import Counts, Evidence, Incident
from ..model.interval import Interval
from ..model.report import Report
from ..model.taxonomy import is_above
from .actors import party_code
from .actor_fallbacks import fallback_note, fill_actors
from .drafts import Draft, Span
from .lexicon import weapon_class, weapon_model
from .merging import Built, group_time, merge, merge_neighbours, zone_of
from .timing import Timing, best_timing, intersection, launch_timing, with_days

_BACKGROUND = timedelta(days=27)  # before P - 3 days - this: a strike told as history, not news


def build_incidents(
    report: Report,
    text: str,
    drafts: list[Draft],
    default: Interval,
    agreement: Agreement | None,
    *,
    actor_fallback: bool,
    site_for: Callable[[Draft], Any] | None = None,
) -> tuple[list[Incident], list[tuple[Draft, Incident]], list[str]]:
    """The report's incidents, each draft paired with the incident it ended in, and notes."""
    events = agreement.events if agreement is not None else None
    notes: list[str] = []
    fill_actors(drafts, front_side=actor_fallback)
    built = []
    stale = default.earliest - _BACKGROUND if default.earliest is not None else None
    for draft in drafts:
        b = Built(draft, _timing(text, draft, default, events), _launch(text, draft, events))
        if stale is not None and b.time.known and b.time.interval.latest < stale:
            notes.append(f"{draft.mention.place.name}: told as background ({b.time.interval}), not an incident of this report")
            continue
        built.append(b)
    groups = merge_neighbours(merge(built))
    incidents, pairs = [], []
    for group in groups:
        incident = _record(report, text, group, agreement, site_for)
        incidents.append(incident)
        pairs.extend((b.draft, incident) for b in group)
        if not any(b.time.known for b in group):
            notes.append(f"{incident.id}: time unknown at {incident.place}; the default window [P - 3 days, end of P] is used")
        note = fallback_note(_actor_draft(group).actor_how)
        if note is not None:
            notes.append(f"{incident.id}: " + note.format(actor=incident.actor, place=incident.place))
    return incidents, pairs, notes


def _actor_draft(group: list[Built]) -> Draft:
    """The draft whose attacker the incident takes: one the text names, before any fallback."""
    return min((b.draft for b in group), key=lambda d: (d.actor is None, d.actor_how in ("report", "front-side")))


def _timing(text: str, draft: Draft, default: Interval, events) -> Timing:
    """Own sentence, else its story's later sentences, else earlier attack sentences, else the default.

    The story's later sentences also narrow the own sentence's time when they fall inside it
    ("on Wednesday evening" ... "the missile hit at 9:15 p.m.").
    """
    zone = draft.mention.place.zone
    story = draft.story_times
    donors = draft.time_mentions + story + draft.earlier_times + draft.day_donors
    own = best_timing(with_days(draft.time_mentions, donors), text, zone, events)
    later = best_timing(with_days(story, donors), text, zone, events)
    if own is not None and later is not None:
        both = intersection(own.interval, later.interval)
        if both is not None:
            return Timing(both, own.spans + later.spans)
    found = own or later or best_timing(draft.earlier_times, text, zone, events)
    same_story = draft.lead_side is None or draft.actor is None or draft.lead_side == draft.actor
    if found is None and draft.lead_times and same_story:
        found = best_timing(draft.lead_times, text, zone, events)  # the report's lead: "overnight"
    return found if found is not None else Timing(default, (), known=False)


def _launch(text: str, draft: Draft, events) -> Timing | None:
    mentions = draft.time_mentions + draft.story_times
    return launch_timing(mentions, text, draft.mention.place.zone, events)


def _record(report: Report, text: str, group: list[Built], agreement: Agreement | None, site_for) -> Incident:
    drafts = [b.draft for b in group]
    first = drafts[0]
    place = first.mention.place
    interval, known, time_spans = group_time(group)
    actor_side = _actor_draft(group).actor
    weapons = [w for d in drafts for w in d.weapons]
    spans = [s for d in drafts for s in d.spans] + [_time_span(s) for s in time_spans]
    launch = next((b.launch for b in group if b.launch is not None), None)
    if launch is not None:
        spans += [_time_span(s, "launch") for s in launch.spans]
    site = site_for(first) if site_for is not None else None
    actor = party_code(actor_side, agreement)
    incident = Incident(
        id=incident_id(report.id, place.name, interval if known else None, zone_of(first), actor),
        time=interval,
        launch=launch.interval if launch is not None else Interval.unknown(),
        place=place.name,
        admin1=place.admin1,
        admin1_code=place.admin1_code,
        country=place.country,
        lat=site.lat if site is not None else place.lat,
        lon=site.lon if site is not None else place.lon,
        geo_precision="point" if site is not None else place.precision,
        actor=actor,
        targets=most_specific(set().union(*(d.targets for d in drafts))),
        site=site.id if site is not None else None,
        weapon=weapon_class(weapons),
        weapon_model=weapon_model(weapons),
        outcome=_outcome(drafts),
        counts=_counts(drafts),
        intent=_intent(drafts),
        claimed_by=_union(d.claimed_by for d in drafts) or ((report.source,) if report.source else ()),
        denied_by=_union(d.denied_by for d in drafts),
        evidence=_evidence(report.id, text, spans),
    )
    return incident


def most_specific(codes: set[str]) -> tuple[str, ...]:
    """The codes without those a more specific code already implies ("energy" beside "energy.grid").

    "industrial" beside an energy or military code is dropped too: officials call a refinery
    or a drone plant "an industrial enterprise", and it is the same site.
    """
    if "industrial" in codes and any(c.startswith(("energy", "military")) for c in codes):
        codes = codes - {"industrial"}
    return tuple(sorted(c for c in codes if not any(is_above(c, other) for other in codes)))


def incident_id(report: str, place: str, interval: Interval | None, zone: ZoneInfo, actor: str | None) -> str:
    """A stable id: the same report, place, local day and side always give the same id."""
    day = interval.earliest.astimezone(zone).date().isoformat() if interval is not None else "unknown"
    key = "\x00".join((report, place, day, actor or ""))
    return "inc-" + hashlib.sha256(key.encode()).hexdigest()[:16]


def _time_span(span: tuple[int, int], name: str = "time") -> Span:
    return Span(span[0], span[1], name)


def _outcome(drafts: list[Draft]) -> str | None:
    outcomes = {d.outcome for d in drafts}
    return "hit" if "hit" in outcomes else "intercepted" if "intercepted" in outcomes else None


def _intent(drafts: list[Draft]) -> str | None:
    intents = {d.intent for d in drafts}
    return "unclear" if "unclear" in intents else "deliberate" if "deliberate" in intents else None


def _counts(drafts: list[Draft]) -> Counts:
    merged: dict[str, int] = {}
    for d in drafts:
        for name, value in d.counts.items():
            merged.setdefault(name, value)
    return Counts(**merged)


def _union(lists) -> tuple[str, ...]:
    out: list[str] = []
    for names in lists:
        out.extend(n for n in names if n not in out)
    return tuple(out)


def _evidence(report_id: str, text: str, spans) -> tuple[Evidence, ...]:
    seen = set()
    out = []
    for s in sorted(spans, key=lambda s: (s.start, s.end, s.field)):
        if (s.start, s.end, s.field) in seen:
            continue
        seen.add((s.start, s.end, s.field))
        out.append(Evidence(report_id, s.start, s.end, text[s.start:s.end], s.field))
    return tuple(out)
