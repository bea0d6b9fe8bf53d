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
from .locations import contains

# "the city in the Dnipropetrovsk region": the region describes the city already named.
_THE_CITY_IN = re.compile(r"\bthe\s+(?:city|town|village|settlement)\s+in\s+(?:the\s+)?(?:[\w'’]+\s+)?$", re.I)
_CASUALTIES = re.compile(r"\b(?:killed|injured|wounded|dead|died|hurt|casualties)\b", re.I)
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)(?:the\s+)?", re.I)
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
            for draft in story.drafts:
                _continue(text, f, draft)
            story.sentences.append(f)
            story.last_paragraph = paragraph
    return drafts


def _new_drafts(text: str, f: SentenceFacts, in_story: bool) -> list[Draft]:
    if f.habitual or not (f.strong or (f.cues and in_story) or _intercepts(f)):
        return []
    if not f.places:
        return _draft_at_seat(text, f, in_story)
    places = _scene_places(text, f)
    drafts = []
    for mention in places:
        clause = f.sentence.clause_of(mention.start)
        if not f.cues_in(clause) and not _cue_clause_without_place(f, places):
            continue
        if is_interception_only(f, clause, text) and not any(clause[0] <= t.start < clause[1] for t in f.targets):
            continue  # shot down with no named target: a count, not an incident
        others = [p for p in places if p is not mention and clause[0] <= p.start < clause[1]
                  and not _listed_together(text, mention, p, places)]
        drafts.append(_draft(text, f, mention, clause, others, single=len(places) == 1))
    return drafts


def _listed_together(text: str, a: PlaceMention, b: PlaceMention, places: list[PlaceMention]) -> bool:
    """True when a and b belong to one list ("in the A, B and C regions"): they share its targets."""
    first, last = (a, b) if a.start < b.start else (b, a)
    between = [p for p in places if first.start <= p.start <= last.start]
    return all(_LIST_GAP.fullmatch(text, x.end, y.start) for x, y in zip(between, between[1:]))


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


def _cue_clause_without_place(f: SentenceFacts, places: list[PlaceMention]) -> bool:
    """True when the sentence's attack words sit in a clause that names no place of its own."""
    for clause, cues in f.clause_cues.items():
        if cues and not any(clause[0] <= p.start < clause[1] for p in places):
            return True
    return False


def _draft(text: str, f: SentenceFacts, mention: PlaceMention, clause: tuple[int, int],
           others: list[PlaceMention] = (), single: bool = True) -> Draft:
    """A draft for one place of an attack clause; `others`: the clause's other places."""
    s = f.sentence
    draft = Draft(mention, s.index, s.paragraph, clause)
    draft.add_span(mention.start, mention.end, "place")
    actor = find_actor(text, *clause) if not f.denies else None
    if actor is None and not f.denies:
        actor = f.actor
    if actor is not None:
        set_actor(draft, actor.side, actor.start, actor.end, actor.how)
    add_targets(f, draft, clause, others)
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


def _continue(text: str, f: SentenceFacts, draft: Draft) -> None:
    """Add what a continuing sentence says; its speakers count only if it says something of the strike."""
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
        adds |= add_targets(f, draft, None)
        if f.strong and f.weapons:
            add_weapons(f, draft, None)
            adds = True
        for clause, cues in f.clause_cues.items():
            if cues:
                read_outcome(text, f, clause, draft)
    adds |= add_counts(text, f, draft)
    if adds:
        add_voices(f, draft)
