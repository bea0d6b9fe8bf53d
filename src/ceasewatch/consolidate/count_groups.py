"""Counts side by side: tallies of weapons that sources give for the same night, grouped.

"145 drones overnight" (an air force), "more than 100 Shaheds in the air" (a president) and
"about 150 drones" (an adviser) are three figures for one thing. A group shows each figure
with who gave it, and the lowest and highest: never an average or a total, which no source
stated. The rules (docs/counts.md):

- Which claims: `aggregate` claims with a tally unit, and `count` claims (a qualified figure
  of one incident) of weapons launched or intercepted. People, prisoners, buildings: never.
- Units are normalised (drones, UAVs, Shaheds -> drones; missiles, rockets -> missiles;
  strikes, attacks -> strikes) and only equal units share a group.
- What was counted: a figure said to be shot down or intercepted is kept apart from the
  figures of what was launched ("120 of 145 drones were shot down" is two figures, not a range).
- Aggregates (tallies with no place) and counts (one incident's figure) are kept apart.
- Actor: known actors must be equal. A figure whose actor is not stated joins a known-actor
  group only when exactly one group fits it; otherwise it groups with other figures whose
  actor is not stated.
- Time: a figure joins a group when its window overlaps the window every member shares
  (closed intervals; two windows that only touch at an end do not overlap, unless one of them
  is an instant). So a group's window is always the intersection of its members' windows,
  and `span` runs from the earliest start to the latest end. A figure without a known
  window (either bound missing) stands alone.
- Weapon and model: where both a group and a figure give one, they must be equal.

Deterministic: the figures are taken in a canonical order (start, end, claim id), so the same
claims in any order give the same groups, in the same order, with the same ids.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Iterable

from ..model import Claim, Interval, format_utc

#: The claim kinds that can hold a tally of weapons.
COUNTED_KINDS = ("aggregate", "count")
#: The actor filter value for groups whose actor is not stated (as for incidents).
UNSTATED_ACTOR = "unknown"
# Claim units (as extracted, or as a feed may write them) -> the unit figures are compared in.
_UNITS = {
    "drone": "drones", "drones": "drones", "uav": "drones", "uavs": "drones", "shahed": "drones",
    "shaheds": "drones", "missile": "missiles", "missiles": "missiles", "rocket": "missiles", "rockets": "missiles",
    "bomb": "bombs", "bombs": "bombs", "shell": "shells", "shells": "shells",
    "strike": "strikes", "strikes": "strikes", "attack": "strikes", "attacks": "strikes",
}
# A `count` claim's unit is the incident field it qualifies; its weapon says what was counted.
_COUNT_MEASURES = ("launched", "intercepted")
_WEAPON_UNITS = {"drone": "drones", "missile": "missiles", "glide_bomb": "bombs", "artillery": "shells"}
_INTERCEPTED = r"(?:shot down|downed|intercepted|destroyed|neutrali[sz]ed|repelled|suppressed|jammed)"
_INTERCEPTED_AFTER = re.compile(rf"\b{_INTERCEPTED}\b", re.I)
_INTERCEPTED_BEFORE = re.compile(rf"\b{_INTERCEPTED}\W+(?:(?:another|a further|an additional|further)\W+)?$", re.I)
_CLAUSE_END = re.compile(r"[,;]| and ")
_QUALIFIER_ORDER = ("up_to", "about", "exactly", "dozens", "at_least", "more_than")  # weakest upper bound first


@dataclass(frozen=True)
class CountFigure:
    """One source's figure: how many, with what qualifier, who said it, where, in what words."""

    quantity: int
    qualifier: str | None
    speaker: str | None
    source: str | None  # the outlet or body that published it
    report: str | None
    claim_id: str
    text: str  # the sentence the figure was read from
    kind: str = "aggregate"  # the claim's kind: aggregate or count
    actor: str | None = None  # the figure's own actor (None: not stated, joined by the rules above)
    time: Interval = field(default_factory=Interval.unknown)
    weapon_model: str | None = None


@dataclass(frozen=True)
class CountGroup:
    """Figures for the same tally (actor, unit, what was counted, window), side by side."""

    id: str  # "cnt-" + a hash of the member claim ids
    actor: str | None
    unit: str  # drones, missiles, bombs, shells, strikes
    measure: str  # "launched" (launched, fired, sent, carried out) or "intercepted"
    weapon: str | None
    weapon_model: str | None
    window: Interval  # the intersection of the members' windows (unknown for an unknown window)
    span: Interval  # earliest start to latest end of the members' windows
    figures: tuple[CountFigure, ...]  # lowest first
    low: CountFigure
    high: CountFigure

    def to_record(self) -> dict[str, Any]:
        """The group as JSON-ready data, with the exchange format's field names where they apply."""
        return {
            "id": self.id, "actor": self.actor, "unit": self.unit, "measure": self.measure,
            "weapon": self.weapon, "weapon_model": self.weapon_model,
            "start": _utc(self.window.earliest), "end": _utc(self.window.latest),
            "span_start": _utc(self.span.earliest), "span_end": _utc(self.span.latest),
            "low": {"quantity": self.low.quantity, "qualifier": self.low.qualifier},
            "high": {"quantity": self.high.quantity, "qualifier": self.high.qualifier},
            "figures": [_figure_record(f) for f in self.figures],
        }


def group_counts(claims: Iterable[Claim]) -> list[CountGroup]:
    """The claims' tallies of weapons grouped by the rules above, sorted by window, unit, actor, id."""
    tallies = sorted((t for t in map(_tally, claims) if t is not None), key=_canonical)
    drafts: list[_Draft] = []
    for tally in (t for t in tallies if t.actor is not None):
        _place(tally, drafts, [d for d in drafts if d.accepts(tally)])
    for tally in (t for t in tallies if t.actor is None):
        known = [d for d in drafts if d.actor is not None and d.accepts(tally)]
        if len(known) == 1:
            known[0].add(tally)
        else:
            _place(tally, drafts, [d for d in drafts if d.actor is None and d.accepts(tally)])
    groups = [d.group() for d in drafts]
    return sorted(groups, key=lambda g: (g.window.earliest is None, _utc(g.window.earliest) or "", g.unit, g.actor or "", g.id))


def select_groups(
    groups: Iterable[CountGroup], *, time_from: datetime | None = None, time_to: datetime | None = None,
    actor: str | None = None,
) -> list[CountGroup]:
    """The groups whose span meets [time_from, time_to] and whose actor is `actor` ('unknown': not stated).

    With a period, a group without a known window is left out: nothing says it falls inside.
    """
    wanted = None if actor == UNSTATED_ACTOR else actor
    return [
        g for g in groups
        if (actor is None or g.actor == wanted) and _meets(g.span, time_from, time_to)
    ]


def _meets(span: Interval, time_from: datetime | None, time_to: datetime | None) -> bool:
    if time_from is None and time_to is None:
        return True
    if not span.is_known:
        return False
    return (time_from is None or span.latest >= time_from) and (time_to is None or span.earliest <= time_to)


@dataclass(frozen=True)
class _Tally:
    """A claim that can be a figure, with the keys that decide its group."""

    claim: Claim
    scope: str  # the claim kind: aggregates and one incident's counts are kept apart
    unit: str
    measure: str

    @property
    def actor(self) -> str | None:
        return self.claim.actor

    @property
    def window(self) -> Interval | None:
        return self.claim.time if self.claim.time.is_known else None


class _Draft:
    """A group being built: its members, shared window, and the weapon they give."""

    def __init__(self, first: _Tally):
        self.members = [first]
        self.key = (first.scope, first.unit, first.measure)
        self.actor = first.actor
        self.window = first.window
        self.weapon, self.model = first.claim.weapon, first.claim.weapon_model

    def accepts(self, tally: _Tally) -> bool:
        """True when `tally` may join: same keys, compatible actor and weapon, overlapping window."""
        if self.window is None or tally.window is None or (tally.scope, tally.unit, tally.measure) != self.key:
            return False
        if tally.actor is not None and tally.actor != self.actor:
            return False
        if not _agree(self.weapon, tally.claim.weapon) or not _agree(self.model, tally.claim.weapon_model):
            return False
        return overlap(self.window, tally.window) is not None

    def add(self, tally: _Tally) -> None:
        self.members.append(tally)
        self.window = overlap(self.window, tally.window)
        self.weapon = self.weapon or tally.claim.weapon
        self.model = self.model or tally.claim.weapon_model

    def group(self) -> CountGroup:
        figures = tuple(sorted((_figure(t) for t in self.members), key=_figure_order))
        ids = sorted(f.claim_id for f in figures)
        digest = hashlib.sha256("\x00".join(ids).encode()).hexdigest()[:16]
        windows = [t.window for t in self.members if t.window is not None]
        span = Interval(min(w.earliest for w in windows), max(w.latest for w in windows)) if windows else Interval.unknown()
        scope, unit, measure = self.key
        return CountGroup(
            id="cnt-" + digest, actor=self.actor, unit=unit, measure=measure, weapon=self.weapon,
            weapon_model=self.model, window=self.window or Interval.unknown(), span=span, figures=figures,
            low=figures[0], high=max(figures, key=_high_order),
        )


def overlap(a: Interval, b: Interval) -> Interval | None:
    """The common part of two known windows, or None when they do not overlap.

    Windows that only touch at an end ([18:00, 03:00] and [03:00, 12:00]) do not overlap:
    two consecutive nights are two tallies. An instant at the edge of a window is inside it.
    """
    start, end = max(a.earliest, b.earliest), min(a.latest, b.latest)
    if start > end:
        return None
    if start == end and a.earliest < a.latest and b.earliest < b.latest:
        return None
    return Interval(start, end)


def _place(tally: _Tally, drafts: list[_Draft], fitting: list[_Draft]) -> None:
    """Join the first group that fits (the oldest, in canonical order), else start one."""
    if fitting:
        fitting[0].add(tally)
    else:
        drafts.append(_Draft(tally))


def _tally(claim: Claim) -> _Tally | None:
    """The claim as a tally of weapons, or None when it is not one (people, prisoners, no number)."""
    if claim.quantity is None:
        return None
    if claim.kind == "aggregate":
        unit = _UNITS.get((claim.unit or "").lower())
        return _Tally(claim, "aggregate", unit, _aggregate_measure(claim)) if unit else None
    if claim.kind == "count" and claim.unit in _COUNT_MEASURES:
        unit = _WEAPON_UNITS.get(claim.weapon or "")
        return _Tally(claim, "count", unit, claim.unit) if unit else None
    return None


def _aggregate_measure(claim: Claim) -> str:
    """`intercepted` when the words around the figure say it was shot down, else `launched`."""
    figure = next((e.text for e in claim.evidence if e.field == claim.kind), None)
    at = claim.text.find(figure) if figure else -1
    if at < 0:
        return "launched"
    after = _CLAUSE_END.split(claim.text[at + len(figure):at + len(figure) + 40], maxsplit=1)[0]
    before = re.split(r"[,;]", claim.text[max(0, at - 40):at])[-1]
    if _INTERCEPTED_AFTER.search(after) or _INTERCEPTED_BEFORE.search(before):
        return "intercepted"
    return "launched"


def _canonical(tally: _Tally) -> tuple:
    w = tally.window
    # Unknown windows last; ISO text of UTC times sorts as the times do.
    return (w is None, _utc(w.earliest) if w else "", _utc(w.latest) if w else "", tally.claim.id)


def _agree(ours: str | None, theirs: str | None) -> bool:
    return ours is None or theirs is None or ours == theirs


def _figure(tally: _Tally) -> CountFigure:
    c = tally.claim
    return CountFigure(
        quantity=c.quantity, qualifier=c.qualifier, speaker=c.speaker, source=c.source, report=c.report,
        claim_id=c.id, text=c.text, kind=c.kind, actor=c.actor, time=c.time, weapon_model=c.weapon_model,
    )


def _qualifier_rank(f: CountFigure) -> int:
    return _QUALIFIER_ORDER.index(f.qualifier) if f.qualifier in _QUALIFIER_ORDER else _QUALIFIER_ORDER.index("exactly")


def _figure_order(f: CountFigure) -> tuple:
    # Lowest first; at the same number, the weaker claim ("up to 80") before the stronger ("more than 80").
    return (f.quantity, _qualifier_rank(f), f.claim_id)


def _high_order(f: CountFigure) -> tuple:
    # The highest figure; at the same number, "more than 80" is higher than "80". Ties: the smaller claim id.
    return (f.quantity, _qualifier_rank(f), _negated(f.claim_id))


def _negated(text: str) -> tuple[int, ...]:
    return tuple(-ord(ch) for ch in text)


def _figure_record(f: CountFigure) -> dict[str, Any]:
    return {
        "claim": f.claim_id, "report": f.report, "kind": f.kind, "speaker": f.speaker, "source": f.source,
        "quantity": f.quantity, "qualifier": f.qualifier, "actor": f.actor, "weapon_model": f.weapon_model,
        "start": _utc(f.time.earliest), "end": _utc(f.time.latest), "text": f.text,
    }


def _utc(t) -> str | None:
    return None if t is None else format_utc(t)
