"""Which places of a clause a target word belongs to, when the clause pairs them.

"an oil refinery in the Saratov region and a substation in the Belgorod region": the
refinery is Saratov's, the substation Belgorod's. The pairings, strongest first:

1. the place names the target: "Kherson's thermal power plant", "the Kremenchuk refinery";
2. the target's noun phrase ends at a place: "TARGET (and TARGET, …) in|at|near|of PLACE",
   also "TARGET was damaged in PLACE" (no active verb, no "and in" between);
3. the place frames what follows it: "In PLACE, drones hit TARGET", "PLACE, where …",
   "struck PLACE overnight, damaging TARGET".

A pairing with one place of a list ("in the A and B regions") holds for the whole list. A
target no pairing reaches is shared by every place of the clause.
"""

from __future__ import annotations

import re

from ..model.place import PlaceMention
from .cues import STRONG
from .lexicon import WordMatch

# The place names the target: "Kherson's thermal power plant", "the Kherson TPP".
_NAMES_TARGET = re.compile(r"(?:['’]s\s+(?:[\w'’-]+\s+){0,2}|\s+)")
# Up to three describing words between a place word and the place ("in occupied Luhansk",
# "in Russia's Ryazan region", "in the city of Izmail").
_DESCRIBING = (r"(?:the\s+)?(?:(?!(?:and|or|but|then|where|while)\b)[\w'’-]+\s+){0,3}?"
               r"(?:(?:city|town|village|settlement|port|capital|region|oblast|district)\s+of\s+)?$")
# The words that tie a noun phrase to the place right after them.
_TIES_TO_PLACE = re.compile(r"\b(?:in|at|near|outside|around|of|close to|outskirts of)\s+" + _DESCRIBING, re.I)
# A noun phrase ends before these words: what follows is a new statement ("…, and in Sumy").
_JOINS_STATEMENTS = re.compile(r"(?:,|\b(?:and|or|then|also|but|while|as well))\s*$", re.I)
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$", re.I)
# "PLACE, where …", "struck PLACE overnight, damaging …": what follows the comma is the place's.
_PLACE_CLAUSE_AFTER = re.compile(r"^(?:\s+[\w'’-]+){0,3}\s*,\s+(?:where|[a-z]+ing)\b")
# "In PLACE, …": a place word opening a clause, or after "and", "while" or a comma.
_FRAME_PREP = re.compile(r"\b(?:in|at|near|over|outside)\s+" + _DESCRIBING, re.I)
_OPENS_AFTER = (",", ";", ":", " and", " while", " meanwhile")
# Between two members of one list: "A, B and C", "the A region and the B region".
_LIST_GAP = re.compile(r"(?:\s+(?:region|oblast))?\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)(?:the\s+)?", re.I)
_NAMED_REACH = 30  # characters from a place to the target it names
_TIE_REACH = 90  # characters from a target to the place its noun phrase ends at
_FRAME_REACH = 40  # characters before a place where its place word may stand


def own_targets(text: str, words: list[WordMatch], mention: PlaceMention, clause: tuple[int, int],
                places: list[PlaceMention]) -> list[WordMatch]:
    """The target words of a clause that belong to `mention`: those paired with it or with no place.

    `places`: the clause's places, `mention` among them, in text order.
    """
    own = []
    for word in words:
        if not clause[0] <= word.start < clause[1]:
            continue
        if len(places) > 1:
            owners = paired_places(text, word.start, word.end, places, clause[0])
            if owners is not None and all(p is not mention for p in owners):
                continue
        own.append(word)
    return own


def paired_places(text: str, start: int, end: int, places: list[PlaceMention],
                  clause_start: int = 0) -> list[PlaceMention] | None:
    """The places of a clause (in text order) that the target word text[start:end] belongs to.

    None when no pairing reaches it: the target is shared by all of them.
    """
    before = [p for p in places if p.end <= start]
    after = [p for p in places if p.start >= end]
    owner = None
    if before and _names_target(text, before[-1], start):
        owner = before[-1]
    elif after and _tied_to(text, end, after[0]):
        owner = after[0]
    elif before and _frames(text, before[-1], start, clause_start):
        owner = before[-1]
    if owner is None:
        return None
    return [p for p in places if p is owner or listed_together(text, owner, p, places)]


def listed_together(text: str, a: PlaceMention, b: PlaceMention, places: list[PlaceMention]) -> bool:
    """True when a and b belong to one list ("in the A, B and C regions"): they share its targets."""
    first, last = (a, b) if a.start < b.start else (b, a)
    between = [p for p in places if first.start <= p.start <= last.start]
    return all(_LIST_GAP.fullmatch(text, x.end, y.start) for x, y in zip(between, between[1:]))


def _names_target(text: str, place: PlaceMention, start: int) -> bool:
    """"Kherson's power plant", "the Kherson TPP": the place's name stands right before the target."""
    if start - place.end > _NAMED_REACH:
        return False
    gap = _NAMES_TARGET.fullmatch(text, place.end, start)
    return gap is not None and not STRONG.search(gap.group()) and " and " not in gap.group()


def _tied_to(text: str, end: int, place: PlaceMention) -> bool:
    """"a refinery (and a depot) in PLACE": the target's noun phrase ends at the place."""
    if place.start - end > _TIE_REACH:
        return False
    gap = text[end:place.start]
    tie = _TIES_TO_PLACE.search(gap)
    if tie is None or any(ch in gap for ch in ";:—–") or STRONG.search(tie.group()):
        return False
    phrase = gap[:tie.start()]
    if _JOINS_STATEMENTS.search(phrase):
        return False  # "a school, and in Sumy …": the place opens another statement
    verb = STRONG.search(phrase)
    return verb is None or (_PASSIVE.search(phrase, 0, verb.start()) is not None and STRONG.search(phrase, verb.end()) is None)


def _frames(text: str, place: PlaceMention, start: int, clause_start: int) -> bool:
    """"In PLACE, drones hit TARGET", "PLACE, where TARGET", "hit PLACE, damaging TARGET"."""
    if _PLACE_CLAUSE_AFTER.match(text[place.end:start]):
        return True
    window = max(clause_start, place.start - _FRAME_REACH)
    prep = _FRAME_PREP.search(text[window:place.start])
    if prep is None:
        return False
    opening = " " + text[clause_start:window + prep.start()].lower().rstrip().lstrip(" \"“‘'(")
    return opening == " " or opening.endswith(_OPENS_AFTER)
