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

# The place names the target: "Kherson's thermal power plant", "the Kherson TPP".
_NAMES_TARGET = re.compile(r"(?:['’]s?\s+(?:[\w'’-]+\s+){0,2}|\s+)")
# The words that tie a noun phrase to the place right after them.
_TIES_TO_PLACE = re.compile(
    r"\b(?:in|at|near|outside|around|of|close to|outskirts of)\s+(?:the\s+)?"
    r"(?:(?:city|town|village|settlement|port|capital|region|oblast|district)\s+of\s+)?$",
    re.I,
)
# A noun phrase ends before these words: what follows is a new statement ("…, and in Sumy").
_JOINS_STATEMENTS = re.compile(r"(?:,|\b(?:and|or|then|also|but|while|as well))\s*$", re.I)
_PASSIVE = re.compile(r"\b(?:was|were|been|being|is|are)\s+(?:\w+ly\s+)?$", re.I)
# "PLACE, where …", "struck PLACE overnight, damaging …": what follows the comma is the place's.
_PLACE_CLAUSE_AFTER = re.compile(r"^(?:\s+[\w'’-]+){0,3}\s*,\s+(?:where|[a-z]+ing)\b")
# "In PLACE, …" opening a clause, or after "and"/"while" or a comma.
_FRAME_BEFORE = re.compile(r"(?:^|[,;:]|\b(?:and|while|meanwhile))\s*(?:in|at|near|over|outside)\s+(?:the\s+)?$", re.I)
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)(?:the\s+)?", re.I)
_NAMED_REACH = 30  # characters from a place to the target it names
_TIE_REACH = 90  # characters from a target to the place its noun phrase ends at
_FRAME_REACH = 40  # characters before a place that may open a frame


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
    if tie is None or any(ch in gap for ch in ";:—–"):
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
    opening = text[max(clause_start, place.start - _FRAME_REACH):place.start]
    frame = _FRAME_BEFORE.search(opening)
    if frame is None:
        return False
    # "^" of the pattern holds only where the window is the clause's own start
    return frame.start() > 0 or opening[:1] in ",;:" or place.start - _FRAME_REACH <= clause_start
