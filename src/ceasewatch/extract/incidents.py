"""Drafts from attack sentences, stories that continue them, and the ACLED rule that merges them.

Reading order: a sentence with an attack cue and places opens a *story* (its drafts); later
sentences without a place of their own continue that story when they point back at it
("the strike", "the facility", a doubt, a denial, more attack words in the same paragraph).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model.place import PlaceMention
from .actors import find_actor
from .drafts import (
    Draft, add_counts, add_targets, add_voices, add_weapons, is_interception_only, read_outcome, set_actor,
)
from .facts import SentenceFacts
from .lexicon import WordMatch
from .locations import contains
from .pairing import own_targets

# "the town in the Poltava region": the region describes the city already named.
_THE_CITY_IN = re.compile(r"\bthe\s+(?:city|town|village|settlement)\s+in\s+(?:the\s+)?(?:[\w'’]+\s+)?$", re.I)
_CASUALTIES = re.compile(r"\b(?:killed|injured|wounded|dead|died|hurt|casualties)\b", re.I)
_TALLY_WORDS = frozenset("drone drones uav uavs missile missiles bomb bombs shahed shaheds rocket rockets".split())
_STORY_REACH = 2  # paragraphs after its last sentence that a story can still be continued
_DAY_REACH = 3  # sentences back where a clock time with no day may find its day


@dataclass
class Story:
    """The drafts of the last attack sentence, and the sentences that continued them."""

    drafts: list[Draft]
    paragraph: int
    last_paragraph: int
    sentences: list[SentenceFacts] = field(default_factory=list)


def find_drafts(text: str, facts: list[SentenceFacts]) -> list[Draft]:
    """One draft per place named in an attack clause, with what its story adds."""
    drafts: list[Draft] = []
    story: Story | None = None
    # The lead: the report's first attack sentence; its time ("overnight") is the story's last resort.
    lead = next((f for f in facts if f.strong and not f.denies and not f.habitual), None)
    lead = lead if lead is not None and lead.times else None
    for f in facts:
        paragraph = f.sentence.paragraph
        in_story = story is not None and story.last_paragraph == paragraph
        new = _new_drafts(text, f, in_story)
        if new:
            _carry_from_paragraph(text, facts, f, new)
            if lead is not None and lead.sentence.index <= f.sentence.index:
                for draft in new:
                    draft.lead_times, draft.lead_side = lead.times, lead.actor.side if lead.actor else None
            story = Story(new, paragraph, paragraph, [f])
            drafts.extend(new)
        elif story is not None and _continues(f, story):
            for draft, words in zip(story.drafts, _words_per_draft(f, story.drafts)):
                _continue(text, f, draft, words)
            story.sentences.append(f)
            story.last_paragraph = paragraph
    return drafts


def _new_drafts(text: str, f: SentenceFacts, in_story: bool) -> list[Draft]:
    if f.habitual or not (f.strong or (f.cues and in_story) or _intercepts(f)):
        return []
    if not f.places:
        return _draft_at_seat(text, f, in_story)
    places = _scene_places(text, f)
    placeless = _placeless_attack_clauses(f, places)
    drafts = []
    for mention in places:
        clause = f.sentence.clause_of(mention.start)
        if not f.cues_in(clause) and not placeless:
            continue
        if is_interception_only(f, clause, text) and not any(clause[0] <= t.start < clause[1] for t in f.targets):
            continue  # shot down with no named target: a count, not an incident
        neighbours = [p for p in places if clause[0] <= p.start < clause[1]]
        draft = _draft(text, f, mention, clause, neighbours, single=len(places) == 1)
        for other in placeless:  # "Shelling of X left 500 families without gas, and damaged two houses."
            add_targets(draft, [t for t in f.targets if other[0] <= t.start < other[1]])
            read_outcome(text, f, other, draft)
        drafts.append(draft)
    return drafts


def _draft_at_seat(text: str, f: SentenceFacts, in_story: bool) -> list[Draft]:
    """"Belgorod Governor X said a drone damaged two houses": no place named but the governor's.

    Only for damage or casualties (an official's words on anything else say nothing of where),
    and only when no story of the paragraph already holds the sentence.
    """
    if not f.seats or in_story or not (f.targets or _CASUALTIES.search(f.text)) or is_interception_only(f, f.sentence.clauses[0], text):
        return []
    seat = f.seats[0]
    return [_draft(text, f, seat, f.sentence.clause_of(f.cues[0].start))]


def _intercepts(f: SentenceFacts) -> bool:
    return any(c.kind == "intercept" for c in f.cues)


def _scene_places(text: str, f: SentenceFacts) -> list[PlaceMention]:
    """The sentence's places minus regions that hold another of its places, and "the city in X"."""
    places = []
    for m in f.places:
        if m.place.precision == "admin1" and any(contains(m, other) for other in f.places if other is not m):
            continue
        if m.place.precision == "admin1" and _THE_CITY_IN.search(text[max(0, m.start - 60):m.start]):
            continue
        places.append(m)
    return places


def _placeless_attack_clauses(f: SentenceFacts, places: list[PlaceMention]) -> list[tuple[int, int]]:
    """The sentence's clauses with attack words but no place of their own: every place shares them."""
    return [clause for clause, cues in f.clause_cues.items()
            if cues and not any(clause[0] <= p.start < clause[1] for p in places)]


def _draft(text: str, f: SentenceFacts, mention: PlaceMention, clause: tuple[int, int],
           neighbours: list[PlaceMention] = (), single: bool = True) -> Draft:
    """A draft for one place of an attack clause; `neighbours`: the clause's places (pairing.py)."""
    s = f.sentence
    draft = Draft(mention, s.index, s.paragraph, clause)
    draft.add_span(mention.start, mention.end, "place")
    actor = find_actor(text, *clause) if not f.denies else None
    if actor is None and not f.denies:
        actor = f.actor
    if actor is not None:
        set_actor(draft, actor.side, actor.start, actor.end, actor.how)
    add_targets(draft, own_targets(text, f.targets, mention, clause, list(neighbours) or [mention]))
    add_weapons(f, draft, clause)
    read_outcome(text, f, clause, draft)
    add_counts(text, f, draft, clause, tallies=single)
    add_voices(f, draft)
    in_clause = [t for t in f.times if clause[0] <= t.start < clause[1]]
    draft.time_mentions = in_clause + [t for t in f.times if t not in in_clause]
    return draft


def _carry_from_paragraph(text: str, facts: list[SentenceFacts], f: SentenceFacts, drafts: list[Draft]) -> None:
    """Actor and weapon from the earlier attack sentences of the paragraph ("... The attacks hit ...")."""
    first = f.sentence.index
    while first > 0 and facts[first - 1].sentence.paragraph == f.sentence.paragraph:
        first -= 1
    earlier = [e for e in facts[first: f.sentence.index] if e.cues]
    for e in reversed(earlier):
        for draft in drafts:
            if draft.actor is None and e.actor is not None:
                set_actor(draft, e.actor.side, e.actor.start, e.actor.end, "carried")
                if not draft.claimed_by and not e.denies:
                    add_voices(e, draft)
            if not draft.weapons and e.weapons and e.strong:
                add_weapons(e, draft, None)
    recent = [e for e in facts[max(0, f.sentence.index - _DAY_REACH): f.sentence.index] if e.strong]
    for draft in drafts:
        draft.earlier_times = [t for e in reversed(earlier) for t in e.times]
        draft.day_donors = [t for e in reversed(recent) for t in reversed(e.times)]


def _continues(f: SentenceFacts, story: Story) -> bool:
    if f.habitual or _tallies(f):
        return False  # background, or a count of its own ("145 drones attacked"): a claim
    paragraph = f.sentence.paragraph
    if paragraph == story.last_paragraph and (f.cues or f.anaphora or f.hedge or f.denies or _CASUALTIES.search(f.text)):
        return True
    if paragraph == story.last_paragraph + 1 and not f.named and (f.strong or _CASUALTIES.search(f.text)):
        return True  # one-sentence paragraphs: "Several houses and a gas pipeline were damaged, he said."
    return f.anaphora is not None and paragraph - story.last_paragraph <= _STORY_REACH


def _tallies(f: SentenceFacts) -> bool:
    return any((q.unit or "").lower() in _TALLY_WORDS for q in f.quantities)


def _about_the_attack(f: SentenceFacts) -> bool:
    """True when the sentence speaks of the attack itself, not only of the place ("the city")."""
    if f.cues:
        return True
    return f.anaphora is not None and not re.search(r"(?:city|town|village|settlement)$", f.anaphora.group(), re.I)


def _words_per_draft(f: SentenceFacts, drafts: list[Draft]) -> list[list[WordMatch]]:
    """The target words of a continuing sentence that each draft of the story takes, in draft order.

    A word naming a kind of target that some drafts hold and others do not points back at
    those ("a depot in A and a power line near B. ... The blaze at the depot ..."): it goes
    to them only. A word that no draft, or every draft, holds goes to all.
    """
    holders = []
    for word in f.targets:
        have = [d for d in drafts if d.targets & set(word.codes)]
        holders.append(have if have and len(have) < len(drafts) else drafts)
    return [[w for w, its in zip(f.targets, holders) if any(d is draft for d in its)] for draft in drafts]


def _continue(text: str, f: SentenceFacts, draft: Draft, own_words: list[WordMatch]) -> None:
    """Add what a continuing sentence says; its speakers count only if it says something of the strike.

    `own_words`: the sentence's target words this draft takes (_words_per_draft).
    """
    if f.denies:
        add_voices(f, draft)  # a denial adds who denies, nothing of what it denies
        return
    draft.continuations.append(f)
    adds = bool(f.hedge or f.deliberate)
    if f.times and _about_the_attack(f):
        draft.story_times.extend(f.times)
        adds = True
    if f.actor is not None:
        adds |= draft.actor is None
        set_actor(draft, f.actor.side, f.actor.start, f.actor.end, "carried")
    if f.strong or f.cues:
        adds |= add_targets(draft, own_words)
        if f.strong and f.weapons:
            add_weapons(f, draft, None)
            adds = True
        for clause, cues in f.clause_cues.items():
            if cues:
                read_outcome(text, f, clause, draft)
    adds |= add_counts(text, f, draft)
    if adds:
        add_voices(f, draft)
