"""A draft incident: one place named in an attack clause, and what the story around it adds.

A draft collects spans while the report is read; incidents.py merges drafts (one per place,
local day and side) and turns them into Incident records.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from ..model.place import PlaceMention
from .counts import Quantity, count_field
from .cues import has_hit
from .facts import SentenceFacts
from .lexicon import WeaponMatch, WordMatch


@dataclass(frozen=True)
class Span:
    """A span of the report's text that supports one field."""

    start: int
    end: int
    field: str


@dataclass
class QualifiedCount:
    """A count given with a qualifier ("at least 18 killed"): a claim, not an incident count."""

    quantity: Quantity
    field: str
    sentence: int


@dataclass
class Draft:
    """What one attack clause says about one place, plus the sentences that continue it."""

    mention: PlaceMention
    sentence: int  # index of the sentence that named the place
    paragraph: int
    clause: tuple[int, int]
    spans: list[Span] = field(default_factory=list)
    targets: set[str] = field(default_factory=set)
    weapons: list[WeaponMatch] = field(default_factory=list)
    actor: str | None = None
    actor_how: str | None = None  # accused, attacker, subject, agent, carried, front-side
    outcome: str | None = None
    intent: str | None = None
    counts: dict[str, int] = field(default_factory=dict)
    qualified: list[QualifiedCount] = field(default_factory=list)
    claimed_by: list[str] = field(default_factory=list)
    denied_by: list[str] = field(default_factory=list)
    continuations: list[SentenceFacts] = field(default_factory=list)
    story_times: list = field(default_factory=list)  # times of later sentences about this attack
    time_mentions: list = field(default_factory=list)  # from its own clause, then sentence
    earlier_times: list = field(default_factory=list)  # earlier attack sentences of its paragraph, nearest first
    day_donors: list = field(default_factory=list)  # times of the attack sentences just before, nearest first
    lead_times: list = field(default_factory=list)  # times of the report's first attack sentence
    lead_side: str | None = None  # the side that sentence names

    def add_span(self, start: int, end: int, name: str) -> None:
        """Record evidence for field `name` (once per span and field)."""
        span = Span(start, end, name)
        if span not in self.spans:
            self.spans.append(span)

    @property
    def place_key(self) -> str:
        """What the merge rule compares places by: the resolved place's name."""
        return self.mention.place.name


def read_outcome(text: str, facts: SentenceFacts, clause: tuple[int, int], draft: Draft) -> None:
    """hit when the clause says something was hit; intercepted when it was only shot down."""
    cues = facts.cues_in(clause)
    intercepts = [c for c in cues if c.kind == "intercept"]
    if has_hit(text, *clause):
        outcome = "hit"
    elif intercepts:
        outcome = "intercepted"
    else:
        return
    if draft.outcome != "hit":
        draft.outcome = outcome
        for c in (intercepts if outcome == "intercepted" else [c for c in cues if c.kind != "intercept"])[:1]:
            draft.add_span(c.start, c.end, "outcome")


def add_targets(draft: Draft, words: Iterable[WordMatch]) -> bool:
    """Give the draft the taxonomy codes of these target words, with their spans; True if any."""
    added = False
    for word in words:
        draft.targets.update(word.codes)
        draft.add_span(word.start, word.end, "targets")
        added = True
    return added


def add_weapons(facts: SentenceFacts, draft: Draft, clause: tuple[int, int] | None) -> None:
    """Weapons named in the clause, else anywhere in the sentence."""
    inside = [w for w in facts.weapons if clause is None or clause[0] <= w.start < clause[1]]
    for w in inside or facts.weapons:
        draft.weapons.append(w)
        draft.add_span(w.start, w.end, "weapon")


def add_counts(text: str, facts: SentenceFacts, draft: Draft, within: tuple[int, int] | None = None,
               *, tallies: bool = True) -> bool:
    """Killed, injured, launched, intercepted, buildings: exact figures to the draft, others to claims.

    With `within`, only numbers inside that clause count; without `tallies`, numbers of weapons
    launched or downed are left to claims (a sentence naming several places gives a total).
    True when something was added.
    """
    s = facts.sentence
    added = False
    for q in facts.quantities:
        if within is not None and not within[0] <= q.start < within[1]:
            continue
        clause = s.clause_of(q.start)
        name = count_field(text, q, clause[0], clause[1])
        if name is None or (not tallies and name in ("launched", "intercepted")):
            continue
        if q.exact:
            if name not in draft.counts:
                draft.counts[name] = q.value
                draft.add_span(q.start, q.unit_end, "counts")
                added = True
        elif not any(c.quantity == q for c in draft.qualified):
            draft.qualified.append(QualifiedCount(q, name, s.index))
            added = True
    return added


def add_voices(facts: SentenceFacts, draft: Draft) -> None:
    """Who says so (claimed_by), who denies it (denied_by), and doubts about intent."""
    names = draft.denied_by if facts.denies else draft.claimed_by
    for speaker in facts.speakers:
        if speaker.name not in names:
            names.append(speaker.name)
        draft.add_span(speaker.start, speaker.end, "denied_by" if facts.denies else "claimed_by")
    if facts.hedge is not None:
        draft.intent = "unclear"
        draft.add_span(facts.hedge.start(), facts.hedge.end(), "intent")
    elif facts.deliberate is not None and draft.intent is None and not facts.denies:
        draft.intent = "deliberate"
        draft.add_span(facts.deliberate.start(), facts.deliberate.end(), "intent")


def set_actor(draft: Draft, side: str | None, start: int, end: int, how: str) -> None:
    """Give the draft its attacking side, with the words that name it."""
    if side is None or draft.actor is not None:
        return
    draft.actor, draft.actor_how = side, how
    draft.add_span(start, end, "actor")


def is_interception_only(facts: SentenceFacts, clause: tuple[int, int], text: str) -> bool:
    """True when the clause reports only things shot down, with nothing hit."""
    cues = facts.cues_in(clause)
    return any(c.kind == "intercept" for c in cues) and not has_hit(text, *clause)
