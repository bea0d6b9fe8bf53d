"""What each sentence says, read once: cues, places, times, actor, weapons, speakers, doubts.

Later stages (incidents.py, claims.py) only combine these facts; nothing here decides
what an incident is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..model.place import PlaceMention
from .actors import ActorMention, find_actor
from .attribution import Speaker, find_speakers
from .counts import Quantity, find_quantities
from .cues import DELIBERATE, DENIAL, HABITUAL, HEDGE, INTENT_WORDS, Cue, find_cues, has_stem
from .lexicon import WeaponMatch, WordMatch, find_targets, find_weapons
from .sentences import Sentence

# Words that point back at a strike already told: the sentence continues that story.
ANAPHORA = re.compile(
    r"\b(?:the|this|that|these|those|its)\s+(?:(?:same|latest|overnight|drone|missile|combined|russian|ukrainian)\s+)?"
    r"(?:strikes?|attacks?|shelling|facility|station|plant|site|city|town|village|settlement|incident|blast|"
    r"explosions?|fire|depot|refinery|substation|allegations?|accusations?|missiles?|drones?|bombs?|rockets?|shells?)\b"
    r"|\bit was (?:hit|struck|attacked|targeted|damaged|shelled)\b|\bthey were (?:hit|struck|damaged|deliberately)\b",
    re.I,
)


_DENIAL_STEMS = ("den", "reject", "dismiss", "refut", "disput", "baseless", "groundless", "fake", "fabricat", "lie", "false")
_DELIBERATE_STEMS = ("deliberat", "intention", "purpose", "accident")
_HABITUAL_STEMS = ("repeated", "regular", "routine", "frequent", "often", "constant", "daily", "every ", "nightly",
                   " times", "time and again", "since", "throughout", "previous", "in the past", "earlier this", "last ")
_SPEAKER_MEMORY = 12  # earlier speakers kept to resolve "it added", "the ministry said"


@dataclass
class SentenceFacts:
    """The facts of one sentence, each with its span in the report's text."""

    sentence: Sentence
    cues: list[Cue]
    places: list[PlaceMention]  # mentions that can be the scene of a strike
    seats: list[PlaceMention]  # places in officials' titles ("Belgorod Governor")
    times: list[Any]  # resolve.times.TimeMention
    actor: ActorMention | None
    weapons: list[WeaponMatch]
    targets: list[WordMatch]  # only in clauses with a strong cue
    speakers: list[Speaker]
    quantities: list[Quantity]
    denial: re.Match | None
    hedge: re.Match | None  # a doubt about whether the target was meant
    deliberate: re.Match | None
    anaphora: re.Match | None
    named: int = 0  # every place the gazetteer found in the sentence, countries and sides' capitals too
    habitual: bool = False  # background ("has been hit repeatedly"): no incident of its own
    in_denial: bool = False  # said in the voice of a denial earlier in the paragraph: no attacker read here
    clause_cues: dict[tuple[int, int], list[Cue]] = field(default_factory=dict)

    text: str = ""  # the sentence's words

    @property
    def denies(self) -> bool:
        """True when the sentence denies, or continues a denial of, what others said."""
        return self.denial is not None or self.in_denial

    @property
    def strong(self) -> bool:
        """True when the sentence has a strong attack cue."""
        return any(c.kind == "strong" for c in self.cues)

    def cues_in(self, clause: tuple[int, int]) -> list[Cue]:
        """The cues inside one clause of the sentence."""
        return self.clause_cues.get(clause, [])


def read_sentences(
    text: str, sentences: list[Sentence], places: list[PlaceMention], times: list[Any],
    seats: list[PlaceMention] = (),
    mentions: list[PlaceMention] = (),
) -> list[SentenceFacts]:
    """The facts of every sentence, in order; speakers resolve pronouns within a paragraph."""
    out: list[SentenceFacts] = []
    place_i = time_i = seat_i = named_i = 0
    speakers_so_far: list[Speaker] = []
    paragraph = -1
    for s in sentences:
        if s.paragraph != paragraph + 1 and s.paragraph != paragraph:
            speakers_so_far = speakers_so_far[-3:]
        paragraph = s.paragraph
        own_places, place_i = _within(places, place_i, s)
        own_times, time_i = _within(times, time_i, s)
        own_seats, seat_i = _within(list(seats), seat_i, s)
        facts = _read_one(text, s, own_places, own_times, speakers_so_far)
        facts.seats = own_seats
        own_named, named_i = _within(list(mentions), named_i, s)
        facts.named = len(own_named)
        same_paragraph = bool(out) and out[-1].sentence.paragraph == s.paragraph
        if not facts.speakers and same_paragraph and out[-1].speakers and _quoted(text, out[-1].sentence.start, s):
            facts.speakers = out[-1].speakers[-1:]  # a quote that runs on: the same speaker
        if same_paragraph and out[-1].denies and not facts.denial:
            # "X rejected the allegations ... 'Russian forces continue to ...', the General Staff said."
            facts.in_denial, facts.actor = True, None
        speakers_so_far = (speakers_so_far + facts.speakers)[-_SPEAKER_MEMORY:]
        out.append(facts)
    return out


def _read_one(text: str, s: Sentence, places, times, previous: list[Speaker]) -> SentenceFacts:
    cues = find_cues(text, s.start, s.end)
    clause_cues = {c: [cue for cue in cues if c[0] <= cue.start < c[1]] for c in s.clauses}
    targets: list[WordMatch] = []
    for clause, its_cues in clause_cues.items():
        if any(c.kind in ("strong", "intercept", "weak") for c in its_cues):
            targets.extend(find_targets(text, *clause))
    low = text[s.start:s.end].lower()
    denial = DENIAL.search(text, s.start, s.end) if has_stem(low, _DENIAL_STEMS) else None
    hedge = HEDGE.search(text, s.start, s.end) if has_stem(low, ("clear", "known", "certain")) else None
    if hedge is not None and not INTENT_WORDS.search(text, hedge.end(), s.end):
        hedge = None  # a doubt about something else ("whether he ordered ...")
    return SentenceFacts(
        sentence=s,
        cues=cues,
        places=places,
        seats=[],
        times=times,
        actor=None if denial else find_actor(text, s.start, s.end),
        weapons=find_weapons(text, s.start, s.end),
        targets=targets,
        speakers=find_speakers(text, s.start, s.end, previous),
        quantities=find_quantities(text, s.start, s.end),
        denial=denial,
        hedge=hedge,
        deliberate=None if hedge or not has_stem(low, _DELIBERATE_STEMS) else DELIBERATE.search(text, s.start, s.end),
        anaphora=ANAPHORA.search(text, s.start, s.end),
        habitual=has_stem(low, _HABITUAL_STEMS) and HABITUAL.search(text, s.start, s.end) is not None,
        text=text[s.start:s.end],
        clause_cues=clause_cues,
    )


def _quoted(text: str, paragraph_from: int, s: Sentence) -> bool:
    """True when the sentence opens a quote or sits inside one left open before it."""
    if text[s.start] in "“\"":
        return True
    before = text[paragraph_from:s.start]
    return before.count("“") > before.count("”") or before.count('"') % 2 == 1


def _within(items: list, i: int, s: Sentence) -> tuple[list, int]:
    """The items (sorted by start) that lie in sentence `s`, and the index to resume from."""
    while i < len(items) and items[i].start < s.start:
        i += 1
    j = i
    while j < len(items) and items[j].start < s.end:
        j += 1
    return [x for x in items[i:j] if x.end <= s.end], j
